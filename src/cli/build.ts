// `docgraph build` / `npm run build -- --content DIR --out DIR [--vocabulary FILE] [--strict] ...`
// Runs the pipeline, writes graph.json / report.json / page data, prints the summary, then builds
// the Astro site into --out. Exit 0 with warnings; with --strict, non-zero on any broken link or
// content error. Flags are documented in README.md.
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { buildFlagsSchema } from '../config.ts';
import type { BuildReport } from '../pipeline/report.ts';
import { buildRootsDir, cacheDirFor, chooseVocabulary, dataDirFor, PROJECT_ROOT, readContentConfig } from '../build/project.ts';
import { HANDOFF, pipelineHeapBudget, runPipelineChild } from '../build/heap-budget.ts';
import { linkTree } from '../build/link-public.ts';
import { heldByOutput, setAsideOutput } from '../build/out-dir.ts';
import { startSiteBuild } from '../build/site-build.ts';

/** Runs `build` with its flags (`argv`: what follows the command name); the exit code. */
export async function runBuild(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      vocabulary: { type: 'string' },
      strict: { type: 'boolean' },
      'external-docs-base': { type: 'string' },
      site: { type: 'string' },
      base: { type: 'string' },
      'no-site': { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      quiet: { type: 'boolean' },
      timings: { type: 'string' },
      workers: { type: 'string' },
      explain: { type: 'string' },
      'cache-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const parsed = buildFlagsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`docgraph: --${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const flags = parsed.data;
  const contentDir = resolve(flags.content);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    console.error(`docgraph: --content ${flags.content}: not a folder`);
    return 2;
  }
  const budget = pipelineHeapBudget(contentDir);
  const config = await readContentConfig(contentDir);
  const base = flags.base ?? config.base ?? '/';
  const cacheDir = cacheDirFor(flags['cache-dir']);
  const dataDir = dataDirFor(flags['cache-dir']);
  const outDir = resolve(flags.out);
  const held = heldByOutput(outDir, [
    { what: 'the content folder', dir: contentDir },
    { what: 'the data folder', dir: dataDir },
    { what: 'the cache folder', dir: cacheDir },
    { what: 'the project', dir: PROJECT_ROOT },
  ]);
  if (held) {
    console.error(`docgraph: --out ${flags.out}: holds ${held.what} (${held.dir}); the build replaces that folder whole. Choose another --out.`);
    return 2;
  }
  const siteUrl = flags.site ?? config.site;
  const timingsFile = flags.timings ? resolve(flags.timings) : undefined;
  const stages: [string, number][] = [];
  const started = performance.now();
  // Only the counts outlive the pipeline: at 10,000 documents its result is a gigabyte. A folder that
  // needs another heap budget runs the pipeline in a child process, which hands its counts and stage
  // times over in a file.
  const siteEnv: Record<string, string> = {
    DOCGRAPH_DATA: dataDir,
    DOCGRAPH_CONTENT: contentDir,
    DOCGRAPH_OUT: outDir,
    DOCGRAPH_BASE: base,
    DOCGRAPH_TITLE: config.title ?? '',
    ...(siteUrl ? { DOCGRAPH_SITE: siteUrl } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
    DOCGRAPH_PUBLIC: 'linked',
  };
  // A pipeline child (HANDOFF) only writes the data folder; its parent builds the site.
  const buildsSite = !flags['no-site'] && !process.env[HANDOFF];
  const previousOut = buildsSite ? setAsideOutput(outDir, dataDir) : undefined;
  // Astro's cacheDir (astro.config.mjs).
  const astroCache = join(dataDir, '.astro-cache');
  const emptyOut = !previousOut?.cleared;
  const startSite = () =>
    startSiteBuild({
      root: PROJECT_ROOT,
      workDir: buildRootsDir(cacheDir),
      contentDir,
      dataDir,
      outDir,
      cacheDir: astroCache,
      emptyOut,
      env: { ...process.env, ...siteEnv },
      quiet: Boolean(flags.quiet),
      force: Boolean(flags['no-cache']),
    });
  // The site build starts beside an in-process pipeline (src/build/site-build.ts). A pipeline that
  // needs a process of its own (a big folder) runs first, alone: the two together would add their
  // peak memory.
  let site = buildsSite && budget === undefined ? startSite() : undefined;
  const counts = budget === undefined ? await runDataBuild().catch((error: unknown) => {
    site?.cancel();
    previousOut?.restore();
    throw error;
  }) : await runDataBuildInChild(budget);
  if (counts === undefined) {
    site?.cancel();
    previousOut?.restore();
    return 2;
  }
  const handoff = process.env[HANDOFF];
  if (handoff) {
    await writeFile(handoff, JSON.stringify({ counts, stages }));
    return 0;
  }
  async function runDataBuildInChild(budget: number): Promise<BuildReport['counts'] | undefined> {
    const file = join(await mkdtemp(join(tmpdir(), 'docgraph-handoff-')), 'handoff.json');
    try {
      const status = runPipelineChild(budget, file, ['--no-site']);
      if (status !== 0 || !existsSync(file)) return undefined;
      const handed = JSON.parse(await readFile(file, 'utf8')) as { counts: BuildReport['counts']; stages: [string, number][] };
      stages.push(...handed.stages);
      return handed.counts;
    } finally {
      await rm(dirname(file), { recursive: true, force: true });
    }
  }
  async function runDataBuild() {
    // Loaded only here: a process that hands the pipeline to a child (a big folder) then waits for it
    // with ~100 MB less, which counts toward the build's peak.
    const [{ buildData }, { formatSummary, formatExplanations }] = await Promise.all([import('../build/build-data.ts'), import('../pipeline/report.ts')]);
    const result = await buildData({
      contentDir,
      dataDir,
      vocabularyPath: chooseVocabulary(contentDir, flags.vocabulary),
      externalDocsBase: flags['external-docs-base'] ?? config.externalDocsBase,
      base,
      site: siteUrl,
      title: config.title,
      cache: !flags['no-cache'],
      ...(flags.workers === undefined ? {} : { workers: flags.workers }),
      ...(flags.explain === undefined ? {} : { explain: flags.explain.split('\\').join('/').replace(/^\.\//, '') }),
      onStage: (stage, ms) => stages.push([stage, ms]),
      onSourcesReady: () => site?.sourcesReady(),
      // The pages render in the site build's process while this one writes the search index and exports.
      onDataReady: () => site?.dataReady(),
    });
    const pipelineMs = performance.now() - started;
    if (flags.explain !== undefined) console.log(formatExplanations(flags.explain, result.explanations));
    if (!flags.quiet) {
      console.log(formatSummary(result.report));
      console.log(`  pipeline ${(pipelineMs / 1000).toFixed(2)} s (${stages.map(([s, ms]) => `${s} ${Math.round(ms)} ms`).join(', ')}), heap limit ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MiB`);
      console.log(`  wrote ${join(dataDir, 'public', 'graph.json')} and report.json`);
    }
    return result.report.counts;
  }

  if (buildsSite) {
    // `site`: what the site build adds after the pipeline (its start-up and bundling ran beside it).
    const siteStarted = performance.now();
    site ??= startSite();
    site.dataReady();
    // While the site child renders, this process has nothing else to do. The public files are linked
    // meanwhile, unless Astro is still to empty the output folder.
    const discarded = previousOut?.discard();
    const linkPublic = () => linkTree(join(dataDir, 'public'), outDir);
    if (!emptyOut) linkPublic();
    const built = await site.done;
    await discarded;
    if (!built) return 2;
    if (emptyOut) linkPublic();
    stages.push(['site', performance.now() - siteStarted]);
    if (!flags.quiet) console.log(`  site built in ${((performance.now() - siteStarted) / 1000).toFixed(2)} s after the pipeline -> ${outDir}`);
  }
  if (timingsFile) await writeTimings(timingsFile, stages, performance.now() - started);
  const failing = counts.errors + counts.failedFiles;
  if (flags.strict && failing > 0) {
    console.error(`docgraph: --strict: ${counts.errors} error(s) (${counts.links.broken} broken links), ${counts.failedFiles} file(s) that could not become pages`);
    return 1;
  }
  return 0;
}

/** `--timings FILE`: stage name -> ms (pipeline stages in call order, then `write` and `site`). */
async function writeTimings(file: string, stages: readonly [string, number][], totalMs: number): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ stages: Object.fromEntries(stages), totalMs }, null, 2)}\n`);
}
