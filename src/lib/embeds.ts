// The site side of the embeds and exports (src/outputs/exports/*): which entity gets which files, and
// their URLs as published (absolute when DOCGRAPH_SITE / --site is set, else site-relative with base).
import { relationIndex, pickNeighbourhood, type Neighbourhood } from '../outputs/exports/neighbourhood.ts';
import { embedPaths } from '../outputs/exports/snippets.ts';
import type { GraphEdge, GraphNode, KnowledgeGraph } from '../pipeline/types.ts';
import { getGraph } from './data.ts';
import { publicUrl } from './seo.ts';

let cached: { graph: KnowledgeGraph; nodes: Map<string, GraphNode>; relations: Map<string, GraphEdge[]> } | undefined;

/** The depth-1 view every static embed of the entity draws. */
export function entityNeighbourhood(node: GraphNode): Neighbourhood {
  const { graph } = getGraph();
  if (cached?.graph !== graph) cached = { graph, nodes: new Map(graph.nodes.map((n) => [n.id, n])), relations: relationIndex(graph) };
  return pickNeighbourhood(graph, node.id, { nodes: cached.nodes, relations: cached.relations })!;
}

/** One static path per entity page (alias redirect pages get no embeds of their own). */
export function entityEmbedPaths() {
  const graph = getGraph();
  return graph.entities().map((node) => ({ params: { id: graph.entityRouteId(node) }, props: { node } }));
}

/** The published URLs of an entity's page and embeds. */
export function entityEmbedUrls(node: GraphNode, site: URL | undefined) {
  const paths = embedPaths(node.id, getGraph().entityRouteId(node));
  return {
    page: publicUrl(node.url, site),
    iframe: publicUrl(paths.iframe, site),
    svg: publicUrl(paths.svg, site),
    png: publicUrl(paths.png, site),
    mermaid: publicUrl(paths.mermaid, site),
    oembed: publicUrl(paths.oembed, site),
  };
}

/** Site-relative URLs inside exports become published ones. */
export const exportUrl = (site: URL | undefined) => (path: string) => publicUrl(path, site);
