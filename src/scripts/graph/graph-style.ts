// The cytoscape stylesheet: node shape and colour by type, edge colour and line by relation type
// (src/lib/graph-palette.ts, shared with the legend). Text colours come from the page's own CSS
// (`color`/`background-color` of the graph's container), so labels follow the light or dark theme.
import type cytoscape from 'cytoscape';
import { NODE_LOOK, RELATION_LOOK } from '../../lib/graph-palette.ts';

export interface ThemeColours {
  text: string;
  background: string;
  accent: string;
}

export function themeColours(element: HTMLElement): ThemeColours {
  const style = getComputedStyle(element);
  return {
    text: style.color,
    background: style.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : style.backgroundColor,
    // graph.css sets caret-color to var(--focus): a custom property reads back unresolved (light-dark()),
    // a real colour property reads back as the colour in effect.
    accent: style.caretColor,
  };
}

/**
 * How much bigger than their nominal size labels are drawn: zoomed out to see the whole graph, labels
 * would shrink to specks, so they grow back up to keep about LABEL_HOLD of their size on screen.
 * graph-app.ts updates it as the reader zooms.
 */
export const labelScale = { value: 1 };
const LABEL_HOLD = 0.7;

export function labelScaleFor(zoom: number): number {
  return Math.max(1, LABEL_HOLD / zoom);
}

/**
 * `big`: thousands of nodes. Every style that costs per element goes: labels only on the nodes in focus,
 * on a path or under the pointer, fixed label sizes (a function value is recomputed for every node),
 * and every edge drawn as the cheapest kind (haystack: no arrow).
 */
export function graphStyle(colours: ThemeColours, big = false, clustered = false): cytoscape.StylesheetJson {
  const nodeFont = big ? 'data(fontSize)' : (node: cytoscape.NodeSingular) => (node.data('fontSize') as number) * labelScale.value;
  const focusFont = big ? 15 : () => 15 * labelScale.value;
  const sheet: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1,
        'border-color': colours.background,
        label: 'data(shortLabel)',
        'font-size': nodeFont,
        'font-family': 'system-ui, sans-serif',
        color: colours.text,
        'text-outline-color': colours.background,
        'text-outline-width': 2,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        // Labels too small to read at the current zoom are not drawn (labels are shortened in data, not
        // with text-wrap: ellipsis, which measures every label over and over). Which labels fit beside
        // each other is decided by graph-labels.ts.
        'min-zoomed-font-size': 6,
      },
    },
    ...Object.entries(NODE_LOOK).map(([type, look]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': look.color, shape: look.shape },
    })),
    // Documents are many and their titles long: labelled only when they matter (focus, path, hover).
    { selector: 'node[type = "document"]', style: { label: '' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'curve-style': 'straight',
        opacity: 0.55,
        'arrow-scale': 0.8,
        'font-size': 11,
        color: colours.text,
        // Relation names read horizontally on a plate of the page colour, so an edge never runs through one.
        'text-background-color': colours.background,
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'text-rotation': 'none',
      },
    },
    ...Object.entries(RELATION_LOOK).map(([type, look]) => ({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': look.color,
        'line-style': look.line,
        'target-arrow-color': look.color,
        'target-arrow-shape': look.arrow ? ('triangle' as const) : ('none' as const),
      },
    })),
    // Thousands of mention and link edges: haystack is the cheapest edge to draw (no arrow, no label box).
    { selector: 'edge[type = "mentions"], edge[type = "links-to"]', style: { opacity: 0.25, 'curve-style': 'haystack' } },
    { selector: '.hidden, .outside', style: { display: 'none' } },
    { selector: '.dim', style: { opacity: 0.08, 'text-opacity': 0 } },
    { selector: 'node.near, node.on-path, node:selected, node.hover, node.candidate', style: { label: 'data(shortLabel)', 'z-index': 10 } },
    { selector: 'edge.near, edge.on-path', style: { opacity: 0.9 } },
    // Edge labels on hover and in focus: "replaces", "sets up".
    { selector: 'edge.hover, edge.on-path, edge.labelled', style: { label: 'data(phrase)', opacity: 1, 'z-index': 20 } },
    { selector: 'edge.on-path', style: { width: 4 } },
    // A label that would cover another label or node waits until the reader zooms in (graph-labels.ts).
    { selector: '.no-label', style: { label: '' } },
    { selector: 'node.hover', style: { label: 'data(shortLabel)' } },
    {
      selector: 'node:selected, node.on-path',
      style: { 'border-width': 3, 'border-color': colours.accent, 'font-weight': 'bold', 'font-size': focusFont },
    },
    { selector: 'node.candidate', style: { 'border-width': 4, 'border-color': colours.accent, 'border-style': 'dashed' } },
  ];
  if (!big) return sheet;
  return [
    ...sheet,
    { selector: 'node', style: { label: '' } },
    { selector: 'edge', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none' } },
    { selector: 'node.near, node.on-path, node:selected, node.hover, node.candidate', style: { label: 'data(shortLabel)' } },
    ...(clustered ? clusterStyle(colours) : []),
    { selector: '.no-label', style: { label: '' } },
    { selector: 'node.hover', style: { label: 'data(shortLabel)' } },
  ];
}

/**
 * A clustered site (graph-clusters.ts): the vocabulary's entities are few enough to name (labels too small
 * to read at the current zoom are skipped); folded clusters are big document squares, always named, with
 * faint edges.
 */
function clusterStyle(colours: ThemeColours): cytoscape.StylesheetJson {
  return [
    { selector: 'node[type = "concept"], node[type = "tool"], node[type = "product"]', style: { label: 'data(shortLabel)' } },
    {
      selector: 'node.cluster',
      style: {
        label: 'data(shortLabel)',
        'font-size': 'data(fontSize)',
        'text-wrap': 'wrap',
        'text-max-width': '180px',
        'border-width': 3,
        'border-style': 'double',
        'border-color': colours.text,
        'background-opacity': 0.85,
      },
    },
    { selector: 'edge.cluster-edge', style: { opacity: 0.15, 'curve-style': 'haystack' } },
    { selector: 'node.cluster.dim', style: { opacity: 0.08, 'text-opacity': 0 } },
  ];
}
