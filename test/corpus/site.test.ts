// The real corpus through the real CLI, pages included: every document becomes a page, every
// entity node gets one, and no internal link or image of any page points at a missing file.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, openPage } from '../browser/browser.ts';
import type { SiteData } from '../../src/outputs/site-data.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { requireCorpus } from '../helpers/corpus.ts';
import { labelReport } from '../browser/graph-helpers.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);

// One build of the corpus for every test of this file.
let out = '';
let data = '';
beforeAll(async () => {
  const corpus = requireCorpus();
  const root = await tempDir('docgraph-corpus-site-');
  out = join(root, 'site');
  data = join(root, 'data');
  await run(process.execPath, ['scripts/build.ts', '--content', corpus, '--out', out, '--quiet'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DOCGRAPH_DATA: data, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
});

describe('the corpus site', () => {
  it('has a page for each of the 228 documents and for every entity node', () => {
    const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8')) as SiteData;
    expect(site.documents).toHaveLength(228);
    for (const d of site.documents) expect(existsSync(join(out, 'docs', d.slug, 'index.html')), d.path).toBe(true);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as KnowledgeGraph;
    for (const n of graph.nodes.filter((x) => ['concept', 'tool', 'product', 'discovered'].includes(x.type))) {
      expect(existsSync(join(out, n.url, 'index.html')), n.id).toBe(true);
    }
    expect(existsSync(join(out, 'report.json'))).toBe(true);
  });

  it('resolves every internal href and src of every page to a file of the site', async () => {
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(228);
    const missing: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
        const path = decodeURIComponent(m[1]!.replace(/&amp;/g, '&'));
        const file = path.endsWith('/') ? join(out, path, 'index.html') : join(out, path);
        if (!existsSync(file)) missing.push(`${page}: ${path}`);
      }
      // Nothing is loaded from another origin: images hosted elsewhere are links, not <img>.
      for (const m of html.matchAll(/<(?:img|script|link|iframe)\b[^>]*\s(?:src|href)="((?:https?:)?\/\/[^"]*)"/g)) missing.push(`${page}: loads ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('builds the sidebar from TOC.md and marks the page being read, with its ancestors open', () => {
    const html = readFileSync(join(out, 'docs', 'office-365-integration', 'index.html'), 'utf8');
    const sidebar = /<nav class="sidebar"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    expect(sidebar.match(/aria-current="page"/g)).toHaveLength(1);
    expect(sidebar).toMatch(/<a href="\/docs\/office-365-integration\/" aria-current="page">/);
    // The TOC's first entry, its path to the page and external entries.
    expect(sidebar).toContain('Cloud architecture models');
    expect(sidebar).toMatch(/<li class="nav-branch"><a href="\/docs\/get-your-organization-ready-for-office-365\/">[^<]+<\/a><details open>/);
    expect(sidebar).toMatch(/<a class="ext" href="https:\/\/[^"]+" rel="noopener">/);
  });
});

describe('the corpus site in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let site = '';
  beforeAll(async () => {
    const assets = sirv(out, { dev: false });
    server = createServer((req, res) =>
      assets(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function visit(path: string, colorScheme: 'light' | 'dark', body: (page: Page) => Promise<void>): Promise<void> {
    const { page, problems } = await openPage(browser, { colorScheme });
    try {
      await page.goto(site + path);
      await body(page);
      await expectNoAxeViolations(page);
      expect(problems, `console errors or CSP violations on ${path}`).toEqual([]);
    } finally {
      await page.context().close();
    }
  }

  it.each(['light', 'dark'] as const)('seed article: sidebar, deep link, chips and backlinks (%s)', async (scheme) => {
    await visit('/docs/office-365-integration/#azure-ad-connect', scheme, async (page) => {
      await expect(page.locator('nav.sidebar [aria-current="page"]').textContent()).resolves.toContain('Office 365 integration');
      const top = await page.locator('#azure-ad-connect').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(400);
      expect(await page.locator('.doc-entities .chips li').count()).toBeGreaterThan(10);
      expect(await page.locator('.doc-backlinks li').count()).toBeGreaterThan(0);
    });
  });

  it.each(['light', 'dark'] as const)('Azure AD Connect: replaces DirSync, evidence lands on the seed section (%s)', async (scheme) => {
    await visit('/entities/azure-ad-connect/', scheme, async (page) => {
      // Visible ones: the local graph keeps the same links in a closed list.
      const evidence = page.locator('a[href$="/docs/office-365-integration/#azure-ad-connect"]').filter({ visible: true }).first();
      await expect(page.getByText(/replaces/).filter({ visible: true }).first().isVisible()).resolves.toBe(true);
      await evidence.click();
      await page.waitForURL(/\/docs\/office-365-integration\/#azure-ad-connect$/);
    });
  });

  // No label over another in any graph view of the corpus site at first paint (cytoscape's own boxes),
  // with the focus and all its typed neighbours labelled, and the whole graph not stripped of labels.
  const VIEWS = [
    ['/graph/', 'whole'],
    ['/graph/?focus=azure-ad-connect', 'focus'],
    ['/graph/?from=dirsync&to=ad-fs', 'path'],
    ['/embed/graph/?focus=azure-ad-connect&depth=1', 'focus'],
    ['/entities/azure-ad-connect/', 'local'],
    ['/docs/office-365-integration/', 'local'],
  ] as const;
  it.each([
    [1366, 900, 'light'],
    [360, 740, 'dark'],
  ] as const)('graph views draw no label over another at %i px (%s)', async (width, height, colorScheme) => {
    for (const [path, kind] of VIEWS) {
      const viewport = path.startsWith('/embed/') && width > 640 ? { width: 640, height: 480 } : { width, height };
      const { page, problems } = await openPage(browser, { colorScheme, viewport });
      try {
        await page.goto(site + path);
        if (kind === 'local') {
          await page.locator('[data-local-graph]').scrollIntoViewIfNeeded();
          await page.locator('[data-local-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
        } else await page.locator('[data-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
        const report = await labelReport(page, kind === 'local');
        const where = `${path} at ${width} px`;
        expect(report.labelPairs, where).toEqual([]);
        expect(report.overNodes, where).toEqual([]);
        expect(report.edgeLabelHits, where).toEqual([]);
        if (kind === 'focus') {
          const wanted = await page.evaluate(() => {
            const m = window.docgraph!.model;
            const typed = m.edgesOf('azure-ad-connect').filter((e) => e.type !== 'mentions' && e.type !== 'links-to');
            return [...new Set(['azure-ad-connect', ...typed.map((e) => (e.source === 'azure-ad-connect' ? e.target : e.source))])].sort();
          });
          expect(wanted.length, where).toBeGreaterThan(10);
          expect(report.labelled.sort(), where).toEqual(wanted);
        } else expect(report.labelled.length, where).toBeGreaterThanOrEqual(kind === 'path' ? 2 : 8);
        expect(problems, where).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
  });

  it.each(['light', 'dark'] as const)('link report lists every broken item of report.json (%s)', async (scheme) => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { broken: { file: string; line: number; column: number }[] };
    await visit('/report/', scheme, async (page) => {
      const text = await page.locator('main').textContent();
      for (const b of report.broken) expect(text).toContain(`${b.line}:${b.column}`);
      expect(await page.locator('ul.problems > li').count()).toBeGreaterThanOrEqual(report.broken.length);
    });
  });
});
