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
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
}

export type Positions = Record<string, { x: number; y: number }>;

/** Above this many nodes fcose's default quality takes too long on a 2-core machine (8 s at 438 nodes, 4,175 edges). */
const DRAFT_ABOVE = 200;
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
  const elements: cytoscape.ElementDefinition[] = [
    ...[...ids].sort().map((id) => ({ group: 'nodes' as const, data: { id } })),
    ...input.edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e) => `${e.source}\u0000${e.target}`)
      .sort()
      .map((key, i) => {
        const [source, target] = key.split('\u0000');
        return { group: 'edges' as const, data: { id: `e${i}`, source, target } };
      }),
  ];
  const cy = cytoscape({ headless: true, styleEnabled: false, elements });
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
