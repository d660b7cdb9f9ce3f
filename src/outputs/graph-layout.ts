// Node positions for the interactive graph, computed once at build time so the browser draws the graph
// laid out at once (cytoscape `preset` layout) and the picture stays put between builds.
//
// Deterministic: every node starts at a place derived from its id (so a new node does not move the
// others' starting points), fcose runs without its random spectral start, and the few random choices
// fcose and cose-base still make come from a seeded generator swapped in for Math.random while the
// layout runs. Positions are rounded to whole pixels so graph-view.json does not churn on float noise.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export interface LayoutInput {
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
}

export type Positions = Record<string, { x: number; y: number }>;

/** Above this many nodes fcose's default quality takes too long on a 2-core machine (notes: 8.7 s at 1,000). */
const DRAFT_ABOVE = 200;
/** Room per node in the final picture, in px at zoom 1. */
const SPACING = 90;

/** FNV-1a: a stable 32-bit hash of an id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

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

/** The starting place of a node: a point on a disc, from its id alone. */
function startPosition(id: string, radius: number): { x: number; y: number } {
  const h = hash(id);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const r = Math.sqrt((h >>> 16) / 0x10000) * radius;
  return { x: Math.round(r * Math.cos(angle)), y: Math.round(r * Math.sin(angle)) };
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
  const radius = 40 * Math.sqrt(input.nodes.length + 1);
  const elements: cytoscape.ElementDefinition[] = [
    ...[...ids].sort().map((id) => ({ group: 'nodes' as const, data: { id }, position: startPosition(id, radius) })),
    ...input.edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
  ];
  // preset: keep the starting positions (cytoscape's default 'null' layout would put every node at 0,0).
  const cy = cytoscape({ headless: true, styleEnabled: false, elements, layout: { name: 'preset' } });
  withSeededRandom(1, () => {
    cy.layout({
      name: 'fcose',
      quality: input.nodes.length > DRAFT_ABOVE ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: false,
      nodeRepulsion: () => 6500,
      idealEdgeLength: () => 70,
      numIter: 2500,
      packComponents: true,
    } as cytoscape.LayoutOptions).run();
  });
  // Headless nodes have no size, so fcose packs them tight; spread the picture to about SPACING px per
  // node so the browser's nodes (14-56 px) and labels have room.
  const box = cy.nodes().boundingBox({});
  const scale = Math.max(1, Math.sqrt((input.nodes.length * SPACING ** 2) / Math.max(1, box.w * box.h)));
  const positions: Positions = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions[node.id()] = { x: Math.round(x * scale), y: Math.round(y * scale) };
  });
  cy.destroy();
  return positions;
}
