// `npm run dev`: editing a Markdown file or the vocabulary updates pages and graph data without a
// restart, and the open browser tab reloads by itself.
import { spawn } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { freePort } from '../../src/build/free-port.ts';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { launchBrowser } from './browser.ts';

interface DevServer {
  /** The temporary folder: `content/` (a copy of the project's) and `data/`. */
  root: string;
  port: number;
  stop(): Promise<void>;
}

/** `npm run dev` on a copy of content/ (changed first by `prepare`), once it says it is ready. */
async function startDev(prefix: string, prepare?: (content: string) => Promise<void>): Promise<DevServer> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await cp(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
  await prepare?.(join(root, 'content'));
  const port = await freePort();
  const dev = spawn('npm', ['run', 'dev', '--', '--content', join(root, 'content'), '--port', String(port)], {
    cwd: PROJECT_ROOT,
    // Without vitest's own variables (VITEST, NODE_ENV=test...), which change how Vite serves pages.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')), DOCGRAPH_DATA: join(root, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = async () => {
    if (dev.pid && dev.exitCode === null) process.kill(-dev.pid, 'SIGTERM');
    await rm(root, { recursive: true, force: true });
  };
  let log = '';
  dev.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  dev.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 90_000;
  while (!/ready in/.test(log)) {
    if (Date.now() > deadline || dev.exitCode !== null) {
      await stop();
      throw new Error(`dev server did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { root, port, stop };
}

describe('npm run dev', () => {
  let server: DevServer | undefined;
  let browser: Browser;
  let root = '';
  let base = '';

  beforeAll(async () => {
    server = await startDev('docgraph-dev-');
    root = server.root;
    base = `http://localhost:${server.port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reloads the open page with the edited heading and updated graph data', async () => {
    const page = await (await browser.newContext()).newPage();
    const res = await page.goto(`${base}/docs/office-365-integration/`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h2#before-you-begin').textContent()).resolves.toBe('Before you begin');
    const file = join(root, 'content', 'office-365-integration.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('## Before you begin', '## Before you start').replace('Azure AD Connect replaces older versions', 'Azure AD Connect supersedes older versions'));
    // No navigation by the test: the dev server tells the tab to reload.
    await page.locator('h2#before-you-start').waitFor({ timeout: 15_000 });
    const graph = (await (await fetch(`${base}/graph.json`)).json()) as { edges: { id: string; evidence: { sentence: string }[] }[] };
    const replaces = graph.edges.find((e) => e.id === 'azure-ad-connect|replaces|dirsync');
    expect(replaces?.evidence.map((e) => e.sentence)).toContainEqual(expect.stringContaining('Azure AD Connect supersedes older versions'));
  });

  // 120 s: the first visit of /graph/ on a fresh clone makes Vite pre-bundle cytoscape and its layouts
  // (and reload the page once it has); beside the other suites on a 2-core CI machine that once took
  // more than 30 s.
  it('serves the search index, graph views and exports from memory, made from the last build', { timeout: 120_000 }, async () => {
    const file = join(root, 'content', 'office-365-integration.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nQuokkasync is a word only this edit adds.\n`);
    const page = await (await browser.newContext()).newPage();
    const failed: string[] = [];
    page.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)));
    // The rebuild is over when the page shows the new sentence.
    await expect.poll(async () => (await page.goto(`${base}/docs/office-365-integration/`), await page.locator('article').textContent()), { timeout: 15_000 }).toContain('Quokkasync');
    // The dev server may still reload the tab for this edit (its full-reload, or Astro's content sync)
    // after the new text shows: a reload mid-typing empties the box, so the search is typed again.
    const searchOnce = async () => {
      await page.goto(`${base}/docs/office-365-integration/`);
      await page.locator('[data-site-search][data-ready]').waitFor({ state: 'attached', timeout: 10_000 });
      await page.locator('#site-search-input').click();
      await page.keyboard.type('quokkasync', { delay: 20 });
      const hit = page.locator('#site-search-results a.search-hit').first();
      return hit.getAttribute('href', { timeout: 10_000 }).catch(() => null);
    };
    await expect.poll(searchOnce, { timeout: 60_000, interval: 500 }).toContain('/docs/office-365-integration/');
    await page.goto(`${base}/graph/`);
    await page.locator('[data-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 90_000 });
    expect(failed).toEqual([]);
    const types = async (path: string) => (await fetch(`${base}${path}`)).headers.get('content-type');
    await expect(types('/embed/svg/azure-ad-connect.svg')).resolves.toBe('image/svg+xml');
    await expect(types('/oembed/azure-ad-connect.json')).resolves.toBe('application/json');
    expect((await (await fetch(`${base}/exports/neo4j/nodes.csv`)).text()).split('\n')[0]).toMatch(/^id:ID/);
    expect((await fetch(`${base}/embed/svg/no-such-entity.svg`)).status).toBe(404);
  });

  it('updates entity pages when the vocabulary changes', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/entities/idfix/`);
    const file = join(root, 'content', 'vocabulary.yaml');
    const text = await readFile(file, 'utf8');
    const marker = 'Edited while the dev server runs.';
    await writeFile(file, text.replace(/(- id: idfix\n(?:.*\n)*?\s+description: )/, `$1${marker} `));
    // The header's description, not its copies in closed panels (local graph list, embed snippets).
    await page.locator('.lede', { hasText: marker }).waitFor({ timeout: 15_000 });
  });
});

describe('npm run dev under a base path', () => {
  it('serves pages, their links and the public files under the base of docgraph.yaml', { timeout: 120_000 }, async () => {
    const server = await startDev('docgraph-dev-base-', (content) => appendFile(join(content, 'docgraph.yaml'), 'base: /handbook/\n'));
    const port = server.port;
    try {
      const base = `http://localhost:${port}/handbook`;
      const graph = await fetch(`${base}/graph.json`);
      expect(graph.headers.get('content-type')).toBe('application/json');
      expect(((await graph.json()) as { schemaVersion: number }).schemaVersion).toBe(1);
      expect((await fetch(`${base}/search/manifest.json`)).status).toBe(200);
      const page = await fetch(`${base}/docs/office-365-integration/`);
      expect(page.status).toBe(200);
      // An article link to another document carries the base, and leads to that page.
      const link = /href="(\/handbook\/docs\/[^"#]+)"/.exec(await page.text())?.[1];
      expect(link).toBeDefined();
      expect((await fetch(`http://localhost:${port}${link}`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
