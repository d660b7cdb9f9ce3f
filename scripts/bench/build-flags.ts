// The Node flags `npm run build` and `npm run dev` run with (package.json's scripts: heap limit,
// semi-space size), so that the benchmark's builds, pipeline runs and dev server get what a user's do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/build/project.ts';
import { withHeapBudget } from '../../src/build/heap-budget.ts';

/** The `--max-*` Node flags of a package.json script (`node --max-old-space-size=1024 ... scripts/x.ts`). */
export function npmScriptFlags(script: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return (scripts[script] ?? '').split(/\s+/).filter((word) => /^--max-[a-z-]+=\d+$/.test(word));
}

/** `--max-old-space-size=1024`, `--max-semi-space-size=64`... of the `build` script. */
export const NPM_BUILD_FLAGS: readonly string[] = npmScriptFlags('build');

/** The flags of a pipeline process under a heap budget of `budget` MiB (as src/build/heap-budget.ts starts it). */
export function pipelineFlags(budget: number): string[] {
  return withHeapBudget(NPM_BUILD_FLAGS, budget);
}
