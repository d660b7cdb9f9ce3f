// The graph part of `npm run bench`: in headless Chromium, the time from navigation start to the graph
// being drawn and answering clicks (the `docgraph:graph-ready` mark set by src/scripts/graph/graph-page.ts)
// for the corpus graph and for a generated 5,000-node graph (served in place of graph-view.json), and the
// JavaScript each page loads (raw and gzip): the graph page, the embed page, and a document page before
// its local graph scrolls into view.
import sparticuz from '@sparticuz/chromium';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import type { GraphView } from '../../src/outputs/graph-view.ts';
import { syntheticGraphView } from './graph-synthetic.ts';
import { clusteredSite, measureClusteredRun, type ClusteredFigures, type FrameFigures } from './graph-clustered.ts';

export interface PageBytes {
  url: string;
  scripts: number;
  raw: number;
  gzip: number;
}

export interface GraphFigures {
  corpus: { nodes: number; edges: number; readyMs: number[]; completeMs: number[] };
  big: { nodes: number; edges: number; readyMs: number[]; completeMs: number[] };
  bytes: PageBytes[];
  /** The clustered overview of a generated 10,000-document site (scripts/bench/graph-clustered.ts). */
  clustered: ClusteredFigures;
}

/** The flags test/browser/browser.ts removes from @sparticuz/chromium's serverless defaults. */
const UNSAFE_FLAGS = new Set(['--single-process', '--disable-web-security', '--disable-site-isolation-trials', '--allow-running-insecure-content']);

function serve(dir: string): Promise<Server> {
  const assets = sirv(dir, { dev: false });
  const server = createServer((req, res) =>
    assets(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Navigation start to `docgraph:graph-ready`, and to `docgraph:graph-complete` (every edge drawn). */
async function readyMs(browser: Browser, url: string, view?: string): Promise<[number, number]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (view) await page.route('**/graph-view.json', (route) => route.fulfill({ contentType: 'application/json', body: view }));
  await page.goto(url);
  await page.locator('[data-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
  const ready = await page.evaluate(() => performance.getEntriesByName('docgraph:graph-ready')[0]!.startTime);
  await page.locator('[data-graph][data-edges="complete"]').waitFor({ state: 'attached', timeout: 120_000 });
  const complete = await page.evaluate(() => performance.getEntriesByName('docgraph:graph-complete')[0]!.startTime);
  await context.close();
  return [Math.round(ready), Math.round(complete)];
}

async function scriptBytes(page: Page, url: string, settle: () => Promise<void>): Promise<PageBytes> {
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') bodies.push(r.body());
  });
  await page.goto(url);
  await settle();
  const all = await Promise.all(bodies);
  return { url: new URL(url).pathname, scripts: all.length, raw: all.reduce((n, b) => n + b.length, 0), gzip: all.reduce((n, b) => n + gzipSync(b).length, 0) };
}

export async function measureGraphPages(siteDir: string, runs = 3): Promise<GraphFigures> {
  const server = await serve(siteDir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args.filter((f) => !UNSAFE_FLAGS.has(f)), headless: true });
  try {
    const corpusView = (await (await fetch(`${base}/graph-view.json`)).json()) as GraphView;
    const big = syntheticGraphView();
    const bigJson = JSON.stringify(big);
    const clustered = clusteredSite();
    const figures: GraphFigures = {
      corpus: { nodes: corpusView.nodes.length, edges: corpusView.edges.length, readyMs: [], completeMs: [] },
      big: { nodes: big.nodes.length, edges: big.edges.length, readyMs: [], completeMs: [] },
      bytes: [],
      clustered: { ...clustered.figures, readyMs: [], openMs: [], overviewFps: [], openedFps: [], crashed: [] },
    };
    const clusteredFiles = clustered.files;
    for (let run = 0; run < runs; run++) {
      for (const [set, view] of [[figures.corpus, undefined], [figures.big, bigJson]] as const) {
        const [ready, complete] = await readyMs(browser, `${base}/graph/`, view);
        set.readyMs.push(ready);
        set.completeMs.push(complete);
      }
      // A browser of its own: a renderer that ran out of memory (graph-clustered.ts) takes nothing else down.
      const own = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args.filter((f) => !UNSAFE_FLAGS.has(f)), headless: true });
      try {
        const run = await measureClusteredRun(own, base, clusteredFiles);
        figures.clustered.readyMs.push(run.readyMs);
        figures.clustered.openMs.push(run.openMs);
        figures.clustered.overviewFps.push(run.overview);
        figures.clustered.openedFps.push(run.opened);
      } catch (error) {
        figures.clustered.crashed.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
      } finally {
        await own.close();
      }
    }
    const firstDoc = readdirSync(join(siteDir, 'docs'), { withFileTypes: true }).find((d) => d.isDirectory());
    const pages: [string, (page: Page) => Promise<void>][] = [
      ['/graph/', (page) => page.locator('[data-graph][data-state="ready"]').waitFor({ state: 'attached' })],
      ['/embed/graph/', (page) => page.locator('[data-graph][data-state="ready"]').waitFor({ state: 'attached' })],
      ...(firstDoc ? [[`/docs/${firstDoc.name}/`, (page: Page) => page.waitForLoadState('networkidle')] as [string, (page: Page) => Promise<void>]] : []),
    ];
    for (const [path, settle] of pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      figures.bytes.push(await scriptBytes(await context.newPage(), base + path, () => settle(context.pages()[0]!)));
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} MB`;
/** The run with the median frame rate. */
const medianRun = (runs: FrameFigures[]) => [...runs].sort((a, b) => a.medianFps - b.medianFps)[Math.floor(runs.length / 2)]!;
const fps = (runs: FrameFigures[]) => {
  if (runs.length === 0) return 'no run finished';
  const m = medianRun(runs);
  return (
    `${m.medianFps} fps median, ${m.meanFps} fps over the 2 s, p95 frame ${m.p95FrameMs} ms, longest ${m.longestFrameMs} ms ` +
    `(runs: ${runs.map((r) => `${r.medianFps}/${r.meanFps}`).join(', ')} fps median/mean)  target >= 30 fps`
  );
};

function clusteredReport(c: ClusteredFigures): string[] {
  return [
    `Clustered graph of a generated ${c.documents.toLocaleString('en')}-document site (${c.entities} entities; buildGraphView + clusterFiles ${c.buildMs} ms):`,
    `  overview.json ${mb(c.overviewBytes.raw)} raw, ${kb(c.overviewBytes.gzip)} gzip: ${c.clusters} clusters (graph-view.json, which the page no longer loads: ${mb(c.graphViewBytes)})`,
    `  biggest cluster "${c.biggestCluster.label}": ${mb(c.biggestCluster.raw)} raw, ${kb(c.biggestCluster.gzip)} gzip`,
    `  time to interactive (navigation start -> overview drawn, answering clicks): ${c.readyMs.length ? median(c.readyMs) : '-'} ms (runs: ${c.readyMs.join(', ')})  target < 3000 ms`,
    `  opening the biggest cluster (click -> drawn):  ${c.openMs.length ? median(c.openMs) : '-'} ms (runs: ${c.openMs.join(', ')})`,
    `  pan/zoom, overview:             ${fps(c.overviewFps)}`,
    `  pan/zoom, biggest cluster open: ${fps(c.openedFps)}`,
    ...(c.crashed.length ? [`  ${c.crashed.length} run(s) crashed (renderer out of memory, see scripts/bench/graph-clustered.ts): ${c.crashed.join('; ')}`] : []),
  ];
}

export function graphReport(f: GraphFigures): string {
  return [
    'Interactive graph (headless Chromium; navigation start -> graph drawn and answering clicks, median):',
    `  corpus graph    ${f.corpus.nodes} nodes, ${f.corpus.edges} edges: ${median(f.corpus.readyMs)} ms (runs: ${f.corpus.readyMs.join(', ')})  target < 1000 ms`,
    `  generated graph ${f.big.nodes} nodes, ${f.big.edges} edges: ${median(f.big.readyMs)} ms (runs: ${f.big.readyMs.join(', ')})  target < 3000 ms`,
    '  Mention/link edges (every edge in a graph over 1,500 nodes) are drawn after that, a slice per task; all drawn at:',
    `  corpus ${median(f.corpus.completeMs)} ms, generated ${median(f.big.completeMs)} ms`,
    ...clusteredReport(f.clustered),
    'JavaScript loaded (all scripts of the page; a document page before its local graph scrolls into view):',
    ...f.bytes.map((b) => `  ${b.url.padEnd(40)} ${String(b.scripts).padStart(2)} files  ${kb(b.raw).padStart(9)} raw  ${kb(b.gzip).padStart(8)} gzip`),
  ].join('\n');
}

/** Builds the corpus site with the real CLI into a temporary folder and measures its graph pages. */
export async function runGraphBench(corpus: string, project: string, runs = 3): Promise<GraphFigures | { error: string }> {
  const tmp = await mkdtemp(join(tmpdir(), 'docgraph-bench-graph-'));
  try {
    const env = { ...process.env, DOCGRAPH_DATA: join(tmp, 'data'), ASTRO_TELEMETRY_DISABLED: '1' };
    const build = spawnSync('npm', ['run', 'build', '--', '--content', corpus, '--out', join(tmp, 'site')], { cwd: project, env, encoding: 'utf8' });
    if (build.status !== 0) return { error: `the corpus site did not build:\n${(build.stdout + build.stderr).slice(-3000)}` };
    return await measureGraphPages(join(tmp, 'site'), runs);
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
