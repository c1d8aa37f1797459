import { useMemo, useState } from 'preact/hooks';
import { EventResults } from '../components/EventResults';
import { FilterForm, type KnownPlace } from '../components/FilterForm';
import type { EventFieldsFragment } from '../gql/graphql';
import { downloadEventsCsv } from '../lib/eventCsv';
import { navigate } from '../router';
import { decodeFilter, encodeFilter, toEventFilter, type Filter } from '../state/url';

/** Places of the shown events, their territories at stake and the places those lie in. */
function placesOf(events: EventFieldsFragment[]): KnownPlace[] {
  const byId = new Map<string, string>();
  const add = (p: { id: string; name: string; parent?: unknown } | null | undefined) => {
    for (let q = p; q; q = q.parent as typeof q) byId.set(q.id, q.name);
  };
  events.forEach((e) => {
    add(e.location);
    (e.subjects ?? []).forEach(add);
  });
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export function EventsView({ search }: { search: string }) {
  const filter = useMemo(() => decodeFilter(search), [search]);
  const gqlFilter = useMemo(() => toEventFilter(filter), [filter]);
  const [places, setPlaces] = useState<KnownPlace[]>([]);
  const [csv, setCsv] = useState<{ rows?: number; error?: string; busy: boolean }>({ busy: false });
  const change = (f: Filter) => {
    const q = encodeFilter(f);
    navigate(`/events${q ? `?${q}` : ''}`);
  };
  const download = async () => {
    setCsv({ busy: true, rows: 0 });
    try {
      await downloadEventsCsv(gqlFilter, (rows) => setCsv({ busy: true, rows }));
      setCsv((s) => ({ busy: false, rows: s.rows }));
    } catch (e) {
      setCsv({ busy: false, error: (e as Error).message });
    }
  };
  return (
    <div class="events-view">
      <h1>Events</h1>
      <div class="layout">
        <aside aria-label="Filter">
          <FilterForm filter={filter} onChange={change} places={places} />
        </aside>
        <div class="content">
          <h2 class="sr-only">Matching events</h2>
          <div class="toolbar">
            <button type="button" data-testid="download-csv" onClick={download} disabled={csv.busy}>
              {csv.busy ? `Downloading… ${csv.rows ?? 0} events` : 'Download CSV (all matches)'}
            </button>
            <span role="status" class="muted">
              {!csv.busy && csv.rows != null && !csv.error && `CSV of ${csv.rows} events saved.`}
            </span>
            {csv.error && <span role="alert" class="error">The CSV download failed: {csv.error}</span>}
            <a href={`/map${search}`}>Show on the map</a>
          </div>
          <EventResults filter={gqlFilter} onEvents={(events) => setPlaces(placesOf(events))} />
        </div>
      </div>
    </div>
  );
}
