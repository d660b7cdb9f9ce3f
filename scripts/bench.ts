// `npm run bench`: how docgraph's pipeline compares with a bare remark parse of the same files,
// on the real corpus and on generated sets of 1,000 and 10,000 documents; and (set `starlight`) how
// docgraph's full build compares with Starlight's build of the corpus (scripts/bench/starlight.ts);
// (set `check`) a warm `docgraph check` of the corpus (scripts/bench/check.ts).
//
//   npm run bench -- [--sets corpus,1k,10k,starlight,graph,check] [--runs N] [--json FILE] [--corpus DIR] [--timeout MIN] [--no-search]
//
// Then the search index of each set and, on the corpus, the comparison with Pagefind
// (scripts/bench/search.ts; --no-search skips both).
//
// Every measurement runs in its own child process (scripts/bench/measure-*.ts) and reports its own
// peak RSS. Generated sets are made once by scripts/generate-corpus.ts in os.tmpdir() and reused.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultOutDir, generateCorpusDir, isArticlePath } from './generate-corpus.ts';
import { measureInChild, type MeasureKind } from './bench/child.ts';
import type { Measurement } from './bench/protocol.ts';
import { benchSearch, printSearchBench } from './bench/search.ts';
import { measureReference, type ReferenceFigures } from './bench/starlight.ts';
import { buildStageTable, referenceTable, STARLIGHT_TARGETS, starlightChecks, summarize } from './bench/starlight-summary.ts';
import { measureDevRebuild, type DevRebuildFigures } from './bench/dev-rebuild.ts';
import { measureFullBuild, type FullBuildFigures } from './bench/full-build.ts';
import { graphReport, runGraphBench } from './bench/graph.ts';
import { CHECK_TARGET_MS, measureCheck, type CheckFigures } from './bench/check.ts';
import {
  aggregate,
  checkTargets,
  countsTable,
  growth,
  mainTable,
  stageTable,
  targetLines,
  TARGETS,
  type Growth,
  type Outcome,
  type SetFigures,
  median,
} from './bench/summary.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_CORPUS = resolve(PROJECT, '../shared/corpus/office-enterprise-2019/docs');
const VOCABULARY = resolve(PROJECT, 'content/vocabulary.yaml');

/** The content sets: the corpus itself, or a generated multiple of it. */
const SETS = {
  corpus: { docs: undefined, runs: 3 },
  '1k': { docs: 1_000, runs: 3 },
  '10k': { docs: 10_000, runs: 1 },
} as const;
type SetName = keyof typeof SETS;
const SET_NAMES = Object.keys(SETS) as SetName[];
/** Not a content set: full builds of the corpus by docgraph and by Starlight, 3 runs by default. */
const REFERENCE = 'starlight';
/** The document the dev-server rebuild edits (the seed article). */
const DEV_EDITED = 'office-365-integration.md';
const REFERENCE_RUNS = 3;
const ALL_NAMES = [...SET_NAMES, REFERENCE, 'graph', 'check'] as const;
/** Warm runs of `docgraph check` on the corpus (after one cold run). */
const CHECK_RUNS = 3;

const Flags = z.object({
  /** Comma-separated subset of corpus,1k,10k,starlight,graph,check, measured in that order (`graph`: the graph pages in Chromium; `check`: warm docgraph check of the corpus). */
  sets: z
    .string()
    .default(ALL_NAMES.join(','))
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ALL_NAMES)).min(1, 'name at least one set')),
  /** Runs per set, overriding the defaults (corpus 3, 1k 3, 10k 1, starlight 3). */
  runs: z.coerce.number().int().min(1).max(20).optional(),
  /** Also write the figures as JSON to this file. */
  json: z.string().min(1).optional(),
  /** The source corpus; generated sets are made from it. */
  corpus: z.string().min(1).default(DEFAULT_CORPUS),
  /** Give up on one measurement after this many minutes. */
  timeout: z.coerce.number().positive().default(30),
  /** Skip the search figures (index per set, Pagefind comparison on the corpus). */
  'no-search': z.boolean().default(false),
});
type Flags = z.infer<typeof Flags>;

function readFlags(argv: string[]): Flags | undefined {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        sets: { type: 'string' },
        runs: { type: 'string' },
        json: { type: 'string' },
        corpus: { type: 'string' },
        timeout: { type: 'string' },
        'no-search': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return undefined;
  }
  const parsed = Flags.safeParse(values);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    return undefined;
  }
  return parsed.data;
}

function articlePaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => p.split('\\').join('/'))
    .filter((p) => !p.split('/').some((s) => s.startsWith('.')) && isArticlePath(p))
    .sort();
}

async function measureSet(
  name: SetName,
  dir: string,
  docs: number,
  runs: number,
  flags: Flags,
  vocabulary: string | undefined,
): Promise<SetFigures> {
  const results: Record<MeasureKind, Measurement[]> = { bare: [], pipeline: [] };
  const errors: Partial<Record<MeasureKind, string>> = {};
  const args: Record<MeasureKind, string[]> = { bare: [dir], pipeline: vocabulary ? [dir, vocabulary] : [dir] };
  for (let run = 1; run <= runs; run++) {
    // Alternate the two measurements so drift in the machine's speed hits both alike.
    for (const kind of ['bare', 'pipeline'] as const) {
      if (errors[kind]) continue;
      process.stdout.write(`  ${name}: ${kind} run ${run}/${runs} ... `);
      try {
        const m = await measureInChild(kind, args[kind], { cwd: PROJECT, timeoutMs: flags.timeout * 60_000 });
        results[kind].push(m);
        console.log(`${(m.ms / 1000).toFixed(2)} s, ${m.peakMiB.toFixed(0)} MiB`);
      } catch (error) {
        errors[kind] = error instanceof Error ? error.message : String(error);
        console.log('failed (details below)');
      }
    }
  }
  const outcome = (kind: MeasureKind): Outcome =>
    results[kind].length > 0 ? aggregate(results[kind]) : { error: errors[kind] ?? 'not measured' };
  return { name, dir, docs, bare: outcome('bare'), pipeline: outcome('pipeline') };
}

async function main(): Promise<number> {
  const flags = readFlags(process.argv.slice(2));
  if (!flags) {
    console.error('usage: npm run bench -- [--sets corpus,1k,10k,starlight,graph,check] [--runs N] [--json FILE] [--corpus DIR] [--timeout MIN] [--no-search]');
    return 2;
  }
  const corpus = resolve(flags.corpus);
  if (!existsSync(corpus)) {
    console.log(`docgraph bench: the corpus is not there (${corpus}).`);
    console.log('Nothing to measure: every set is made from it. Pass --corpus DIR to use another folder.');
    return 0;
  }
  const vocabulary = existsSync(VOCABULARY) ? VOCABULARY : undefined;

  const loadBefore = loadavg()[0]!;
  console.log(
    `docgraph bench — Node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `load average ${loadBefore.toFixed(2)}`,
  );
  if (loadBefore > cpus().length / 2) {
    console.log('Warning: the machine is busy; times will be inflated (ratios suffer less: the runs alternate).');
  }
  console.log(`corpus: ${corpus}`);
  console.log(`vocabulary: ${vocabulary ? 'content/vocabulary.yaml' : 'none (content/vocabulary.yaml is missing)'}`);

  const sets: SetFigures[] = [];
  let full: FullBuildFigures | undefined;
  for (const name of SET_NAMES.filter((n) => flags.sets.includes(n))) {
    const spec = SETS[name];
    let dir = corpus;
    let docs: number;
    if (spec.docs === undefined) {
      docs = articlePaths(corpus).length;
    } else {
      const made = await generateCorpusDir({ source: corpus, out: defaultOutDir(spec.docs), docs: spec.docs });
      console.log(
        `${name}: ${made.reused ? 'reusing' : 'generated'} ${made.out} (${made.replicas} replicas of ${made.articles} articles` +
          `${made.reused ? '' : `, ${(made.ms / 1000).toFixed(1)} s`})`,
      );
      dir = made.out;
      docs = made.docs;
    }
    const runs = flags.runs ?? spec.runs;
    sets.push(await measureSet(name, dir, docs, runs, flags, vocabulary));
    // The biggest set also gets the whole site built, cold and after one edit (issue 7's 10k targets).
    if (name === '10k') {
      console.log(`${name}: full build (site included), cold then after one changed document`);
      full = await measureFullBuild({ dir, docs, timeoutMs: flags.timeout * 60_000, log: (line) => console.log(line) });
      // As on the corpus, the one-document rebuild a writer waits for is npm run dev's (edit -> page
      // served); the static rebuild above also renders every page again in Astro.
      const edited = firstArticle(dir);
      console.log(`${name}: npm run dev, ${edited} edited ${flags.runs ?? REFERENCE_RUNS} times, edit -> page served`);
      full.dev = await measureDevRebuild({ corpus: dir, document: edited, runs: flags.runs ?? REFERENCE_RUNS, timeoutMs: flags.timeout * 60_000, log: (line) => console.log(line) });
    }
  }

  const search = flags['no-search']
    ? undefined
    : await benchSearch({ sets: sets.map(({ name, dir }) => ({ name, dir })), vocabulary, corpus: flags.sets.includes('corpus') ? corpus : undefined, project: PROJECT, timeoutMs: flags.timeout * 60_000 });

  let reference: ReferenceFigures | undefined;
  let dev: DevRebuildFigures | undefined;
  if (flags.sets.includes(REFERENCE)) {
    console.log('starlight: full builds of the corpus by Starlight and docgraph, cold then warm (one changed document)');
    reference = await measureReference({
      corpus,
      runs: flags.runs ?? REFERENCE_RUNS,
      timeoutMs: flags.timeout * 60_000,
      log: (line) => console.log(line),
    });
    console.log(`dev: npm run dev on the corpus, ${DEV_EDITED} edited ${flags.runs ?? REFERENCE_RUNS} times, edit -> page served`);
    dev = await measureDevRebuild({ corpus, document: DEV_EDITED, runs: flags.runs ?? REFERENCE_RUNS, timeoutMs: flags.timeout * 60_000, log: (line) => console.log(line) });
  }

  let checkRuns: CheckFigures | undefined;
  if (flags.sets.includes('check')) {
    console.log(`check: docgraph check of the corpus, cold once, then ${flags.runs ?? CHECK_RUNS} warm runs (whole process)`);
    checkRuns = await measureCheck({ corpus, runs: flags.runs ?? CHECK_RUNS, timeoutMs: flags.timeout * 60_000, log: (line) => console.log(line) });
  }

  const growths: Growth[] = [];
  const small = sets.find((s) => s.name === '1k');
  const big = sets.find((s) => s.name === '10k');
  if (small && big) growths.push(growth(small, big));
  const checks = checkTargets(sets, growths);

  const loadAfter = loadavg()[0]!;
  console.log(`\nLoad average: ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (${cpus().length} CPUs).`);
  if (sets.length > 0) {
    console.log('Times are medians of the runs (read + parse, or read + runPipeline, inside the child;');
    console.log('module loading excluded). Peak = highest maxRSS of the child over the runs.');
    for (const s of sets) {
      const runs = Math.max(...[s.bare, s.pipeline].map((o) => ('runs' in o ? o.runs : 0)));
      if (runs === 1) console.log(`Note: ${s.name} was measured once (one run, not a median).`);
    }
    console.log(`\n${mainTable(sets)}`);
    const stages = stageTable(sets);
    if (stages) console.log(`\nPipeline stages (median s; load = readContentDir):\n${stages}`);
    const counts = countsTable(sets);
    if (counts) console.log(`\n${counts}`);
    for (const g of growths) {
      const f = (x?: number): string => (x === undefined ? '-' : x.toFixed(2));
      console.log(
        `\nGrowth ${g.from} -> ${g.to} (x${g.docsRatio} docs), exponent log(t${g.to}/t${g.from})/log(${g.docsRatio}): ` +
          `bare ${f(g.bare)}, pipeline ${f(g.pipeline)} (1 = linear)`,
      );
    }
    console.log(`\nTargets (pipeline <= ${TARGETS.maxRatio}x bare, growth close to linear, < 2 GB at 10k):`);
    console.log(checks.length > 0 ? targetLines(checks) : '  (no figure to check)');
  }
  if (full) checks.push(...printFullBuild(full));
  if (search) printSearchBench(search);
  if (reference) checks.push(...printReference(reference));
  if (dev) checks.push(...printDevRebuild(dev));
  if (checkRuns) checks.push(...printCheck(checkRuns));
  for (const s of sets) {
    for (const [kind, o] of [['bare', s.bare], ['pipeline', s.pipeline]] as const) {
      if ('error' in o) console.log(`\n${s.name} ${kind} failed:\n${o.error.replace(/^/gm, '  ')}`);
    }
  }

  // The graph pages: built from the corpus, timed in headless Chromium (scripts/bench/graph.ts).
  const graph = flags.sets.includes('graph') ? await runGraphBench(corpus, PROJECT) : undefined;
  if (graph) console.log(`\n${'error' in graph ? `Graph pages failed:\n${graph.error}` : graphReport(graph)}`);

  if (flags.json) {
    const file = resolve(flags.json);
    await mkdir(dirname(file), { recursive: true });
    const data = {
      schemaVersion: 1,
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: process.platform,
        cpus: cpus().length,
        totalMiB: Math.round(totalmem() / 2 ** 20),
        loadAverage: { before: loadBefore, after: loadAfter },
      },
      corpus,
      vocabulary: vocabulary ? 'content/vocabulary.yaml' : null,
      targets: TARGETS,
      sets,
      growth: growths,
      ...(reference && { starlight: reference }),
      ...(dev && { devRebuild: dev }),
      ...(full && { fullBuild: full }),
      ...(checkRuns && { check: checkRuns }),
      checks,
      search,
      graph,
    };
    await writeFile(file, JSON.stringify(data, null, 2) + '\n');
    console.log(`\nwrote ${file}`);
  }
  // A missed target is a figure to read, not a crash; a measurement that crashed is an error.
  const searchFailed = !!search && (search.sets.some((s) => s.error) || (!!search.pagefind && 'error' in search.pagefind));
  const referenceFailed = reference && (reference.starlight.error || reference.docgraph.error);
  return sets.some((s) => 'error' in s.bare || 'error' in s.pipeline) || searchFailed || referenceFailed || !!dev?.error || !!checkRuns?.error || !!full?.error || !!full?.dev?.error || (graph && 'error' in graph) ? 1 : 0;
}

/** Prints the whole-site build of the big set; returns its target checks. */
function printFullBuild(full: FullBuildFigures): ReturnType<typeof starlightChecks> {
  if (full.error || !full.cold || !full.warm) {
    console.log(`\nFull build of ${full.docs} documents failed:\n${(full.error ?? 'no figures').replace(/^/gm, '  ')}`);
    return [];
  }
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(`\nFull build of ${full.docs} documents (npm run build, site included; peak = RSS of the process tree):`);
  console.log(`  cold ${s(full.cold.ms)} s, peak ${full.cold.peakMiB.toFixed(0)} MiB; after one changed document ${s(full.warm.ms)} s, peak ${full.warm.peakMiB.toFixed(0)} MiB`);
  if (full.cold.stages) console.log(`  cold stages (s): ${Object.entries(full.cold.stages).map(([k, v]) => `${k} ${s(v)}`).join(', ')}`);
  const checks = [
    { target: `${full.docs} documents: full build under 4 minutes`, figure: `${s(full.cold.ms)} s`, ok: full.cold.ms < 240_000 },
    { target: `${full.docs} documents: full build under 2 GB peak`, figure: `${full.cold.peakMiB.toFixed(0)} MiB`, ok: full.cold.peakMiB < 2048 },
  ];
  if (full.dev?.error || !full.dev) console.log(`  npm run dev rebuild failed:\n${(full.dev?.error ?? 'not measured').replace(/^/gm, '    ')}`);
  else {
    const ms = median(full.dev.ms);
    console.log(`  npm run dev, one document edited -> its page served: median ${s(ms)} s [${full.dev.ms.map(s).join(', ')}]; first start ${s(full.dev.startMs ?? 0)} s`);
    checks.push({ target: `${full.docs} documents: one-document rebuild under 10 s (npm run dev, edit -> page served)`, figure: `${s(ms)} s`, ok: ms < 10_000 });
  }
  console.log(targetLines(checks));
  return checks;
}

/** The generated set's copy of the seed article, else its first article: the document the dev rebuild edits. */
function firstArticle(dir: string): string {
  const articles = articlePaths(dir);
  return articles.find((p) => p.endsWith(`/${DEV_EDITED}`)) ?? articles[0]!;
}

/** Prints the `npm run dev` rebuild figures; returns its target check. */
function printDevRebuild(dev: DevRebuildFigures): ReturnType<typeof starlightChecks> {
  if (dev.error) {
    console.log(`\nDev rebuild failed:\n${dev.error.replace(/^/gm, '  ')}`);
    return [];
  }
  const ms = median(dev.ms);
  console.log(`\nRebuild in npm run dev (edit of ${DEV_EDITED} -> its page served with the change): median ${ms} ms over ${dev.ms.length} run(s) [${dev.ms.join(', ')}]; first start ${((dev.startMs ?? 0) / 1000).toFixed(1)} s`);
  const check = { target: `rebuild with one changed document under ${STARLIGHT_TARGETS.maxWarmMs / 1000} s (npm run dev, edit -> page served)`, figure: `${(ms / 1000).toFixed(2)} s`, ok: ms < STARLIGHT_TARGETS.maxWarmMs };
  console.log(targetLines([check]));
  return [check];
}

/** Prints the warm `docgraph check` figures; returns its target check. */
function printCheck(figures: CheckFigures): ReturnType<typeof starlightChecks> {
  if (figures.error || figures.warm.length === 0) {
    console.log(`\ndocgraph check failed:\n${(figures.error ?? 'no warm run').replace(/^/gm, '  ')}`);
    return [];
  }
  const ms = median(figures.warm.map((r) => r.ms));
  const peak = Math.max(...figures.warm.map((r) => r.peakMiB));
  console.log(`\ndocgraph check of the corpus (whole process): warm median ${(ms / 1000).toFixed(2)} s [${figures.warm.map((r) => (r.ms / 1000).toFixed(2)).join(', ')}], peak ${peak.toFixed(0)} MiB; cold ${((figures.coldMs ?? 0) / 1000).toFixed(2)} s`);
  const check = { target: `warm docgraph check of the corpus within ${CHECK_TARGET_MS / 1000} s`, figure: `${(ms / 1000).toFixed(2)} s`, ok: ms <= CHECK_TARGET_MS };
  console.log(targetLines([check]));
  return [check];
}

/** Prints the Starlight comparison; returns its target checks. */
function printReference(reference: ReferenceFigures): ReturnType<typeof starlightChecks> {
  const docgraph = summarize(reference.docgraph);
  const starlight = summarize(reference.starlight);
  console.log(`\nFull builds of the corpus (medians; whole process; warm = rebuild after changing ${reference.edited};`);
  console.log('peak = highest RSS sum over the process tree, sampled every 100 ms):');
  console.log(referenceTable(docgraph, starlight));
  if (docgraph?.runs === 1 || starlight?.runs === 1) console.log('Note: measured once (one run, not a median).');
  const stages = docgraph && buildStageTable(docgraph, reference.docgraph);
  if (stages) console.log(`\n${stages}`);
  const checks = starlightChecks(docgraph, starlight);
  console.log(`\nTargets against Starlight (issue 7):`);
  console.log(checks.length > 0 ? targetLines(checks) : '  (no figure to check)');
  for (const figures of [reference.starlight, reference.docgraph]) {
    if (figures.error) console.log(`\n${figures.tool} failed:\n${figures.error.replace(/^/gm, '  ')}`);
  }
  return checks;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
