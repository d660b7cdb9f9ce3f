// Draws a local graph (src/components/graph/LocalGraph.astro): the few nodes the page carries, laid out
// as a layered diagram (graph-layered.ts: relations read left to right, no box on another) with every
// label that fits (graph-labels.ts). Clicking a node opens its page. When drawn, the element has
// data-state="ready" and its cytoscape core as its `cy` property, for scripts and tests.
import cytoscape from 'cytoscape';
import type { LocalGraph } from '../../lib/local-graph.ts';
import { relationPhrase } from '../../lib/relations.ts';
import { graphStyle, labelScale, themeColours } from './graph-style.ts';
import { nodeLook, shortLabel } from '../../lib/graph-sizing.ts';
import { layered, spanningTree } from './graph-layered.ts';
import { placeLabels } from './graph-labels.ts';

declare global {
  interface HTMLElement {
    /** Set on a drawn `[data-local-graph]` element. */
    cy?: cytoscape.Core;
  }
}
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
        data: { id: n.id, type: n.type, url: n.url, shortLabel: shortLabel(n.label, 28), ...(n.id === focus ? { size: 28, fontSize: 15 } : nodeLook(n.type, 1)) },
      })),
      ...graph.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: `${e.source}|${e.type}|${e.target}`, source: e.source, target: e.target, type: e.type, weight: e.weight, width: 1.5, phrase: relationPhrase(e.type) },
      })),
    ],
    // Every label is worth reading in a graph this small: none is dropped for being small.
    style: [...graphStyle(themeColours(canvas)), { selector: 'node', style: { 'min-zoomed-font-size': 0 } }],
    layout: { name: 'preset' },
    maxZoom: 1.2,
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
  });
  labelScale.value = 1;
  cy.nodes().addClass('near');
  // The page's own relations are named on their edges; mentions of a document's entities stay quiet.
  const named = cy.edges().filter((e) => e.data('type') !== 'mentions' && e.data('type') !== 'links-to').addClass('labelled');
  cy.getElementById(focus).select();
  // The layers come from a breadth-first walk from the page's node: each neighbour one step from it.
  const spine = spanningTree(focus, graph.edges).reduce((tree, e) => tree.union(cy.getElementById(`${e.source}|${e.type}|${e.target}`)), cy.collection());
  layered(cy.nodes(), spine.edges());
  // The canvas takes the diagram's proportions (within bounds), so a tall diagram is not shrunk to specks.
  const box = cy.elements().boundingBox({});
  const height = Math.round(Math.min(560, Math.max(200, (canvas.clientWidth * box.h) / Math.max(1, box.w))));
  if (Math.abs(height - canvas.clientHeight) > 8) {
    canvas.style.height = `${height}px`;
    cy.resize();
  }
  cy.fit(undefined, 16);
  placeLabels(cy, { mandatory: new Set(cy.nodes().map((n) => n.id())), edgeLabels: named });
  cy.on('tap', 'node', (event) => {
    const url = event.target.data('url') as string;
    if (event.target.id() !== focus && url.startsWith('/')) location.href = base + url;
  });
  cy.on('mouseover', 'node, edge', (event) => event.target.addClass('hover'));
  cy.on('mouseout', 'node, edge', (event) => event.target.removeClass('hover'));
  slot.cy = cy;
  slot.dataset.state = 'ready';
}
