// `docgraph check` / `npm run check -- [--content DIR] [--format text|github|sarif|junit] [--output FILE]`:
// runs the pipeline as `build` does (same caches, same data folder, so a warm check is fast and the
// next build is warm too), builds no site, and prints the problems for CI. Exit 0 clean (warnings
// allowed), 1 any error or a file that could not become a page, 2 usage errors.
//
// Paths in every format are relative to the folder the command runs in (in CI, the repository root:
// GitHub annotations and SARIF locations need paths from there), whatever --content is.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildFlagsSchema } from '../config.ts';
import { chooseVocabulary, dataDirFor, PROJECT_ROOT, readContentConfig } from '../build/project.ts';
import { pipelineHeapBudget, runPipelineChild } from '../build/heap-budget.ts';
import { CHECK_FORMATS, formatCheck, summaryLine, type CheckReport } from '../outputs/diagnostics/index.ts';
import type { Diagnostic } from '../pipeline/types.ts';
import type { PipelineResult } from '../pipeline/index.ts';

/** The build's flags that mean something without a site, and the report's own. */
export const checkFlagsSchema = buildFlagsSchema.omit({ out: true, strict: true, 'no-site': true, timings: true, explain: true }).extend({
  /** text (default): file:line:column lines; github: workflow commands; sarif: SARIF 2.1.0; junit: JUnit XML. */
  format: z.enum(CHECK_FORMATS).default('text'),
  /** Write the report to FILE instead of stdout (the one-line summary still goes to stdout). */
  output: z.string().min(1).optional(),
});
export type CheckFlags = z.infer<typeof checkFlagsSchema>;

export async function runCheck(argv: string[]): Promise<number> {
  try {
    return await check(argv);
  } catch (error) {
    console.error(`docgraph check: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

async function check(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') {
    console.error(`docgraph check: ${flags}`);
    return 2;
  }
  const contentDir = resolve(flags.content);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    console.error(`docgraph check: --content ${flags.content}: not a folder`);
    return 2;
  }
  // A folder that needs another heap budget is checked in a child under it (as `build` does).
  const budget = pipelineHeapBudget(contentDir);
  if (budget !== undefined) {
    // HANDOFF set: pipelineHeapBudget answers "this process fits", so the child does not spawn again.
    return runPipelineChild(budget, 'check');
  }
  const config = await readContentConfig(contentDir);
  const vocabularyPath = chooseVocabulary(contentDir, flags.vocabulary);
  const { buildData } = await import('../build/build-data.ts');
  const result = await buildData({
    contentDir,
    dataDir: dataDirFor(flags['cache-dir']),
    vocabularyPath,
    externalDocsBase: flags['external-docs-base'] ?? config.externalDocsBase,
    base: flags.base ?? config.base ?? '/',
    site: flags.site ?? config.site,
    title: config.title,
    cache: !flags['no-cache'],
    publish: false,
    ...(flags.workers === undefined ? {} : { workers: flags.workers }),
  });
  const report = checkReport(result, { contentDir, vocabularyPath, cwd: process.cwd() });
  const output = formatCheck(flags.format, report);
  if (flags.output) {
    const file = resolve(flags.output);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, output);
    if (!flags.quiet) console.log(`${summaryLine(report)} -> ${flags.output}`);
  } else if (!flags.quiet || flags.format !== 'text') {
    process.stdout.write(output);
  } else {
    // --quiet text: the problems only, without the summary line.
    process.stdout.write(output.slice(0, output.lastIndexOf(summaryLine(report))));
  }
  const failing = report.diagnostics.some((d) => d.severity === 'error') || result.report.failedFiles.length > 0;
  return failing ? 1 : 0;
}

/** The flags, or a sentence saying what is wrong with them. */
export function parseFlags(argv: string[]): CheckFlags | string {
  const options = Object.fromEntries(
    Object.entries(checkFlagsSchema.shape).map(([name, schema]) => [name, { type: isBoolean(schema) ? ('boolean' as const) : ('string' as const) }]),
  );
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    return `${(error as Error).message}. Flags: ${Object.keys(options).map((o) => `--${o}`).join(', ')}`;
  }
  const parsed = checkFlagsSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ');
}

function isBoolean(schema: z.ZodType): boolean {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodBoolean;
}

/**
 * The report the formats read: diagnostics with paths relative to `cwd`, failed files that carry no
 * error of their own as `unparsable-file` errors, and every file checked.
 */
export function checkReport(result: Pick<PipelineResult, 'documents' | 'report'>, where: { contentDir: string; vocabularyPath: string; cwd: string }): CheckReport {
  const vocabularyShown = shownPath(where.vocabularyPath, where.contentDir);
  const fromCwd = (file: string): string => {
    const abs = isAbsolute(file) ? file : file === vocabularyShown ? where.vocabularyPath : join(where.contentDir, file);
    return relative(where.cwd, abs).split(sep).join('/');
  };
  const diagnostics: Diagnostic[] = result.report.diagnostics.map((d) => ({ ...d, file: fromCwd(d.file) }));
  const withError = new Set(result.report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  for (const f of result.report.failedFiles) {
    if (!withError.has(f.file)) diagnostics.push({ severity: 'error', code: 'unparsable-file', file: fromCwd(f.file), line: 1, column: 1, message: `The file could not become a page: ${f.reason}`, hint: 'Fix the file so that it parses.' });
  }
  diagnostics.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message));
  const files = new Set([...result.documents.map((d) => fromCwd(d.path)), ...result.report.failedFiles.map((f) => fromCwd(f.file)), ...diagnostics.map((d) => d.file)]);
  if (existsSync(where.vocabularyPath)) files.add(fromCwd(where.vocabularyPath));
  return {
    diagnostics,
    files: [...files].sort(compare),
    tool: toolInfo(),
    root: `${where.cwd.split(sep).join('/').replace(/\/$/, '')}/`,
  };
}

/** How build-data.ts names the vocabulary file in its diagnostics. */
function shownPath(file: string, contentDir: string): string {
  const abs = resolve(file);
  const root = resolve(contentDir);
  if (abs.startsWith(`${root}/`)) return abs.slice(root.length + 1);
  return abs.startsWith(`${PROJECT_ROOT}/`) ? abs.slice(PROJECT_ROOT.length + 1) : abs;
}

function toolInfo(): CheckReport['tool'] {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; homepage?: string };
  return { name: pkg.name, version: pkg.version, ...(pkg.homepage ? { informationUri: pkg.homepage } : {}) };
}

/** Code-unit order, as everywhere in the outputs (locale-independent, so the bytes are the same everywhere). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
