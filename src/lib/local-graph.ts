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
  /** Neighbours in preference order: typed relations first, then mentions, then links; heavier first. */
  adjacent: Map<string, string[]>;
  /** Positions in `touching` of each node's edges, so a page's edges are found without a pass over all. */
  edgesOf: Map<string, number[]>;
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
  const edgesOf = new Map<string, number[]>();
  touching.forEach((e, i) => {
    for (const end of [e.source, e.target]) {
      const list = edgesOf.get(end);
      if (list) list.push(i);
      else edgesOf.set(end, [i]);
    }
  });
  const result = { touching, adjacent: adjacency(ordered), edgesOf, byId: new Map(view.nodes.map((n) => [n.id, n])) };
  prepared.set(view, result);
  return result;
}

/** Up to `maxNodes` nodes within `depth` hops: typed relations first, then mentions, then links; heavier first. */
export function localGraph(view: GraphView, focus: string, depth: number, maxNodes = 25): LocalGraph {
  const { touching, adjacent, edgesOf, byId } = prepare(view);
  const ids = new Set(neighbourhoodIn(adjacent, focus, depth, maxNodes));
  // The edges among the chosen nodes, in the view's order.
  const positions = new Set<number>();
  for (const id of ids) for (const i of edgesOf.get(id) ?? []) if (ids.has(touching[i]!.source) && ids.has(touching[i]!.target)) positions.add(i);
  return {
    nodes: [...ids].flatMap((id) => {
      const n = byId.get(id);
      return n ? [{ id: n.id, label: n.label, type: n.type, url: n.url }] : [];
    }),
    edges: [...positions]
      .sort((a, b) => a - b)
      .map((i) => touching[i]!)
      .map((e) => ({ source: e.source, target: e.target, type: e.type, weight: e.weight })),
  };
}
