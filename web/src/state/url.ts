// The one encoding of the shareable view state in the query string (web contract): every view reads
// and writes its filter through this module, so a link reproduces the view.

export const STATUSES = ['ANNOUNCED', 'CANCELLED', 'OCCURRED', 'SCHEDULED'] as const;
export type Status = (typeof STATUSES)[number];
export const INTERVALS = ['WEEK', 'MONTH', 'YEAR'] as const;
export type IntervalName = (typeof INTERVALS)[number];

export interface Filter {
  actors: string[];
  a?: string;
  b?: string;
  roots: string[];
  codes: string[];
  quads: number[];
  statuses: Status[];
  from?: string;
  to?: string;
  place?: string;
  text?: string;
}

export interface DyadState {
  a?: string;
  b?: string;
  interval: IntervalName;
  period?: string;
}

export const emptyFilter = (): Filter => ({ actors: [], roots: [], codes: [], quads: [], statuses: [] });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ROOT = /^\d{2}$/;
const CODE = /^\d{2,4}$/;

const unique = <T>(values: T[]): T[] => [...new Set(values)];
const nonBlank = (v: string | null): string | undefined => (v != null && v.trim() !== '' ? v.trim() : undefined);
const date = (v: string | null): string | undefined => {
  const s = nonBlank(v);
  return s && ISO_DATE.test(s) ? s : undefined;
};

/** Reads a filter from a query string; what does not parse is dropped rather than sent to the API. */
export function decodeFilter(search: string | URLSearchParams): Filter {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search;
  const all = (name: string) => unique(q.getAll(name).map((v) => v.trim()).filter((v) => v !== ''));
  return {
    actors: all('actor'),
    a: nonBlank(q.get('a')),
    b: nonBlank(q.get('b')),
    roots: all('root').filter((v) => ROOT.test(v)).sort(),
    codes: all('code').filter((v) => CODE.test(v)).sort(),
    quads: unique(all('quad').map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 4)).sort(),
    statuses: all('status').filter((s): s is Status => (STATUSES as readonly string[]).includes(s)).sort(),
    from: date(q.get('from')),
    to: date(q.get('to')),
    place: nonBlank(q.get('place')),
    text: nonBlank(q.get('text')),
  };
}

/** The canonical query string of a filter (fixed parameter order, no empty values), without "?". */
export function encodeFilter(f: Filter): string {
  const q = new URLSearchParams();
  unique(f.actors).forEach((id) => q.append('actor', id));
  if (f.a) q.set('a', f.a);
  if (f.b) q.set('b', f.b);
  [...unique(f.roots)].sort().forEach((r) => q.append('root', r));
  [...unique(f.codes)].sort().forEach((c) => q.append('code', c));
  [...unique(f.quads)].sort().forEach((n) => q.append('quad', String(n)));
  [...unique(f.statuses)].sort().forEach((s) => q.append('status', s));
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.place) q.set('place', f.place);
  if (f.text?.trim()) q.set('text', f.text.trim());
  return q.toString();
}

export function decodeDyad(search: string | URLSearchParams): DyadState {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search;
  const interval = q.get('interval');
  return {
    a: nonBlank(q.get('a')),
    b: nonBlank(q.get('b')),
    interval: (INTERVALS as readonly string[]).includes(interval ?? '') ? (interval as IntervalName) : 'MONTH',
    period: date(q.get('period')),
  };
}

export function encodeDyad(d: DyadState): string {
  const q = new URLSearchParams();
  if (d.a) q.set('a', d.a);
  if (d.b) q.set('b', d.b);
  q.set('interval', d.interval);
  if (d.period) q.set('period', d.period);
  return q.toString();
}

/** The GraphQL EventFilter for a filter state (only the parts that are set). */
export function toEventFilter(f: Filter) {
  return {
    ...(f.actors.length ? { actorIds: f.actors } : {}),
    ...(f.a && f.b ? { dyad: { a: f.a, b: f.b } } : {}),
    ...(f.roots.length ? { rootCodes: f.roots } : {}),
    ...(f.codes.length ? { codes: f.codes } : {}),
    ...(f.quads.length ? { quadClasses: f.quads } : {}),
    ...(f.statuses.length ? { statuses: f.statuses } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.place ? { placeIds: [f.place] } : {}),
    ...(f.text ? { text: f.text } : {}),
  };
}

/** The last day of the period that starts on `start` (the dyad's periods are given by their first day). */
export function periodEnd(start: string, interval: IntervalName): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (interval === 'WEEK') d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === 'MONTH') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else d.setUTCFullYear(d.getUTCFullYear() + 1, 0, 0);
  return d.toISOString().slice(0, 10);
}
