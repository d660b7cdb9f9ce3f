// The local graph of a page: its nearest nodes, and every edge among them in the view's order. The
// edges are found by pair lookups (a hub's thousands of edges are never scanned per page); this
// compares them with the plain filter over all edges on random views.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localGraph } from '../../src/lib/local-graph.ts';
import type { GraphView, ViewEdge } from '../../src/outputs/graph-view.ts';
import { RELATION_TYPES } from '../../src/pipeline/types.ts';

const TYPES = [...RELATION_TYPES, 'mentions', 'links-to'] as const;

const view = fc.integer({ min: 1, max: 40 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    edges: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1), fc.constantFrom(...TYPES), fc.integer({ min: 1, max: 5 })), { maxLength: 160 }),
    focus: fc.nat(size - 1),
    depth: fc.integer({ min: 1, max: 3 }),
    maxNodes: fc.integer({ min: 1, max: 30 }),
  }),
);

function makeView(size: number, edges: [number, number, string, number][]): GraphView {
  return {
    schemaVersion: 1,
    nodes: Array.from({ length: size }, (_, i) => ({ id: `n${i}`, type: i % 2 ? 'document' : 'concept', label: `Node ${i}`, url: `/x/${i}/`, x: i, y: -i })),
    edges: edges.map(([s, t, type, weight]) => ({ source: `n${s}`, target: `n${t}`, type: type as ViewEdge['type'], weight })),
  };
}

describe('localGraph', () => {
  it('keeps every edge among the chosen nodes, in view order, and no other', () => {
    fc.assert(
      fc.property(view, ({ size, edges, focus, depth, maxNodes }) => {
        const v = makeView(size, edges);
        const local = localGraph(v, `n${focus}`, depth, maxNodes);
        const chosen = new Set(local.nodes.map((n) => n.id));
        expect(chosen.has(`n${focus}`)).toBe(true);
        expect(chosen.size).toBeLessThanOrEqual(Math.max(1, maxNodes));
        const expected = v.edges
          .filter((e) => e.source !== e.target && chosen.has(e.source) && chosen.has(e.target))
          // Typed relations, and the mentions of the page's own node (a document's graph); no links.
          .filter((e) => (e.type !== 'mentions' && e.type !== 'links-to') || (e.type === 'mentions' && e.source === `n${focus}`))
          .map((e) => ({ source: e.source, target: e.target, type: e.type, weight: e.weight }));
        expect(local.edges).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('prefers typed relations over mentions and links, heavier first', () => {
    const v = makeView(5, [
      [0, 1, 'links-to', 9],
      [0, 2, 'mentions', 9],
      [0, 3, 'replaces', 1],
      [0, 4, 'replaces', 3],
    ]);
    expect(localGraph(v, 'n0', 1, 3).nodes.map((n) => n.id)).toEqual(['n0', 'n4', 'n3']);
  });
});
