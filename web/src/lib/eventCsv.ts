import type { EventFieldsFragment, EventFilter } from '../gql/graphql';
import { EventsCsvQuery } from '../graphql/documents';
import { describeError, request } from '../graphql/hooks';
import { csvChunks, downloadCsv, type Cell } from './csv';
import { placePath } from '../components/EventCard';

export const EVENT_CSV_HEADER = [
  'id', 'start', 'end', 'precision', 'status', 'code', 'type', 'root_code', 'quad_class', 'goldstein',
  'title', 'summary', 'participants', 'place', 'territories_at_stake', 'sources',
];

export function eventCells(e: EventFieldsFragment): Cell[] {
  return [
    e.id, e.start, e.end, e.precision, e.status, e.code, e.type?.name, e.type?.rootCode, e.type?.quadClass, e.type?.goldstein,
    e.title, e.summary,
    e.participants.map((p) => `${p.actor?.name ?? p.actorId} (${p.role})`).join('; '),
    placePath(e.location).join(', '),
    (e.subjects ?? []).map((s) => s.name).join('; '),
    e.sources.map((s) => [s.publisher, s.title, s.url].filter(Boolean).join(' — ')).join('; '),
  ];
}

/** Downloads every event of the filter as CSV, 100 per request, page after page. */
export function downloadEventsCsv(filter: EventFilter, onProgress: (rows: number) => void): Promise<void> {
  const chunks = csvChunks(EVENT_CSV_HEADER, eventCells, async (after) => {
    const r = await request(EventsCsvQuery, { filter, after });
    const conn = r.data?.events;
    if (!conn || r.error) throw new Error(describeError(r.error) ?? 'a page could not be loaded');
    return { items: conn.edges.map((edge) => edge.node), endCursor: conn.pageInfo.endCursor, hasNextPage: conn.pageInfo.hasNextPage };
  }, onProgress);
  return downloadCsv(`parley-events-${new Date().toISOString().slice(0, 10)}.csv`, chunks);
}
