import { useEffect, useState } from 'preact/hooks';
import type { EventFieldsFragment, EventFilter } from '../gql/graphql';
import { EventsQuery } from '../graphql/documents';
import { describeError, request } from '../graphql/hooks';
import { EventCard } from './EventCard';
import { countText } from '../lib/counts';

interface Props {
  filter: EventFilter;
  pageSize?: number;
  /** Text before the count ("15 events"). */
  label?: string;
  onEvents?: (events: EventFieldsFragment[]) => void;
}

interface State {
  events: EventFieldsFragment[];
  total?: number;
  /** False when the service stopped counting at its limit: the total is "10,000+". */
  exact: boolean;
  endCursor?: string | null;
  hasNext: boolean;
  loading: boolean;
  error?: string;
}

/** The events of a filter, a page at a time ("Load more" follows the cursor). */
export function EventResults({ filter, pageSize = 20, label, onEvents }: Props) {
  const key = JSON.stringify(filter);
  const [state, setState] = useState<State>({ events: [], exact: true, hasNext: false, loading: true });

  const load = async (after: string | undefined, previous: EventFieldsFragment[], live: () => boolean) => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const r = await request(EventsQuery, { filter, first: pageSize, after });
    if (!live()) return;
    const conn = r.data?.events;
    if (!conn) {
      setState((s) => ({ ...s, loading: false, error: describeError(r.error) ?? 'The events could not be loaded.' }));
      return;
    }
    const events = [...previous, ...conn.edges.map((e) => e.node)];
    setState({ events, total: conn.totalCount, exact: conn.totalCountIsExact, endCursor: conn.pageInfo.endCursor, hasNext: conn.pageInfo.hasNextPage, loading: false, error: describeError(r.error) });
    onEvents?.(events);
  };

  useEffect(() => {
    let live = true;
    setState({ events: [], exact: true, hasNext: false, loading: true });
    load(undefined, [], () => live);
    return () => {
      live = false;
    };
  }, [key, pageSize]);

  return (
    <section class="results" aria-busy={state.loading}>
      <p data-testid="result-count" role="status" class="count">
        {state.total == null ? (state.loading ? 'Loading events…' : '') : `${label ? `${label}: ` : ''}${countText(state.total, state.exact)}${state.events.length < state.total ? ` (showing ${state.events.length})` : ''}`}
      </p>
      {state.error && <p role="alert" class="error">{state.error}</p>}
      {!state.loading && !state.error && state.total === 0 && <p class="empty">No events match this filter.</p>}
      <ol data-testid="event-list" class="event-list">
        {state.events.map((e) => <li key={e.id}><EventCard event={e} /></li>)}
      </ol>
      {state.hasNext && (
        <button type="button" data-testid="load-more" disabled={state.loading} onClick={() => load(state.endCursor ?? undefined, state.events, () => true)}>
          {state.loading ? 'Loading…' : `Load ${pageSize} more`}
        </button>
      )}
    </section>
  );
}
