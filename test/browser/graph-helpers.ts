// Helpers for the graph tests: wait for the graph island, and click a node where it is drawn (a real
// mouse click on the canvas, found through window.docgraph.nodePosition).
import type { Frame, Page } from 'playwright-core';

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
