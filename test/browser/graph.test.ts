// The interactive graph (/graph/) and the local graphs in a real browser, on the seed content: drawing,
// clicking a node, evidence links to the cited section, paths between two entities, filters and URL state,
// unknown ids, the keyboard, and the local graph of an entity page. Seed facts: Azure AD Connect replaces
// DirSync (content/office-365-integration.md, section "Azure AD Connect") and sets up single sign-on.
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { checkPageTypes, useBrowser } from './browser.ts';
import { clickNode, graphReady, panelTitle, webglReadback } from './graph-helpers.ts';

const siteUrl = inject('siteUrl');
const DESKTOP: BrowserContextOptions = { colorScheme: 'light', viewport: { width: 1280, height: 900 } };
const { withPage } = useBrowser();

describe('graph page', () => {
  it('draws the graph and shows a clicked node with its relations and evidence', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${siteUrl}/graph/`);
      await graphReady(page);
      expect(await page.locator('[data-canvas] canvas').count()).toBeGreaterThan(0);
      await clickNode(page, 'azure-ad-connect');
      await expect.poll(() => panelTitle(page)).toBe('Azure AD Connect');
      const relation = page.locator('[data-panel] li[data-edge="azure-ad-connect|replaces|dirsync"]');
      await expect(relation.locator('.relation').textContent()).resolves.toBe('Azure AD Connect replaces DirSync');
      expect(page.url()).toContain('focus=azure-ad-connect');
      // The evidence link opens the seed article at the section that states it.
      const evidence = relation.locator('.evidence a').first();
      await expect(evidence.getAttribute('href')).resolves.toBe('/docs/office-365-integration/#azure-ad-connect');
      await evidence.click();
      await page.waitForURL(`${siteUrl}/docs/office-365-integration/#azure-ad-connect`);
      const heading = page.locator('[id="azure-ad-connect"]');
      await expect(heading.textContent()).resolves.toContain('Azure AD Connect');
      const box = await heading.boundingBox();
      expect(box && box.y >= 0 && box.y < 900).toBe(true);
    }, webglReadback);
  });

  it('shows the path from DirSync to single sign-on hop by hop, with evidence', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${siteUrl}/graph/`);
      await graphReady(page);
      await page.getByLabel('From', { exact: true }).fill('DirSync');
      await page.getByLabel('To', { exact: true }).fill('single sign-on');
      await page.getByRole('button', { name: 'Show paths' }).click();
      await expect.poll(() => panelTitle(page)).toBe('DirSync → single sign-on');
      const hops = page.locator('[data-panel] .hop');
      await expect(hops.locator('.hop-line').allTextContents()).resolves.toEqual([
        'DirSync ←replaces— Azure AD Connect',
        'Azure AD Connect —sets up→ single sign-on',
      ]);
      await expect(hops.locator('.hop-sentence').allTextContents()).resolves.toEqual([
        'Azure AD Connect replaces DirSync.',
        'Azure AD Connect sets up single sign-on.',
      ]);
      for (const hop of await hops.all()) {
        expect(await hop.locator('.evidence blockquote').count()).toBeGreaterThan(0);
        await expect(hop.locator('.evidence a').first().getAttribute('href')).resolves.toMatch(/^\/docs\/[^#]+\/(#.+)?$/);
      }
      expect(new URL(page.url()).search).toBe('?from=dirsync&to=single-sign-on');
      // The path is highlighted in the graph: its nodes and edges, the rest dimmed.
      const onPath = await page.evaluate(() => window.docgraph!.cy.$('.on-path').map((e) => e.id()).sort());
      expect(onPath).toEqual(['azure-ad-connect', 'azure-ad-connect|replaces|dirsync', 'azure-ad-connect|sets-up|single-sign-on', 'dirsync', 'single-sign-on']);
    });
  });

  it('reads filters from the URL, writes them back, and keeps them over a reload', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${siteUrl}/graph/?focus=azure-ad-connect&depth=2&types=tool,concept&rel=replaces,sets-up`);
      await graphReady(page);
      await expect.poll(() => panelTitle(page)).toBe('Azure AD Connect');
      const checked = (name: string) => page.locator(`[data-filters] input[name="${name}"]:checked`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      await expect(checked('types')).resolves.toEqual(['concept', 'tool']);
      await expect(checked('rel')).resolves.toEqual(['replaces', 'sets-up']);
      await expect(page.locator('[data-filters] select[name="depth"]').inputValue()).resolves.toBe('2');
      const visibleTypes = () => page.evaluate(() => [...new Set(window.docgraph!.cy.nodes().filter((n) => !n.hasClass('hidden')).map((n) => n.data('type') as string))].sort());
      await expect(visibleTypes()).resolves.toEqual(['concept', 'tool']);
      // The list beside the graph has the same view as text: only replaces / sets up relations.
      const listed = await page.locator('[data-list] .relation').allTextContents();
      expect(listed.length).toBeGreaterThan(0);
      for (const line of listed) expect(line).toMatch(/ (replaces|sets up) /);
      // Change a filter in the page: the URL follows, and a reload restores it.
      await page.locator('[data-filters] summary').click();
      await page.getByRole('checkbox', { name: 'Product' }).check();
      await expect.poll(() => new URL(page.url()).searchParams.get('types')).toBe('concept,tool,product');
      await page.reload();
      await graphReady(page);
      await expect(visibleTypes()).resolves.toEqual(['concept', 'product', 'tool']);
      await expect.poll(() => panelTitle(page)).toBe('Azure AD Connect');
    });
  });

  it('draws mention and link edges after the first paint, in the focused picture', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${siteUrl}/graph/?focus=azure-ad-connect&layers=documents`);
      await graphReady(page);
      await page.locator('[data-graph][data-edges="complete"]').waitFor({ state: 'attached', timeout: 20_000 });
      const mention = await page.evaluate(() => {
        const edge = window.docgraph!.cy.getElementById('doc:office-365-integration|mentions|azure-ad-connect');
        return { drawn: edge.nonempty(), classes: edge.classes() };
      });
      // Inside the focused neighbourhood, so highlighted like the edges drawn at once.
      expect(mention).toEqual({ drawn: true, classes: ['near'] });
      // What is outside the focus leaves the picture.
      const undimmedOutside = await page.evaluate(() => window.docgraph!.cy.edges('[type = "mentions"]').not('.near').not('.outside').length);
      expect(undimmedOutside).toBe(0);
    });
  });

  it('offers the view on screen as an iframe snippet (Embed this view)', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${siteUrl}/graph/?focus=azure-ad-connect&depth=2`);
      await graphReady(page);
      await page.locator('[data-view-embed][data-ready] summary').click();
      // The entity pages' copy script wires the button here too.
      await expect.poll(() => page.locator('[data-view-embed] button.copy').isVisible()).toBe(true);
      const snippet = await page.locator('#view-embed-iframe').textContent();
      expect(snippet).toMatch(new RegExp(`^<iframe src="${siteUrl}/embed/graph/\\?focus=azure-ad-connect&amp;depth=2"`));
      // The framed page shows the same focus.
      const src = /src="([^"]+)"/.exec(snippet!)![1]!.replace(/&amp;/g, '&');
      await page.goto(src);
      await graphReady(page);
      expect(page.url()).toContain('focus=azure-ad-connect');
    }, webglReadback);
  });

  it('explains unknown ids and bad parameters in the page instead of failing', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${siteUrl}/graph/?focus=no-such-entity&depth=99`);
      await graphReady(page);
      const message = page.locator('[data-message]');
      await expect(message.isVisible()).resolves.toBe(true);
      await expect(message.textContent()).resolves.toContain('No node “no-such-entity” in the graph');
      await expect(message.textContent()).resolves.toContain('depth is a whole number');
      await expect(panelTitle(page)).resolves.toBe('Explore the graph');
    });
  });

  it('finds a node by an alias and centres it', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${siteUrl}/graph/`);
      await graphReady(page);
      await page.getByLabel('Find', { exact: true }).fill('AAD Connect');
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await expect.poll(() => panelTitle(page)).toBe('Azure AD Connect');
      const centred = await page.evaluate(() => {
        const cy = window.docgraph!.cy;
        const p = cy.getElementById('azure-ad-connect').renderedPosition();
        return p.x > 0 && p.x < cy.width() && p.y > 0 && p.y < cy.height();
      });
      expect(centred).toBe(true);
    });
  });

  it('can be walked with the keyboard alone', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${siteUrl}/graph/?focus=dirsync`);
      await graphReady(page);
      await page.locator('[data-canvas]').focus();
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('[data-announce]').textContent()).resolves.toMatch(/^1 of \d+: Azure AD Connect replaces DirSync\. Enter to go there\.$/);
      await page.keyboard.press('Enter');
      await expect.poll(() => panelTitle(page)).toBe('Azure AD Connect');
      expect(page.url()).toContain('focus=azure-ad-connect');
      // The text list is the other way in: every node in it is a button.
      const button = page.locator('[data-list] button.node-ref', { hasText: 'single sign-on' }).first();
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => panelTitle(page)).toBe('single sign-on');
      await page.locator('[data-canvas]').focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => panelTitle(page)).toBe('Explore the graph');
    });
  });
});

describe('local graph', () => {
  it('draws when scrolled into view and opens the full graph focused on the entity', async () => {
    await withPage(DESKTOP, async (page) => {
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await page.goto(`${siteUrl}/entities/azure-ad-connect/`);
      const slot = page.locator('[data-local-graph]');
      await slot.scrollIntoViewIfNeeded();
      await slot.and(page.locator('[data-state="ready"]')).waitFor({ state: 'attached', timeout: 20_000 });
      await expect(slot.locator('details li').allTextContents()).resolves.toContain('Azure AD Connect replaces DirSync');
      await slot.getByRole('link', { name: 'Open Azure AD Connect in the full graph' }).click();
      await page.waitForURL(/\/graph\/\?focus=azure-ad-connect&depth=2$/);
      await graphReady(page);
      await expect.poll(() => panelTitle(page)).toBe('Azure AD Connect');
    });
  });

  it('keeps cytoscape off a document page until the local graph comes into view', async () => {
    await withPage({ ...DESKTOP, viewport: { width: 1280, height: 500 } }, async (page) => {
      const bytes = new Map<string, number>();
      page.on('response', async (r) => {
        if (r.request().resourceType() === 'script') bytes.set(r.url(), (await r.body()).length);
      });
      await page.goto(`${siteUrl}/docs/office-365-integration/`);
      await page.waitForLoadState('networkidle');
      const upFront = [...bytes.keys()];
      await page.locator('[data-local-graph]').scrollIntoViewIfNeeded();
      await page.locator('[data-local-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
      const later = [...bytes.keys()].filter((u) => !upFront.includes(u));
      expect(later.length).toBeGreaterThan(0);
      const upFrontBytes = upFront.reduce((n, u) => n + (bytes.get(u) ?? 0), 0);
      // Raw bytes (not gzip): cytoscape alone is ~400 KB raw, so this fails if it loads up front.
      expect(upFrontBytes).toBeLessThan(60_000);
    });
  });
});

describe('graph pages, as readers see them', () => {
  checkPageTypes({
    siteUrl: () => siteUrl,
    withPage,
    shotPrefix: 'graph-',
    pages: {
      graph: '/graph/',
      'graph-focus': '/graph/?focus=azure-ad-connect',
      'graph-path': '/graph/?from=dirsync&to=single-sign-on',
      embed: '/embed/graph/?focus=azure-ad-connect',
      entity: '/entities/azure-ad-connect/',
    },
    ready: async (page, name) => {
      if (name === 'entity') {
        await page.locator('[data-local-graph]').scrollIntoViewIfNeeded();
        await page.locator('[data-local-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
        await page.evaluate(() => window.scrollTo(0, 0));
      } else {
        await graphReady(page);
      }
    },
  });
});
