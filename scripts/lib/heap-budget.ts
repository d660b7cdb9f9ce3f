// A heap budget sized to the content. V8 sizes its heap limit from the machine (about 4 GB on 24 GB),
// and below that limit it collects lazily: a 10,000-document build whose live data is ~1.3 GB then
// peaks at 3.2 GB resident. A limit of ~17x the Markdown bytes (+256 MB) keeps the same build under
// 2 GB for ~20% more time, and still grows with the content, so a bigger folder never hits it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';

const MARKER = 'DOCGRAPH_HEAP_BUDGET';

export function heapBudgetMiB(contentBytes: number): number {
  const wanted = Math.ceil((17 * contentBytes) / 2 ** 20) + 256;
  return Math.min(Math.max(wanted, 1024), Math.floor((totalmem() / 2 ** 20) * 0.75));
}

/** Bytes of Markdown under `dir` (what drives the pipeline's memory). */
export function markdownBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.mdx?$/i.test(entry.name)) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/**
 * Re-runs this script under the budget when it is not running under one yet, and exits with its
 * code; returns when this process is the budgeted one (or the caller already set a limit).
 */
export function ensureHeapBudget(contentDir: string): void {
  if (process.env[MARKER] || process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) return;
  const budget = heapBudgetMiB(markdownBytes(contentDir));
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${budget}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [MARKER]: String(budget) },
  });
  process.exit(child.status ?? 1);
}
