// The hostile site in a real browser. Content everywhere tries `window.__pwned=1` (script tags,
// onerror, javascript: links, titles, aliases, JSON-LD breakouts, MDX expressions); every page of
// the built site is opened and the test fails if the trap fires, a dialog opens, the CSP blocks
// something (content tried), or any request leaves the site's origin.
//
// PAGES grows as features land: append URLs (the graph, embeds, and search results for each of
// HOSTILE_WORDS, e.g. `/search/?q=${encodeURIComponent(word)}`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/outputs/site-data.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { HOSTILE_WORDS, makeHostileFolder, type HostileFolder } from '../helpers/hostile.ts';
import { openPage, useBrowser } from './browser.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

/** Site pages beyond one per document and entity (which come from the build's own data). */
export const PAGES: string[] = [
  '/',
  '/documents/',
  '/entities/',
  '/report/',
  '/404.html',
  '/docs/no-such-page/',
  ...HOSTILE_WORDS.map((word) => `/search/?q=${encodeURIComponent(word)}`),
  '/graph/',
  '/graph/?focus=widget-tool&depth=2',
  '/embed/graph/?focus=widget-tool&depth=1&theme=dark',
];

const { browser, withPage } = useBrowser();
let folder: HostileFolder;
let server: Server;
let origin = '';
let site: SiteData;
let graph: KnowledgeGraph;

function buildEnv(dataDir: string): NodeJS.ProcessEnv {
  // Vitest's own variables (BASE_URL, MODE...) would be taken over by Astro's config.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));
  return { ...env, DOCGRAPH_DATA: dataDir, ASTRO_TELEMETRY_DISABLED: '1' };
}

function runBuild(content: string, outDir: string, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--content', content, '--out', outDir, '--quiet'], { cwd: projectDir, env: buildEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

beforeAll(async () => {
  folder = await makeHostileFolder('docgraph-hostile-browser-');
  const outDir = path.join(folder.root, 'site');
  const dataDir = path.join(folder.root, 'data');
  await runBuild(folder.content, outDir, dataDir);
  site = JSON.parse(readFileSync(path.join(dataDir, 'site.json'), 'utf8')) as SiteData;
  graph = JSON.parse(readFileSync(path.join(dataDir, 'public', 'graph.json'), 'utf8')) as KnowledgeGraph;
  const assets = sirv(outDir, { dev: false, dotfiles: false });
  server = createServer((req, res) => assets(req, res, () => {
    res.statusCode = 404;
    res.end(readFileSync(path.join(outDir, '404.html')));
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  if (folder) await rm(folder.root, { recursive: true, force: true });
});

/** Every page of the hostile site: documents, entities and the site's own pages. */
function allPages(): string[] {
  const entityUrls = graph.nodes.filter((n) => n.type !== 'document' && n.type !== 'external' && n.url).map((n) => n.url!);
  return [...new Set([...PAGES, ...site.documents.map((d) => d.url), ...entityUrls])].map((u) => encodeURI(decodeURI(u)));
}

/** In the page, before any of its scripts: every payload sets window.__pwned; the setter records it. */
function setTrap(): void {
  let pwned: unknown;
  Object.defineProperty(window, '__pwned', { configurable: false, get: () => pwned, set: (v) => { pwned = v; document.documentElement.dataset.pwned = 'yes'; } });
}

/** In the page: elements and attributes that could run script or leave the origin. */
function unsafeInDom(): string[] {
  const out: string[] = [];
  const safe = (value: string): boolean => {
    const url = new URL(value, location.href);
    return url.origin === location.origin || ['http:', 'https:', 'mailto:'].includes(url.protocol);
  };
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    // Forms are the site's own search boxes; their `action` is checked like any URL below.
    if (['iframe', 'object', 'embed', 'frame', 'base'].includes(tag)) out.push(`<${tag}>`);
    if (tag === 'script') {
      const src = el.getAttribute('src');
      const type = el.getAttribute('type');
      if (src ? new URL(src, location.href).origin !== location.origin : type !== 'application/ld+json') out.push(`<script ${src ?? 'inline'}>`);
    }
    for (const attr of el.attributes) {
      // cytoscape sizes its own canvases through element.style (a script of the site, allowed by the CSP).
      const drawnByGraph = el.closest('.local-graph-canvas, .graph-canvas') !== null;
      if (/^on/i.test(attr.name) || (attr.name === 'style' && tag !== 'html' && !drawnByGraph)) out.push(`<${tag} ${attr.name}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) && !safe(attr.value)) out.push(`<${tag} ${attr.name}="${attr.value}">`);
    }
  }
  return out;
}

describe('the hostile site in Chromium', () => {
  it('lists every document and entity page to visit', () => {
    expect(allPages().length).toBeGreaterThan(15);
  });

  it('has a trap that fires when a payload runs (outside the site, without its CSP)', async () => {
    await withPage({}, async (page) => {
      await page.addInitScript(setTrap);
      await page.goto('about:blank');
      await page.setContent('<img src="data:," onerror="window.__pwned=1">');
      await page.waitForFunction(() => document.documentElement.dataset.pwned === 'yes');
      expect(await page.evaluate(unsafeInDom)).toContain('<img onerror>');
    });
  });

  it('runs no content script, opens no dialog and requests nothing from another origin on any page', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    for (const url of allPages()) {
      const { page, problems } = await openPage(browser());
      try {
        await page.addInitScript(setTrap);
        page.on('dialog', (dialog) => {
          problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
          void dialog.dismiss();
        });
        page.on('request', (request) => {
          const u = new URL(request.url());
          if (u.origin !== origin && u.protocol !== 'data:') problems.push(`request to another origin: ${request.url()}`);
        });
        const response = await page.goto(origin + url);
        // Lazy images and scroll handlers get their chance, then links and summaries are hovered.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        for (const summary of await page.locator('article summary').all()) await summary.click();
        await page.waitForLoadState('networkidle');
        const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? document.documentElement.dataset.pwned);
        if (pwned !== undefined) problems.push(`window.__pwned = ${String(pwned)}`);
        problems.push(...(await page.evaluate(unsafeInDom)));
        const expected404 = url === '/docs/no-such-page/';
        if ((response?.status() ?? 0) >= 400 && !expected404) problems.push(`HTTP ${response?.status()}`);
        const causedByTest = (p: string): boolean => expected404 && (p.startsWith('HTTP 404') || p.includes('status of 404'));
        for (const p of problems) if (!causedByTest(p)) failures.push(`${url}: ${p}`);
      } finally {
        await page.context().close();
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows hostile text as text: titles, headings, code and the MDX page', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${origin}/docs/script-everywhere/`);
      expect(await page.title()).toContain('<script>window.__pwned=1</script>');
      expect(await page.locator('article h2').filter({ hasText: '<script>window.__pwned=1</script>' }).count()).toBe(1);
      await page.goto(`${origin}/docs/code/`);
      expect(await page.locator('article pre code').first().textContent()).toContain('<script>window.__pwned=1</script>');
      await page.goto(`${origin}/docs/hostile/`);
      await expect(page.locator('article a.entity-link').first().getAttribute('href')).resolves.toBe('/entities/widget-tool/');
      expect(await page.locator('article').textContent()).not.toContain('boom');
    });
  });

  it('shows entity labels, aliases and descriptions as text on the entity page', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${origin}/entities/widget-tool/`);
      expect(await page.locator('main').textContent()).toContain('</script><script>window.__pwned=1</script>');
    });
  });
});
