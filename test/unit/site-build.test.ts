// The site build starts beside the pipeline (src/build/site-build.ts) and must wait for it: the MDX
// list before the content sync, every data file before pages are rendered. Here the data folder is
// complete but its two files are held back until the child says it waits for them: a child that read
// either one earlier would build a site without them.
import { existsSync, mkdirSync, readFileSync, utimesSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import { chooseVocabulary } from '../../src/build/project.ts';
import { removeStaleBuildFolders, startSiteBuild, type SiteBuild, type SiteBuildMessage } from '../../src/build/site-build.ts';
import { MDX_DOCUMENTS_FILE } from '../../src/outputs/site-data.ts';
import { fixture, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

// Without vitest's own variables, which change how Vite and Astro build.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(k) && !k.startsWith('VITEST')));
const work = await tempDir('docgraph-site-build-');

function siteEnv(data: string, content: string, out: string): NodeJS.ProcessEnv {
  return { ...env, DOCGRAPH_DATA: data, DOCGRAPH_CONTENT: content, DOCGRAPH_OUT: out, DOCGRAPH_BASE: '/', DOCGRAPH_PUBLIC: 'linked', ASTRO_TELEMETRY_DISABLED: '1' };
}

/** The site child as `npm run build` starts it into a new output folder, rendering every page (force). */
function startSite(content: string, data: string, out: string): SiteBuild {
  return startSiteBuild({ root: PROJECT_ROOT, workDir: join(PROJECT_ROOT, '.docgraph'), contentDir: content, dataDir: data, outDir: out, cacheDir: join(data, '.astro-cache'), emptyOut: true, env: siteEnv(data, content, out), quiet: true, force: true });
}

describe('the site build beside the pipeline', () => {
  it('compiles the MDX list and renders pages only once the parent says they are ready', { timeout: 120_000 }, async () => {
    const content = fixture('mdx-failure');
    const [data, out] = [join(work, 'data'), join(work, 'out')];
    await buildData({ contentDir: content, dataDir: data, base: '/', vocabularyPath: chooseVocabulary(content) });
    const held = [MDX_DOCUMENTS_FILE, 'site.json'].map((f) => join(data, f));
    for (const file of held) await rename(file, `${file}.held`);

    const site = startSite(content, data, out);
    const waits: string[] = [];
    const pagesAtWait: boolean[] = [];
    site.onMessage = (message: SiteBuildMessage) => {
      if (!('waiting' in message)) return;
      waits.push(message.waiting);
      pagesAtWait.push(existsSync(join(out, 'docs')));
      // What the parent does when the pipeline gets there.
      const file = message.waiting === 'sources' ? held[0]! : held[1]!;
      void rename(`${file}.held`, file).then(() => (message.waiting === 'sources' ? site.sourcesReady() : site.dataReady()));
    };
    expect(await site.done).toBe(true);
    expect(waits).toEqual(['sources', 'data']);
    expect(pagesAtWait).toEqual([false, false]);
    // good.mdx is compiled only when it is in the list the child read after the wait.
    expect(readFileSync(join(out, 'docs', 'good', 'index.html'), 'utf8')).toContain('href="/entities/azure-ad-connect/"');
    expect(existsSync(join(out, 'docs', 'plain', 'index.html'))).toBe(true);
  });

  it('skips the content sync, and its wait for the MDX list, when the content has no MDX', { timeout: 120_000 }, async () => {
    const content = fixture('pipeline', 'basic');
    const [data, out] = [join(work, 'md-data'), join(work, 'md-out')];
    await buildData({ contentDir: content, dataDir: data, base: '/', vocabularyPath: chooseVocabulary(content) });
    const site = startSite(content, data, out);
    const waits: string[] = [];
    site.onMessage = (message: SiteBuildMessage) => {
      if (!('waiting' in message)) return;
      waits.push(message.waiting);
      site.dataReady();
    };
    expect(await site.done).toBe(true);
    expect(waits).toEqual(['data']);
    expect(readFileSync(join(out, 'docs', 'guide', 'setup', 'index.html'), 'utf8')).toContain('data-format="md"');
  });

  it('builds two sites of the project at once, each with its own MDX documents', { timeout: 180_000 }, async () => {
    // Astro keeps the list of MDX modules under its root: with one root for both, one build compiled
    // the other's list and failed on its own MDX page (site-child.ts gives each build its own root).
    const sites = [
      { content: fixture('mdx-failure'), page: 'good' },
      { content: join(PROJECT_ROOT, 'content'), page: 'overview' },
    ];
    const builds = await Promise.all(
      sites.map(async ({ content }, i) => {
        const [data, out] = [join(work, `twin-data-${i}`), join(work, `twin-out-${i}`)];
        await buildData({ contentDir: content, dataDir: data, base: '/', vocabularyPath: chooseVocabulary(content) });
        const site = startSite(content, data, out);
        site.dataReady();
        return { out, ok: await site.done };
      }),
    );
    builds.forEach(({ out, ok }, i) => {
      expect(ok).toBe(true);
      expect(readFileSync(join(out, 'docs', sites[i]!.page, 'index.html'), 'utf8')).toContain('data-format="mdx"');
    });
  });

  it('says the data is ready once every file the pages read is written, before the search index and exports', async () => {
    const content = fixture('pipeline', 'basic');
    const data = join(work, 'ready-data');
    const read = ['site.json', 'site-graph.json', 'public/graph-view.json', 'public/report.json', 'html/index.html'];
    const later = ['public/search/manifest.json', 'public/exports/graph.graphml'];
    let atReady: boolean[] | undefined;
    await buildData({ contentDir: content, dataDir: data, base: '/', vocabularyPath: chooseVocabulary(content), onDataReady: () => (atReady = [...read, ...later].map((f) => existsSync(join(data, f)))) });
    expect(atReady).toEqual([...read.map(() => true), ...later.map(() => false)]);
    for (const f of later) expect(existsSync(join(data, f)), f).toBe(true);
  });

  it('removes the working folders that killed builds left a day ago or more, and only those', async () => {
    const dir = join(work, 'dot-docgraph');
    const made = ['site-build-killed', 'site-build-running', 'data'].map((name) => join(dir, name));
    for (const folder of made) mkdirSync(join(folder, '.astro'), { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    for (const folder of [made[0]!, made[2]!]) utimesSync(folder, twoDaysAgo, twoDaysAgo);
    await removeStaleBuildFolders(dir);
    expect(made.map((folder) => existsSync(folder))).toEqual([false, true, true]);
  });

  it('stops when the pipeline fails', { timeout: 60_000 }, async () => {
    const out = join(work, 'cancelled');
    const site = startSite(fixture('mdx-failure'), join(work, 'no-data'), out);
    site.cancel();
    expect(await site.done).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
