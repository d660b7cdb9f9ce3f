// The Node flags `npm run build` runs with (package.json's `build` script: heap limit, semi-space
// size), so that the benchmark's builds and pipeline runs get what a user's build gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/build-data.ts';

/** `--max-old-space-size=1024`, `--max-semi-space-size=64`... of the `build` script. */
export const NPM_BUILD_FLAGS: readonly string[] = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build
  .split(/\s+/)
  .filter((word) => /^--max-[a-z-]+=\d+$/.test(word));

/** The flags of a pipeline process under a heap budget of `budget` MiB (as scripts/lib/heap-budget.ts starts it). */
export function pipelineFlags(budget: number): string[] {
  return [...NPM_BUILD_FLAGS.filter((f) => !f.startsWith('--max-old-space-size=')), `--max-old-space-size=${budget}`];
}
