// docgraph search vs Pagefind 1.6 on the same built corpus site, in headless Chromium: every
// response of a first query, sized from the file on disk (raw, and gzip as a server would send it).
// Pagefind as its default UI works: import /pagefind/pagefind.js, search(q), data() of the first 5
// results. docgraph as a reader uses it: focus the header box and enter the query; every response
// after the focus counts (island JS + index files). Entered at once (one search, like Pagefind's one
// search(q)) and typed key by key slower than the box's debounce (a search per key: the upper bound).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { BENCH_QUERIES, bytesOf, firstQuery, size, sum, type Bytes, type FileBytes, type FirstQuery } from './search-figures.ts';

const run = promisify(execFile);
/** @sparticuz/chromium flags that would weaken the browser (see shared notes / test/browser/browser.ts). */
const UNSAFE_FLAGS = new Set(['--single-process', '--disable-web-security', '--disable-site-isolation-trials', '--allow-running-insecure-content']);
/** A page with nothing on it (and no CSP: Pagefind's WebAssembly needs 'wasm-unsafe-eval'). */
const BLANK = '/__bench-blank/';
const PAGEFIND_RESULTS = 5;
/** A page of the corpus site with the header search box. */
const BOX_PAGE = 'docs/office-365-integration';
/** Slower than the box's debounce (120 ms in src/scripts/search-ui.ts): every key searches. */
const TYPING_DELAY_MS = 300;

export interface PagefindComparison {
  siteBuildMs: number;
  pagefindIndexMs: number;
  pagefindIndex: Bytes & { files: number };
  docgraphIndex: Bytes & { files: number };
  pagefind: FirstQuery & { example: FileBytes[] };
  /** The query entered at once: one search. */
  docgraph: FirstQuery & { example: FileBytes[] };
  /** The query typed key by key, each key searched. */
  docgraphTyped: FirstQuery & { example: FileBytes[] };
  /** docgraph's first-query gzip bytes / Pagefind's (median of each, max of each). */
  ratio: { median: number; max: number };
  ratioTyped: { median: number; max: number };
}

export async function comparePagefind(options: { corpus: string; project: string; vocabulary?: string }): Promise<PagefindComparison> {
  const work = await mkdtemp(join(tmpdir(), 'docgraph-bench-pagefind-'));
  const site = join(work, 'site');
  const pagefindOut = join(work, 'pagefind');
  try {
    process.stdout.write('  corpus: building the site for the Pagefind comparison ... ');
    let started = performance.now();
    await run(process.execPath, ['scripts/build.ts', '--content', options.corpus, '--out', site, '--quiet', ...(options.vocabulary ? ['--vocabulary', options.vocabulary] : [])], {
      cwd: options.project,
      env: { ...process.env, DOCGRAPH_DATA: join(work, 'data'), ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 2 ** 20,
    });
    const siteBuildMs = performance.now() - started;
    console.log(`${(siteBuildMs / 1000).toFixed(1)} s`);
    process.stdout.write('  corpus: pagefind --site ... ');
    started = performance.now();
    await run(join(options.project, 'node_modules', '.bin', 'pagefind'), ['--site', site, '--output-path', pagefindOut, '--silent'], { cwd: options.project, maxBuffer: 64 * 2 ** 20 });
    const pagefindIndexMs = performance.now() - started;
    console.log(`${(pagefindIndexMs / 1000).toFixed(1)} s`);

    const { server, origin } = await serve(site, pagefindOut);
    const browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args.filter((f) => !UNSAFE_FLAGS.has(f)), headless: true });
    try {
      const fileOf = (url: string): string | undefined => {
        const path = decodeURIComponent(new URL(url).pathname);
        if (path === BLANK) return undefined;
        const file = path.startsWith('/pagefind/') ? join(pagefindOut, path.slice('/pagefind/'.length)) : join(site, path.endsWith('/') ? `${path}index.html` : path);
        return existsSync(file) && statSync(file).isFile() ? file : undefined;
      };
      const sized = (urls: readonly string[]): FileBytes[] =>
        [...new Set(urls)].flatMap((u) => {
          const file = fileOf(u);
          return file ? [bytesOf(new URL(u).pathname, readFileSync(file))] : [];
        });
      const pf: { query: string; files: FileBytes[] }[] = [];
      const dg: { query: string; files: FileBytes[] }[] = [];
      const typed: { query: string; files: FileBytes[] }[] = [];
      if (!readFileSync(join(site, BOX_PAGE, 'index.html'), 'utf8').includes('data-search-input')) throw new Error(`${BOX_PAGE} has no header search box`);
      for (const query of BENCH_QUERIES) {
        pf.push({ query, files: sized(await pagefindFirstQuery(browser, origin, query)) });
        dg.push({ query, files: sized(await docgraphFirstQuery(browser, origin, query, false)) });
        typed.push({ query, files: sized(await docgraphFirstQuery(browser, origin, query, true)) });
      }
      const figures = (list: typeof pf) => ({
        ...firstQuery(list.map(({ query, files }) => ({ query, files: files.length, ...sum(files) }))),
        example: list[0]!.files,
      });
      const pagefind = figures(pf);
      const docgraph = figures(dg);
      const docgraphTyped = figures(typed);
      return {
        siteBuildMs,
        pagefindIndexMs,
        pagefindIndex: await folderBytes(pagefindOut),
        docgraphIndex: await folderBytes(join(site, 'search'), (p) => p.endsWith('.json')),
        pagefind,
        docgraph,
        docgraphTyped,
        ratio: { median: docgraph.gzip.median / pagefind.gzip.median, max: docgraph.gzip.max / pagefind.gzip.max },
        ratioTyped: { median: docgraphTyped.gzip.median / pagefind.gzip.median, max: docgraphTyped.gzip.max / pagefind.gzip.max },
      };
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export function comparisonLines(c: PagefindComparison): string {
  const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
  const row = (name: string, f: FirstQuery): string =>
    `| ${name} | ${f.files.median} | ${size(f.raw.median)} | ${size(f.gzip.median)} | ${size(f.gzip.max)} |`;
  return [
    `Pagefind comparison on the corpus site (site build ${(c.siteBuildMs / 1000).toFixed(1)} s; pagefind indexing ${(c.pagefindIndexMs / 1000).toFixed(1)} s):`,
    `  index on disk: Pagefind ${c.pagefindIndex.files} files ${size(c.pagefindIndex.raw)} (${size(c.pagefindIndex.gzip)} as sent); docgraph ${c.docgraphIndex.files} files ${size(c.docgraphIndex.raw)} (${size(c.docgraphIndex.gzip)} gzip)`,
    `  first query over ${c.pagefind.perQuery.length} queries (Pagefind: search + data() of the first ${PAGEFIND_RESULTS}; docgraph: the header box, query entered at once / typed at ${TYPING_DELAY_MS} ms a key):`,
    '| search | files (median) | raw median | gzip median | gzip max |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('Pagefind 1.6', c.pagefind),
    row('docgraph, entered', c.docgraph),
    row('docgraph, typed', c.docgraphTyped),
    `  docgraph / Pagefind, gzip: entered median ${pct(c.ratio.median)}, max ${pct(c.ratio.max)}; typed median ${pct(c.ratioTyped.median)}, max ${pct(c.ratioTyped.max)} (issue 7 target <= 70%; issue 4: <= 100%)`,
    `  per query (gzip, docgraph entered / typed / Pagefind): ${c.docgraph.perQuery.map((q, i) => `"${q.query}" ${size(q.gzip)} / ${size(c.docgraphTyped.perQuery[i]!.gzip)} / ${size(c.pagefind.perQuery[i]!.gzip)}`).join('; ')}`,
    `  first query of "${c.pagefind.perQuery[0]!.query}", Pagefind: ${c.pagefind.example.map((f) => `${f.path} ${size(f.gzip)}`).join(', ')}`,
    `  the same, docgraph: ${c.docgraph.example.map((f) => `${f.path} ${size(f.gzip)}`).join(', ')}`,
  ].join('\n');
}

async function serve(site: string, pagefindOut: string): Promise<{ server: Server; origin: string }> {
  const siteFiles = sirv(site, { dev: true });
  const pagefindFiles = sirv(pagefindOut, { dev: true });
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('Not found');
    };
    if (req.url === BLANK) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><html lang="en"><title>bench</title><body></body></html>');
    } else if (req.url?.startsWith('/pagefind/')) {
      req.url = req.url.slice('/pagefind'.length);
      pagefindFiles(req, res, notFound);
    } else siteFiles(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Records the URL of every response of the page until `action` is done and the network is quiet. */
async function responsesDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const urls: string[] = [];
  let last = performance.now();
  page.on('response', (r) => {
    urls.push(r.url());
    last = performance.now();
  });
  await action();
  while (performance.now() - last < 750) await page.waitForTimeout(100);
  return urls;
}

async function pagefindFirstQuery(browser: Browser, origin: string, query: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(origin + BLANK);
    return await responsesDuring(page, async () => {
      const found = await page.evaluate(
        `(async () => {
          const pagefind = await import('/pagefind/pagefind.js');
          const search = await pagefind.search(${JSON.stringify(query)});
          await Promise.all(search.results.slice(0, ${PAGEFIND_RESULTS}).map((r) => r.data()));
          return search.results.length;
        })()`,
      );
      if (!found) throw new Error(`Pagefind found nothing for "${query}"`);
    });
  } finally {
    await context.close();
  }
}

async function docgraphFirstQuery(browser: Browser, origin: string, query: string, typed: boolean): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/${BOX_PAGE}/`, { waitUntil: 'networkidle' });
    const input = page.locator('[data-search-input]').first();
    return await responsesDuring(page, async () => {
      await input.focus();
      if (typed) await input.pressSequentially(query, { delay: TYPING_DELAY_MS });
      else await input.fill(query);
      await page.waitForFunction((q) => document.querySelector<HTMLElement>('[data-search-list]')?.dataset.query === q, query.trim(), { timeout: 15_000 });
    });
  } finally {
    await context.close();
  }
}

async function folderBytes(dir: string, keep: (path: string) => boolean = () => true): Promise<Bytes & { files: number }> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && keep(e.name)).map((e) => bytesOf(e.name, readFileSync(join(e.parentPath, e.name))));
  return { ...sum(files), files: files.length };
}
