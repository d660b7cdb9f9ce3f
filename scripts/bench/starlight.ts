// The reference of `npm run bench`: Starlight (the pinned recipe in scripts/bench/starlight/) and
// docgraph each build the corpus, cold and then warm with one changed document, alternating run by
// run so drift in the shared machine's speed hits both alike. Whole processes are timed and the RSS
// of their process trees sampled (process-tree.ts).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { NPM_BUILD_FLAGS } from './build-flags.ts';
import { runMeasured, type TreeRun } from './process-tree.ts';
import { prepareFixedCopy, type FixReport } from './starlight-fixes.ts';
import type { BuildRun, ToolFigures } from './starlight-summary.ts';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
export const RECIPE = fileURLToPath(new URL('./starlight', import.meta.url));
const STARLIGHT_DOCS = join(RECIPE, 'src', 'content', 'docs');
/** The document changed before each warm build (the seed article; else the first page). */
const EDITED = 'office-365-integration.md';

export interface ReferenceOptions {
  corpus: string;
  runs: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface ReferenceFigures {
  fixes: FixReport;
  edited: string;
  starlight: ToolFigures;
  docgraph: ToolFigures;
}

/** What `scripts/build.ts --timings FILE` writes. */
const Timings = z.object({ stages: z.record(z.string(), z.number()), totalMs: z.number() });

/** Node 22 (the one running the bench under `npm run`) first on PATH for every child. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const path = [dirname(process.execPath), join(PROJECT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter);
  return { ...process.env, PATH: path, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** `npm ci` in the recipe when its node_modules is missing or older than its lock file. */
async function ensureRecipeInstalled(log: (line: string) => void): Promise<void> {
  const installed = join(RECIPE, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(RECIPE, 'package-lock.json')).mtimeMs) return;
  log('starlight: installing the recipe (npm ci in scripts/bench/starlight) ...');
  // Under `npm run`, npm_execpath is npm's own CLI: run it with this Node, not whichever npm is on PATH.
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'ci', '--no-audit', '--no-fund']] : ['npm', ['ci', '--no-audit', '--no-fund']];
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: RECIPE, env: childEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`npm ci in ${RECIPE} exited with ${code}`))));
  });
}

function failure(run: TreeRun): string | undefined {
  if (run.code === 0) return undefined;
  // 137 = 128 + SIGKILL, as /usr/bin/time reports a command it ran that was killed.
  const why = run.signal || run.code === 137 ? `killed by ${run.signal ?? 'SIGKILL'} (timeout?)` : `exit code ${run.code}`;
  const tail = `${run.stderr}\n${run.stdout}`.trim().split('\n').slice(-12).join('\n');
  return `${why}${tail ? `:\n${tail}` : ''}`;
}

async function starlightBuild(cold: boolean, timeoutMs: number): Promise<BuildRun | string> {
  if (cold) {
    // Every cache a new user does not have (issue 21): Astro's, its content layer's and Vite's.
    for (const dir of ['dist', '.astro', join('node_modules', '.astro'), join('node_modules', '.vite')]) await rm(join(RECIPE, dir), { recursive: true, force: true });
  }
  const astro = join(RECIPE, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const run = await runMeasured(process.execPath, [astro, 'build'], { cwd: RECIPE, env: childEnv(), timeoutMs });
  return failure(run) ?? { ms: run.ms, peakMiB: run.peakMiB, cpuMs: run.cpuMs };
}

/** One full `npm run build` of `<work>/content` into `<work>/out` (cold: its data, cache and site folders removed first). */
export async function docgraphBuild(work: string, cold: boolean, timeoutMs: number): Promise<BuildRun | string> {
  const [content, data, out, cache, timings] = ['content', 'data', 'out', 'cache', 'timings.json'].map((p) => join(work, p)) as [string, string, string, string, string];
  // Cold: its own cache folder too (build roots), never the project's, as on a fresh clone; the site
  // kit and the per-document, layout and export caches live in the data folder.
  if (cold) for (const dir of [data, out, cache]) await rm(dir, { recursive: true, force: true });
  await rm(timings, { force: true });
  // The heap limit `npm run build` starts with (package.json); the CLI runs the pipeline in a child
  // under a bigger budget when the content needs one, as it does for a user.
  const args = [...NPM_BUILD_FLAGS, join(PROJECT, 'scripts', 'build.ts'), '--content', content, '--out', out, '--cache-dir', cache, '--quiet', '--timings', timings];
  const run = await runMeasured(process.execPath, args, { cwd: PROJECT, env: childEnv({ DOCGRAPH_DATA: data }), timeoutMs });
  const failed = failure(run);
  if (failed) return failed;
  const parsed = Timings.safeParse(JSON.parse(await readFile(timings, 'utf8')));
  if (!parsed.success) return `unexpected --timings file: ${z.prettifyError(parsed.error)}`;
  return { ms: run.ms, peakMiB: run.peakMiB, cpuMs: run.cpuMs, stages: parsed.data.stages };
}

/** One changed document: a new paragraph, so content hashes change (a touch would not). */
export async function editDocument(files: readonly string[], run: number): Promise<void> {
  for (const file of files) await appendFile(file, `\n\nChanged by the benchmark before warm build ${run}.\n`);
}

export async function measureReference(options: ReferenceOptions): Promise<ReferenceFigures> {
  const { log } = options;
  // Without the recipe (no registry, say) docgraph is still measured; the missing reference is an error.
  const installError = await ensureRecipeInstalled(log).then(
    () => undefined,
    (error: unknown) => `could not install the recipe: ${error instanceof Error ? error.message : String(error)}`,
  );
  const fixes = await prepareFixedCopy(options.corpus, STARLIGHT_DOCS);
  log(
    `starlight: fixed copy in ${STARLIGHT_DOCS} (${fixes.removed.length} non-pages removed, ${fixes.titled.length} titled, ` +
      `${fixes.imagesRecased} image paths re-cased, ${fixes.imagesDropped} missing images dropped)`,
  );
  const work = await mkdtemp(join(tmpdir(), 'docgraph-bench-reference-'));
  await cp(options.corpus, join(work, 'content'), { recursive: true });
  const edited = existsSync(join(STARLIGHT_DOCS, EDITED)) ? EDITED : await firstPage(STARLIGHT_DOCS);
  const editedFiles = [join(STARLIGHT_DOCS, edited), join(work, 'content', edited)];

  const figures: Record<'starlight' | 'docgraph', ToolFigures> = {
    starlight: { tool: 'starlight', cold: [], warm: [], ...(installError && { error: installError }) },
    docgraph: { tool: 'docgraph', cold: [], warm: [] },
  };
  const build = (tool: 'starlight' | 'docgraph', cold: boolean): Promise<BuildRun | string> =>
    tool === 'starlight' ? starlightBuild(cold, options.timeoutMs) : docgraphBuild(work, cold, options.timeoutMs);
  try {
    for (let run = 1; run <= options.runs; run++) {
      // Each tool's warm build follows its own cold build; the edit lands before both warm builds.
      for (const tool of ['starlight', 'docgraph'] as const) {
        if (!figures[tool].error) await measureOne(figures[tool], 'cold', run, () => build(tool, true), options);
      }
      await editDocument(editedFiles, run);
      for (const tool of ['starlight', 'docgraph'] as const) {
        if (!figures[tool].error) await measureOne(figures[tool], 'warm', run, () => build(tool, false), options);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { fixes, edited, ...figures };
}

async function measureOne(
  figures: ToolFigures,
  kind: 'cold' | 'warm',
  run: number,
  build: () => Promise<BuildRun | string>,
  options: ReferenceOptions,
): Promise<void> {
  const result = await build();
  if (typeof result === 'string') {
    figures.error = `${kind} build failed: ${result}`;
    options.log(`  ${figures.tool} ${kind} run ${run}/${options.runs}: failed (details below)`);
    return;
  }
  figures[kind].push(result);
  options.log(`  ${figures.tool} ${kind} run ${run}/${options.runs}: ${(result.ms / 1000).toFixed(2)} s, ${result.peakMiB.toFixed(0)} MiB`);
}

async function firstPage(dir: string): Promise<string> {
  const pages = (await readdir(dir)).filter((f) => /\.md$/i.test(f)).sort();
  if (!pages[0]) throw new Error(`no Markdown page at the top of ${dir}`);
  return pages[0];
}
