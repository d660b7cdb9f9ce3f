// `npm run bench -- --sets check`: `docgraph check` on the corpus as CI runs it, warm (issue 20: within
// 2 s). One cold run fills the caches of a fresh data folder, then each warm run is the whole process
// (`npm run check`'s Node flags, module loading included), with the peak RSS of its process tree.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/build/project.ts';
import { npmScriptFlags } from './build-flags.ts';
import { runMeasured } from './process-tree.ts';

export const CHECK_TARGET_MS = 2_000;

export interface CheckFigures {
  coldMs?: number;
  warm: { ms: number; peakMiB: number }[];
  error?: string;
}

export async function measureCheck(options: { corpus: string; runs: number; timeoutMs: number; log: (line: string) => void }): Promise<CheckFigures> {
  const data = await mkdtemp(join(tmpdir(), 'docgraph-bench-check-'));
  const figures: CheckFigures = { warm: [] };
  const args = [...npmScriptFlags('check'), join(PROJECT_ROOT, 'scripts', 'check.ts'), '--content', options.corpus, '--quiet'];
  try {
    for (let run = 0; run <= options.runs; run++) {
      const measured = await runMeasured(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, DOCGRAPH_DATA: data }, timeoutMs: options.timeoutMs });
      // 1 is a finding (the corpus has broken links), not a failure of the check.
      if (measured.code !== 0 && measured.code !== 1) throw new Error(`exit code ${measured.code ?? measured.signal}:\n${measured.stderr.trim().split('\n').slice(-12).join('\n')}`);
      if (run === 0) figures.coldMs = measured.ms;
      else figures.warm.push({ ms: measured.ms, peakMiB: measured.peakMiB });
      options.log(`  check ${run === 0 ? 'cold' : `warm ${run}/${options.runs}`}: ${(measured.ms / 1000).toFixed(2)} s, ${measured.peakMiB.toFixed(0)} MiB`);
    }
  } catch (error) {
    figures.error = error instanceof Error ? error.message : String(error);
  } finally {
    await rm(data, { recursive: true, force: true });
  }
  return figures;
}
