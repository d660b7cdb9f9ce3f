import { describe, expect, it } from 'vitest';
import { buildGraphView } from '../../src/outputs/build-graph-view.ts';
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

  it('keeps entities and documents with their positions, not external URLs or edges to them', () => {
    expect(view.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
      ['aadc', 0, 0],
      ['dirsync', 10, 2],
      ['doc:guide', 20, 4],
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
});
