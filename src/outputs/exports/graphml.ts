// The whole knowledge graph as GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd, Cytoscape
// Desktop and networkx. Every attribute is declared with a <key>; Gephi shows the `label` key as the
// node label. Values are XML-escaped and characters XML cannot carry are dropped, so a label such as
// `</data><node id="x">` stays text.
import type { GraphEdge, KnowledgeGraph } from '../../pipeline/types.ts';
import { escapeXml } from './text.ts';

interface KeyDef {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: 'string' | 'int';
}

export const GRAPHML_KEYS: readonly KeyDef[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'type', for: 'node', name: 'type', type: 'string' },
  { id: 'url', for: 'node', name: 'url', type: 'string' },
  { id: 'description', for: 'node', name: 'description', type: 'string' },
  { id: 'aliases', for: 'node', name: 'aliases', type: 'string' },
  { id: 'origin', for: 'node', name: 'origin', type: 'string' },
  { id: 'relation', for: 'edge', name: 'type', type: 'string' },
  { id: 'weight', for: 'edge', name: 'weight', type: 'int' },
  { id: 'edgeOrigin', for: 'edge', name: 'origin', type: 'string' },
  { id: 'evidence', for: 'edge', name: 'evidence', type: 'string' },
];

/** Site-relative URLs become absolute when the site URL is known, so the file works outside the site. */
export interface GraphmlOptions {
  url?: (siteRelative: string) => string;
}

const data = (key: string, value: string | number): string =>
  value === '' ? '' : `<data key="${key}">${escapeXml(String(value))}</data>`;

/** Evidence as readable lines: `file:line: sentence`, one per statement. */
export function evidenceText(edge: GraphEdge): string {
  return edge.evidence.map((e) => `${e.file}:${e.line}: ${e.sentence}`).join('\n');
}

export function toGraphml(graph: KnowledgeGraph, options: GraphmlOptions = {}): string {
  return [...graphmlLines(graph, options)].join('\n');
}

/** The GraphML document line by line (a 10,000-document graph is too big to build as one string). */
export function* graphmlLines(graph: KnowledgeGraph, options: GraphmlOptions = {}): Generator<string> {
  const url = options.url ?? ((u: string) => u);
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">';
  for (const k of GRAPHML_KEYS) yield `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`;
  yield '  <graph id="docgraph" edgedefault="directed">';
  for (const n of graph.nodes) {
    yield `    <node id="${escapeXml(n.id)}">` +
      data('label', n.label) +
      data('type', n.type) +
      data('url', n.url.startsWith('/') ? url(n.url) : n.url) +
      data('description', n.description) +
      data('aliases', n.aliases.join('; ')) +
      data('origin', n.origin) +
      '</node>';
  }
  for (const e of graph.edges) {
    yield `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
      data('relation', e.type) +
      data('weight', e.weight) +
      data('edgeOrigin', e.origin) +
      data('evidence', evidenceText(e)) +
      '</edge>';
  }
  yield '  </graph>';
  yield '</graphml>';
  yield '';
}
