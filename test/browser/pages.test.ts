// The site's own pages in a real browser: home (counts, start here), the entity index (A–Z, type filter with
// and without JavaScript), the document index, the link report (against report.json, for content/ and for
// the broken links of test/fixtures/pipeline/basic), permanent URLs for other entity names, the 404 page's
// suggestions, sitemap.xml and robots.txt, JSON-LD, and axe in light and dark with screenshots.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { aliasRedirects } from '../../src/lib/aliases.ts';
import { jsonLdString } from '../../src/lib/seo.ts';
import { suggest } from '../../src/lib/suggest.ts';
import type { SiteData } from '../../src/outputs/site-data.ts';
import type { BuildReport } from '../../src/pipeline/report.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { checkPageTypes, expectNoAxeViolations, openPage, SHOTS_DIR, useBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const SEED_URL = '/docs/office-365-integration/';
const SEED_TITLE = 'Office 365 integration with on-premises environments';
const OVERVIEW_URL = '/docs/overview/';
const ENTITY_TYPES = ['concept', 'tool', 'product', 'discovered'];

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const site = readJson<SiteData>(path.join(dataDir, 'site.json'));
const graph = readJson<KnowledgeGraph>(path.join(dataDir, 'public', 'graph.json'));
const report = readJson<BuildReport>(path.join(dataDir, 'public', 'report.json'));
const entities = graph.nodes.filter((n) => ENTITY_TYPES.includes(n.type));

const { browser: currentBrowser, withPage } = useBrowser();

/**
 * The environment for a CLI build from inside a test worker: vitest sets Vite's own variables
 * (BASE_URL=/, MODE, DEV, PROD, SSR) in process.env, and Astro would take BASE_URL over --base.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return env;
}

/** Serves `/404.html` (with status 404) for `url`, the way a static host serves its not-found page. */
async function serveNotFound(page: Page, base: string, url: string): Promise<void> {
  const html = await (await fetch(base + '/404.html')).text();
  await page.route(base + url, (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: html }));
}

describe('home', () => {
  it('shows what the set covers and start-here links that work', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/');
      const counts = Object.fromEntries(
        await page.locator('.counts > div').evaluateAll((divs) =>
          divs.map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()]),
        ),
      );
      expect(counts['Documents']).toBe(String(site.documents.length));
      expect(counts['Entities']).toBe(String(entities.length));
      expect(counts['Broken links']).toBe(String(report.broken.length));
      // The overview comes first, then the most linked-to document.
      const start = page.locator('.start-here a');
      await expect(start.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual([OVERVIEW_URL, SEED_URL]);
      await start.nth(1).click();
      await page.waitForURL(siteUrl + SEED_URL);
      await expect(page.locator('h1').first().textContent()).resolves.toContain(SEED_TITLE);
      await page.goBack();
      await start.first().click();
      await page.waitForURL(siteUrl + OVERVIEW_URL);
    });
  });

  it('links the indexes, the link report and both JSON files, and lists the most connected entities', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/');
      const main = page.getByRole('main');
      for (const href of ['/entities/', '/documents/', '/report/', '/graph.json', '/report.json']) {
        expect(await main.locator(`a[href="${href}"]`).count(), href).toBeGreaterThan(0);
      }
      const first = await page.locator('.main-entities li').first().getAttribute('data-entity');
      // office-365 has the most typed relations in the seed graph.
      expect(first).toBe('office-365');
    });
  });
});

describe('entity index', () => {
  it('lists every entity A–Z with letter jump links', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/entities/');
      const hrefs = await page.locator('.az .entity-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.sort()).toEqual(entities.map((n) => n.url).sort());
      const labels = await page.locator('.az .entity-list a').allTextContents();
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
      const jumps = page.locator('.letters a');
      expect(await jumps.count()).toBeGreaterThan(3);
      for (const href of await jumps.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
        const letter = href.replace('#letter-', '').toUpperCase();
        const items = await page.locator(`${href} + ul a`).allTextContents();
        expect(items.length, href).toBeGreaterThan(0);
        for (const label of items) expect(label.charAt(0).toUpperCase(), label).toBe(letter);
      }
      await page.locator('.letters a', { hasText: /^S$/ }).click();
      await page.waitForURL(/#letter-s$/);
    });
  });

  it('filters by type without JavaScript (type links jump to one section per type)', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(siteUrl + '/entities/');
      await expect(page.locator('.filter-choice').count()).resolves.toBe(0);
      await page.locator('.type-filter a[data-type="tool"]').click();
      await page.waitForURL(/#type-tool$/);
      const tools = await page.locator('#type-tool a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(tools.sort()).toEqual(entities.filter((n) => n.type === 'tool').map((n) => n.url).sort());
    });
  });

  it('filters the A–Z list in place with the optional script', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/entities/');
      await page.getByRole('radio', { name: 'Tools' }).check();
      const visible = page.locator('.az .entity-list li:visible');
      await expect(visible.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-type')))).resolves.toEqual(
        entities.filter((n) => n.type === 'tool').map(() => 'tool'),
      );
      // The type links now filter too.
      await page.locator('.type-filter a[data-type="product"]').click();
      await expect(page.getByRole('radio', { name: 'Products' }).isChecked()).resolves.toBe(true);
      expect(await visible.count()).toBe(entities.filter((n) => n.type === 'product').length);
      await page.getByRole('radio', { name: 'All' }).check();
      expect(await visible.count()).toBe(entities.length);
    });
  });
});

describe('document index', () => {
  it('lists both content documents with title, path and description', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/documents/');
      for (const doc of site.documents) {
        const item = page.locator(`.document-list li[data-doc="${doc.id}"]`);
        await expect(item.locator('a.doc-title').getAttribute('href')).resolves.toBe(doc.url);
        await expect(item.locator('a.doc-title').textContent()).resolves.toBe(doc.title);
        await expect(item.locator('.doc-path').textContent()).resolves.toBe(doc.path);
        if (doc.description) await expect(item.locator('.doc-description').textContent()).resolves.toBe(doc.description);
      }
      expect(await page.locator('.document-list li').count()).toBe(site.documents.length);
    });
  });
});

/** Checks the link report page at `base` against the report.json it was built from. */
async function checkReportPage(page: Page, base: string, data: BuildReport): Promise<void> {
  await page.goto(base + '/report/');
  await expect(page.locator('[data-count="broken"] dd').textContent()).resolves.toBe(String(data.broken.length));
  const items = page.locator('.broken-item');
  expect(await items.count()).toBe(data.broken.length);
  if (data.broken.length === 0) {
    await expect(page.locator('#broken + .all-good').textContent()).resolves.toMatch(/^None/);
  }
  for (const b of data.broken) {
    const item = page.locator(`.broken-item[data-location="${b.file}:${b.line}:${b.column}"]`);
    await expect(item.count(), `${b.file}:${b.line}:${b.column}`).resolves.toBe(1);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain(`${b.file}:${b.line}:${b.column}`);
    expect(text).toContain(b.url);
    if (b.text) expect(text).toContain(b.text);
    await expect(item.getAttribute('data-reason')).resolves.toBe(b.reason);
  }
  // Every other diagnostic is listed at its location too.
  const brokenAt = new Set(data.broken.map((b) => `${b.file}:${b.line}:${b.column}`));
  const locations = await page.locator('.diagnostic').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-location')));
  for (const d of data.diagnostics) {
    if (d.code.startsWith('broken-') && brokenAt.has(`${d.file}:${d.line}:${d.column}`)) continue;
    expect(locations, `${d.code} at ${d.file}:${d.line}:${d.column}`).toContain(`${d.file}:${d.line}:${d.column}`);
  }
}

describe('link report', () => {
  it('shows report.json of content/: every broken item (none for the seed) and every warning', async () => {
    await withPage({}, (page) => checkReportPage(page, siteUrl, report));
  });

  // Built with --site and --base, so the same build also checks absolute URLs and the base path.
  describe('for a folder with broken links (test/fixtures/pipeline/basic, --site, --base /handbook/)', () => {
    const ORIGIN = 'https://docs.example.com';
    let tmp = '';
    let server: Server | undefined;
    let baseUrl = '';
    let basicReport: BuildReport;

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(tmpdir(), 'docgraph-pages-'));
      const out = path.join(tmp, 'site');
      const data = path.join(tmp, 'data');
      await new Promise<void>((resolve, reject) => {
        const child = spawn('npm', ['run', 'build', '--', '--content', 'test/fixtures/pipeline/basic', '--out', out, '--quiet', '--site', ORIGIN, '--base', '/handbook/'], {
          cwd: projectDir,
          env: { ...buildEnv(), DOCGRAPH_DATA: data, ASTRO_TELEMETRY_DISABLED: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (c: Buffer) => (output += c.toString()));
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build exited with ${code}:\n${output.slice(-4000)}`))));
      });
      basicReport = readJson<BuildReport>(path.join(data, 'public', 'report.json'));
      // The site lives under /handbook/, as it would on the host.
      const assets = sirv(out, { dev: false });
      const notFound = (res: import('node:http').ServerResponse) => {
        res.statusCode = 404;
        res.end('Not found');
      };
      server = createServer((req, res) => {
        if (!req.url?.startsWith('/handbook/')) return notFound(res);
        req.url = req.url.slice('/handbook'.length);
        assets(req, res, () => notFound(res));
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/handbook`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      if (tmp) await rm(tmp, { recursive: true, force: true });
    });

    it('lists its 5 broken items with file:line:column, reason, URL and text', async () => {
      expect(basicReport.broken).toHaveLength(5);
      await withPage({}, async (page) => {
        await checkReportPage(page, baseUrl, basicReport);
        const text = (await page.getByRole('main').textContent()) ?? '';
        for (const where of ['index.md:17:1', 'index.md:19:32', 'index.md:19:63', 'index.md:19:92', 'index.md:19:118']) {
          expect(text).toContain(where);
        }
        // The unsafe URL is shown as text, never as a link.
        await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
        await page.screenshot({ path: path.join(SHOTS_DIR, 'pages-report-basic-light.png'), fullPage: true });
        await expectNoAxeViolations(page);
      });
    });

    it('publishes absolute canonical, Open Graph, sitemap and robots URLs under the base path', async () => {
      await withPage({}, async (page) => {
        await page.goto(baseUrl + '/report/');
        await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(`${ORIGIN}/handbook/report/`);
        await expect(page.locator('meta[property="og:url"]').getAttribute('content')).resolves.toBe(`${ORIGIN}/handbook/report/`);
        await expect(page.locator('meta[property="og:title"]').getAttribute('content')).resolves.toBe('Link report');
        const xml = await (await page.request.get(baseUrl + '/sitemap.xml')).text();
        const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
        expect(locs.length).toBeGreaterThan(4);
        expect(locs).toContain(`${ORIGIN}/handbook/`);
        expect(locs).toContain(`${ORIGIN}/handbook/report/`);
        // Every listed page exists on the served copy.
        for (const loc of locs) expect((await page.request.get(loc.replace(ORIGIN + '/handbook', baseUrl))).status(), loc).toBe(200);
        const robots = await (await page.request.get(baseUrl + '/robots.txt')).text();
        expect(robots).toMatch(new RegExp(`^Sitemap: ${ORIGIN}/handbook/sitemap\\.xml$`, 'm'));
        const entries = (await (await page.request.get(baseUrl + '/404-index.json')).json()) as { u: string }[];
        expect(entries.length).toBeGreaterThan(0);
        for (const e of entries) expect(e.u.startsWith('/handbook/')).toBe(true);
      });
    });
  });
});

describe('entity pages', () => {
  it('redirects old and other names to the entity page', async () => {
    await withPage({}, async (page) => {
      for (const from of ['/entities/aad-connect/', '/entities/microsoft-entra-connect/']) {
        await page.goto(siteUrl + from);
        await page.waitForURL(siteUrl + '/entities/azure-ad-connect/');
        await expect(page.locator('h1').textContent()).resolves.toBe('Azure AD Connect');
      }
    });
  });

  it('publishes a redirect for every unambiguous other name, and none over a real entity page', async () => {
    const { redirects, skipped } = aliasRedirects(
      entities.map((n) => ({ route: n.url.split('/')[2]!, label: n.label, aliases: n.aliases })),
    );
    const routes = new Set(entities.map((n) => n.url));
    for (const r of redirects) {
      expect(routes.has(`/entities/${r.slug}/`)).toBe(false);
      const html = await (await fetch(`${siteUrl}/entities/${r.slug}/`)).text();
      expect(html, r.slug).toContain(`url=/entities/${r.target}/`);
      expect(html).toContain(`<link rel="canonical" href="/entities/${r.target}/">`);
    }
    for (const s of skipped) expect(s.reason === 'entity-page' || s.claimedBy.length > 1).toBe(true);
    // Collisions: an entity page wins over a name; a name two entities share goes to neither.
    const ruled = aliasRedirects([
      { route: 'a', label: 'A', aliases: ['Shared', 'B'] },
      { route: 'b', label: 'B', aliases: ['Shared', 'Only B'] },
    ]);
    expect(ruled.redirects).toEqual([{ slug: 'only-b', target: 'b', names: ['Only B'] }]);
    expect(ruled.skipped.map((s) => `${s.slug}:${s.reason}`)).toEqual(['b:entity-page', 'shared:ambiguous', 'shared:ambiguous']);
  });

  it('carries DefinedTerm JSON-LD that parses, without a CSP violation', async () => {
    await withPage({}, async (page) => {
      for (const node of entities) {
        await page.goto(siteUrl + node.url);
        const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
        expect(blocks, node.id).toHaveLength(1);
        const data = JSON.parse(blocks[0]!) as Record<string, unknown>;
        expect(data['@context']).toBe('https://schema.org');
        expect(data['@type']).toBe('DefinedTerm');
        expect(data['name']).toBe(node.label);
        await expect(page.locator('h1').textContent()).resolves.toBe(node.label);
      }
    });
  });

  it("treats JSON-LD as data under script-src 'self' (control: an inline script is reported)", async () => {
    const { page, problems } = await openPage(currentBrowser());
    try {
      const html = (body: string) =>
        `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><title>csp</title>` +
        `<script type="application/ld+json">${jsonLdString({ '@type': 'DefinedTerm', name: 'x' })}</script></head><body>${body}</body></html>`;
      await page.route(siteUrl + '/__csp-data/', (route) => route.fulfill({ contentType: 'text/html', body: html('') }));
      await page.route(siteUrl + '/__csp-inline/', (route) =>
        route.fulfill({ contentType: 'text/html', body: html('<script>document.title = "ran"</script>') }),
      );
      await page.goto(siteUrl + '/__csp-data/');
      await page.waitForTimeout(100);
      expect(problems).toEqual([]);
      await page.goto(siteUrl + '/__csp-inline/');
      await expect.poll(() => problems.some((p) => p.startsWith('CSP violation: script-src'))).toBe(true);
      // Chromium also logs the refusal to the console; nothing else went wrong.
      expect(problems.filter((p) => !/CSP violation|Content Security Policy/.test(p))).toEqual([]);
      await expect(page.title()).resolves.toBe('csp');
    } finally {
      await page.context().close();
    }
  });

  it('escapes JSON-LD so no string can close the element', () => {
    const hostile = { name: '</script><script>alert(1)</script><!-- x -->', other: 'a\u2028b & c' };
    const out = jsonLdString(hostile);
    expect(out).not.toMatch(/<|>/);
    expect(JSON.parse(out)).toEqual(hostile);
  });

  it('lists where the entity is mentioned: documents with counts and sections linked', async () => {
    const mentions = graph.edges
      .filter((e) => e.type === 'mentions' && e.target === 'azure-ad-connect')
      .sort((a, b) => b.weight - a.weight);
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/entities/azure-ad-connect/');
      const docs = await page.locator('.mentions > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-doc')));
      expect(docs).toEqual(mentions.map((m) => m.source));
      const first = page.locator('.mentions > li').first();
      await expect(first.locator('.mention-doc').textContent()).resolves.toContain(`${mentions[0]!.weight} mentions`);
      await expect(first.locator('a.section-link').count()).resolves.toBe(mentions[0]!.evidence.length);
    });
  });

  it('names former names from renamed-to edges', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/entities/microsoft-365/');
      await expect(page.locator('.formerly a[href="/entities/office-365/"]').count()).resolves.toBe(1);
    });
  });
});

describe('document metadata (DocumentMeta)', () => {
  it('carries TechArticle JSON-LD naming the entities it is about and mentions', async () => {
    await withPage({}, async (page) => {
      for (const doc of site.documents) {
        await page.goto(siteUrl + doc.url);
        const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
        const data = blocks.map((b) => JSON.parse(b) as Record<string, unknown>).find((d) => d['@type'] === 'TechArticle');
        expect(data, doc.path).toBeDefined();
        expect(data!['headline']).toBe(doc.title);
        expect(data!['url']).toBe(doc.url);
        const named = [...((data!['about'] as { name: string }[]) ?? []), ...((data!['mentions'] as { name: string }[]) ?? [])];
        const labels = doc.entities.map((e) => graph.nodes.find((n) => n.id === e.id)?.label).filter(Boolean);
        expect(named.map((t) => t.name)).toEqual(labels);
        await expect(page.locator('meta[property="og:type"]').getAttribute('content')).resolves.toBe('article');
      }
    });
  });
});

describe('404, sitemap and robots', () => {
  it('suggests the seed article for a mistyped document URL', async () => {
    const typo = '/docs/office-365-integratoin/';
    await withPage(
      {},
      async (page) => {
        await serveNotFound(page, siteUrl, typo);
        await page.goto(siteUrl + typo);
        await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
        const first = page.locator('.suggestion-list a').first();
        await first.waitFor();
        await expect(first.getAttribute('href')).resolves.toBe(SEED_URL);
        await expect(first.textContent()).resolves.toBe(SEED_TITLE);
      },
      (problem) => problem === `HTTP 404: ${siteUrl}${typo}` || /status of 404/.test(problem),
    );
  });

  it('shows the ways in without JavaScript', async () => {
    await withPage(
      { javaScriptEnabled: false },
      async (page) => {
        await serveNotFound(page, siteUrl, '/nowhere/');
        await page.goto(siteUrl + '/nowhere/');
        await expect(page.locator('.suggestions').isVisible()).resolves.toBe(false);
        for (const href of ['/', '/documents/', '/entities/']) {
          await expect(page.getByRole('main').locator(`a[href="${href}"]`).count()).resolves.toBe(1);
        }
      },
      (problem) => /404/.test(problem),
    );
  });

  it('ranks by the URL words (pure)', () => {
    const entries = [
      { t: 'How Office 365 identity integration fits together', u: '/docs/overview/', k: 'd' as const, w: 'overview.mdx' },
      { t: SEED_TITLE, u: SEED_URL, k: 'd' as const, w: 'office-365-integration.md' },
      { t: 'Azure AD Connect', u: '/entities/azure-ad-connect/', k: 'e' as const, w: 'AAD Connect' },
    ];
    expect(suggest('/docs/office-365-integratoin/', entries)[0]?.entry.u).toBe(SEED_URL);
    expect(suggest('/entities/azure-ad-conect/', entries)[0]?.entry.u).toBe('/entities/azure-ad-connect/');
    expect(suggest('/', entries)).toEqual([]);
  });

  it('lists every page in a sitemap.xml that parses, and robots.txt points at it', async () => {
    const expected = [
      '/',
      '/documents/',
      '/entities/',
      '/report/',
      '/map/',
      ...site.documents.map((d) => d.url),
      ...entities.map((n) => n.url),
    ].sort();
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/');
      const xml = await (await page.request.get(siteUrl + '/sitemap.xml')).text();
      const locs = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length) return null;
        if (doc.documentElement.namespaceURI !== 'http://www.sitemaps.org/schemas/sitemap/0.9') return null;
        return [...doc.getElementsByTagName('loc')].map((l) => l.textContent ?? '');
      }, xml);
      expect(locs).not.toBeNull();
      expect([...locs!].sort()).toEqual(expected);
      for (const loc of locs!) expect((await page.request.get(siteUrl + loc)).status(), loc).toBe(200);
      const robots = await (await page.request.get(siteUrl + '/robots.txt')).text();
      expect(robots).toMatch(/^User-agent: \*$/m);
      expect(robots).toMatch(/^Allow: \/$/m);
      expect(robots).toMatch(/^Sitemap: \/sitemap\.xml$/m);
    });
  });
});

describe('accessibility and screenshots of the new pages', () => {
  checkPageTypes({
    siteUrl: () => siteUrl,
    pages: {
      home: '/',
      entities: '/entities/',
      documents: '/documents/',
      report: '/report/',
      'entity-m365': '/entities/microsoft-365/',
      'not-found': '/docs/office-365-integratoin/',
    },
    withPage,
    shotPrefix: 'pages-',
    before: async (page, name, url) => {
      if (name === 'not-found') await serveNotFound(page, siteUrl, url);
    },
    ready: async (page, name) => {
      if (name === 'not-found') await page.locator('.suggestion-list a').first().waitFor();
    },
    expected: (name, problem) => name === 'not-found' && /404/.test(problem),
  });
});
