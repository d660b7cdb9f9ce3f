// The embed and export files of a site: per entity a picture, a Mermaid diagram and an oEmbed answer;
// for the whole graph GraphML, Neo4j CSV and Cypher. They are data, not pages: the build writes them
// with the graph into the data folder's public files (Astro rendering them as 600+ routes cost about a
// second on the corpus and grows with every entity).
import { isEntityNode } from '../../lib/graph.ts';
import { jsonLdString, publicUrl } from '../../lib/seo.ts';
import type { GraphNode, KnowledgeGraph } from '../../pipeline/types.ts';
import { cypherLines } from './cypher.ts';
import { graphmlLines } from './graphml.ts';
import { neighbourhoodMermaid } from './mermaid.ts';
import { neo4jNodeRows, neo4jRelationshipRows } from './neo4j-csv.ts';
import { pickNeighbourhood, relationIndex } from './neighbourhood.ts';
import { entityOEmbed } from './oembed.ts';
import { embedPaths, entityRouteId } from './snippets.ts';
import { svgToPng, svgToPngAsync } from './png.ts';
import { neighbourhoodSvg } from './svg.ts';
import { mapFiles } from '../map/files.ts';

/**
 * A file by its site-relative path (no base), e.g. `embed/svg/azure-ad-connect.svg`: its text, its lines
 * (whole-graph exports are hundreds of MB at 10,000 documents) or its bytes, made when asked for
 * (a PNG takes ~20 ms to rasterize; listing the files must not pay for that).
 */
/** `bytes` makes a binary file on the spot (the dev server answers a request with it); `render`, where given, makes the same bytes off the main thread (a build renders several at once). */
export type ExportFile =
  | { path: string; data: string }
  | { path: string; lines: Iterable<string> }
  | { path: string; bytes: () => Uint8Array; render?: () => Promise<Uint8Array> };

export interface ExportOptions {
  /** The deployed origin: URLs inside the files are absolute when it is known. */
  site?: string;
  base: string;
  /** The site's name, the oEmbed provider. */
  title: string;
}

export function* exportFiles(graph: KnowledgeGraph, options: ExportOptions): Generator<ExportFile> {
  yield* createExporter(graph, options).files();
}

export interface Exporter {
  /** Every file: per entity, then the whole-graph ones. */
  files(): Generator<ExportFile>;
  /** One file by its path, computing only that entity's files (the dev server answers a request). */
  file(path: string): ExportFile | undefined;
}

export function createExporter(graph: KnowledgeGraph, options: ExportOptions): Exporter {
  const url = (path: string): string => publicUrl(path, options.site, options.base);
  // Made on first use: the dev server creates an exporter per rebuild and may never be asked for a file.
  let index: { nodes: Map<string, GraphNode>; relations: ReturnType<typeof relationIndex> } | undefined;
  const neighbourhoodOf = (id: string) => {
    index ??= { nodes: new Map(graph.nodes.map((n) => [n.id, n])), relations: relationIndex(graph) };
    return pickNeighbourhood(graph, id, index);
  };
  function* entityFiles(node: GraphNode): Generator<ExportFile> {
    if (!isEntityNode(node)) return;
    const routeId = entityRouteId(node);
    // A file name, never a path (ids are slugs; an encoded slash in a URL must not climb folders).
    if (/[/\\]/.test(routeId) || routeId === '.' || routeId === '..') return;
    const paths = embedPaths(node.id, routeId);
    const view = neighbourhoodOf(node.id);
    if (!view) return;
    // Without the site URL node links would be site-relative: left out, as MediaWiki refuses them and
    // they break wherever the file is copied to.
    const svg = neighbourhoodSvg(view, { href: options.site ? (n) => url(n.url) : undefined });
    yield { path: `embed/svg/${routeId}.svg`, data: svg };
    yield { path: `embed/png/${routeId}.png`, bytes: () => svgToPng(svg), render: () => svgToPngAsync(svg) };
    yield { path: `embed/mermaid/${routeId}.mmd`, data: neighbourhoodMermaid(view) };
    const oembed = entityOEmbed({ label: node.label, iframeUrl: url(paths.iframe), providerName: options.title, providerUrl: url('/') });
    yield { path: `oembed/${routeId}.json`, data: `${jsonLdString(oembed)}\n` };
  }
  function* graphFiles(): Generator<ExportFile> {
    yield { path: 'exports/graph.graphml', lines: graphmlLines(graph, { url }) };
    yield { path: 'exports/neo4j/nodes.csv', lines: neo4jNodeRows(graph, { url }) };
    yield { path: 'exports/neo4j/relationships.csv', lines: neo4jRelationshipRows(graph) };
    yield { path: 'exports/graph.cypher', lines: cypherLines(graph, { url }) };
    // The map of the whole domain: embed/map.svg, .png, .mmd and its oEmbed answer (src/outputs/map/).
    yield* mapFiles(graph, options);
  }
  let byRoute: Map<string, GraphNode> | undefined;
  return {
    *files() {
      for (const node of graph.nodes) yield* entityFiles(node);
      yield* graphFiles();
    },
    file(path) {
      const routeId = /^(?:embed\/svg\/(.+)\.svg|embed\/png\/(.+)\.png|embed\/mermaid\/(.+)\.mmd|oembed\/(.+)\.json)$/.exec(path)?.slice(1).find((id) => id !== undefined);
      if (routeId === undefined) return [...graphFiles()].find((f) => f.path === path);
      byRoute ??= new Map(graph.nodes.filter(isEntityNode).map((n) => [entityRouteId(n), n]));
      const node = byRoute.get(routeId);
      if (!node) return undefined;
      for (const f of entityFiles(node)) if (f.path === path) return f;
      return undefined;
    },
  };
}
