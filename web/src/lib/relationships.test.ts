import { describe, expect, it } from 'vitest';
import { relationshipEdges } from './relationships';

const us = { id: 'a010', name: 'United States', kind: 'STATE' };
const trump = { id: 'a002', name: 'Donald Trump', kind: 'PERSON' };
const witkoff = {
  id: 'a003', name: 'Steve Witkoff', kind: 'PERSON',
  relationships: [{
    id: 'd003', type: 'REPRESENTS', title: 'Special Envoy', direction: 'OUTGOING', otherId: 'a010',
    other: { ...us, relationships: [
      { id: 'd002', type: 'HOLDS_OFFICE_IN', title: 'President', direction: 'INCOMING', otherId: 'a002', other: trump },
      { id: 'd003', type: 'REPRESENTS', title: 'Special Envoy', direction: 'INCOMING', otherId: 'a003', other: { id: 'a003', name: 'Steve Witkoff' } },
    ] },
  }],
};

describe('relationship edges', () => {
  it("reaches one step beyond the actor's own relationships, each edge once", () => {
    const edges = relationshipEdges(witkoff);
    expect(edges.map((e) => `${e.from.name} — ${e.label} — ${e.to.name}`)).toEqual([
      'Steve Witkoff — Special Envoy of — United States',
      'Donald Trump — President of — United States',
    ]);
    expect(edges.map((e) => e.degree)).toEqual([1, 2]);
  });

  it('names the type when there is no title, and survives an unavailable actor', () => {
    const edges = relationshipEdges({ id: 'x', name: 'X', relationships: [{ id: 'r', type: 'MEMBER_OF', direction: 'OUTGOING', otherId: 'y', other: null }] });
    expect(edges[0]).toMatchObject({ label: 'member of', to: { id: 'y', name: 'actor unavailable' } });
  });
});
