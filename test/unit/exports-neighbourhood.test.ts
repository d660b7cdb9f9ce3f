import { describe, expect, it } from 'vitest';
import { pickNeighbourhood, relationIndex } from '../../src/outputs/exports/neighbourhood.ts';
import { hostileGraph } from '../fixtures/exports/hostile-graph.ts';

describe('pickNeighbourhood', () => {
  const graph = hostileGraph();

  it('keeps entity neighbours of typed relations only: no mentions, links, documents or self-loops', () => {
    const hood = pickNeighbourhood(graph, 'centre', { limit: 100 })!;
    const ids = hood.neighbours.map((n) => n.node.id);
    expect(ids).toHaveLength(18);
    expect(ids).not.toContain('centre');
    expect(ids).not.toContain('doc:guide');
    expect(hood.omitted).toBe(0);
    expect(hood.neighbours.flatMap((n) => n.relations.map((r) => r.type))).not.toContain('mentions');
  });

  it('caps at the strongest neighbours, counts the rest, and draws them by relation type then label', () => {
    const hood = pickNeighbourhood(graph, 'centre')!;
    expect(hood.neighbours).toHaveLength(12);
    expect(hood.omitted).toBe(6);
    // n1 has two relations (weights 2 + 30): the strongest neighbour, its strongest relation first.
    const n1 = hood.neighbours.find((n) => n.node.id === 'n1')!;
    expect(n1.weight).toBe(32);
    expect(n1.relations.map((r) => [r.type, r.outgoing])).toEqual([['part-of', false], ['requires', false]]);
    // The weakest (a-b, a_b, weight 1; n0 weight 1) are the ones left out.
    expect(hood.neighbours.map((n) => n.node.id)).not.toContain('a-b');
    const order = hood.neighbours.map((n) => n.relations[0]!.type);
    expect(order).toEqual([...order].sort());
  });

  it('is deterministic and answers the same from a prebuilt index', () => {
    const index = relationIndex(graph);
    expect(pickNeighbourhood(graph, 'centre', { relations: index })).toEqual(pickNeighbourhood(graph, 'centre'));
    expect(pickNeighbourhood(graph, 'missing')).toBeUndefined();
    expect(pickNeighbourhood(graph, 'a-b')!.neighbours.map((n) => n.node.id)).toEqual(['centre']);
  });
});
