// docgraph.yaml's site settings in a real browser, on one small site built once from
// test/fixtures/settings/site (copied into a git repository made here, with fixed commit dates; about.md
// is left uncommitted, so it has no history): logo, accent colour in both themes, custom CSS under the
// CSP, footer links, "Edit this page", the last-updated date and the nav order.
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accentColours } from '../../src/outputs/accent.ts';
import { fixture, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';
import { SHOTS_DIR, useBrowser, VIEW_MODES } from './browser.ts';

const { withPage } = useBrowser();
let server: Server;
let origin = '';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Docs', '-c', 'user.email=docs@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-03-04T10:00:00+00:00' },
    stdio: 'ignore',
  });
}

function build(content: string, outDir: string, dataDir: string): Promise<void> {
  // Vitest's own variables (BASE_URL, MODE...) would be taken over by Astro's config.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--content', content, '--out', outDir, '--quiet'], {
      cwd: PROJECT_ROOT,
      env: { ...env, DOCGRAPH_DATA: dataDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

beforeAll(async () => {
  const root = await tempDir('docgraph-settings-');
  const docs = path.join(root, 'repo', 'docs');
  await cp(fixture('settings', 'site'), docs, { recursive: true });
  git(path.join(root, 'repo'), 'init', '-q');
  git(path.join(root, 'repo'), 'add', '.', ':!docs/about.md');
  git(path.join(root, 'repo'), 'commit', '-qm', 'The handbook');
  const outDir = path.join(root, 'site');
  await build(docs, outDir, path.join(root, 'data'));
  const assets = sirv(outDir, { dev: false, dotfiles: false });
  server = createServer((req, res) =>
    assets(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

const page = (p: string) => `${origin}${p}`;
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('docgraph.yaml settings', () => {
  it('shows the logo in the header beside the title', () =>
    withPage(VIEW_MODES.light, async (p) => {
      await p.goto(page('/docs/guide/first/'));
      const logo = p.locator('.site-header .site-logo');
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
      expect(await logo.getAttribute('alt')).toBe('Contoso');
      expect(await logo.isVisible()).toBe(true);
      expect((await logo.boundingBox())?.height).toBe(32);
      expect(await p.locator('.site-name').innerText()).toBe('Contoso handbook');
    }));

  for (const theme of ['light', 'dark'] as const) {
    it(`colours links with the accent colour, readable in the ${theme} theme`, () =>
      withPage(VIEW_MODES[theme], async (p) => {
        await p.goto(page('/docs/index/'));
        const colour = await p.locator('article.doc a').first().evaluate((a) => getComputedStyle(a).color);
        expect(colour).toBe(rgb(accentColours('#0b7a75')[theme]));
        expect(await p.locator('html').evaluate((h) => getComputedStyle(h).getPropertyValue('--accent').trim())).toContain('#0b7a75');
        // The current page in the sidebar is tinted with the accent (green-blue), not the default blue.
        const current = await p.locator('.nav-tree a[aria-current="page"]').evaluate((a) => getComputedStyle(a).backgroundColor);
        const [r, g, b] = current.match(/[\d.]+/g)!.map(Number);
        expect(current).not.toBe(theme === 'light' ? 'rgb(221, 244, 255)' : 'rgb(12, 45, 107)');
        expect(g!).toBeGreaterThan(r!);
        expect(Math.abs(g! - b!)).toBeLessThan(40);
      }));
  }

  it('applies the custom CSS after the site styles, without a CSP violation', () =>
    withPage(VIEW_MODES.light, async (p) => {
      await p.goto(page('/docs/guide/first/'));
      const border = await p.locator('.site-header').evaluate((h) => [getComputedStyle(h).borderBottomWidth, getComputedStyle(h).borderBottomColor]);
      expect(border).toEqual(['3px', 'rgb(11, 122, 117)']);
      expect(await p.locator('link[rel=stylesheet][href="/styles/brand.css"]').count()).toBe(1);
    }));

  it('lists the footer links', () =>
    withPage(VIEW_MODES.light, async (p) => {
      await p.goto(page('/entities/'));
      const links = await p.locator('.footer-links a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      expect(links).toEqual([
        ['Privacy', 'https://example.com/privacy'],
        ['Write to us', 'mailto:docs@example.com'],
        ['About this handbook', '/docs/about/'],
      ]);
    }));

  it('links "Edit this page" to editUrl plus the encoded content path', () =>
    withPage(VIEW_MODES.light, async (p) => {
      await p.goto(page('/docs/guide/second-step/'));
      expect(await p.getByRole('link', { name: 'Edit this page' }).getAttribute('href')).toBe('https://github.com/contoso/handbook/edit/main/docs/guide/second%20step.md');
    }));

  it('shows the last commit date, and none for a file without history', () =>
    withPage(VIEW_MODES.light, async (p) => {
      await p.goto(page('/docs/guide/first/'));
      const time = p.locator('.last-updated time');
      expect(await time.innerText()).toBe('4 March 2025');
      expect(await time.getAttribute('datetime')).toBe('2025-03-04T10:00:00+00:00');
      await p.goto(page('/docs/about/'));
      expect(await p.locator('.last-updated').count()).toBe(0);
      expect(await p.getByRole('link', { name: 'Edit this page' }).count()).toBe(1);
    }));

  it('orders the sidebar as docgraph.yaml nav says, not TOC.md', () =>
    withPage(VIEW_MODES.light, async (p) => {
      await p.goto(page('/docs/guide/first/'));
      const items = await p.locator('.nav-tree').evaluate((tree) => [...tree.querySelectorAll('a, summary')].map((e) => e.textContent?.trim()));
      expect(items).toEqual(['Contoso handbook', 'Guides', 'Second step', 'First guide', 'About this handbook']);
    }));

  it('screenshots a document page with every setting (light, dark, phone)', async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    for (const [mode, options] of Object.entries({ ...VIEW_MODES, phone: { ...VIEW_MODES.phone, viewport: { width: 360, height: 780 } } })) {
      await withPage(options, async (p) => {
        await p.goto(page('/docs/guide/first/'));
        await p.screenshot({ path: path.join(SHOTS_DIR, `settings-${mode}.png`), fullPage: true });
        // The page never scrolls sideways on a phone.
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      });
    }
    expect((await readFile(path.join(SHOTS_DIR, 'settings-dark.png'))).length).toBeGreaterThan(0);
  });
});
