// The embed and export files of a site: per entity a picture, a Mermaid diagram and an oEmbed answer;
// for the whole graph GraphML, Neo4j CSV and Cypher. They are data, not pages: the build writes them
// with the graph into the data folder's public files (Astro rendering them as 600+ routes cost about a
// second on the corpus and grows with every entity).
import { isEntityNode } from '../../lib/graph.ts';
import { jsonLdString, publicUrl } from '../../lib/seo.ts';
import type { KnowledgeGraph } from '../../pipeline/types.ts';
import { cypherLines } from './cypher.ts';
import { graphmlLines } from './graphml.ts';
import { neighbourhoodMermaid } from './mermaid.ts';
import { neo4jNodeRows, neo4jRelationshipRows } from './neo4j-csv.ts';
import { pickNeighbourhood, relationIndex } from './neighbourhood.ts';
import { entityOEmbed } from './oembed.ts';
import { embedPaths, entityRouteId } from './snippets.ts';
import { neighbourhoodSvg } from './svg.ts';

/** A file by its site-relative path (no base), e.g. `embed/svg/azure-ad-connect.svg`: its text, or its lines (whole-graph exports are hundreds of MB at 10,000 documents). */
export type ExportFile = { path: string; data: string } | { path: string; lines: Iterable<string> };

export interface ExportOptions {
  /** The deployed origin: URLs inside the files are absolute when it is known. */
  site?: string;
  base: string;
  /** The site's name, the oEmbed provider. */
  title: string;
}

export function* exportFiles(graph: KnowledgeGraph, options: ExportOptions): Generator<ExportFile> {
  const url = (path: string): string => publicUrl(path, options.site, options.base);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const relations = relationIndex(graph);
  for (const node of graph.nodes) {
    if (!isEntityNode(node)) continue;
    const routeId = entityRouteId(node);
    // A file name, never a path (ids are slugs; an encoded slash in a URL must not climb folders).
    if (/[/\\]/.test(routeId) || routeId === '.' || routeId === '..') continue;
    const paths = embedPaths(node.id, routeId);
    const view = pickNeighbourhood(graph, node.id, { nodes, relations });
    if (!view) continue;
    yield { path: `embed/svg/${routeId}.svg`, data: neighbourhoodSvg(view, { href: (n) => url(n.url) }) };
    yield { path: `embed/mermaid/${routeId}.mmd`, data: neighbourhoodMermaid(view) };
    const oembed = entityOEmbed({ label: node.label, iframeUrl: url(paths.iframe), providerName: options.title, providerUrl: url('/') });
    yield { path: `oembed/${routeId}.json`, data: `${jsonLdString(oembed)}\n` };
  }
  yield { path: 'exports/graph.graphml', lines: graphmlLines(graph, { url }) };
  yield { path: 'exports/neo4j/nodes.csv', lines: neo4jNodeRows(graph, { url }) };
  yield { path: 'exports/neo4j/relationships.csv', lines: neo4jRelationshipRows(graph) };
  yield { path: 'exports/graph.cypher', lines: cypherLines(graph, { url }) };
}
