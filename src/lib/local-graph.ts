// The small graph on document and entity pages: the page's node and its nearest neighbours, chosen at
// build time so the page carries its own few nodes (no graph-view.json download for a glance).
import type { GraphView, ViewEdge, ViewNode } from '../outputs/graph-view.ts';
import { adjacency, neighbourhoodIn } from './graph-paths.ts';

export interface LocalGraph {
  nodes: Pick<ViewNode, 'id' | 'label' | 'type' | 'url'>[];
  edges: Pick<ViewEdge, 'source' | 'target' | 'type' | 'weight'>[];
}

const rank = (e: ViewEdge) => (e.type === 'mentions' ? 1 : e.type === 'links-to' ? 2 : 0);

interface Prepared {
  touching: ViewEdge[];
  /** An entity's neighbours through typed relations, heavier first. */
  stated: Map<string, string[]>;
  /** A document's neighbours: the entities it mentions, most mentioned first. */
  mentioned: Map<string, string[]>;
  /**
   * Positions in `touching` of the edges between two nodes (either direction), by `pairKey`: a page
   * looks up the pairs of its few nodes. (Scanning each chosen node's own edges instead cost a pass
   * over a hub's thousands of edges on every page that shows the hub: half of a 10,000-page build.)
   */
  edgesBetween: Map<number, number[]>;
  /** Node id -> its number in pair keys. */
  numberOf: Map<string, number>;
  byId: Map<string, ViewNode>;
}

// Every document and entity page draws a local graph from the same view: sorting its edges once per
// view (not once per page) keeps a 10,000-page build linear.
const prepared = new WeakMap<GraphView, Prepared>();

function prepare(view: GraphView): Prepared {
  const cached = prepared.get(view);
  if (cached) return cached;
  const touching = view.edges.filter((e) => e.source !== e.target);
  const ordered = [...touching].sort((a, b) => rank(a) - rank(b) || b.weight - a.weight);
  const numberOf = new Map<string, number>();
  const number = (id: string) => numberOf.get(id) ?? (numberOf.set(id, numberOf.size), numberOf.size - 1);
  const edgesBetween = new Map<number, number[]>();
  touching.forEach((e, i) => {
    const key = pairKey(number(e.source), number(e.target));
    const list = edgesBetween.get(key);
    if (list) list.push(i);
    else edgesBetween.set(key, [i]);
  });
  const result = {
    touching,
    stated: adjacency(ordered.filter((e) => rank(e) === 0)),
    mentioned: adjacency(ordered.filter((e) => e.type === 'mentions')),
    edgesBetween,
    numberOf,
    byId: new Map(view.nodes.map((n) => [n.id, n])),
  };
  prepared.set(view, result);
  return result;
}

/** One number for the unordered pair {a, b} (node numbers are below 2^26). */
function pairKey(a: number, b: number): number {
  return a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a;
}

/**
 * Knowledge first: an entity's graph is what is stated about it (typed relations within `depth` hops,
 * heavier first; its documents are listed on its page); a document's graph is the entities it mentions
 * most and the typed relations among them. Up to `maxNodes` nodes; links between pages are left out.
 */
export function localGraph(view: GraphView, focus: string, depth: number, maxNodes = 25): LocalGraph {
  const { touching, stated, mentioned, edgesBetween, numberOf, byId } = prepare(view);
  const isDocument = byId.get(focus)?.type === 'document';
  const ids = new Set(isDocument ? neighbourhoodIn(mentioned, focus, 1, Math.min(maxNodes, 13)) : neighbourhoodIn(stated, focus, depth, maxNodes));
  const shown = (e: ViewEdge) => rank(e) === 0 || (e.type === 'mentions' && e.source === focus);
  // The edges among the chosen nodes, in the view's order.
  const numbers = [...ids].flatMap((id) => numberOf.get(id) ?? []);
  const positions: number[] = [];
  for (let a = 0; a < numbers.length; a++) {
    for (let b = a + 1; b < numbers.length; b++) positions.push(...(edgesBetween.get(pairKey(numbers[a]!, numbers[b]!)) ?? []));
  }
  return {
    nodes: [...ids].flatMap((id) => {
      const n = byId.get(id);
      return n ? [{ id: n.id, label: n.label, type: n.type, url: n.url }] : [];
    }),
    edges: positions
      .sort((a, b) => a - b)
      .map((i) => touching[i]!)
      .filter(shown)
      .map((e) => ({ source: e.source, target: e.target, type: e.type, weight: e.weight })),
  };
}
