// An actor's relationships and those of the actors it is related to (one step further), as edges
// "subject — label — object": how Witkoff (envoy of the United States) reaches Trump (its president).

export interface RelNode {
  id: string;
  name: string;
  kind?: string;
}

interface Rel {
  id: string;
  type: string;
  title?: string | null;
  since?: string | null;
  until?: string | null;
  direction: string;
  otherId: string;
  other?: (RelNode & { relationships?: Rel[] | null }) | null;
}

export interface Edge {
  id: string;
  from: RelNode;
  to: RelNode;
  label: string;
  since?: string | null;
  until?: string | null;
  /** 1: the actor's own relationship; 2: one of a related actor's. */
  degree: 1 | 2;
}

const TYPE_LABELS: Record<string, string> = {
  HOLDS_OFFICE_IN: 'holds office in',
  MEMBER_OF: 'member of',
  RELATIVE_OF: 'relative of',
  REPRESENTS: 'represents',
  SECTOR_OF: 'part of',
};

export const relationshipLabel = (type: string, title?: string | null) => (title ? `${title} of` : TYPE_LABELS[type] ?? type.toLowerCase());

export function relationshipEdges(actor: RelNode & { relationships?: Rel[] | null }): Edge[] {
  const edges = new Map<string, Edge>();
  const add = (self: RelNode, r: Rel, degree: 1 | 2) => {
    if (edges.has(r.id)) return;
    const other: RelNode = r.other ?? { id: r.otherId, name: 'actor unavailable' };
    const [from, to] = r.direction === 'OUTGOING' ? [self, other] : [other, self];
    edges.set(r.id, { id: r.id, from, to, label: relationshipLabel(r.type, r.title), since: r.since, until: r.until, degree });
  };
  for (const r of actor.relationships ?? []) add(actor, r, 1);
  for (const r of actor.relationships ?? []) {
    if (!r.other) continue;
    for (const r2 of r.other.relationships ?? []) add(r.other, r2, 2);
  }
  return [...edges.values()];
}
