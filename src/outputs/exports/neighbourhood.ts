// The view every static embed draws (SVG, Mermaid): one entity and the entities it has typed relations
// with, at depth 1. Mentions and links are left out (they connect documents, not entities), and the
// neighbours are capped so a picture pasted into a wiki stays readable; the full graph is on the site.
import type { GraphEdge, GraphNode, KnowledgeGraph, RelationType } from '../../pipeline/types.ts';
import { compareStrings } from '../../pipeline/slugs.ts';

/** Enough to read at a glance in a wiki page; the strongest relations win the places. */
export const DEFAULT_NEIGHBOUR_LIMIT = 12;

const ENTITY_TYPES: ReadonlySet<string> = new Set(['concept', 'tool', 'product', 'discovered']);
const NON_RELATIONS: ReadonlySet<RelationType> = new Set(['mentions', 'links-to']);
/** Relations that read the same both ways: drawn without an arrow head. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set(['alternative-to', 'works-with', 'integrates-with']);

export interface NeighbourRelation {
  type: RelationType;
  /** `centre -> neighbour` when true, `neighbour -> centre` when false. */
  outgoing: boolean;
  weight: number;
}

export interface Neighbour {
  node: GraphNode;
  /** Strongest first. */
  relations: NeighbourRelation[];
  /** Statements behind all relations with the centre. */
  weight: number;
}

export interface Neighbourhood {
  centre: GraphNode;
  /** Ordered by the type of their strongest relation, then label: the order they are drawn in. */
  neighbours: Neighbour[];
  /** Neighbours left out by the cap. */
  omitted: number;
}

const byLabel = (a: GraphNode, b: GraphNode): number =>
  a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) || compareStrings(a.id, b.id);

/** Edges grouped by node id, once per graph: the embeds of every entity are drawn from one index. */
export function relationIndex(graph: KnowledgeGraph): Map<string, GraphEdge[]> {
  const cached = relationIndexes.get(graph);
  if (cached) return cached;
  const index = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    if (NON_RELATIONS.has(edge.type) || edge.source === edge.target) continue;
    for (const end of [edge.source, edge.target]) {
      const list = index.get(end) ?? [];
      list.push(edge);
      index.set(end, list);
    }
  }
  relationIndexes.set(graph, index);
  return index;
}

// One index per graph object: every entity page and embed endpoint asks for it.
const relationIndexes = new WeakMap<KnowledgeGraph, Map<string, GraphEdge[]>>();

export function pickNeighbourhood(
  graph: KnowledgeGraph,
  centreId: string,
  options: { limit?: number; nodes?: ReadonlyMap<string, GraphNode>; relations?: ReadonlyMap<string, GraphEdge[]> } = {},
): Neighbourhood | undefined {
  const nodes = options.nodes ?? new Map(graph.nodes.map((n) => [n.id, n]));
  const centre = nodes.get(centreId);
  if (!centre) return undefined;
  const edges = options.relations?.get(centreId) ?? relationIndex(graph).get(centreId) ?? [];
  const byNeighbour = new Map<string, Neighbour>();
  for (const edge of edges) {
    const outgoing = edge.source === centreId;
    const node = nodes.get(outgoing ? edge.target : edge.source);
    if (!node || !ENTITY_TYPES.has(node.type)) continue;
    const entry = byNeighbour.get(node.id) ?? { node, relations: [], weight: 0 };
    entry.relations.push({ type: edge.type, outgoing, weight: edge.weight });
    entry.weight += edge.weight;
    byNeighbour.set(node.id, entry);
  }
  for (const entry of byNeighbour.values()) {
    entry.relations.sort((a, b) => b.weight - a.weight || compareStrings(a.type, b.type) || Number(b.outgoing) - Number(a.outgoing));
  }
  const limit = options.limit ?? DEFAULT_NEIGHBOUR_LIMIT;
  const strongest = [...byNeighbour.values()].sort((a, b) => b.weight - a.weight || byLabel(a.node, b.node)).slice(0, limit);
  const neighbours = strongest.sort((a, b) => compareStrings(a.relations[0]!.type, b.relations[0]!.type) || byLabel(a.node, b.node));
  return { centre, neighbours, omitted: byNeighbour.size - neighbours.length };
}
