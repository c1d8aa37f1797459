import type { EventFieldsFragment } from '../gql/graphql';
import { goldsteinColour, goldsteinLabel } from '../lib/goldstein';
import { formatEventDate, formatGoldstein, lower, QUAD_NAMES } from '../lib/format';

type Place = { id: string; name: string; parent?: Place | null };

/** "Bishkek, Kyrgyzstan": a place with the places it lies in. */
export function placePath(place: Place | null | undefined): string[] {
  const names: string[] = [];
  for (let p = place; p; p = p.parent) names.push(p.name);
  return names;
}

export function EventCard({ event }: { event: EventFieldsFragment }) {
  const g = event.type?.goldstein;
  return (
    <article class="event" data-testid="event-card" data-event-id={event.id} id={`event-${event.id}`} aria-labelledby={`event-${event.id}-title`}>
      <header class="event-head">
        <span
          class="goldstein"
          data-testid="event-goldstein"
          style={{ background: goldsteinColour(g) }}
          title={`Goldstein ${formatGoldstein(g)}: ${goldsteinLabel(g)}`}
          aria-label={`Goldstein score ${formatGoldstein(g)}, ${goldsteinLabel(g)}`}
        >
          {formatGoldstein(g)}
        </span>
        <h3 id={`event-${event.id}-title`} data-testid="event-title">{event.title}</h3>
      </header>
      <p class="event-meta">
        <time data-testid="event-date" dateTime={event.start ?? undefined}>{formatEventDate(event.start, event.precision)}</time>
        {event.precision && <span class="muted"> ({lower(event.precision)} precision)</span>}
        {' · '}<span class={`status status-${(event.status ?? '').toLowerCase()}`}>{lower(event.status ?? 'unknown status')}</span>
        {' · '}<span>{event.type ? `${event.type.name} (CAMEO ${event.code})` : `CAMEO ${event.code}`}</span>
        {event.type && <span class="muted"> · {QUAD_NAMES[event.type.quadClass]}</span>}
      </p>
      {event.summary && <p class="summary">{event.summary}</p>}
      <dl class="event-facts">
        <dt>Participants</dt>
        <dd>
          <ul data-testid="event-participants" class="inline-list">
            {event.participants.map((p) => (
              <li key={`${p.actorId}-${p.role}`}>
                <a href={`/actors/${encodeURIComponent(p.actorId)}`}>{p.actor?.name ?? 'actor unavailable'}</a>{' '}
                <span class="role">{lower(p.role)}</span>
              </li>
            ))}
            {!event.participants.length && <li class="muted">none recorded</li>}
          </ul>
        </dd>
        <dt>Place</dt>
        <dd data-testid="event-place">
          {event.location ? (
            <a href={`/events?place=${encodeURIComponent(event.location.id)}`} title="Events in this place">{placePath(event.location).join(', ')}</a>
          ) : (
            <span class="muted">{event.locationId ? 'place unavailable' : 'not given'}</span>
          )}
        </dd>
        <dt>At stake</dt>
        <dd>
          <ul data-testid="event-subjects" class="inline-list">
            {(event.subjects ?? []).map((s) => (
              <li key={s.id}>
                <a href={`/events?place=${encodeURIComponent(s.id)}`}>{s.name}</a>
                {s.parent && <span class="muted"> ({s.parent.name})</span>}
                {s.status && <span class="muted"> — {s.status}</span>}
              </li>
            ))}
            {!(event.subjects ?? []).length && <li class="muted">no territory</li>}
          </ul>
        </dd>
        <dt>Sources</dt>
        <dd>
          <ul data-testid="event-sources" class="sources">
            {event.sources.map((s, i) => (
              <li key={s.id ?? i}>
                {s.publisher && <strong>{s.publisher}</strong>}{s.publisher && ': '}
                {s.url ? <a href={s.url} rel="noopener noreferrer" target="_blank">{s.title ?? s.url}</a> : s.title}
                {s.publishedAt && <span class="muted"> ({s.publishedAt.slice(0, 10)})</span>}
                {s.excerpt && (
                  <blockquote>
                    “{s.excerpt}”{s.speaker && <footer>— <a href={`/actors/${encodeURIComponent(s.speaker.id)}`}>{s.speaker.name}</a></footer>}
                  </blockquote>
                )}
              </li>
            ))}
            {!event.sources.length && <li class="muted">no source</li>}
          </ul>
        </dd>
        {event.related.length > 0 && (
          <>
            <dt>Related</dt>
            <dd>
              <ul data-testid="event-related" class="inline-list">
                {event.related.map((r) => (
                  <li key={`${r.kind}-${r.eventId}`}>
                    <span class="role">{lower(r.kind)}</span>{' '}
                    {r.event ? <a href={`/events?text=${encodeURIComponent(r.event.title)}`}>{r.event.title}</a> : <span class="muted">event unavailable</span>}
                    {r.event?.start && <span class="muted"> ({r.event.start})</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
