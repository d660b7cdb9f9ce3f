// The small graph on document and entity pages: the page's node and its nearest neighbours, chosen at
// build time so the page carries its own few nodes (no graph-view.json download for a glance).
import type { GraphView, ViewEdge, ViewNode } from '../outputs/graph-view.ts';
import { neighbourhood } from './graph-paths.ts';

export interface LocalGraph {
  nodes: Pick<ViewNode, 'id' | 'label' | 'type' | 'url'>[];
  edges: Pick<ViewEdge, 'source' | 'target' | 'type' | 'weight'>[];
}

const rank = (e: ViewEdge) => (e.type === 'mentions' ? 1 : e.type === 'links-to' ? 2 : 0);

/** Up to `maxNodes` nodes within `depth` hops: typed relations first, then mentions, then links; heavier first. */
export function localGraph(view: GraphView, focus: string, depth: number, maxNodes = 25): LocalGraph {
  const touching = view.edges.filter((e) => e.source !== e.target);
  const ordered = [...touching].sort((a, b) => rank(a) - rank(b) || b.weight - a.weight);
  const ids = new Set(neighbourhood(ordered, focus, depth, maxNodes));
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  return {
    nodes: [...ids].flatMap((id) => {
      const n = byId.get(id);
      return n ? [{ id: n.id, label: n.label, type: n.type, url: n.url }] : [];
    }),
    edges: touching.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ source: e.source, target: e.target, type: e.type, weight: e.weight })),
  };
}
