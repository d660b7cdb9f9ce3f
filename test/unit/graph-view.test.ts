import { describe, expect, it } from 'vitest';
import { buildGraphView, LAYOUT_DOCUMENTS_UP_TO } from '../../src/outputs/build-graph-view.ts';
import type { SiteDocument } from '../../src/outputs/site-data.ts';
import type { GraphEdge, GraphNode, KnowledgeGraph } from '../../src/pipeline/types.ts';

const node = (id: string, type: GraphNode['type'], extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  type,
  label: id.toUpperCase(),
  aliases: [],
  description: '',
  url: type === 'document' ? `/docs/${id.slice(4)}/` : type === 'external' ? 'https://example.com/' : `/entities/${id}/`,
  origin: 'vocabulary',
  ...extra,
});
const evidence = (section: string, sentence: string) => ({ doc: 'doc:guide', file: 'guide.md', section, line: 3, sentence });
const edge = (source: string, type: GraphEdge['type'], target: string, ev = [evidence('setup', `${source} ${type} ${target}.`)]): GraphEdge => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
  weight: ev.length,
  origin: 'extracted',
  evidence: ev,
});
const graph: KnowledgeGraph = {
  schemaVersion: 1,
  nodes: [node('aadc', 'tool', { aliases: ['AADC', 'Azure AD Connect'] }), node('dirsync', 'tool'), node('doc:guide', 'document'), node('url:https://example.com/', 'external')],
  edges: [
    edge('aadc', 'replaces', 'dirsync', [evidence('setup', 'One.'), evidence('setup', 'Two.'), evidence('', 'Three.'), evidence('x', 'Four.')]),
    edge('doc:guide', 'mentions', 'aadc'),
    edge('doc:guide', 'links-to', 'url:https://example.com/'),
  ],
};
const documents = [{ id: 'doc:guide', url: '/docs/guide/', title: 'The guide', description: 'How to.', sections: [{ id: 'setup', anchors: [], depth: 2, title: 'Set up', line: 2 }] }] as unknown as SiteDocument[];

describe('buildGraphView', () => {
  const view = buildGraphView(graph, documents, (input) => Object.fromEntries(input.nodes.map((n, i) => [n.id, { x: i * 10, y: i * 2 }])));

  it('keeps entities (laid out) and documents (around their entity) with their positions, not external URLs or edges to them', () => {
    expect(view.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
      ['aadc', 0, 0],
      ['dirsync', 10, 2],
      // Documents are never laid out with the entities: each sits on a spiral around the entity it mentions most.
      ['doc:guide', 74, 0],
    ]);
    expect(view.edges.map((e) => `${e.source}|${e.type}|${e.target}`)).toEqual(['aadc|replaces|dirsync', 'doc:guide|mentions|aadc']);
    expect(view.nodes.find((n) => n.id === 'doc:guide')?.description).toBe('How to.');
    // The label is not repeated among the aliases; nodes without other names carry no list.
    expect(view.nodes[0]?.aliases).toEqual(['Azure AD Connect']);
    expect(view.nodes[1]).not.toHaveProperty('aliases');
  });

  it('gives typed relations up to three evidence sentences with their section; mentions only a weight', () => {
    const [replaces, mentions] = view.edges;
    expect(replaces?.evidence).toEqual([
      { url: '/docs/guide/', section: 'setup', doc: 'The guide', heading: 'Set up', sentence: 'One.' },
      { url: '/docs/guide/', section: 'setup', doc: 'The guide', heading: 'Set up', sentence: 'Two.' },
      { url: '/docs/guide/', section: '', doc: 'The guide', sentence: 'Three.' },
    ]);
    expect(mentions).toEqual({ source: 'doc:guide', target: 'aadc', type: 'mentions', weight: 1 });
  });

  it('on big sets lays out the entities only and puts each document near the entity it mentions most', () => {
    const many = Array.from({ length: LAYOUT_DOCUMENTS_UP_TO + 1 }, (_, i) => `doc:d${String(i).padStart(5, '0')}`);
    const big: KnowledgeGraph = {
      schemaVersion: 1,
      nodes: [node('aadc', 'tool'), node('dirsync', 'tool'), ...many.map((id) => node(id, 'document'))],
      edges: [
        edge('aadc', 'replaces', 'dirsync'),
        ...many.map((id, i) => ({ ...edge(id, 'mentions', i % 2 ? 'aadc' : 'dirsync'), weight: 2 })),
        { ...edge(many[0]!, 'mentions', 'aadc'), weight: 1 },
      ],
    };
    const laidOut: string[][] = [];
    const view = buildGraphView(big, [], (input) => {
      laidOut.push(input.nodes.map((n) => n.id));
      return { aadc: { x: 0, y: 0 }, dirsync: { x: 10_000, y: 0 } };
    });
    expect(laidOut).toEqual([['aadc', 'dirsync']]);
    const at = new Map(view.nodes.map((n) => [n.id, n]));
    // d00001 mentions aadc most, d00000 dirsync (weight 2 beats 1): each sits near its entity.
    expect(Math.hypot(at.get(many[1]!)!.x, at.get(many[1]!)!.y)).toBeLessThan(2000);
    expect(Math.hypot(at.get(many[0]!)!.x - 10_000, at.get(many[0]!)!.y)).toBeLessThan(2000);
    // Deterministic: the same graph, the same positions.
    expect(buildGraphView(big, [], () => ({ aadc: { x: 0, y: 0 }, dirsync: { x: 10_000, y: 0 } }))).toEqual(view);
  });
});
