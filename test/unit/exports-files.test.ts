// The embed and export files the build writes (src/outputs/exports/files.ts): one picture, diagram and
// oEmbed answer per entity, the whole-graph exports, URLs with the site and base path, file names only.
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/outputs/exports/files.ts';
import { hostileGraph } from '../fixtures/exports/hostile-graph.ts';

describe('exportFiles', () => {
  it('writes four files per entity and four whole-graph exports', () => {
    const graph = hostileGraph();
    const files = [...exportFiles(graph, { base: '/', title: 'docgraph' })];
    const entities = graph.nodes.filter((n) => ['concept', 'tool', 'product', 'discovered'].includes(n.type));
    expect(files.filter((f) => f.path.startsWith('embed/svg/'))).toHaveLength(entities.length);
    expect(files.filter((f) => f.path.startsWith('embed/png/'))).toHaveLength(entities.length);
    expect(files.filter((f) => f.path.startsWith('embed/mermaid/'))).toHaveLength(entities.length);
    expect(files.filter((f) => f.path.startsWith('oembed/'))).toHaveLength(entities.length);
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['exports/graph.graphml', 'exports/neo4j/nodes.csv', 'exports/neo4j/relationships.csv', 'exports/graph.cypher', 'embed/svg/centre.svg']));
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it('publishes absolute URLs under the base path when the site is known', () => {
    const files = new Map([...exportFiles(hostileGraph(), { site: 'https://docs.example.com', base: '/handbook/', title: 'Handbook' })].map((f) => [f.path, 'lines' in f ? [...f.lines].join('\n') : 'data' in f ? f.data : '']));
    const oembed = JSON.parse(files.get('oembed/centre.json')!) as { html: string; provider_name: string; provider_url: string };
    expect(oembed.provider_name).toBe('Handbook');
    expect(oembed.provider_url).toBe('https://docs.example.com/handbook/');
    expect(oembed.html).toContain('https://docs.example.com/handbook/embed/graph/?focus=centre');
    expect(files.get('embed/svg/centre.svg')).toContain('href="https://docs.example.com/handbook/entities/');
  });

  it('never writes outside its folders, whatever an entity URL holds', () => {
    const graph = hostileGraph();
    graph.nodes.push({ ...graph.nodes[0]!, id: 'climb', url: '/entities/..%2F..%2Fescape/' }, { ...graph.nodes[0]!, id: 'dots', url: '/entities/../' });
    for (const file of exportFiles(graph, { base: '/', title: 'docgraph' })) {
      expect(file.path).not.toMatch(/(^|\/)\.\.?(\/|$)|\\/);
      expect(file.path.split('/').length).toBeLessThanOrEqual(3);
    }
  });
});
