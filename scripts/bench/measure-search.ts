// Child process: the search index of a folder. Runs the pipeline (not timed), then times
// buildSearchIndex alone, sizes the files, records what the searcher loads for a first query, and
// times queries on a fresh searcher (cold: files parsed and imported) and on a used one (warm).
//   node scripts/bench/measure-search.ts DIR [VOCABULARY_FILE]
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { buildSearchIndex } from '../../src/search/build.ts';
import { createSearcher, type IndexLoader } from '../../src/search/query.ts';
import type { Manifest } from '../../src/search/format.ts';
import { median } from './summary.ts';
import { BENCH_QUERIES, BOX_LIMIT, bytesOf, firstQuery, percentile, sum, type Bytes, type FileBytes, type SearchSetFigures } from './search-figures.ts';
import { peakMiB, RESULT_PREFIX } from './protocol.ts';

const [dir, vocabularyPath] = process.argv.slice(2);
if (!dir) throw new Error('usage: measure-search.ts DIR [VOCABULARY_FILE]');
const vocabulary = vocabularyPath
  ? { file: relative(process.cwd(), vocabularyPath).split('\\').join('/'), text: await readFile(vocabularyPath, 'utf8') }
  : undefined;
const result = runPipeline(await readContentDir(dir), { vocabulary });

// Small sets are built several times for a median; the 10k set once (its pipeline dominates).
const runs = result.documents.length > 2000 ? 1 : 5;
const buildRuns: number[] = [];
let files = new Map<string, string>();
for (let r = 0; r < runs; r++) {
  const started = performance.now();
  files = buildSearchIndex(result);
  buildRuns.push(performance.now() - started);
}

const sized = new Map<string, FileBytes>([...files].map(([path, text]) => [path, bytesOf(path, text)]));
const all = [...sized.values()];
const kindOf = (path: string): string => (path.includes('/') ? `${path.split('/')[0]}/` : path);
const byKind: Record<string, Bytes & { files: number }> = {};
for (const f of all) {
  const k = (byKind[kindOf(f.path)] ??= { raw: 0, gzip: 0, files: 0 });
  k.raw += f.raw;
  k.gzip += f.gzip;
  k.files++;
}
const largest = (list: readonly FileBytes[]): FileBytes => list.reduce((a, b) => (b.raw > a.raw ? b : a));

/** A loader over the built files, parsing each as the browser's `response.json()` would. */
function recordingLoader(): IndexLoader & { requested: Set<string> } {
  const requested = new Set<string>();
  const load = async (path: string): Promise<unknown> => {
    requested.add(path);
    const text = files.get(path);
    if (text === undefined) throw new Error(`missing ${path}`);
    return JSON.parse(text) as unknown;
  };
  return Object.assign(load, { requested });
}

// The first query of a reader: a fresh searcher, the last word completed as while typing.
const perQuery: SearchSetFigures['firstQuery']['perQuery'] = [];
const cold: number[] = [];
for (const query of BENCH_QUERIES) {
  const loader = recordingLoader();
  const searcher = createSearcher(loader);
  const started = performance.now();
  await searcher.search(query, { prefix: true, limit: BOX_LIMIT });
  cold.push(performance.now() - started);
  const fetched = sum([...loader.requested].map((p) => sized.get(p)!));
  perQuery.push({ query, files: loader.requested.size, ...fetched });
}
for (let rep = 0; rep < 4; rep++) {
  for (const query of BENCH_QUERIES) {
    const searcher = createSearcher(recordingLoader());
    const started = performance.now();
    await searcher.search(query, { prefix: true, limit: BOX_LIMIT });
    cold.push(performance.now() - started);
  }
}
// Warm: every file already loaded once; what each keystroke costs afterwards.
const warmSearcher = createSearcher(recordingLoader());
for (const query of BENCH_QUERIES) await warmSearcher.search(query, { prefix: true, limit: BOX_LIMIT });
const warm: number[] = [];
for (let rep = 0; rep < 20; rep++) {
  for (const query of BENCH_QUERIES) {
    const started = performance.now();
    await warmSearcher.search(query, { prefix: true, limit: BOX_LIMIT });
    warm.push(performance.now() - started);
  }
}

const manifest = JSON.parse(files.get('manifest.json')!) as Manifest;
const figures: SearchSetFigures = {
  docs: result.documents.length,
  records: manifest.sections.reduce((a, b) => a + b, 0),
  buildMs: { runs: buildRuns, median: median(buildRuns) },
  index: {
    files: all.length,
    total: sum(all),
    byKind,
    largestShard: largest(all.filter((f) => f.path.startsWith('t/'))),
    largestFile: largest(all),
  },
  firstQuery: firstQuery(perQuery),
  latencyMs: {
    cold: { median: median(cold), p95: percentile(cold, 95), samples: cold.length },
    warm: { median: median(warm), p95: percentile(warm, 95), samples: warm.length },
  },
  peakMiB: peakMiB(),
};
process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(figures)}\n`);
