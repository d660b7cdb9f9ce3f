// How node and relation types look in the graph: shared by the cytoscape style (browser) and the legend
// (Astro, drawn as SVG so no inline style is needed under the CSP). Fill colours are mid-tones that keep
// 3:1 contrast against both the light and the dark page background.
import type { ViewNodeType } from '../outputs/graph-view.ts';
import type { RelationType } from '../pipeline/types.ts';

export type NodeShape = 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'rectangle';

export const NODE_LOOK: Record<ViewNodeType, { color: string; shape: NodeShape; name: string }> = {
  concept: { color: '#3b82c4', shape: 'ellipse', name: 'Concept' },
  tool: { color: '#d9822b', shape: 'round-rectangle', name: 'Tool' },
  product: { color: '#2f9e63', shape: 'hexagon', name: 'Product' },
  discovered: { color: '#8a8f98', shape: 'diamond', name: 'Discovered term' },
  document: { color: '#9a6fd1', shape: 'rectangle', name: 'Document' },
};

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export const RELATION_LOOK: Record<RelationType, { color: string; line: LineStyle; arrow: boolean }> = {
  replaces: { color: '#d1453b', line: 'solid', arrow: true },
  'renamed-to': { color: '#d1453b', line: 'dashed', arrow: true },
  'sets-up': { color: '#2f7fd1', line: 'solid', arrow: true },
  requires: { color: '#b7791f', line: 'solid', arrow: true },
  'part-of': { color: '#2f9e63', line: 'solid', arrow: true },
  'option-of': { color: '#1c9aa8', line: 'dashed', arrow: true },
  'alternative-to': { color: '#c05bb5', line: 'dotted', arrow: false },
  'works-with': { color: '#7c8796', line: 'solid', arrow: false },
  prepares: { color: '#8c6bd1', line: 'solid', arrow: true },
  'integrates-with': { color: '#7c8796', line: 'dashed', arrow: false },
  mentions: { color: '#9aa4b1', line: 'solid', arrow: false },
  'links-to': { color: '#9aa4b1', line: 'dotted', arrow: true },
};

/** SVG path data of a node shape in a 16x16 box, for the legend. */
export const SHAPE_PATH: Record<NodeShape, string> = {
  ellipse: 'M8 1a7 7 0 1 0 0.01 0Z',
  'round-rectangle': 'M4 2h8a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H4a3 3 0 0 1-3-3V5a3 3 0 0 1 3-3Z',
  hexagon: 'M4 1.5h8L15.5 8 12 14.5H4L0.5 8Z',
  diamond: 'M8 0.5 15.5 8 8 15.5 0.5 8Z',
  rectangle: 'M2 3h12v10H2Z',
};
