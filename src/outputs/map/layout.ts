// The map's layered layout, computed at build time with dagre. Left to right, every edge read as a
// sentence along the arrow, with three relations turned round so the diagram reads as the domain is
// explained: a whole before its parts and options ("Office 365 includes Exchange Online", "Azure AD
// Connect has option password hash sync"), the old name before the new one ("DirSync is replaced by
// Azure AD Connect", a chain of replacements and renamings reads old -> new); whatever sets up, requires
// or prepares something comes before it. Left to right rather than top to bottom: labels are wide and
// short, so a rank of them stacks in a column (the seed's map is 1.5x as wide as high, against 8x top
// to bottom, where Office 365's dozen relations put a dozen labels side by side).
// Node boxes are sized from the estimated width of their labels and every edge label is a box dagre
// places itself (on a rank of its own, between the ranks of nodes), so no label can land on a node or
// on another label; lines are routed so that none crosses a box either (routeEdge). Boxes are at whole
// pixels; the same selection gives the same layout, byte for byte.
import dagre from '@dagrejs/dagre';
import { compareStrings } from '../../pipeline/slugs.ts';
import type { GraphNode, RelationType } from '../../pipeline/types.ts';
import { relationPhrase } from '../../lib/relations.ts';
import { fitLabel, textWidth } from '../exports/svg.ts';
import type { MapEdge, MapSelection } from './select.ts';

export const NODE_FONT = 13;
export const EDGE_FONT = 12;
export const NODE_H = 32;
export const EDGE_LABEL_H = 17;
const MAX_NODE_LABEL_PX = 220;
const MARGIN = 16;
/** Between columns, where lines change rows (dagre leaves half of it between a node and a label column). */
const RANK_GAP = 56;

/** Relations drawn against their direction (target first), with the words that read that way. */
export const REVERSED_PHRASES: Partial<Record<RelationType, string>> = {
  replaces: 'is replaced by',
  'part-of': 'includes',
  'option-of': 'has option',
};

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LaidNode extends Box {
  node: GraphNode;
  /** The label as drawn (cut with an ellipsis when too long; the full one goes in a tooltip). */
  label: string;
}

export interface LaidEdge {
  edge: MapEdge['edge'];
  anchor: string;
  /** The drawn direction: the relation's source and target, or the other way for REVERSED_PHRASES. */
  from: string;
  to: string;
  /** Dagre's points, from `from` to `to`: the ends on the boxes, between them the label and bends. */
  points: { x: number; y: number }[];
  /** The line as drawn through them (see `routeEdge`), as SVG path data; the arrowhead is at `to`. */
  path: string;
  /** The same line as points close enough to test what it crosses. */
  trace: { x: number; y: number }[];
  /** The words on the edge, read from `from` to `to` ("sets up", "includes"), and the box they sit in. */
  label: string;
  labelBox: Box;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
}

/** The node's box width: its label, padded (hexagons, the tools, need more for their slanted sides). */
export const nodeWidth = (label: string, type: string): number => Math.max(72, textWidth(label, NODE_FONT) + (type === 'tool' ? 36 : 24));
export const edgeLabelWidth = (label: string): number => textWidth(label, EDGE_FONT) + 8;

type Point = { x: number; y: number };

const r1 = (v: number) => Math.round(v * 10) / 10;

/** A straight piece of an edge's line, or (with `bend`) an S-curve turning at x = bend. */
export interface Segment {
  from: Point;
  to: Point;
  bend?: number;
}

/**
 * The line of an edge through its stops (its two nodes, then its bends and label, each at the centre of
 * its rank; `half` is the half width of what is drawn there). Inside a rank's column it runs straight
 * along its own row: out of its node, through its label, into the next node; every other box of the
 * column keeps off that row (dagre spaces a rank's boxes, each padded to the column's width). It changes
 * rows only in the empty gaps between columns, with an S-curve that stays inside the gap. So no line
 * crosses a node or a label, and the arrowhead points straight into its node. `columnHalf` of the two
 * ends: the half width of their columns, where the line leaves and enters them.
 */
export function routeEdge(stops: readonly { x: number; y: number; half: number }[], fromColumnHalf: number, toColumnHalf: number): Segment[] {
  const segments: Segment[] = [];
  const first = stops[0]!;
  let cur: Point = { x: first.x + (stops[1]!.x >= first.x ? 1 : -1) * first.half, y: first.y };
  const start = cur;
  const lineTo = (p: Point) => {
    if (Math.abs(p.x - cur.x) >= 0.05 || Math.abs(p.y - cur.y) >= 0.05) segments.push({ from: cur, to: p });
    cur = p;
  };
  for (let i = 0; i < stops.length - 1; i++) {
    const [s0, s1] = [stops[i]!, stops[i + 1]!];
    const dir = s1.x >= s0.x ? 1 : -1;
    const exitHalf = i === 0 ? fromColumnHalf : s0.half;
    const enterHalf = i === stops.length - 2 ? toColumnHalf : s1.half;
    lineTo({ x: s0.x + dir * exitHalf, y: s0.y });
    const enter = { x: s1.x - dir * enterHalf, y: s1.y };
    if (Math.abs(enter.y - cur.y) < 0.5) lineTo(enter);
    else {
      segments.push({ from: cur, to: enter, bend: (cur.x + enter.x) / 2 });
      cur = enter;
    }
    // Into the next stop: its centre (a label or a bend), or the border of the last node.
    lineTo(i === stops.length - 2 ? { x: s1.x - dir * s1.half, y: s1.y } : { x: s1.x, y: s1.y });
  }
  if (!segments.length) segments.push({ from: start, to: start });
  return segments;
}

/**
 * The S-curves that share a gap get a vertical lane each, spread across the gap: lines changing rows
 * in the same gap would otherwise run down its middle on top of one another.
 */
function spreadLanes(all: Segment[][]): void {
  const gaps = new Map<string, Segment[]>();
  for (const segs of all)
    for (const s of segs) {
      if (s.bend === undefined) continue;
      const key = `${Math.round(Math.min(s.from.x, s.to.x))}:${Math.round(Math.max(s.from.x, s.to.x))}`;
      gaps.set(key, [...(gaps.get(key) ?? []), s]);
    }
  for (const curves of gaps.values()) {
    if (curves.length < 2) continue;
    const left = Math.min(curves[0]!.from.x, curves[0]!.to.x);
    const width = Math.abs(curves[0]!.to.x - curves[0]!.from.x);
    // Rows that turn higher up take the lanes nearer the left end; ties keep the edge order.
    const order = [...curves].sort((a, b) => Math.min(a.from.y, a.to.y) - Math.min(b.from.y, b.to.y) || a.to.y - b.to.y);
    const pad = Math.min(8, width / 4);
    order.forEach((c, i) => (c.bend = left + pad + ((width - 2 * pad) * (i + 0.5)) / order.length));
  }
}

/** SVG path data of an edge's segments, and points along it close enough to test what it crosses. */
function draw(segments: readonly Segment[]): { path: string; trace: Point[] } {
  const trace: Point[] = [segments[0]!.from];
  let d = `M${r1(segments[0]!.from.x)},${r1(segments[0]!.from.y)}`;
  for (const s of segments) {
    const { from: a, to: b } = s;
    if (s.bend === undefined) {
      d += ` L${r1(b.x)},${r1(b.y)}`;
      for (let t = 1; t <= 8; t++) trace.push({ x: a.x + ((b.x - a.x) * t) / 8, y: a.y + ((b.y - a.y) * t) / 8 });
    } else {
      const m = s.bend;
      d += ` C${r1(m)},${r1(a.y)} ${r1(m)},${r1(b.y)} ${r1(b.x)},${r1(b.y)}`;
      for (let t = 1; t <= 16; t++) {
        const u = t / 16;
        const [k0, k1, k2, k3] = [(1 - u) ** 3, 3 * u * (1 - u) ** 2, 3 * u ** 2 * (1 - u), u ** 3];
        trace.push({ x: k0 * a.x + (k1 + k2) * m + k3 * b.x, y: (k0 + k1) * a.y + (k2 + k3) * b.y });
      }
    }
  }
  return { path: d, trace };
}

/**
 * Two passes. Dagre centres the boxes of a rank on one line, so a line into a narrow box crossed the
 * column of its wider neighbours (and a line into a short label, the longer labels beside it): the
 * second pass gives every box the width of the widest in its rank (ranks and orders do not depend on
 * widths, so they stay), dagre then keeps every line out of the other boxes of a rank, and the ends are
 * moved from the padded box to the drawn one, inside the padding only this box owns.
 */
export function layoutMap(selection: MapSelection): MapLayout {
  const nodes = [...selection.nodes]
    .sort((a, b) => compareStrings(a.node.id, b.node.id))
    .map(({ node }) => {
      const label = fitLabel(node.label, MAX_NODE_LABEL_PX, NODE_FONT);
      return { node, label, x: 0, y: 0, w: nodeWidth(label, node.type), h: NODE_H } satisfies LaidNode;
    });
  const laid = new Map(nodes.map((n) => [n.node.id, n]));
  const edges = [...selection.edges]
    .filter((e) => laid.has(e.edge.source) && laid.has(e.edge.target))
    .sort((a, b) => compareStrings(a.edge.id, b.edge.id))
    .map(({ edge, anchor }) => {
      const reversed = REVERSED_PHRASES[edge.type];
      const drawn = reversed ? { from: edge.target, to: edge.source, label: reversed } : { from: edge.source, to: edge.target, label: relationPhrase(edge.type) };
      return { edge, anchor, ...drawn, w: edgeLabelWidth(drawn.label) };
    });

  const run = (nodeW: (id: string) => number, labelW: (anchor: string) => number) => {
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'LR', nodesep: 14, edgesep: 10, ranksep: RANK_GAP, marginx: MARGIN, marginy: MARGIN });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of nodes) g.setNode(n.node.id, { width: nodeW(n.node.id), height: n.h });
    for (const e of edges) g.setEdge(e.from, e.to, { width: labelW(e.anchor), height: EDGE_LABEL_H, labelpos: 'c' }, e.anchor);
    dagre.layout(g);
    return g;
  };
  // Pass 1: which boxes share a rank (the same x, left to right).
  const first = run(
    (id) => laid.get(id)!.w,
    (anchor) => edges.find((e) => e.anchor === anchor)!.w,
  );
  const widest = new Map<number, number>();
  const rankOf = new Map<string, number>();
  const note = (key: string, x: number, w: number) => {
    const rank = Math.round(x);
    rankOf.set(key, rank);
    widest.set(rank, Math.max(widest.get(rank) ?? 0, w));
  };
  for (const n of nodes) note(`n:${n.node.id}`, first.node(n.node.id).x, n.w);
  for (const e of edges) note(`e:${e.anchor}`, (first.edge(e.from, e.to, e.anchor) as Point).x, e.w);
  const g = run(
    (id) => widest.get(rankOf.get(`n:${id}`)!)!,
    (anchor) => widest.get(rankOf.get(`e:${anchor}`)!)!,
  );

  for (const n of nodes) {
    const at = g.node(n.node.id);
    n.x = Math.round(at.x - n.w / 2);
    n.y = Math.round(at.y - n.h / 2);
  }
  // The columns: each rank's centre and half width, to route lines through the gaps between them.
  const columns: { x: number; half: number }[] = [
    ...nodes.map((n) => ({ x: g.node(n.node.id).x, half: widest.get(rankOf.get(`n:${n.node.id}`)!)! / 2 })),
    ...edges.map((e) => ({ x: (g.edge(e.from, e.to, e.anchor) as Point).x, half: widest.get(rankOf.get(`e:${e.anchor}`)!)! / 2 })),
  ];
  const halfAt = (x: number) => columns.find((c) => Math.abs(c.x - x) < 1.5)?.half ?? 0;
  const routes = edges.map((e) => {
    const at = g.edge(e.from, e.to, e.anchor) as Point & { points: Point[] };
    const [a, b] = [g.node(e.from), g.node(e.to)];
    const [na, nb] = [laid.get(e.from)!, laid.get(e.to)!];
    const inner = at.points.slice(1, -1).map((p) => ({ x: p.x, y: p.y, half: halfAt(p.x) }));
    const stops = [{ x: a.x, y: a.y, half: na.w / 2 }, ...inner, { x: b.x, y: b.y, half: nb.w / 2 }];
    return { stops, segments: routeEdge(stops, halfAt(a.x), halfAt(b.x)) };
  });
  spreadLanes(routes.map((r) => r.segments));
  const out: LaidEdge[] = edges.map((e, i) => {
    const at = g.edge(e.from, e.to, e.anchor) as Point & { points: Point[] };
    const { stops, segments } = routes[i]!;
    const route = draw(segments);
    return {
      edge: e.edge,
      anchor: e.anchor,
      from: e.from,
      to: e.to,
      points: stops.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })),
      path: route.path,
      trace: route.trace,
      label: e.label,
      labelBox: { x: Math.round(at.x - e.w / 2), y: Math.round(at.y - EDGE_LABEL_H / 2), w: e.w, h: EDGE_LABEL_H },
    };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return {
    width: Math.ceil(graph.width ?? 2 * MARGIN),
    height: Math.ceil(graph.height ?? 2 * MARGIN),
    nodes,
    edges: out,
  };
}

/** True when two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
