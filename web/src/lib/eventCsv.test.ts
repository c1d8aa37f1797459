import { describe, expect, it } from 'vitest';
import type { EventFieldsFragment } from '../gql/graphql';
import { csvLine } from './csv';
import { EVENT_CSV_HEADER, eventCells } from './eventCsv';

const demand = {
  id: 'e002', version: 0, title: 'Putin demands Ukrainian withdrawal', summary: null, start: '2025-11-27', end: '2025-11-27',
  precision: 'DAY', status: 'OCCURRED', code: '106',
  type: { code: '106', name: 'Demand withdrawal', rootCode: '10', quadClass: 3, goldstein: -5 },
  participants: [
    { role: 'SOURCE', actorId: 'a001', actor: { id: 'a001', name: 'Vladimir Putin', kind: 'PERSON' } },
    { role: 'TARGET', actorId: 'a009', actor: null },
  ],
  locationId: 'f008',
  location: { id: 'f008', name: 'Bishkek', kind: 'CITY', latitude: 42.87, longitude: 74.59, parent: { id: 'f007', name: 'Kyrgyzstan', parent: null } },
  subjects: [{ id: 'f002', name: 'Crimea', kind: 'TERRITORY', status: null, parent: null }, { id: 'f004', name: 'Luhansk', kind: 'REGION', status: null, parent: null }, { id: 'f005', name: 'Donetsk', kind: 'REGION', status: null, parent: null }],
  sources: [{ id: 'c1', title: 'Putin doubles down', publisher: 'Example News', url: 'https://example.org/a', excerpt: null, publishedAt: null, speakerId: null, speaker: null }],
  related: [],
} as unknown as EventFieldsFragment;

describe('events as CSV rows', () => {
  it('has one cell per header column, with the facts an analyst filters on', () => {
    const cells = eventCells(demand);
    expect(cells).toHaveLength(EVENT_CSV_HEADER.length);
    const row = Object.fromEntries(EVENT_CSV_HEADER.map((h, i) => [h, cells[i]]));
    expect(row).toMatchObject({
      id: 'e002', code: '106', type: 'Demand withdrawal', root_code: '10', quad_class: 3, goldstein: -5,
      participants: 'Vladimir Putin (SOURCE); a009 (TARGET)', place: 'Bishkek, Kyrgyzstan',
      territories_at_stake: 'Crimea; Luhansk; Donetsk', sources: 'Example News — Putin doubles down — https://example.org/a',
    });
    expect(csvLine(cells)).toContain('"Bishkek, Kyrgyzstan"');
  });
});
