// The whole site of a big generated set (`npm run bench -- --sets 10k`): one cold `npm run build`
// (pipeline, pages, search, graph views, exports) and one rebuild after a document changed, each with
// its wall time and the peak RSS of the process tree. The content is a copy, so the edit stays there.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docgraphBuild, editDocument } from './starlight.ts';
import type { BuildRun } from './starlight-summary.ts';
import type { DevRebuildFigures } from './dev-rebuild.ts';

export interface FullBuildFigures {
  docs: number;
  cold?: BuildRun;
  warm?: BuildRun;
  /** `npm run dev` on the same set, one document edited: the rebuild a writer waits for (the 10 s target). */
  dev?: DevRebuildFigures;
  error?: string;
}

export async function measureFullBuild(options: { dir: string; docs: number; timeoutMs: number; log: (line: string) => void }): Promise<FullBuildFigures> {
  const work = await mkdtemp(join(tmpdir(), 'docgraph-bench-full-'));
  const figures: FullBuildFigures = { docs: options.docs };
  try {
    await cp(options.dir, join(work, 'content'), { recursive: true });
    const first = (await readdir(join(work, 'content'), { recursive: true })).filter((f) => f.endsWith('.md') && !f.includes('includes/')).sort()[0];
    for (const cold of [true, false]) {
      if (!cold && first) await editDocument([join(work, 'content', first)], 1);
      const run = await docgraphBuild(work, cold, options.timeoutMs);
      if (typeof run === 'string') throw new Error(`${cold ? 'cold' : 'warm'} build: ${run}`);
      figures[cold ? 'cold' : 'warm'] = run;
      options.log(`  full build ${cold ? 'cold' : 'warm'}: ${(run.ms / 1000).toFixed(1)} s, ${run.peakMiB.toFixed(0)} MiB`);
    }
  } catch (error) {
    figures.error = error instanceof Error ? error.message : String(error);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return figures;
}
