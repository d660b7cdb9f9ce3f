// Embeds and exports in a real browser: the Embed button of entity pages (snippets with absolute URLs,
// copy to the clipboard), the static SVG (served, script-free, renders), the Mermaid text, oEmbed
// discovery, and the GraphML / Neo4j CSV / Cypher exports parsed back against graph.json. A second
// build of test/fixtures/embed-hostile (with --site and --base) checks that hostile entity names stay
// text in every one of them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { iframeSnippet, markdownImageSnippet } from '../../src/outputs/exports/snippets.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { checkPageTypes, expectNoAxeViolations, useBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const graph = JSON.parse(readFileSync(path.join(dataDir, 'public', 'graph.json'), 'utf8')) as KnowledgeGraph;
const entities = graph.nodes.filter((n) => ['concept', 'tool', 'product', 'discovered'].includes(n.type));
const ENTITY = '/entities/azure-ad-connect/';

const { withPage } = useBrowser();

const snippetText = (page: Page, name: string) => page.locator(`[data-snippet="${name}"] pre`).textContent();

async function openEmbed(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByText('Embed', { exact: true }).click();
  await page.locator('[data-snippet="iframe"] button.copy').waitFor({ state: 'visible' });
}

/** Resolves when a picture has loaded and decoded in the page; its natural size. */
const imageSize = (page: Page, selector: string) =>
  page.locator(selector).evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  });

describe('the Embed button of an entity page', () => {
  it('shows the iframe, Markdown and Mermaid snippets with the URLs of the served site', async () => {
    await withPage({}, async (page) => {
      await openEmbed(page, siteUrl + ENTITY);
      // No --site for this build: the snippets carry the address the page was loaded from.
      expect(await snippetText(page, 'iframe')).toBe(iframeSnippet(`${siteUrl}/embed/graph/?focus=azure-ad-connect&depth=1&theme=light`, 'Azure AD Connect'));
      expect(await snippetText(page, 'markdown')).toBe(markdownImageSnippet(`${siteUrl}/embed/svg/azure-ad-connect.svg`, `${siteUrl}${ENTITY}`, 'Azure AD Connect'));
      const mermaid = await (await page.request.get(siteUrl + '/embed/mermaid/azure-ad-connect.mmd')).text();
      expect(await snippetText(page, 'mermaid')).toBe('```mermaid\n' + mermaid + '```');
      // The preview is the SVG the Markdown snippet points at, and it renders.
      expect((await imageSize(page, '.embed-preview')).width).toBeGreaterThan(300);
      await expectNoAxeViolations(page);
    });
  });

  it('copies each snippet to the clipboard and says so', async () => {
    await withPage({}, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
      await openEmbed(page, siteUrl + ENTITY);
      for (const name of ['iframe', 'markdown', 'mermaid']) {
        const button = page.locator(`[data-snippet="${name}"] button.copy`);
        await button.click();
        await expect.poll(() => button.textContent()).toBe('Copied');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippetText(page, name));
      }
      await expect(page.locator('[data-copy-status]').textContent()).resolves.toBe('Snippet copied.');
    });
  });

  it('has no copy buttons without JavaScript, and the snippets are still there to select', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(siteUrl + ENTITY);
      await page.getByText('Embed', { exact: true }).click();
      await expect(page.locator('button.copy').first().isVisible()).resolves.toBe(false);
      expect(await snippetText(page, 'markdown')).toContain('](/embed/svg/azure-ad-connect.svg)');
    });
  });
});

describe('the static embeds', () => {
  it('publishes an SVG, a Mermaid file and an oEmbed answer for every entity', async () => {
    for (const node of entities) {
      for (const url of [`/embed/svg/${node.id}.svg`, `/embed/mermaid/${node.id}.mmd`, `/oembed/${node.id}.json`]) {
        expect((await fetch(siteUrl + url)).status, url).toBe(200);
      }
    }
  });

  it('serves the SVG as a picture without script that renders on its own and as an <img>', async () => {
    const response = await fetch(siteUrl + '/embed/svg/azure-ad-connect.svg');
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script|<style|<foreignObject|<[^>]*\son[a-z]+=/i);
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/embed/svg/azure-ad-connect.svg');
      expect(await page.evaluate(() => document.documentElement.localName)).toBe('svg');
      expect(await page.locator('script').count()).toBe(0);
      await expect(page.locator('text').filter({ hasText: 'Azure AD Connect' }).first().isVisible()).resolves.toBe(true);
      await page.goto(siteUrl + '/');
      await page.setContent(`<img id="pic" src="${siteUrl}/embed/svg/azure-ad-connect.svg" alt="">`);
      const size = await imageSize(page, '#pic');
      expect(size.width).toBeGreaterThan(300);
      expect(size.height).toBeGreaterThan(150);
    });
  });

  it('links the oEmbed answer from the entity page head, as rich JSON with the iframe', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + ENTITY);
      const link = page.locator('head link[rel="alternate"][type="application/json+oembed"]');
      await expect(link.getAttribute('title')).resolves.toBe('Azure AD Connect');
      const href = (await link.getAttribute('href'))!;
      const response = await page.request.get(new URL(href, page.url()).href);
      expect(response.headers()['content-type']).toMatch(/^application\/json/);
      const oembed = (await response.json()) as Record<string, unknown>;
      expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: 'Azure AD Connect', width: 640, height: 480 });
      expect(oembed.html).toBe(iframeSnippet('/embed/graph/?focus=azure-ad-connect&depth=1&theme=light', 'Azure AD Connect'));
    });
  });
});

describe('the exports linked from the home page', () => {
  it('parse back to the node and edge counts of graph.json', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/');
      const href = async (name: string) => (await page.getByRole('link', { name, exact: true }).getAttribute('href'))!;
      const get = async (name: string) => (await page.request.get(siteUrl + (await href(name)))).text();

      const graphml = await get('GraphML');
      expect(XMLValidator.validate(graphml)).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false, isArray: (n, _p, _l, attr) => !attr && ['node', 'edge'].includes(n) }).parse(graphml) as {
        graphml: { graph: { node: unknown[]; edge: unknown[] } };
      };
      expect(parsed.graphml.graph.node).toHaveLength(graph.nodes.length);
      expect(parsed.graphml.graph.edge).toHaveLength(graph.edges.length);

      const nodes = parseCsv(await get('nodes.csv'), { columns: true }) as Record<string, string>[];
      const rels = parseCsv(await get('relationships.csv'), { columns: true }) as Record<string, string>[];
      expect(nodes.map((n) => n['id:ID'])).toEqual(graph.nodes.map((n) => n.id));
      expect(rels.map((r) => `${r[':START_ID']}|${r[':END_ID']}`)).toEqual(graph.edges.map((e) => `${e.source}|${e.target}`));

      const cypher = (await get('Cypher script')).trimEnd().split('\n');
      expect(cypher.filter((l) => l.startsWith('MERGE (n:'))).toHaveLength(graph.nodes.length);
      expect(cypher.filter((l) => l.startsWith('MATCH (a:'))).toHaveLength(graph.edges.length);
    });
  });
});

describe('hostile entity names (test/fixtures/embed-hostile, --site, --base /wiki/)', () => {
  const ORIGIN = 'https://docs.example.com';
  let tmp = '';
  let server: Server | undefined;
  let baseUrl = '';
  let hostile: KnowledgeGraph;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'docgraph-embed-'));
    const out = path.join(tmp, 'site');
    const data = path.join(tmp, 'data');
    const env: NodeJS.ProcessEnv = { ...process.env, DOCGRAPH_DATA: data, ASTRO_TELEMETRY_DISABLED: '1' };
    // vitest sets Vite's variables; Astro would take BASE_URL over --base.
    for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
    await new Promise<void>((resolve, reject) => {
      const child = spawn('npm', ['run', 'build', '--', '--content', 'test/fixtures/embed-hostile', '--out', out, '--quiet', '--site', ORIGIN, '--base', '/wiki/'], {
        cwd: projectDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build exited with ${code}:\n${output.slice(-4000)}`))));
    });
    hostile = JSON.parse(readFileSync(path.join(data, 'public', 'graph.json'), 'utf8')) as KnowledgeGraph;
    const assets = sirv(out, { dev: false });
    server = createServer((req, res) => {
      const notFound = () => {
        res.statusCode = 404;
        res.end('Not found');
      };
      if (!req.url?.startsWith('/wiki/')) return notFound();
      req.url = req.url.slice('/wiki'.length);
      assets(req, res, notFound);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wiki`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** Fails the test on any dialog: alert() from injected markup would open one. */
  const noDialogs = (page: Page, seen: string[]) => page.on('dialog', (d) => void (seen.push(d.message()), d.dismiss()));

  it('shows the names as text in the snippets, with absolute URLs under the base path', async () => {
    const evil = hostile.nodes.find((n) => n.id === 'evil-tool')!;
    expect(evil.label).toContain('<img src=x onerror=alert(1)>');
    await withPage({}, async (page) => {
      const dialogs: string[] = [];
      noDialogs(page, dialogs);
      await openEmbed(page, baseUrl + '/entities/evil-tool/');
      expect(await snippetText(page, 'iframe')).toBe(iframeSnippet(`${ORIGIN}/wiki/embed/graph/?focus=evil-tool&depth=1&theme=light`, evil.label));
      expect(await page.locator('.embed-snippets img').count()).toBe(1); // the preview only, no injected <img>
      await expect(page.locator('head link[type="application/json+oembed"]').getAttribute('href')).resolves.toBe(`${ORIGIN}/wiki/oembed/evil-tool.json`);
      await page.locator('.embed-preview').evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined));
      expect(dialogs).toEqual([]);
    });
  });

  it('keeps them inert in the SVG, Mermaid and oEmbed files', async () => {
    for (const id of ['evil-tool', 'good-tool']) {
      const svg = await (await fetch(`${baseUrl}/embed/svg/${id}.svg`)).text();
      expect(XMLValidator.validate(svg)).toBe(true);
      // Tags only: the label's own text says "onerror=" (escaped, as text).
      expect(svg).not.toMatch(/<script|<img|<iframe|<[^>]*\son[a-z]+=/i);
      expect(svg).toContain(`href="${ORIGIN}/wiki/entities/good-tool/"`);
      const mermaid = await (await fetch(`${baseUrl}/embed/mermaid/${id}.mmd`)).text();
      expect(mermaid.split('\n')[0]).toBe('graph LR');
      expect(mermaid).not.toMatch(/%%|<|`|^\s*click/m);
      const oembedText = await (await fetch(`${baseUrl}/oembed/${id}.json`)).text();
      expect(oembedText).not.toMatch(/[<>]/);
      const oembed = JSON.parse(oembedText) as { html: string; provider_url: string };
      expect(oembed.provider_url).toBe(`${ORIGIN}/wiki/`);
      expect(oembed.html.match(/<[a-z/]/g)).toEqual(['<i', '</']); // one <iframe> and its end tag, nothing else
    }
    await withPage({}, async (page) => {
      const dialogs: string[] = [];
      noDialogs(page, dialogs);
      await page.goto(`${baseUrl}/embed/svg/evil-tool.svg`);
      expect(await page.locator('script').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  });
});

checkPageTypes({
  siteUrl: () => siteUrl,
  pages: { 'entity-embed-open': ENTITY },
  withPage,
  shotPrefix: 'embed-',
  ready: async (page) => {
    await page.getByText('Embed', { exact: true }).click();
    await page.locator('.embed-preview').evaluate((img: HTMLImageElement) => img.decode());
  },
});
