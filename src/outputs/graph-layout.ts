// Node positions for the interactive graph, computed once at build time so the browser draws the graph
// laid out at once (cytoscape `preset` layout) and the picture stays put between builds.
//
// Deterministic: nodes and edges go in sorted by id, every random choice fcose and cose-base make (the
// spectral start samples nodes at random) comes from a seeded generator swapped in for Math.random while
// the layout runs, and positions are rounded to whole pixels so graph-view.json does not churn on float
// noise. The same graph gives the same picture; a small change to the graph changes the spectral start
// a little, so the picture mostly stays, but it may rotate or mirror.
//
// Time: fcose's cose phase is what takes seconds (8 s for the corpus's 438 nodes and 4,175 edges on
// 2 cores); its spectral start alone ('draft') takes about 1 s and is what graphs above DRAFT_ABOVE get.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export interface LayoutInput {
  /** `width`/`height`: the room a node needs with its label, px at zoom 1 (a point when absent). */
  nodes: { id: string; width?: number; height?: number }[];
  edges: { source: string; target: string }[];
}

export type Positions = Record<string, { x: number; y: number }>;

/** Above this many nodes fcose's default quality takes too long on a 2-core machine (8 s at 438 nodes, 4,175 edges). */
const DRAFT_ABOVE = 200;
/** The same for the entity picture (typed relations only: hundreds of edges, not thousands). */
const SIZED_DRAFT_ABOVE = 1000;
/** Room per node in the final picture, in px at zoom 1. */
const SPACING = 90;

/** mulberry32: a small seeded generator, enough for layout tie-breaking. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withSeededRandom<T>(seed: number, body: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return body();
  } finally {
    Math.random = original;
  }
}

/** Lays the graph out with fcose (headless cytoscape); edges to unknown nodes are ignored. */
export function layoutGraph(input: LayoutInput): Positions {
  const ids = new Set(input.nodes.map((n) => n.id));
  const room = new Map(input.nodes.map((n) => [n.id, { w: n.width ?? 1, h: n.height ?? 1 }]));
  const sized = input.nodes.some((n) => n.width !== undefined);
  const elements: cytoscape.ElementDefinition[] = [
    ...[...ids].sort().map((id) => ({ group: 'nodes' as const, data: { id, w: room.get(id)!.w, h: room.get(id)!.h } })),
    ...input.edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e) => `${e.source}\u0000${e.target}`)
      .sort()
      .filter((key, i, all) => i === 0 || all[i - 1] !== key)
      .map((key, i) => {
        const [source, target] = key.split('\u0000');
        return { group: 'edges' as const, data: { id: `e${i}`, source, target } };
      }),
  ];
  // With sizes, fcose keeps the boxes (node and label) apart; without, nodes are points spread afterwards.
  const cy = cytoscape({ headless: true, styleEnabled: sized, elements, ...(sized ? { style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }] } : {}) });
  withSeededRandom(1, () => {
    cy.layout({
      name: 'fcose',
      // Sized boxes (entities only, few edges) are cheap enough for fcose's full quality up to a thousand.
      quality: input.nodes.length > (sized ? SIZED_DRAFT_ABOVE : DRAFT_ABOVE) ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: false,
      nodeRepulsion: () => (sized ? 3000 : 6500),
      idealEdgeLength: () => (sized ? 50 : 70),
      numIter: 2500,
      packComponents: true,
      tile: true,
      tilingPaddingVertical: 12,
      tilingPaddingHorizontal: 12,
    } as cytoscape.LayoutOptions).run();
  });
  const positions: Positions = {};
  if (sized) {
    const boxes = cy.nodes().map((node) => ({ id: node.id(), ...node.position(), ...room.get(node.id())! }));
    separate(boxes);
    for (const b of boxes) positions[b.id] = { x: Math.round(b.x), y: Math.round(b.y) };
  } else {
    // Headless nodes have no size, so fcose packs them tight; spread the picture to about SPACING px per
    // node so the browser's nodes and labels have room.
    const box = cy.nodes().boundingBox({});
    const scale = Math.max(1, Math.sqrt((input.nodes.length * SPACING ** 2) / Math.max(1, box.w * box.h)));
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      positions[node.id()] = { x: Math.round(x * scale), y: Math.round(y * scale) };
    });
  }
  cy.destroy();
  return positions;
}

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Room kept between two boxes, px. */
const GAP = 8;

/**
 * Pushes overlapping boxes apart until none overlaps (or a pass limit): fcose keeps nodes apart but
 * not whole labels, and a label printed over another is what the reader sees first. Each overlapping
 * pair moves apart along the axis where it overlaps least, half each; deterministic (boxes in id order).
 */
export function separate(boxes: Box[], passes = 300): void {
  boxes.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    const order = [...boxes].sort((a, b) => a.x - a.w / 2 - (b.x - b.w / 2) || (a.id < b.id ? -1 : 1));
    for (let i = 0; i < order.length; i++) {
      const a = order[i]!;
      for (let j = i + 1; j < order.length; j++) {
        const b = order[j]!;
        if (b.x - b.w / 2 >= a.x + a.w / 2 + GAP) break;
        const ox = (a.w + b.w) / 2 + GAP - Math.abs(a.x - b.x);
        const oy = (a.h + b.h) / 2 + GAP - Math.abs(a.y - b.y);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // Ties (same centre) break by id so the result does not depend on float noise.
        if (oy <= ox) {
          const d = (oy / 2 + 0.5) * (a.y < b.y || (a.y === b.y && a.id < b.id) ? 1 : -1);
          a.y -= d;
          b.y += d;
        } else {
          const d = (ox / 2 + 0.5) * (a.x < b.x || (a.x === b.x && a.id < b.id) ? 1 : -1);
          a.x -= d;
          b.x += d;
        }
      }
    }
    if (!moved) return;
  }
}
