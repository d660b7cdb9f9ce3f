// A heap budget sized to the content. V8 sizes its heap limit from the machine (about 4 GB on 24 GB),
// and below that limit it collects lazily: a 10,000-document build whose live data is ~1.3 GB then
// peaks at 3.2 GB resident. A limit of ~17x the Markdown bytes (+256 MB) keeps the same build under
// 2 GB for ~20% more time, and still grows with the content, so a bigger folder never hits it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';

const MARKER = 'DOCGRAPH_HEAP_BUDGET';

// One huge page is parsed into one tree that lives until it is rendered: a 7 MB generated page
// needs about 1.3 GB on its own, so the largest file adds ~150x its size.
export function heapBudgetMiB(contentBytes: number, largestFileBytes = 0): number {
  const wanted = Math.ceil((17 * contentBytes + 150 * largestFileBytes) / 2 ** 20) + 256;
  return Math.min(Math.max(wanted, 1024), Math.floor((totalmem() / 2 ** 20) * 0.75));
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

/**
 * Re-runs this script under the budget when it is not running under one yet, and exits with its
 * code; returns when this process is the budgeted one (or the caller already set a limit).
 */
export function ensureHeapBudget(contentDir: string): void {
  if (process.env[MARKER]) return;
  const sizes = markdownSizes(contentDir);
  const budget = heapBudgetMiB(sizes.total, sizes.largest);
  // `npm run build` starts with the smallest budget (package.json), which most folders fit: re-running
  // costs a second of start-up, so it is done only for a budget above the limit, or far below it.
  const limit = getHeapStatistics().heap_size_limit / 2 ** 20;
  if (budget <= limit && budget > limit / 2) return;
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${budget}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [MARKER]: String(budget) },
  });
  process.exit(child.status ?? 1);
}
