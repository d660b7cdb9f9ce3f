// Draws a local graph (src/components/graph/LocalGraph.astro): the few nodes the page carries, laid out
// around the page's own node (a concentric layout of a couple of dozen nodes is instant). Clicking a
// node opens its page.
import cytoscape from 'cytoscape';
import type { LocalGraph } from '../../lib/local-graph.ts';
import { relationPhrase } from '../../lib/relations.ts';
import { graphStyle, labelScale, labelScaleFor, themeColours } from './graph-style.ts';
import { preventCytoscapeStyleElement } from './csp.ts';

export function drawLocalGraph(slot: HTMLElement): void {
  const canvas = slot.querySelector<HTMLElement>('.local-graph-canvas');
  if (!canvas || !slot.dataset.graph) return;
  const graph = JSON.parse(slot.dataset.graph) as LocalGraph;
  const focus = slot.dataset.focus!;
  const base = slot.dataset.base ?? '';
  preventCytoscapeStyleElement();
  const cy = cytoscape({
    container: canvas,
    elements: [
      ...graph.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, type: n.type, url: n.url, shortLabel: n.label.length > 26 ? `${n.label.slice(0, 24)}…` : n.label, size: n.id === focus ? 30 : 18, fontSize: n.id === focus ? 16 : 13 },
      })),
      ...graph.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: `${e.source}|${e.type}|${e.target}`, source: e.source, target: e.target, type: e.type, weight: e.weight, width: 1.5, phrase: relationPhrase(e.type) },
      })),
    ],
    // Every label is worth reading in a graph this small: none is dropped for being small.
    style: [...graphStyle(themeColours(canvas)), { selector: 'node', style: { 'min-zoomed-font-size': 0 } }],
    // One ring around the page's node; the spacing leaves room for the labels under the nodes.
    layout: { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => (n.id() === focus ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 70, spacingFactor: 1.2, padding: 24, animate: false },
    maxZoom: 1.2,
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
  });
  cy.nodes().addClass('near');
  // The ring is fitted into a small box; labels keep a readable size on screen (graph-style.ts).
  labelScale.value = labelScaleFor(cy.zoom());
  cy.style().update();
  cy.getElementById(focus).select();
  cy.on('tap', 'node', (event) => {
    const url = event.target.data('url') as string;
    if (event.target.id() !== focus && url.startsWith('/')) location.href = base + url;
  });
  cy.on('mouseover', 'node, edge', (event) => event.target.addClass('hover'));
  cy.on('mouseout', 'node, edge', (event) => event.target.removeClass('hover'));
  slot.dataset.state = 'ready';
}
