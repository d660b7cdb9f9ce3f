// A heap budget sized to the content. V8 sizes its heap limit from the machine (about 4 GB on 24 GB),
// and below that limit it collects lazily: a 10,000-document build whose live data is ~1.3 GB then
// peaks at 3.2 GB resident. A limit of ~17x the Markdown bytes (+256 MB) keeps the same build under
// 2 GB for ~20% more time, and still grows with the content, so a bigger folder never hits it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';


// One huge page is parsed into one tree that lives until it is rendered: a 7 MB generated page
// needs about 1.3 GB on its own, so the largest file adds ~150x its size.
const PER_LARGEST_FILE_BYTE = 150;

export function heapBudgetMiB(contentBytes: number, largestFileBytes = 0): number {
  const wanted = Math.ceil((17 * contentBytes + PER_LARGEST_FILE_BYTE * largestFileBytes) / 2 ** 20) + 256;
  return Math.min(Math.max(wanted, 1024), Math.floor((totalmem() / 2 ** 20) * 0.75));
}

/**
 * A parsing worker's old-generation limit: what one document's tree needs (the largest file, as above)
 * and the shared work (include trees, link targets). Small, so the worker collects instead of growing.
 */
export function workerHeapMiB(largestFileBytes: number): number {
  return 256 + Math.ceil((PER_LARGEST_FILE_BYTE * largestFileBytes) / 2 ** 20);
}

/** Bytes of Markdown under `dir` (what drives the pipeline's memory). */
export function markdownBytes(dir: string): number {
  return markdownSizes(dir).total;
}

export function markdownSizes(dir: string): { total: number; largest: number } {
  let total = 0;
  let largest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.mdx?$/i.test(entry.name)) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    total += size;
    largest = Math.max(largest, size);
  }
  return { total, largest };
}

/** Set in the environment of a pipeline child: the file it leaves its summary in for the parent. */
export const HANDOFF = 'DOCGRAPH_HANDOFF';

/**
 * The heap budget the pipeline needs in a process of its own, or undefined when this process fits.
 * `npm run build` starts with the smallest budget (package.json), which most folders fit; a folder that
 * needs more (or much less) gets a child process for the pipeline. Besides the heap limit, that gives
 * the site build (Astro, in this process) memory the pipeline has returned to the system: one process
 * for both kept the pipeline's heap through the page rendering (2.5 GB at 10,000 documents).
 */
export function pipelineHeapBudget(contentDir: string): number | undefined {
  if (process.env[HANDOFF]) return undefined;
  const sizes = markdownSizes(contentDir);
  const budget = heapBudgetMiB(sizes.total, sizes.largest);
  const limit = getHeapStatistics().heap_size_limit / 2 ** 20;
  return budget <= limit && budget > limit / 2 ? undefined : budget;
}

/**
 * Runs this script's pipeline part (`--no-site`) in a child under `budget`; its exit status. The
 * child keeps this process's other flags, among them package.json's `--max-semi-space-size=64`
 * (young generation 3 x 64 MB): it cut garbage collection while parsing 10,000 documents from 111 s
 * to 89 s, for ~130 MB more peak memory. (Taking those 192 MB off the old space instead made the
 * same build collect its old space more often: parse 105 s, peak 1815 MiB.)
 */
export function runPipelineChild(budget: number, handoff: string, extraArgs: readonly string[] = []): number {
  const child = spawnSync(process.execPath, [...withHeapBudget(process.execArgv, budget), ...process.argv.slice(1), ...extraArgs], {
    stdio: 'inherit',
    env: { ...process.env, [HANDOFF]: handoff },
  });
  return child.status ?? 2;
}

/** Node flags with the heap limit replaced by `budget` MiB (the other flags, semi-space size included, kept). */
export function withHeapBudget(flags: readonly string[], budget: number): string[] {
  return [...flags.filter((flag) => !flag.startsWith('--max-old-space-size')), `--max-old-space-size=${budget}`];
}
