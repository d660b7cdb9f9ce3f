// Helpers for the graph tests: wait for the graph island, and click a node where it is drawn (a real
// mouse click on the canvas, found through window.docgraph.nodePosition).
import type { Frame, Page } from 'playwright-core';
import type cytoscape from 'cytoscape';

export async function graphReady(target: Page | Frame): Promise<void> {
  await target.locator('[data-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
}

export async function nodePosition(target: Page | Frame, id: string): Promise<{ x: number; y: number }> {
  const p = await target.evaluate((nodeId) => window.docgraph?.nodePosition(nodeId), id);
  if (!p) throw new Error(`node ${id} is not in the graph`);
  return p;
}

export async function clickNode(page: Page, id: string): Promise<void> {
  // A mouse can only click what the window shows: bring the node into view first, as a reader scrolls.
  const before = await nodePosition(page, id);
  const height = page.viewportSize()?.height ?? 900;
  if (before.y < 0 || before.y > height) {
    await page.evaluate((dy) => window.scrollBy(0, dy), before.y - height / 2);
    // cytoscape learns its canvas's new place from the scroll event: two frames later.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  const p = await nodePosition(page, id);
  await page.mouse.click(p.x, p.y);
}

export async function panelTitle(target: Page | Frame): Promise<string> {
  return (await target.locator('[data-panel] h2').textContent())?.trim() ?? '';
}

/**
 * Chromium's note when cytoscape's WebGL renderer reads back pixels to find the node under a click
 * (a driver performance message, logged as a console warning): expected in tests that click the canvas.
 */
export const webglReadback = (problem: string): boolean => /GL Driver Message .*GPU stall due to ReadPixels/.test(problem);

export interface LabelReport {
  /** Nodes whose label is drawn at the current zoom. */
  labelled: string[];
  /** Pairs "a / b" where a's box with its label meets b's drawn label. */
  labelPairs: string[];
  /** "a / b" where a's box with its label meets b's body. */
  overNodes: string[];
  /** Drawn relation labels that meet a node, a node label or another relation label. */
  edgeLabelHits: string[];
}

/**
 * Label overlaps, from cytoscape's own boxes, in a graph view: `window.docgraph.cy`, or the `cy` of the
 * `[data-local-graph]` element when `local` is set. A label counts as drawn when the element is visible,
 * its label is set, its text is not transparent and its on-screen font size reaches min-zoomed-font-size.
 */
export async function labelReport(target: Page | Frame, local = false): Promise<LabelReport> {
  return target.evaluate((isLocal) => {
    type BB = { x1: number; y1: number; x2: number; y2: number };
    const cy = isLocal ? document.querySelector<HTMLElement>('[data-local-graph]')?.cy : window.docgraph?.cy;
    if (!cy) throw new Error('no graph');
    const meet = (a: BB, b: BB) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const drawn = (e: cytoscape.SingularElementArgument) =>
      e.visible() &&
      String(e.style('label') ?? '') !== '' &&
      Number(e.style('text-opacity')) > 0 &&
      Number(e.effectiveOpacity()) > 0 &&
      parseFloat(String(e.style('font-size'))) * cy.zoom() >= parseFloat(String(e.style('min-zoomed-font-size')));
    const nodes = cy.nodes(':visible').toArray() as cytoscape.NodeSingular[];
    const labelled = nodes.filter(drawn);
    const full = new Map(labelled.map((n) => [n.id(), n.boundingBox({ includeLabels: true }) as BB]));
    const label = new Map(labelled.map((n) => [n.id(), n.boundingBox({ includeNodes: false, includeLabels: true }) as BB]));
    const body = new Map(nodes.map((n) => [n.id(), n.boundingBox({ includeLabels: false }) as BB]));
    const labelPairs: string[] = [];
    const overNodes: string[] = [];
    for (const a of labelled) {
      for (const b of labelled) if (a !== b && meet(full.get(a.id())!, label.get(b.id())!)) labelPairs.push(`${a.id()} / ${b.id()}`);
      for (const b of nodes) if (a !== b && meet(full.get(a.id())!, body.get(b.id())!)) overNodes.push(`${a.id()} / ${b.id()}`);
    }
    const edgeLabelHits: string[] = [];
    const edges = (cy.edges(':visible').toArray() as cytoscape.EdgeSingular[]).filter(drawn);
    const edgeBox = new Map(edges.map((e) => [e.id(), e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) as BB]));
    for (const e of edges) {
      const box = edgeBox.get(e.id())!;
      for (const n of nodes) if (meet(box, body.get(n.id())!) || (full.has(n.id()) && meet(box, full.get(n.id())!))) edgeLabelHits.push(`${e.id()} / ${n.id()}`);
      for (const f of edges) if (f !== e && meet(box, edgeBox.get(f.id())!)) edgeLabelHits.push(`${e.id()} / ${f.id()}`);
    }
    return { labelled: labelled.map((n) => n.id()), labelPairs, overNodes, edgeLabelHits };
  }, local);
}
