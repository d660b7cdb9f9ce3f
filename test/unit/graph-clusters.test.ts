// The clustered graph of a big site (src/outputs/build-graph-clusters.ts): documents folded into one
// cluster per entity they mention most, the overview the page opens on, and the per-cluster files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterGraphView, clusterThreshold, clusterFiles, documentAnchors, MENTIONS_PER_DOCUMENT } from '../../src/outputs/build-graph-clusters.ts';
import { graphOverviewSchemas, OVERVIEW_URL } from '../../src/outputs/graph-overview.ts';
import type { GraphView, ViewEdge, ViewNode, ViewNodeType } from '../../src/outputs/graph-view.ts';

const schemas = graphOverviewSchemas();
const node = (id: string, type: ViewNodeType, x = 0, y = 0): ViewNode => ({ id, type, label: id.replace(/^doc:/, 'Page '), url: `/${id}/`, x, y });
const edge = (source: string, type: ViewEdge['type'], target: string, weight = 1): ViewEdge => ({ source, target, type, weight });

// Two tools; a1, a2 and d1 are about aadc (d1: a tie with dirsync, the smaller id wins), loose mentions
// nothing. Two discovered terms: `staging` (named by a1 and a2, folded with them) and `wizard` (in a
// relation with aadc, so it stays in the overview).
const view: GraphView = {
  schemaVersion: 1,
  nodes: [
    node('aadc', 'tool', 100, 0),
    node('dirsync', 'tool', -100, 0),
    node('doc:a1', 'document', 120, 10),
    node('doc:a2', 'document', 90, -10),
    node('doc:d1', 'document', -110, 5),
    node('doc:loose', 'document', 0, 300),
    node('staging', 'discovered', 500, 500),
    node('wizard', 'discovered', 400, 0),
  ],
  edges: [
    { ...edge('aadc', 'replaces', 'dirsync'), evidence: [{ url: '/docs/a1/', section: '', doc: 'A1', sentence: 'AADC replaces DirSync.' }] },
    edge('doc:a1', 'mentions', 'aadc', 3),
    edge('doc:a1', 'mentions', 'dirsync', 1),
    edge('doc:a2', 'mentions', 'aadc', 2),
    edge('doc:d1', 'mentions', 'aadc', 2),
    edge('doc:d1', 'mentions', 'dirsync', 2),
    edge('doc:a1', 'links-to', 'doc:d1'),
    edge('doc:a2', 'links-to', 'doc:a1'),
    edge('doc:a1', 'mentions', 'staging', 1),
    edge('doc:a2', 'mentions', 'staging', 1),
    edge('doc:d1', 'mentions', 'wizard', 1),
    edge('wizard', 'part-of', 'aadc'),
  ],
};

describe('clusterGraphView', () => {
  const { overview, clusters } = clusterGraphView(view);

  it('puts each document with the entity it mentions most (ties: the smaller id), and names the cluster after it', () => {
    expect(Object.fromEntries(documentAnchors(view))).toEqual({ 'doc:a1': 'aadc', 'doc:a2': 'aadc', 'doc:d1': 'aadc' });
    expect(overview.clusters.map((c) => [c.id, c.label, c.members, c.file])).toEqual([
      ['cluster:(none)', '1 document that mentions no entity', ['doc:loose'], '/graph-view/c/_none.json'],
      ['cluster:aadc', '3 documents and 1 term about aadc', ['doc:a1', 'doc:a2', 'doc:d1', 'staging'], '/graph-view/c/aadc.json'],
    ]);
  });

  it('keeps the entities and their typed relations in the overview, and sums document edges per cluster', () => {
    expect(overview.nodes.map((n) => n.id)).toEqual(['aadc', 'dirsync', 'wizard']);
    expect(overview.edges.map((e) => `${e.source}|${e.type}|${e.target}`)).toEqual(['aadc|replaces|dirsync', 'wizard|part-of|aadc']);
    expect(overview.clusters.map((c) => c.documents)).toEqual([1, 3]);
    // Links inside one cluster vanish; mentions add up.
    expect(overview.clusterEdges).toEqual([
      { source: 'cluster:aadc', target: 'aadc', type: 'mentions', weight: 7 },
      { source: 'cluster:aadc', target: 'dirsync', type: 'mentions', weight: 3 },
      { source: 'cluster:aadc', target: 'wizard', type: 'mentions', weight: 1 },
    ]);
  });

  it('writes each cluster’s documents with their positions and every edge that touches them', () => {
    const aadc = clusters.find((c) => c.cluster === 'cluster:aadc')!;
    expect(aadc.nodes.map((n) => [n.id, n.x, n.y])).toEqual([['doc:a1', 120, 10], ['doc:a2', 90, -10], ['doc:d1', -110, 5], ['staging', expect.any(Number), expect.any(Number)]]);
    expect(aadc.edges).toHaveLength(10);
    // The folded term is drawn just outside the cluster's documents (the farthest is d1, 210 px from aadc).
    const staging = aadc.nodes.find((n) => n.id === 'staging')!;
    expect(Math.hypot(staging.x - 100, staging.y)).toBeCloseTo(210 + 80, -1);
    expect(clusters.find((c) => c.cluster === 'cluster:(none)')!.edges).toEqual([]);
  });

  it('places a cluster beside its entity, and a cluster without one amid its documents', () => {
    const at = (id: string) => overview.clusters.find((c) => c.id === id)!;
    expect(Math.hypot(at('cluster:aadc').x - 100, at('cluster:aadc').y)).toBeCloseTo(110, -1);
    expect([at('cluster:(none)').x, at('cluster:(none)').y]).toEqual([0, 300]);
  });

  it('splits a big group into parts in id order, each with its own file', () => {
    const many: GraphView = {
      schemaVersion: 1,
      nodes: [node('x', 'concept'), ...Array.from({ length: 5 }, (_, i) => node(`doc:p${i}`, 'document'))],
      edges: Array.from({ length: 5 }, (_, i) => edge(`doc:p${i}`, 'mentions', 'x')),
    };
    const split = clusterGraphView(many, 2).overview.clusters;
    expect(split.map((c) => [c.id, c.label, c.members.length, c.file])).toEqual([
      ['cluster:x:1', '2 documents about x (part 1 of 3)', 2, '/graph-view/c/x.1.json'],
      ['cluster:x:2', '2 documents about x (part 2 of 3)', 2, '/graph-view/c/x.2.json'],
      ['cluster:x:3', '1 document about x (part 3 of 3)', 1, '/graph-view/c/x.3.json'],
    ]);
  });

  it(`keeps a document’s ${MENTIONS_PER_DOCUMENT} strongest mentions in its cluster file, and every link`, () => {
    const entities = Array.from({ length: MENTIONS_PER_DOCUMENT + 3 }, (_, i) => node(`e${String(i).padStart(2, '0')}`, 'concept'));
    const busy: GraphView = {
      schemaVersion: 1,
      nodes: [...entities, node('doc:busy', 'document'), node('doc:other', 'document')],
      edges: [...entities.map((e, i) => edge('doc:busy', 'mentions', e.id, i + 1)), edge('doc:busy', 'links-to', 'doc:other')],
    };
    const file = clusterGraphView(busy).clusters.find((c) => c.nodes.some((n) => n.id === 'doc:busy'))!;
    const mentions = file.edges.filter((e) => e.type === 'mentions').map((e) => e.weight);
    expect(mentions).toEqual(Array.from({ length: MENTIONS_PER_DOCUMENT }, (_, i) => i + 4));
    expect(file.edges.filter((e) => e.type === 'links-to')).toHaveLength(1);
  });
});

/** Random views: entities, documents, and mention, link and typed edges among them. */
const randomView = fc
  .record({ entities: fc.integer({ min: 0, max: 6 }), documents: fc.integer({ min: 0, max: 30 }), picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 }), fc.nat(2)), { maxLength: 120 }) })
  .map(({ entities, documents, picks }): GraphView => {
    const nodes = [...Array.from({ length: entities }, (_, i) => node(`e${i}`, i % 2 ? 'discovered' : 'concept', i * 50, 0)), ...Array.from({ length: documents }, (_, i) => node(`doc:d${i}`, 'document', i, i))];
    const edges = new Map<string, ViewEdge>();
    for (const [a, b, weight, kind] of picks) {
      const source = nodes[a % Math.max(1, nodes.length)];
      const target = nodes[b % Math.max(1, nodes.length)];
      if (!source || !target || source === target) continue;
      const type = kind === 0 && target.type !== 'document' && source.type === 'document' ? 'mentions' : kind === 1 ? 'links-to' : 'works-with';
      edges.set(`${source.id}|${type}|${target.id}`, edge(source.id, type, target.id, weight));
    }
    return { schemaVersion: 1, nodes, edges: [...edges.values()] };
  });

describe('clusterGraphView on any view', () => {
  it('puts every document in exactly one cluster, every other node in the overview or one cluster, and cluster files name only nodes of the view', () => {
    fc.assert(
      fc.property(randomView, fc.integer({ min: 1, max: 8 }), (v, max) => {
        const { overview, clusters } = clusterGraphView(v, max);
        const documents = v.nodes.filter((n) => n.type === 'document').map((n) => n.id);
        const members = overview.clusters.flatMap((c) => c.members);
        expect(members.filter((m) => m.startsWith('doc:')).sort()).toEqual([...documents].sort());
        expect([...members, ...overview.nodes.map((n) => n.id)].sort()).toEqual(v.nodes.map((n) => n.id).sort());
        expect(overview.clusters.every((c) => c.documents >= 1 && c.documents <= max)).toBe(true);
        expect(new Set(overview.clusters.map((c) => c.file)).size).toBe(overview.clusters.length);
        const ids = new Set(v.nodes.map((n) => n.id));
        for (const file of clusters) {
          for (const e of file.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
          expect(file.nodes.map((n) => n.id)).toEqual(overview.clusters.find((c) => c.id === file.cluster)!.members);
        }
        const ends = new Set([...overview.nodes.map((n) => n.id), ...overview.clusters.map((c) => c.id)]);
        for (const e of [...overview.edges, ...overview.clusterEdges]) expect(ends.has(e.source) && ends.has(e.target)).toBe(true);
        expect(schemas.overview.safeParse(overview).success).toBe(true);
        for (const file of clusters) expect(schemas.cluster.safeParse(file).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the same bytes for the same view, whatever order its nodes and edges come in', () => {
    fc.assert(
      fc.property(randomView, (v) => {
        const reversed: GraphView = { ...v, nodes: [...v.nodes].reverse(), edges: [...v.edges].reverse() };
        const bytes = (x: GraphView) => clusterFiles(x, 0).map((f) => [f.path, JSON.stringify(f.value)]);
        expect(bytes(reversed)).toEqual(bytes(v));
      }),
      { numRuns: 100 },
    );
  });
});

describe('clusterFiles', () => {
  it('writes nothing up to the threshold, and the overview and one file per cluster above it', () => {
    expect(clusterFiles(view, 4)).toEqual([]);
    expect(clusterFiles(view, 3).map((f) => f.path)).toEqual([OVERVIEW_URL.slice(1), 'graph-view/c/_none.json', 'graph-view/c/aadc.json']);
    expect(JSON.stringify(clusterFiles(view, 3))).toBe(JSON.stringify(clusterFiles(structuredClone(view), 3)));
  });

  it('reads DOCGRAPH_GRAPH_CLUSTER_ABOVE as a whole number, and names it when it is not one', () => {
    expect(clusterThreshold({})).toBe(1500);
    expect(clusterThreshold({ DOCGRAPH_GRAPH_CLUSTER_ABOVE: '2' })).toBe(2);
    expect(() => clusterThreshold({ DOCGRAPH_GRAPH_CLUSTER_ABOVE: 'lots' })).toThrow(/DOCGRAPH_GRAPH_CLUSTER_ABOVE="lots": expected a whole number/);
  });
});
