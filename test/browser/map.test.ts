// The map of the whole domain in a real browser: /map/ on a laptop (1366x900) and a phone (360 px),
// light and dark; the entities that explain hybrid identity are on it, no two texts overlap, an edge
// leads to its evidence, and axe finds nothing. Also the iframe page and the standalone SVG.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mediawikiSvgProblems } from '../helpers/mediawiki-svg.ts';
import { expectNoAxeViolations, SHOTS_DIR, useBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const { withPage } = useBrowser();

const KEY_ENTITIES = ['dirsync', 'azure-ad-connect', 'ad-fs', 'password-hash-sync', 'pass-through-authentication', 'single-sign-on', 'hybrid-environment'];
const EDGE = 'map-azure-ad-connect--replaces--dirsync';

beforeAll(async () => {
  await mkdir(SHOTS_DIR, { recursive: true });
});

/** Pairs of map texts (node labels, edge labels) whose rendered boxes overlap, and texts wider than their box. */
const textProblems = (page: Page) =>
  page.evaluate(() => {
    const texts = [...document.querySelectorAll<SVGTextElement>('.map-svg .map-node-text, .map-svg .map-label-text')];
    const boxes = texts.map((t) => ({ name: t.textContent ?? '', r: t.getBoundingClientRect(), shape: t.parentElement?.querySelector('.map-shape, .map-label-bg')?.getBoundingClientRect() }));
    const problems: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      const { r, shape, name } = boxes[i]!;
      if (shape && (r.left < shape.left - 0.5 || r.right > shape.right + 0.5)) problems.push(`"${name}" is wider than its box`);
      for (let j = i + 1; j < boxes.length; j++) {
        const o = boxes[j]!.r;
        if (r.left < o.right - 0.5 && o.left < r.right - 0.5 && r.top < o.bottom - 0.5 && o.top < r.bottom - 0.5) problems.push(`"${name}" overlaps "${boxes[j]!.name}"`);
      }
    }
    return { count: texts.length, problems };
  });

describe('/map/', () => {
  for (const [mode, context] of Object.entries({
    light: { colorScheme: 'light' as const, viewport: { width: 1366, height: 900 } },
    dark: { colorScheme: 'dark' as const, viewport: { width: 1366, height: 900 } },
    phone: { colorScheme: 'light' as const, viewport: { width: 360, height: 800 }, isMobile: true },
  })) {
    it(`${mode}: shows the key entities, no text overlaps another, no axe violations`, async () => {
      await withPage(context, async (page) => {
        await page.goto(siteUrl + '/map/');
        const nodes = await page.locator('.map-svg [data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
        expect(nodes.length).toBeGreaterThanOrEqual(25);
        expect(nodes.length).toBeLessThanOrEqual(40);
        for (const id of KEY_ENTITIES) expect(nodes).toContain(id);
        // Every node links to its entity page.
        await expect(page.locator('.map-svg a[data-node="azure-ad-connect"]').getAttribute('href')).resolves.toBe('/entities/azure-ad-connect/');
        const { count, problems } = await textProblems(page);
        expect(count).toBeGreaterThan(50);
        expect(problems).toEqual([]);
        // The page itself does not scroll sideways: only the map's frame does.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.screenshot({ path: path.join(SHOTS_DIR, `map-${mode}.png`) });
        await expectNoAxeViolations(page);
      });
    });
  }

  it('links an edge label to its evidence item: the statement, its sentences and their sections', async () => {
    await withPage({ viewport: { width: 1366, height: 900 } }, async (page) => {
      await page.goto(siteUrl + '/map/');
      const label = page.locator(`.map-svg a.map-label[data-edge="${EDGE}"]`);
      await expect(label.getAttribute('aria-label')).resolves.toBe('Azure AD Connect replaces DirSync: evidence');
      await label.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${EDGE}`);
      const item = page.locator(`#${EDGE}`);
      await expect(item.locator('.statement').textContent()).resolves.toMatch(/Azure AD Connect\s+replaces\s+DirSync/);
      expect(await item.locator('blockquote').count()).toBeGreaterThan(0);
      const section = (await item.locator('a.evidence-link').first().getAttribute('href'))!;
      expect(section).toMatch(/^\/docs\/.+#.+/);
      expect(await item.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })).toBe(true);
      // The line links there too; every edge on the map has its item.
      await expect(page.locator(`.map-svg a.map-edge[href="#${EDGE}"]`).count()).resolves.toBe(1);
      const missing = await page.evaluate(() => [...document.querySelectorAll('.map-svg a.map-label')].map((a) => a.getAttribute('href')!).filter((h) => !document.getElementById(h.slice(1))));
      expect(missing).toEqual([]);
      // The evidence link leads to the section.
      const response = await page.request.get(siteUrl + section.split('#')[0]);
      expect(response.status()).toBe(200);
    });
  });

  it('has an Embed panel whose snippets are absolute and copy with one click', async () => {
    await withPage({ viewport: { width: 1366, height: 900 } }, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
      await page.goto(siteUrl + '/map/');
      await page.locator('summary', { hasText: 'Embed the map' }).click();
      const panel = page.locator('.embed-snippets');
      // Built without --site: the browser rewrites the snippets with the page's own address.
      const iframe = (await panel.locator('[data-snippet="iframe"] pre').textContent())!;
      expect(iframe).toContain(`src="${siteUrl}/embed/map/"`);
      expect(iframe).toContain('width="960" height="640"');
      await expect(panel.locator('[data-snippet="markdown"] pre').textContent()).resolves.toBe(`[![Map of Office 365 hybrid identity](${siteUrl}/embed/map.svg)](${siteUrl}/map/)`);
      await expect(panel.locator('[data-snippet="mediawiki"] pre').textContent()).resolves.toBe(`[${siteUrl}/map/ ${siteUrl}/embed/map.png]`);
      await expect(panel.locator('button.copy:visible').count()).resolves.toBe(4);
      await panel.locator('[data-snippet="markdown"] button.copy').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`[![Map of Office 365 hybrid identity](${siteUrl}/embed/map.svg)](${siteUrl}/map/)`);
      await expect(panel.locator('[data-copy-status]').textContent()).resolves.toBe('Snippet copied.');
      await expectNoAxeViolations(page);
    });
  });

  it('is linked from the home page and the site navigation', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/');
      await expect(page.locator('.map-callout a[href="/map/"]').count()).resolves.toBe(1);
      await expect(page.locator('.site-header nav a[href="/map/"]').count()).resolves.toBe(1);
    });
  });
});

describe('the map embeds', () => {
  it('frames the map without navigation, links opening a new tab, in the asked theme', async () => {
    await withPage({ viewport: { width: 960, height: 640 } }, async (page) => {
      await page.goto(siteUrl + '/embed/map/?theme=dark');
      await expect(page.locator('.site-header').count()).resolves.toBe(0);
      await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
      await expect(page.locator('.map-svg a[data-node="dirsync"]').getAttribute('target')).resolves.toBe('_blank');
      await expect(page.locator(`.map-svg a.map-label[data-edge="${EDGE}"]`).getAttribute('href')).resolves.toBe(`/map/#${EDGE}`);
      await page.screenshot({ path: path.join(SHOTS_DIR, 'map-embed-dark.png') });
      await expectNoAxeViolations(page);
    });
  });

  it('serves a standalone SVG a wiki accepts, a PNG, Mermaid and the oEmbed answer', async () => {
    const svg = await (await fetch(siteUrl + '/embed/map.svg')).text();
    expect(mediawikiSvgProblems(svg)).toEqual([]);
    expect(svg).not.toMatch(/href=/); // no --site for this build: no links at all
    const png = await fetch(siteUrl + '/embed/map.png');
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await (await fetch(siteUrl + '/embed/map.mmd')).text()).startsWith('graph LR\n')).toBe(true);
    const oembed = (await (await fetch(siteUrl + '/embed/map.oembed.json')).json()) as { type: string; html: string };
    expect(oembed.type).toBe('rich');
    expect(oembed.html).toContain('src="/embed/map/"');
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/map/');
      await page.setContent(`<img id="pic" src="${siteUrl}/embed/map.svg" alt="">`);
      const width = await page.locator('#pic').evaluate(async (img: HTMLImageElement) => (await img.decode(), img.naturalWidth));
      expect(width).toBeGreaterThan(800);
    });
  });
});
