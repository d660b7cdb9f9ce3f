// /embed/graph/ inside an <iframe> of a page served from another origin (a second local port): the graph
// draws, a click on a node shows it, links leave the frame for a new tab, and the frame learns the
// page's height through postMessage.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { graphReady, nodePosition, panelTitle, webglReadback } from './graph-helpers.ts';

const siteUrl = inject('siteUrl');
const { withPage } = useBrowser();
let host: Server;
let hostUrl = '';

/** A wiki page of someone else's: an iframe with the embed and the usual auto-resize listener. */
const hostPage = (src: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wiki page</title></head>
<body>
<h1>Our wiki</h1>
<iframe id="graph" title="docgraph" src="${src}" width="900" height="200"></iframe>
<script>
  window.addEventListener('message', (event) => {
    if (event.origin !== ${JSON.stringify(new URL(siteUrl).origin)}) return;
    if (event.data && event.data.type === 'docgraph:height') {
      const frame = document.getElementById('graph');
      frame.height = String(event.data.height);
      frame.dataset.resized = String(event.data.height);
    }
  });
</script>
</body></html>`;

beforeAll(async () => {
  host = createServer((_req, res) => {
    const src = `${siteUrl}/embed/graph/?focus=azure-ad-connect&theme=dark`;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(hostPage(src));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', () => resolve()));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => host.close(() => resolve()));
});

describe('graph embed', () => {
  it('works inside a cross-origin iframe: draws, answers a click, resizes its frame', async () => {
    await withPage({ colorScheme: 'light', viewport: { width: 1000, height: 800 } }, async (page) => {
      expect(new URL(hostUrl).origin).not.toBe(new URL(siteUrl).origin);
      await page.goto(`${hostUrl}/wiki`);
      const frame = page.frame({ url: /\/embed\/graph\// });
      expect(frame).not.toBeNull();
      await graphReady(frame!);
      await expect.poll(() => panelTitle(frame!)).toBe('Azure AD Connect');
      // No site navigation inside the frame; the theme comes from the URL.
      expect(await frame!.locator('.site-header').count()).toBe(0);
      await expect(frame!.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
      // The frame told its parent its height.
      const iframe = page.locator('#graph');
      await expect.poll(() => iframe.getAttribute('data-resized')).not.toBeNull();
      const reported = Number(await iframe.getAttribute('data-resized'));
      const actual = await frame!.evaluate(() => document.documentElement.scrollHeight);
      expect(reported).toBe(actual);
      await expect(iframe.evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height)).resolves.toBeGreaterThan(400);
      // A real click on DirSync, where the frame draws it.
      const box = (await iframe.boundingBox())!;
      const p = await nodePosition(frame!, 'dirsync');
      await page.mouse.click(box.x + p.x, box.y + p.y);
      await expect.poll(() => panelTitle(frame!)).toBe('DirSync');
      // Links leave the frame: a new tab of the top window.
      const targets = await frame!.locator('[data-panel] a, [data-full-graph]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).target));
      expect(targets.length).toBeGreaterThan(1);
      expect(new Set(targets)).toEqual(new Set(['_blank']));
      const [popup] = await Promise.all([page.waitForEvent('popup'), frame!.locator('[data-panel] a').first().click()]);
      await popup.waitForLoadState();
      expect(popup.url()).toMatch(new RegExp(`^${siteUrl}/`));
      await popup.close();
    }, webglReadback);
  });
});
