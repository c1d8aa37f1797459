import { describe, expect, it } from 'vitest';
import { decodeDyad, decodeFilter, emptyFilter, encodeDyad, encodeFilter, periodEnd, toEventFilter, type Filter } from './url';

const full: Filter = {
  actors: ['00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-00000000a008'],
  a: '00000000-0000-4000-8000-00000000a008',
  b: '00000000-0000-4000-8000-00000000a010',
  roots: ['04', '10'],
  codes: ['042', '106'],
  quads: [1, 4],
  statuses: ['OCCURRED', 'SCHEDULED'],
  from: '2025-11-01',
  to: '2025-12-31',
  place: '00000000-0000-4000-8000-00000000f008',
  text: 'Crimea & "Donbas" = 100%',
};

describe('filter in the URL', () => {
  it('round-trips every field through the query string', () => {
    expect(decodeFilter(encodeFilter(full))).toEqual(full);
  });

  it('round-trips the empty filter as an empty query string', () => {
    expect(encodeFilter(emptyFilter())).toBe('');
    expect(decodeFilter('')).toEqual({ ...emptyFilter(), a: undefined, b: undefined, from: undefined, to: undefined, place: undefined, text: undefined });
  });

  it('writes one canonical string whatever order the values came in', () => {
    const shuffled = { ...full, roots: ['10', '04'], quads: [4, 1, 4], statuses: ['SCHEDULED', 'OCCURRED'] as Filter['statuses'] };
    expect(encodeFilter(shuffled)).toBe(encodeFilter(full));
    const once = encodeFilter(full);
    expect(encodeFilter(decodeFilter(once))).toBe(once);
  });

  it('uses the contract parameter names', () => {
    const q = new URLSearchParams(encodeFilter(full));
    expect(q.getAll('actor')).toHaveLength(2);
    expect(q.getAll('quad')).toEqual(['1', '4']);
    expect(q.get('text')).toBe(full.text);
    expect([...new Set(q.keys())]).toEqual(['actor', 'a', 'b', 'root', 'code', 'quad', 'status', 'from', 'to', 'place', 'text']);
  });

  it('drops values that would be refused by the API instead of sending them', () => {
    const f = decodeFilter('quad=0&quad=5&quad=x&quad=2&status=LOST&status=OCCURRED&from=27.11.2025&to=2025-12-01&root=4&code=abc&text=%20%20');
    expect(f.quads).toEqual([2]);
    expect(f.statuses).toEqual(['OCCURRED']);
    expect(f.from).toBeUndefined();
    expect(f.to).toBe('2025-12-01');
    expect(f.roots).toEqual([]);
    expect(f.codes).toEqual([]);
    expect(f.text).toBeUndefined();
  });

  it('becomes the GraphQL EventFilter with only the parts that are set', () => {
    expect(toEventFilter(emptyFilter())).toEqual({});
    expect(toEventFilter(full)).toEqual({
      actorIds: full.actors, dyad: { a: full.a, b: full.b }, rootCodes: ['04', '10'], codes: ['042', '106'],
      quadClasses: [1, 4], statuses: ['OCCURRED', 'SCHEDULED'], from: '2025-11-01', to: '2025-12-31',
      placeIds: [full.place], text: full.text,
    });
    expect(toEventFilter({ ...emptyFilter(), a: 'x' })).toEqual({});
  });
});

describe('dyad in the URL', () => {
  it('round-trips actors, interval and period', () => {
    const d = { a: 'A', b: 'B', interval: 'WEEK' as const, period: '2025-11-24' };
    expect(decodeDyad(encodeDyad(d))).toEqual(d);
  });

  it('defaults to months and ignores an unknown interval', () => {
    expect(decodeDyad('a=A&b=B&interval=DECADE').interval).toBe('MONTH');
  });

  it('knows where a period ends', () => {
    expect(periodEnd('2025-11-24', 'WEEK')).toBe('2025-11-30');
    expect(periodEnd('2024-02-01', 'MONTH')).toBe('2024-02-29');
    expect(periodEnd('2025-01-01', 'YEAR')).toBe('2025-12-31');
  });
});
