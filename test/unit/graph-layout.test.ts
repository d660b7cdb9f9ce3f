import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/outputs/graph-layout.ts';

const ring = (n: number) => ({
  nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}` })),
  edges: Array.from({ length: n }, (_, i) => ({ source: `n${i}`, target: `n${(i + 1) % n}` })),
});

describe('layoutGraph', () => {
  it('places every node at whole-pixel positions, the same on every run', () => {
    const a = layoutGraph(ring(40));
    const b = layoutGraph(ring(40));
    expect(Object.keys(a)).toHaveLength(40);
    expect(a).toEqual(b);
    for (const p of Object.values(a)) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });

  it('keeps connected nodes closer than unconnected ones', () => {
    const p = layoutGraph(ring(40));
    const d = (u: string, v: string) => Math.hypot(p[u]!.x - p[v]!.x, p[u]!.y - p[v]!.y);
    expect(d('n0', 'n1')).toBeLessThan(d('n0', 'n20'));
  });

  it('leaves Math.random as it found it and ignores edges to unknown nodes', () => {
    const random = Math.random;
    const p = layoutGraph({ nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'zzz' }] });
    expect(Math.random).toBe(random);
    expect(Object.keys(p).sort()).toEqual(['a', 'b']);
  });
});
