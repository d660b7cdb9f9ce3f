// The clustered graph of a 10,000-document site, for `npm run bench`: a generated knowledge graph shaped
// like the 10k set (about 2,000 entities, most of them discovered terms; ~30 mentions and 3 links per
// document, a few hubs mentioned everywhere) goes through the build's own buildGraphView and
// clusterFiles, and the files are served in place of the corpus site's. Measured in headless
// Chromium: time to interactive on the overview, time to open the biggest cluster, and the frame rate
// while the view pans and zooms for 2 s (rAF timestamps), on the overview and with that cluster open.
import type { Browser, Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../../src/outputs/graph-layout.ts';
import { buildGraphView } from '../../src/outputs/build-graph-view.ts';
import { clusterFiles } from '../../src/outputs/build-graph-clusters.ts';
import { OVERVIEW_URL, type GraphOverview } from '../../src/outputs/graph-overview.ts';
import type { GraphEdge, GraphNode, KnowledgeGraph, RelationType } from '../../src/pipeline/types.ts';

const TYPED: RelationType[] = ['replaces', 'requires', 'part-of', 'option-of', 'integrates-with', 'works-with'];

export function syntheticKnowledgeGraph(documents = 10_000, entities = 2_000): KnowledgeGraph {
  const random = seededRandom(7);
  const entityNodes: GraphNode[] = Array.from({ length: entities }, (_, i) => {
    const type = i < 60 ? (['concept', 'tool', 'product'] as const)[i % 3]! : 'discovered';
    return { id: `e${i}`, type, label: `${type} ${i}`, aliases: [], description: '', url: `/entities/e${i}/`, origin: type === 'discovered' ? 'discovered' : 'vocabulary' };
  });
  const docNodes: GraphNode[] = Array.from({ length: documents }, (_, i) => {
    const slug = `r${String(Math.floor(i / 228)).padStart(3, '0')}/f${Math.floor((i % 228) / 20)}/page-${i % 228}`;
    return { id: `doc:${slug}`, type: 'document', label: `Page ${i}`, aliases: [], description: '', url: `/docs/${slug}/`, origin: 'content', path: `${slug}.md` };
  });
  const edges = new Map<string, GraphEdge>();
  const add = (source: string, type: RelationType, target: string, weight: number) => {
    const id = `${source}|${type}|${target}`;
    if (source !== target && !edges.has(id)) edges.set(id, { id, source, target, type, weight, origin: 'extracted', evidence: [] });
  };
  docNodes.forEach((doc, i) => {
    // Cubed draws: low entity numbers are the hubs every page mentions.
    for (let m = 0; m < 30; m++) {
      // Hubs are also mentioned more often per page, so most pages are about one of a few dozen entities.
      const u = random() ** 3;
      add(doc.id, 'mentions', entityNodes[Math.floor(u * entities)]!.id, 1 + Math.floor(random() * 12 * (1 - u) ** 12));
    }
    for (let l = 0; l < 3; l++) add(doc.id, 'links-to', docNodes[Math.min(documents - 1, Math.max(0, i + Math.floor((random() - 0.5) * 100)))]!.id, 1);
  });
  for (let r = 0; r < 80; r++) add(entityNodes[Math.floor(random() * 60)]!.id, TYPED[r % TYPED.length]!, entityNodes[Math.floor(random() * 60)]!.id, 1);
  return { schemaVersion: 1, nodes: [...entityNodes, ...docNodes], edges: [...edges.values()] };
}

export interface ClusteredFigures {
  documents: number;
  entities: number;
  clusters: number;
  buildMs: number;
  overviewBytes: { raw: number; gzip: number };
  biggestCluster: { label: string; documents: number; raw: number; gzip: number };
  graphViewBytes: number;
  readyMs: number[];
  openMs: number[];
  overviewFps: FrameFigures[];
  openedFps: FrameFigures[];
  /** Runs whose page crashed (Chromium's renderer ran out of memory: see measureClusteredRun). */
  crashed: string[];
}

export interface FrameFigures {
  frames: number;
  medianFps: number;
  /** Frames per second over the whole 2 s (stalls included). */
  meanFps: number;
  p95FrameMs: number;
  longestFrameMs: number;
}

/** The site files of the generated 10k graph: path under the site root -> bytes. */
export function clusteredSite(): { files: Map<string, string>; figures: Omit<ClusteredFigures, 'readyMs' | 'openMs' | 'overviewFps' | 'openedFps' | 'crashed'> } {
  const graph = syntheticKnowledgeGraph();
  const started = performance.now();
  const view = buildGraphView(graph, []);
  const files = clusterFiles(view);
  const buildMs = Math.round(performance.now() - started);
  const byPath = new Map(files.map((f) => [`/${f.path}`, JSON.stringify(f.value)]));
  const overviewJson = byPath.get(OVERVIEW_URL)!;
  const overview = JSON.parse(overviewJson) as GraphOverview;
  const biggest = [...overview.clusters].sort((a, b) => b.documents - a.documents)[0]!;
  const biggestJson = byPath.get(biggest.file)!;
  return {
    files: byPath,
    figures: {
      documents: overview.clusters.reduce((n, c) => n + c.documents, 0),
      entities: overview.nodes.length,
      clusters: overview.clusters.length,
      buildMs,
      overviewBytes: { raw: Buffer.byteLength(overviewJson), gzip: gzipSync(overviewJson).length },
      biggestCluster: { label: biggest.label, documents: biggest.documents, raw: Buffer.byteLength(biggestJson), gzip: gzipSync(biggestJson).length },
      graphViewBytes: Buffer.byteLength(JSON.stringify(view)),
    },
  };
}

/**
 * The frame rate while a reader pans and zooms the whole graph (fitted first): a mouse drag across the
 * canvas, then the wheel in and out, for `ms`, as real input (cytoscape draws gestures its cheap way:
 * cached bitmap, edges hidden), with every frame's requestAnimationFrame timestamp recorded in the page.
 */
async function frameRate(page: Page, ms = 2000): Promise<FrameFigures> {
  await page.evaluate(() => window.docgraph!.cy.fit(undefined, 30));
  const box = (await page.locator('[data-canvas]').boundingBox())!;
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`window.__frames = []; (() => {
    const end = performance.now() + ${ms};
    const step = (now) => { window.__frames.push(now); if (now < end) requestAnimationFrame(step); };
    requestAnimationFrame(step);
  })()`);
  const started = Date.now();
  // The drag starts in a corner, off the nodes (a drag on a node would move the node, not the view).
  const from = { x: box.x + 8, y: box.y + box.height - 8 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 40 && Date.now() - started < ms / 2; i++) await page.mouse.move(from.x + i * 8, from.y - i * 5 - 40 * Math.sin(i / 6));
  await page.mouse.up();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; Date.now() - started < ms; i++) await page.mouse.wheel(0, i % 8 < 4 ? -100 : 100);
  await page.waitForFunction(`window.__frames.length > 0 && performance.now() > window.__frames[0] + ${ms}`);
  const times = (await page.evaluate('window.__frames')) as number[];
  const intervals = times.slice(1).map((t, i) => t - times[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const span = times[times.length - 1]! - times[0]!;
  return {
    frames: intervals.length,
    medianFps: Math.round(1000 / at(0.5)),
    meanFps: Math.round((intervals.length * 1000) / span),
    p95FrameMs: Math.round(at(0.95)),
    longestFrameMs: Math.round(sorted[sorted.length - 1]!),
  };
}

/**
 * One run on `${base}/graph/`. The corpus site is small, so its page has no data-overview: the bench
 * adds the attribute a 10k build writes, and serves the generated files at their URLs.
 *
 * Known: in this headless Chromium any pan or zoom of a cytoscape 3.34 graph (even 10 nodes on a bare
 * page with cytoscape.min.js alone, canvas or WebGL renderer, with or without @sparticuz/chromium's GPU
 * flags) raises the page's JS heap (performance.memory) from ~10 MB to ~2.7 GB, and a run of pans and
 * zooms now and then ends in a renderer OOM ("Target crashed"); the caller counts such runs instead of
 * failing.
 */
export async function measureClusteredRun(browser: Browser, base: string, files: Map<string, string>): Promise<{ dataMs: number; mountedMs: number; readyMs: number; openMs: number; overview: FrameFigures; opened: FrameFigures }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/graph/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-graph ', `data-graph data-overview="${OVERVIEW_URL}" `);
    await route.fulfill({ response, body: html });
  });
  await page.route('**/graph-view/**', (route) => {
    const body = files.get(new URL(route.request().url()).pathname);
    return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ contentType: 'application/json', body });
  });
  try {
    await page.goto(`${base}/graph/`);
    await page.locator('[data-graph][data-state="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
    if ((await page.locator('[data-graph][data-overview]').count()) === 0) throw new Error('the graph page has no data-overview attribute to open the clustered overview with');
    const [dataMs, mountedMs, readyMs] = await page.evaluate(() =>
      ['docgraph:graph-data', 'docgraph:graph-mounted', 'docgraph:graph-ready'].map((mark) => Math.round(performance.getEntriesByName(mark)[0]!.startTime)),
    );
    const overview = await frameRate(page);
    // The panel lists the folded clusters biggest first; open the first, as a reader would.
    const button = page.locator('[data-panel] [data-cluster]').first();
    const cluster = (await button.getAttribute('data-cluster'))!;
    const started = await page.evaluate(() => performance.now());
    await button.click();
    await page.waitForFunction(
      (id) => window.docgraph!.cy.getElementById(id).empty() && !document.querySelector('[data-graph]')?.hasAttribute('data-opening'),
      cluster,
      { timeout: 120_000 },
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const openMs = Math.round((await page.evaluate(() => performance.now())) - started);
    const opened = await frameRate(page);
    return { dataMs: dataMs!, mountedMs: mountedMs!, readyMs: readyMs!, openMs, overview, opened };
  } finally {
    await context.close();
  }
}
