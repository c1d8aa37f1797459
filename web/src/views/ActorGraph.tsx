// Cytoscape (a separate chunk) draws the relationship edges; the list above it says the same in text.
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import { navigate } from '../router';
import type { Edge } from '../lib/relationships';

export default function ActorGraph({ actorId, edges }: { actorId: string; edges: Edge[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const nodes = new Map<string, string>();
    edges.forEach((e) => {
      nodes.set(e.from.id, e.from.name);
      nodes.set(e.to.id, e.to.name);
    });
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...[...nodes].map(([id, name]) => ({ data: { id, name }, classes: id === actorId ? 'self' : '' })),
        ...edges.map((e) => ({ data: { id: `e-${e.id}`, source: e.from.id, target: e.to.id, label: e.label } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(name)', 'background-color': '#285aa0', color: '#1a1a1a', 'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 4 } },
        { selector: 'node.self', style: { 'background-color': '#8a4f00', width: 36, height: 36 } },
        { selector: 'edge', style: { label: 'data(label)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 2, 'line-color': '#888', 'target-arrow-color': '#888', 'font-size': 9, color: '#444', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 1 } },
      ],
      layout: { name: 'cose', animate: false, padding: 30 },
      userZoomingEnabled: true,
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (evt) => navigate(`/actors/${encodeURIComponent(evt.target.id())}`));
    return () => cy.destroy();
  }, [actorId, edges]);
  return <div ref={box} data-testid="actor-graph" class="graph" role="img" aria-label={`Graph of ${edges.length} relationships; the list above names each of them`} />;
}
