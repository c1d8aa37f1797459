import { useMemo } from 'preact/hooks';
import { EventResults } from '../components/EventResults';
import { ActorQuery } from '../graphql/documents';
import { describeError, useQuery } from '../graphql/hooks';
import { lazyComponent } from '../lazy';
import { lower } from '../lib/format';
import { relationshipEdges } from '../lib/relationships';

const ActorGraph = lazyComponent(() => import('./ActorGraph'), 'relationship graph');

export default function ActorView({ id }: { id: string }) {
  const { data, error, fetching } = useQuery(ActorQuery, { id });
  const actor = data?.actor;
  const edges = useMemo(() => (actor ? relationshipEdges(actor) : []), [actor]);
  if (fetching && !actor) return <p role="status">Loading the actor…</p>;
  if (!actor) return <><h1>Actor</h1>{error ? <p role="alert" class="error">{describeError(error)}</p> : <p>There is no actor with the id {id}.</p>}</>;
  return (
    <div class="actor-view">
      <h1>{actor.name}</h1>
      {error && <p role="alert" class="error">Part of this page is missing: {describeError(error)}</p>}
      <section data-testid="actor-profile" aria-label="Profile" class="profile">
        <dl>
          <dt>Kind</dt><dd>{lower(actor.kind)}</dd>
          <dt>Aliases</dt><dd data-testid="actor-aliases">{actor.aliases.length ? actor.aliases.join(', ') : <span class="muted">none</span>}</dd>
          <dt>Country</dt><dd data-testid="actor-country">{actor.country ?? <span class="muted">none</span>}</dd>
          <dt>CAMEO code</dt><dd data-testid="actor-cameo">{actor.cameoCode ?? <span class="muted">none</span>}</dd>
          <dt>Wikidata</dt>
          <dd>{actor.wikidataId
            ? <a data-testid="actor-wikidata" href={`https://www.wikidata.org/wiki/${encodeURIComponent(actor.wikidataId)}`} rel="noopener noreferrer" target="_blank">{actor.wikidataId}</a>
            : <span class="muted">not linked</span>}</dd>
        </dl>
        {actor.description && <p>{actor.description}</p>}
        <p>
          <a href={`/events?actor=${encodeURIComponent(actor.id)}`}>All events of {actor.name}</a>
        </p>
      </section>
      <div class="two-col">
        <section aria-labelledby="rel-heading">
          <h2 id="rel-heading">Relationships</h2>
          {edges.length ? (
            <>
              <ul data-testid="actor-relationships" class="relationships">
                {edges.map((e) => (
                  <li key={e.id} data-testid="relationship" class={e.degree === 2 ? 'second' : undefined}>
                    <a href={`/actors/${encodeURIComponent(e.from.id)}`}>{e.from.name}</a> — {e.label} —{' '}
                    <a href={`/actors/${encodeURIComponent(e.to.id)}`}>{e.to.name}</a>
                    {(e.since || e.until) && <span class="muted"> ({e.since ?? '…'} to {e.until ?? 'now'})</span>}
                    {e.degree === 2 && <span class="muted"> (through a related actor)</span>}
                  </li>
                ))}
              </ul>
              <ActorGraph actorId={actor.id} edges={edges} />
            </>
          ) : (
            <p data-testid="actor-relationships" class="empty">No relationship recorded.</p>
          )}
        </section>
        <section aria-labelledby="cp-heading">
          <h2 id="cp-heading">Top counterparts</h2>
          <ol data-testid="actor-counterparts" class="counterparts">
            {(actor.counterparts ?? []).map((c) => (
              <li key={c.actorId}>
                <a href={`/actors/${encodeURIComponent(c.actorId)}`}>{c.actor?.name ?? 'actor unavailable'}</a>{' '}
                <a class="muted" href={`/dyad?a=${encodeURIComponent(actor.id)}&b=${encodeURIComponent(c.actorId)}&interval=MONTH`}>
                  {c.count} {c.count === 1 ? 'event' : 'events'} together
                </a>
              </li>
            ))}
          </ol>
          {!(actor.counterparts ?? []).length && <p class="empty">No event with another actor yet.</p>}
        </section>
      </div>
      <section aria-labelledby="tl-heading" data-testid="actor-timeline">
        <h2 id="tl-heading">Timeline of {actor.name}'s events (newest first)</h2>
        <EventResults filter={{ actorIds: [actor.id] }} pageSize={10} />
      </section>
    </div>
  );
}
