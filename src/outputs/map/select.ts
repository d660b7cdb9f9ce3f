// Which entities the map of the whole domain (/map/) shows: the most central ones by their typed,
// evidenced relations (mentions and links connect documents, not entities, so they do not count), and
// the relations between them. Centrality is PageRank over the relations taken both ways (a relation
// makes both ends more central, whatever its direction), each weighted by its statements (log-damped,
// so one sentence repeated often does not outweigh many relations). Vocabulary entities (concept, tool,
// product) are preferred: a discovered term counts half. Ties go to the smaller id, so the map is the
// same on every build.
import { compareStrings } from '../../pipeline/slugs.ts';
import type { GraphEdge, GraphNode, KnowledgeGraph, RelationType } from '../../pipeline/types.ts';

/** Enough for a picture of the domain, few enough to read it. */
export const MAP_MAX_NODES = 40;

const VOCABULARY_TYPES: ReadonlySet<string> = new Set(['concept', 'tool', 'product']);
const ENTITY_TYPES: ReadonlySet<string> = new Set([...VOCABULARY_TYPES, 'discovered']);
const NON_RELATIONS: ReadonlySet<RelationType> = new Set(['mentions', 'links-to']);
const DISCOVERED_FACTOR = 0.5;
const DAMPING = 0.85;
const ITERATIONS = 50;

export interface MapNode {
  node: GraphNode;
  /** Centrality, the vocabulary preference applied; higher is more central. */
  score: number;
  /** Relations with other entities of the whole graph. */
  degree: number;
}

export interface MapEdge {
  edge: GraphEdge;
  /** The HTML id of the edge's evidence item: the SVG edge links to `#anchor`. Unique in the map. */
  anchor: string;
}

export interface MapSelection {
  /** Most central first. */
  nodes: MapNode[];
  /** Every typed relation between two of the nodes, by edge id. */
  edges: MapEdge[];
  /** Entities with relations that did not fit. */
  omitted: number;
}

/** A typed relation between two different entities, with at least one sentence or declaration behind it. */
export function isMapRelation(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>): boolean {
  if (NON_RELATIONS.has(edge.type) || edge.source === edge.target || edge.evidence.length === 0) return false;
  const [s, t] = [nodes.get(edge.source), nodes.get(edge.target)];
  return !!s && !!t && ENTITY_TYPES.has(s.type) && ENTITY_TYPES.has(t.type);
}

/** The id of an edge's evidence item: `map-` and the edge id with anything but [A-Za-z0-9_-] as `_`. */
export function edgeAnchor(edge: Pick<GraphEdge, 'id'>): string {
  return `map-${edge.id.replace(/\|/g, '--').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** PageRank of an undirected weighted graph, iterated in id order (deterministic to the last bit). */
function pageRank(ids: readonly string[], edges: readonly GraphEdge[]): Map<string, number> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const links: { a: number; b: number; w: number }[] = edges.map((e) => ({ a: index.get(e.source)!, b: index.get(e.target)!, w: 1 + Math.log2(Math.max(1, e.weight)) }));
  const strength = new Float64Array(n);
  for (const l of links) {
    strength[l.a]! += l.w;
    strength[l.b]! += l.w;
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n).fill((1 - DAMPING) / n);
    // Nodes without relations spread their rank evenly (none here: only related nodes are ranked).
    for (const l of links) {
      next[l.b]! += (DAMPING * rank[l.a]! * l.w) / strength[l.a]!;
      next[l.a]! += (DAMPING * rank[l.b]! * l.w) / strength[l.b]!;
    }
    rank = next;
  }
  return new Map(ids.map((id, i) => [id, rank[i]!]));
}

/**
 * The map's entities (at most `max`, every related entity when fewer exist) and their relations. An
 * entity is only shown with a relation to another shown entity: one whose partners all fell below the
 * cut gives its place to the next that connects.
 */
export function selectMap(graph: KnowledgeGraph, options: { max?: number } = {}): MapSelection {
  const max = Math.max(1, options.max ?? MAP_MAX_NODES);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const relations = graph.edges.filter((e) => isMapRelation(e, nodes)).sort((a, b) => compareStrings(a.id, b.id));
  const degree = new Map<string, number>();
  const partners = new Map<string, Set<string>>();
  for (const e of relations) {
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      const set = partners.get(a) ?? new Set();
      set.add(b);
      partners.set(a, set);
    }
  }
  const ids = [...degree.keys()].sort(compareStrings);
  const rank = pageRank(ids, relations);
  const score = (id: string) => rank.get(id)! * (VOCABULARY_TYPES.has(nodes.get(id)!.type) ? 1 : DISCOVERED_FACTOR);
  // Scores rounded to 12 digits so float noise never decides an order; then degree, then id.
  const key = (id: string) => Math.round(score(id) * 1e12);
  const ranked = ids.sort((a, b) => key(b) - key(a) || degree.get(b)! - degree.get(a)! || compareStrings(a, b));

  const chosen = new Set(ranked.slice(0, max));
  const connected = (id: string) => [...partners.get(id)!].some((p) => p !== id && chosen.has(p));
  for (const id of [...chosen]) if (!connected(id)) chosen.delete(id);
  for (let added = true; added && chosen.size < max; ) {
    added = false;
    for (const id of ranked) {
      if (chosen.size >= max) break;
      if (!chosen.has(id) && connected(id)) {
        chosen.add(id);
        added = true;
      }
    }
  }
  const picked = ranked.filter((id) => chosen.has(id));
  const anchors = new Set<string>();
  const edges = relations
    .filter((e) => chosen.has(e.source) && chosen.has(e.target))
    .map((edge) => {
      let anchor = edgeAnchor(edge);
      for (let i = 2; anchors.has(anchor); i++) anchor = `${edgeAnchor(edge)}-${i}`;
      anchors.add(anchor);
      return { edge, anchor };
    });
  return {
    nodes: picked.map((id) => ({ node: nodes.get(id)!, score: score(id), degree: degree.get(id)! })),
    edges,
    omitted: ranked.length - picked.length,
  };
}
