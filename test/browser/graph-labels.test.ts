// No label over another, at first paint, in every graph view of the seed content: /graph/ (whole, focus,
// path), /embed/graph/ in a 640×480 frame, and the local graphs of an entity and a document page, at
// 1366×900 and at phone width, light and dark. Measured from cytoscape's own boxes (labelReport), with
// the labels a reader must get: every entity of the whole graph, the focus and all its typed neighbours.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { graphReady, labelReport } from './graph-helpers.ts';

const siteUrl = inject('siteUrl');
const { withPage } = useBrowser();

const SIZES: [string, BrowserContextOptions][] = [
  ['1366×900 light', { colorScheme: 'light', viewport: { width: 1366, height: 900 } }],
  // The embed is also checked in its 640×480 frame in dark (the 1366 run frames it in light).
  ['1366×900 dark', { colorScheme: 'dark', viewport: { width: 1366, height: 900 } }],
  ['360 px dark', { colorScheme: 'dark', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }],
];

async function typedNeighbours(page: Page, id: string): Promise<string[]> {
  return page.evaluate((focus) => {
    const model = window.docgraph!.model;
    const typed = model.edgesOf(focus).filter((e) => e.type !== 'mentions' && e.type !== 'links-to');
    return [...new Set([focus, ...typed.map((e) => (e.source === focus ? e.target : e.source))])].sort();
  }, id);
}

async function entities(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window.docgraph!.cy.nodes(':visible').filter((n) => n.data('type') !== 'document').map((n) => n.id()).sort(),
  );
}

function expectClean(report: Awaited<ReturnType<typeof labelReport>>): void {
  expect(report.labelPairs).toEqual([]);
  expect(report.overNodes).toEqual([]);
  expect(report.edgeLabelHits).toEqual([]);
}

describe.each(SIZES)('graph labels at %s', (_name, options) => {
  it('labels every entity of the whole graph, none over another, and opens on knowledge', async () => {
    await withPage(options, async (page) => {
      await page.goto(`${siteUrl}/graph/`);
      await graphReady(page);
      const report = await labelReport(page);
      expectClean(report);
      const shown = await entities(page);
      expect(shown.length).toBeGreaterThan(20);
      expect(report.labelled.sort()).toEqual(shown);
      // Documents, mentions and links are a layer the reader turns on.
      const visible = await page.evaluate(() => window.docgraph!.cy.elements(':visible').map((e) => e.data('type') as string));
      expect(visible).not.toContain('document');
      expect(visible).not.toContain('mentions');
      await page.getByLabel('Show documents, mentions and links').check();
      await expect.poll(() => page.evaluate(() => window.docgraph!.cy.nodes('[type = "document"]:visible').length)).toBeGreaterThan(0);
      expect(page.url()).toContain('layers=documents');
      expectClean(await labelReport(page));
    });
  });

  for (const [view, url] of [
    ['focus', '/graph/?focus=azure-ad-connect'],
    ['embed', '/embed/graph/?focus=azure-ad-connect&depth=1'],
  ] as const) {
    it(`labels the focus and all its typed neighbours in the ${view} view`, async () => {
      const frame = view === 'embed' ? { ...options, viewport: options.viewport!.width > 640 ? { width: 640, height: 480 } : options.viewport! } : options;
      await withPage(frame, async (page) => {
        await page.goto(siteUrl + url);
        await graphReady(page);
        const report = await labelReport(page);
        expectClean(report);
        const wanted = await typedNeighbours(page, 'azure-ad-connect');
        expect(wanted.length).toBeGreaterThan(5);
        expect(report.labelled.sort()).toEqual(wanted);
        // Typed edges say what they are.
        const named = await page.evaluate(() => window.docgraph!.cy.edges('.labelled:visible').filter((e) => e.style('label') !== '').map((e) => e.style('label') as string));
        expect(named).toContain('replaces');
      });
    });
  }

  it('labels every node of a path', async () => {
    await withPage(options, async (page) => {
      await page.goto(`${siteUrl}/graph/?from=dirsync&to=ad-fs`);
      await graphReady(page);
      const report = await labelReport(page);
      expectClean(report);
      const onPath = await page.evaluate(() => window.docgraph!.cy.nodes('.on-path').map((n) => n.id()).sort());
      expect(onPath.length).toBeGreaterThan(1);
      expect(report.labelled.sort()).toEqual(onPath);
    });
  });

  for (const [page_, url, min] of [
    ['entity', '/entities/azure-ad-connect/', 6],
    ['document', '/docs/office-365-integration/', 6],
  ] as const) {
    it(`draws the local graph of an ${page_} page with every label and none over another`, async () => {
      await withPage(options, async (page) => {
        await page.goto(siteUrl + url);
        const slot = page.locator('[data-local-graph]');
        await slot.scrollIntoViewIfNeeded();
        await page.locator('[data-local-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
        const report = await labelReport(page, true);
        expectClean(report);
        const all = await page.evaluate(() => document.querySelector<HTMLElement>('[data-local-graph]')!.cy!.nodes().map((n) => n.id()).sort());
        expect(all.length).toBeGreaterThanOrEqual(min);
        expect(report.labelled.sort()).toEqual(all);
        // Knowledge first: an entity's local graph is what is stated about it, not its documents.
        if (page_ === 'entity') expect(all.some((id) => id.startsWith('doc:'))).toBe(false);
      });
    });
  }
});
