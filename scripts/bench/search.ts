// `npm run bench` search figures: per content set, the index build, its size, the bytes of a first
// query and query latency (scripts/bench/measure-search.ts, one child per set); on the corpus also
// the comparison with Pagefind in a real browser (scripts/bench/search-pagefind.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { heapBudgetMiB, markdownBytes } from '../../src/build/heap-budget.ts';
import { RESULT_PREFIX } from './protocol.ts';
import { searchTable, type SearchSetFigures } from './search-figures.ts';
import { comparePagefind, comparisonLines, type PagefindComparison } from './search-pagefind.ts';

const CHILD = fileURLToPath(new URL('./measure-search.ts', import.meta.url));

export interface SearchBench {
  sets: { name: string; dir: string; figures?: SearchSetFigures; error?: string }[];
  pagefind?: PagefindComparison | { error: string };
}

export interface SearchBenchOptions {
  sets: readonly { name: string; dir: string }[];
  vocabulary?: string;
  /** The corpus folder: the Pagefind comparison builds its site. */
  corpus?: string;
  project: string;
  timeoutMs: number;
}

export async function benchSearch(options: SearchBenchOptions): Promise<SearchBench> {
  const result: SearchBench = { sets: [] };
  for (const set of options.sets) {
    process.stdout.write(`  ${set.name}: search index ... `);
    try {
      const figures = await measureSearchInChild(set.dir, options);
      result.sets.push({ ...set, figures });
      console.log(`built in ${(figures.buildMs.median / 1000).toFixed(2)} s`);
    } catch (error) {
      result.sets.push({ ...set, error: error instanceof Error ? error.message : String(error) });
      console.log('failed');
    }
  }
  if (options.corpus) {
    try {
      result.pagefind = await comparePagefind({ corpus: options.corpus, project: options.project, vocabulary: options.vocabulary });
    } catch (error) {
      result.pagefind = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  }
  return result;
}

export function printSearchBench(bench: SearchBench): void {
  console.log('\nSearch index (build = buildSearchIndex alone, median; gzip level 9; first query = files a fresh');
  console.log('searcher loads for one query as the header box asks it (last word a prefix, 6 results), over 8 queries; latency in Node,');
  console.log('cold = fresh searcher parsing its files from memory, warm = files already loaded):');
  console.log(searchTable(bench.sets));
  for (const s of bench.sets) {
    if (!s.figures) continue;
    const kinds = Object.entries(s.figures.index.byKind).map(([k, b]) => `${k} ${b.files} files ${(b.gzip / 1024).toFixed(0)} KiB gz`);
    console.log(`  ${s.name}: ${kinds.join(', ')}`);
  }
  if (bench.pagefind) console.log(`\n${'error' in bench.pagefind ? `Pagefind comparison failed:\n${bench.pagefind.error}` : comparisonLines(bench.pagefind)}`);
}

function measureSearchInChild(dir: string, options: SearchBenchOptions): Promise<SearchSetFigures> {
  return new Promise((resolvePromise, reject) => {
    const args = [`--max-old-space-size=${heapBudgetMiB(markdownBytes(dir))}`, CHILD, dir, ...(options.vocabulary ? [options.vocabulary] : [])];
    const child = spawn(process.execPath, args, { cwd: options.project, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').findLast((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) return resolvePromise(JSON.parse(line.slice(RESULT_PREFIX.length)) as SearchSetFigures);
      reject(new Error(`search measurement failed (${signal ?? `exit code ${code}`}):\n${stderr.trim().split('\n').slice(-6).join('\n')}`));
    });
  });
}
