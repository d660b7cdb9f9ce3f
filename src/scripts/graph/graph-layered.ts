// A layered layout (dagre) for the small views: a focus, a path, a page's local graph. Relations read
// left to right as sentences ("DirSync → replaced by → Azure AD Connect" puts what points at the focus
// on its left and what it points at on its right), and dagre keeps every node's box apart. The box is
// the node with its label as cytoscape measures it, so no label can land on another node or label.
import dagre from '@dagrejs/dagre';
import type cytoscape from 'cytoscape';

export interface LayeredOptions {
  /** 'LR' reads as sentences; 'TB' for hierarchies. */
  rankdir?: 'LR' | 'TB';
  /** Room between ranks, px (edge labels sit there). */
  ranksep?: number;
}

/** Lays out `nodes` (and the edges among them) in place; positions are whole pixels, so views repeat. */
export function layered(nodes: cytoscape.NodeCollection, edges: cytoscape.EdgeCollection, options: LayeredOptions = {}): void {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: options.rankdir ?? 'LR', nodesep: 14, ranksep: options.ranksep ?? 110, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  const offset = new Map<string, { dx: number; dy: number }>();
  const ordered = nodes.toArray().sort((a, b) => (a.id() < b.id() ? -1 : 1)) as cytoscape.NodeSingular[];
  for (const n of ordered) {
    const box = n.boundingBox({ includeLabels: true, includeOverlays: false });
    const p = n.position();
    // Where the node's centre sits inside its box (the label hangs below the body).
    offset.set(n.id(), { dx: p.x - (box.x1 + box.x2) / 2, dy: p.y - (box.y1 + box.y2) / 2 });
    g.setNode(n.id(), { width: Math.ceil(box.w) + 4, height: Math.ceil(box.h) + 2 });
  }
  const ids = new Set(ordered.map((n) => n.id()));
  const pairs = new Set<string>();
  (edges.toArray() as cytoscape.EdgeSingular[])
    .sort((a, b) => (a.id() < b.id() ? -1 : 1))
    .forEach((e) => {
      const [s, t] = [e.source().id(), e.target().id()];
      // One dagre edge per pair: a pair related twice is one rank apart all the same.
      const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
      if (s === t || !ids.has(s) || !ids.has(t) || pairs.has(key)) return;
      pairs.add(key);
      g.setEdge(s, t, {}, e.id());
    });
  dagre.layout(g);
  nodes.positions((n) => {
    const id = (n as cytoscape.NodeSingular).id();
    const at = g.node(id);
    const o = offset.get(id)!;
    return { x: Math.round(at.x + o.dx), y: Math.round(at.y + o.dy) };
  });
}

/**
 * The edges by which a breadth-first walk from `focus` first reaches each node: they alone set the
 * layers, so every neighbour sits one step from the focus (left if it points at it, right if the focus
 * points at it) however its neighbours relate among themselves. Edges are tried in the order given.
 */
export function spanningTree<E extends { source: string; target: string }>(focus: string, edges: readonly E[]): E[] {
  const reached = new Set([focus]);
  const tree: E[] = [];
  let frontier = [focus];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of edges) {
        const other = e.source === id ? e.target : e.target === id ? e.source : undefined;
        if (other === undefined || reached.has(other)) continue;
        reached.add(other);
        next.push(other);
        tree.push(e);
      }
    }
    frontier = next;
  }
  return tree;
}
