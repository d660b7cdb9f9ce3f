import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { GRAPHML_KEYS, evidenceText, toGraphml } from '../../src/outputs/exports/graphml.ts';
import { xmlSafeChars } from '../../src/outputs/exports/text.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { hostileGraph } from '../fixtures/exports/hostile-graph.ts';
import { seedGraph } from '../helpers/seed-graph.ts';

interface Data {
  key: string;
  '#text': string;
}
interface Parsed {
  graphml: {
    key: { id: string; for: string; 'attr.name': string; 'attr.type': string }[];
    graph: { edgedefault: string; node?: { id: string; data?: Data[] }[]; edge?: { id: string; source: string; target: string; data?: Data[] }[] };
  };
}

/** Parses GraphML back with a real XML parser (entities and character references decoded). */
function parseGraphml(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    alwaysCreateTextNode: true,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
  }).parse(xml) as Parsed;
}

const dataOf = (data: Data[] | undefined) => Object.fromEntries((data ?? []).map((d) => [d.key, d['#text']]));

function expectRoundTrip(graph: KnowledgeGraph) {
  const parsed = parseGraphml(toGraphml(graph, { url: (u) => `https://docs.example.com${u}` }));
  const nodes = parsed.graphml.graph.node ?? [];
  const edges = parsed.graphml.graph.edge ?? [];
  expect(nodes).toHaveLength(graph.nodes.length);
  expect(edges).toHaveLength(graph.edges.length);
  graph.nodes.forEach((n, i) => {
    expect(nodes[i]!.id).toBe(xmlSafeChars(n.id));
    const data = dataOf(nodes[i]!.data);
    expect(data.label).toBe(xmlSafeChars(n.label));
    expect(data.type).toBe(n.type);
    expect(data.url).toBe(n.url.startsWith('/') ? `https://docs.example.com${n.url}` : n.url);
  });
  graph.edges.forEach((e, i) => {
    expect([edges[i]!.source, edges[i]!.target]).toEqual([e.source, e.target]);
    const data = dataOf(edges[i]!.data);
    expect(data.type).toBeUndefined();
    expect(data.relation).toBe(e.type);
    expect(Number(data.weight)).toBe(e.weight);
    expect(data.evidence).toBe(xmlSafeChars(evidenceText(e)));
  });
  // Every node an edge points at exists: the file loads in tools that check references.
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  return parsed;
}

describe('toGraphml', () => {
  it('declares a key for every attribute it writes, directed edges', async () => {
    const parsed = parseGraphml(toGraphml(await seedGraph()));
    expect(parsed.graphml.key.map((k) => [k.id, k.for, k['attr.name'], k['attr.type']])).toEqual(GRAPHML_KEYS.map((k) => [k.id, k.for, k.name, k.type]));
    expect(parsed.graphml.graph.edgedefault).toBe('directed');
    const declared = new Set(GRAPHML_KEYS.map((k) => k.id));
    for (const el of [...(parsed.graphml.graph.node ?? []), ...(parsed.graphml.graph.edge ?? [])]) {
      for (const d of el.data ?? []) expect(declared.has(d.key)).toBe(true);
    }
  });

  it('reads back with the node and edge counts and values of the seed graph', async () => {
    const graph = await seedGraph();
    expect(graph.nodes.length).toBeGreaterThan(40);
    expectRoundTrip(graph);
  });

  it('keeps hostile labels, aliases and evidence as text (no injected node or data element)', () => {
    const graph = hostileGraph();
    const parsed = expectRoundTrip(graph);
    expect(parsed.graphml.graph.node!.map((n) => n.id)).not.toContain('evil');
  });

  it('is deterministic', async () => {
    expect(toGraphml(await seedGraph())).toBe(toGraphml(await seedGraph()));
  });
});
