// The clustered graph of a big site, in a real browser: test/fixtures/graph-clusters is built with the
// real CLI and DOCGRAPH_GRAPH_CLUSTER_ABOVE=2 (the threshold a 10,000-document site crosses at 1,500), so
// /graph/ opens on graph-view/overview.json: the entities, and one node per group of documents. Clicking
// a group (or its button in the side panel) fetches its file and draws its documents; ?focus= on a
// document inside a folded group opens the group first.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, SHOTS_DIR, useBrowser, VIEW_MODES } from './browser.ts';
import { clickNode, graphReady, panelTitle, webglReadback } from './graph-helpers.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
// Without vitest's own variables (BASE_URL, MODE...), which Astro would take over its config.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));

let tmp = '';
let server: Server | undefined;
let siteUrl = '';

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'docgraph-clusters-'));
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--', '--content', 'test/fixtures/graph-clusters', '--out', path.join(tmp, 'site')], {
      cwd: projectDir,
      env: { ...env, DOCGRAPH_DATA: path.join(tmp, 'data'), DOCGRAPH_GRAPH_CLUSTER_ABOVE: '2', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build exited with ${code}:\n${output.slice(-4000)}`))));
  });
  const assets = sirv(path.join(tmp, 'site'), { dev: false });
  server = createServer((req, res) =>
    assets(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const { withPage } = useBrowser();

const drawn = (page: Page, selector: string) => page.evaluate((s) => window.docgraph!.cy.$(s).map((e) => e.id()).sort(), selector);

describe('clustered graph', () => {
  it('opens on clusters and draws a cluster’s documents when it is clicked', async () => {
    await withPage(VIEW_MODES.light, async (page) => {
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await page.goto(`${siteUrl}/graph/`);
      await graphReady(page);
      expect(fetched).toContain('/graph-view/overview.json');
      expect(fetched).not.toContain('/graph-view.json');
      await expect(drawn(page, 'node.cluster')).resolves.toEqual(['cluster:(none)', 'cluster:azure-ad-connect', 'cluster:dirsync']);
      await expect(drawn(page, 'node[type = "document"]').then((ids) => ids.filter((id) => id.startsWith('doc:')))).resolves.toEqual([]);
      // The side panel names the groups, each with a button (the keyboard's way in).
      await expect(page.locator('[data-panel] [data-cluster]').allTextContents()).resolves.toEqual([
        'Open 4 documents about Azure AD Connect',
        'Open 2 documents about DirSync',
        'Open 1 document that mentions no entity',
      ]);
      await clickNode(page, 'cluster:azure-ad-connect');
      await expect.poll(() => drawn(page, 'node[type = "document"]')).toEqual(['cluster:(none)', 'cluster:dirsync', 'doc:sync/connect-1', 'doc:sync/connect-2', 'doc:sync/connect-3', 'doc:sync/connect-4']);
      expect(fetched).toContain('/graph-view/c/azure-ad-connect.json');
      // The view fits what the group held, and the panel says what was opened.
      await expect.poll(() => page.locator('[data-panel] [data-opened]').textContent()).toBe('Opened: 4 documents about Azure AD Connect. Click one of them for its relations.');
      await expect(panelTitle(page)).resolves.toBe('Explore the graph');
      expect(new URL(page.url()).searchParams.get('focus')).toBe(null);
      // A document of the group answers a click like any node.
      await clickNode(page, 'doc:sync/connect-2');
      await expect.poll(() => panelTitle(page)).toBe('Connect step 2');
      await expect(drawn(page, 'edge[source = "doc:sync/connect-1"][type = "mentions"]')).resolves.toContain('doc:sync/connect-1|mentions|azure-ad-connect');
      // A link into a folded group waits for it; opening that group from the panel draws it.
      await expect(drawn(page, '#doc\\:sync\\/connect-1\\|links-to\\|doc\\:legacy\\/dirsync-1')).resolves.toEqual([]);
      await page.locator('[data-reset]').click();
      await expect(page.locator('[data-panel] [data-cluster]').allTextContents()).resolves.toEqual(['Open 2 documents about DirSync', 'Open 1 document that mentions no entity']);
      await page.locator('[data-panel] [data-cluster="cluster:dirsync"]').click();
      await expect.poll(() => drawn(page, 'edge[type = "links-to"]')).toContain('doc:sync/connect-1|links-to|doc:legacy/dirsync-1');
      await expect(drawn(page, 'node.cluster')).resolves.toEqual(['cluster:(none)']);
      await page.screenshot({ path: path.join(SHOTS_DIR, 'graph-clusters-opened-light.png') });
    }, webglReadback);
  });

  it('opens the cluster of a document named in ?focus= before focusing it', async () => {
    await withPage(VIEW_MODES.light, async (page) => {
      await page.goto(`${siteUrl}/graph/?focus=doc:legacy/dirsync-2`);
      await graphReady(page);
      await expect.poll(() => panelTitle(page)).toBe('DirSync note 2');
      await expect(drawn(page, 'node.cluster')).resolves.toEqual(['cluster:(none)', 'cluster:azure-ad-connect']);
      await expect(drawn(page, 'node:selected')).resolves.toEqual(['doc:legacy/dirsync-2']);
      expect(new URL(page.url()).searchParams.get('focus')).toBe('doc:legacy/dirsync-2');
    });
  });

  it('has no axe violations in light, dark and phone views (screenshots for people to look at)', async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
    for (const [mode, options] of Object.entries(VIEW_MODES)) {
      await withPage(options, async (page) => {
        await page.goto(`${siteUrl}/graph/`);
        await graphReady(page);
        await page.screenshot({ path: path.join(SHOTS_DIR, `graph-clusters-${mode}.png`) });
        await expectNoAxeViolations(page);
      });
    }
  });
});
