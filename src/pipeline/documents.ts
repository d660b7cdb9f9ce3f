// Load -> parse: every Markdown/MDX file parsed exactly once, classified as a document (a page),
// an include (spliced into documents, not a page) or a TOC (navigation), with front matter read,
// DocFX syntax normalized and a title chosen. A file that cannot be parsed is reported, never dropped.
//
// Documents are parsed one at a time (planContent, then parseDocument per file) so the pipeline can
// extract, render and drop each tree before the next: at 10,000 documents, keeping every tree
// would cost gigabytes.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { posix } from 'node:path';
import { inlineIncludes, markAlerts } from './docfx.ts';
import { readFrontMatter } from './frontmatter.ts';
import { rawHtmlDiagnostics } from './html-policy.ts';
import { applyMdxPolicy } from './mdx-policy.ts';
import { formatOf, normalizeSource, parseMarkdown } from './parse.ts';
import { assignSlugs } from './slugs.ts';
import { limitNesting } from './source-guard.ts';
import { isTocPath } from './toc.ts';
import type { Diagnostic, ParsedDocument, SourceFile } from './types.ts';

export interface FailedFile {
  file: string;
  reason: string;
}

/** What is known before any document is parsed: roles, slugs, and the (few) include and TOC trees. */
export interface ContentPlan {
  /** Files that become pages, with their unique slugs, sorted by path. */
  documents: { file: SourceFile; slug: string; id: string }[];
  includes: string[];
  includeTrees: Map<string, Root>;
  tocs: { path: string; tree: Root }[];
  failedFiles: FailedFile[];
  diagnostics: Diagnostic[];
}

const INCLUDE_REF = /\[!INCLUDE\s*\[[^\]]*\]\(([^)\s]+)\)\]/gi;

/** Files under an `includes/` folder, or named by an `[!INCLUDE]` anywhere, are includes. */
export function findIncludes(files: readonly SourceFile[]): Set<string> {
  const includes = new Set<string>();
  for (const f of files) {
    if (/(^|\/)includes\//i.test(f.path)) includes.add(f.path);
    if (!/\[!include/i.test(f.text)) continue;
    for (const m of f.text.matchAll(INCLUDE_REF)) {
      includes.add(posix.normalize(posix.join(posix.dirname(f.path), m[1]!.split('#')[0]!)));
    }
  }
  return includes;
}

/** A file parsed, or why it could not be. */
export type ParseOutcome = { tree: Root; diagnostics: Diagnostic[] } | { failed: FailedFile; diagnostic: Diagnostic };

/**
 * Include and TOC trees from an earlier build, by content. They are parsed before any document, on
 * one thread, every build: 400 of them were 5 s of a rebuild at 10,000 documents.
 */
export interface ParseCache {
  get(file: SourceFile): ParseOutcome | undefined;
  set(file: SourceFile, outcome: ParseOutcome): void;
}

export function planContent(files: readonly SourceFile[], cache?: ParseCache): ContentPlan {
  const diagnostics: Diagnostic[] = [];
  const failedFiles: FailedFile[] = [];
  const includePaths = findIncludes(files);
  const includeTrees = new Map<string, Root>();
  const tocs: { path: string; tree: Root }[] = [];
  const docFiles: SourceFile[] = [];
  for (const f of files) {
    const isInclude = includePaths.has(f.path);
    if (!isInclude && !isTocPath(f.path)) {
      docFiles.push(f);
      continue;
    }
    let parsed = cache?.get(f);
    if (!parsed) {
      parsed = tryParse(f);
      cache?.set(f, parsed);
    }
    if ('failed' in parsed) {
      failedFiles.push(parsed.failed);
      diagnostics.push(parsed.diagnostic);
    } else {
      for (const item of parsed.diagnostics) diagnostics.push(item);
      if (isInclude) includeTrees.set(f.path, parsed.tree);
      else tocs.push({ path: f.path, tree: parsed.tree });
    }
  }
  const { slugs, diagnostics: slugDiagnostics } = assignSlugs(docFiles.map((f) => f.path));
  for (const item of slugDiagnostics) diagnostics.push(item);
  const documents = docFiles.map((file) => ({ file, slug: slugs.get(file.path)!, id: `doc:${slugs.get(file.path)!}` }));
  return { documents, includes: [...includeTrees.keys()].sort(), includeTrees, tocs, failedFiles, diagnostics };
}

export interface ParsedFile {
  doc?: ParsedDocument;
  failed?: FailedFile;
  /** Includes spliced in (once per reference). */
  included: string[];
  diagnostics: Diagnostic[];
}

/** Parses one planned document: front matter, includes, alerts, title. */
export function parseDocument(planned: ContentPlan['documents'][number], plan: Pick<ContentPlan, 'includeTrees'>): ParsedFile {
  const { file } = planned;
  const parsed = tryParse(file);
  if ('failed' in parsed) return { failed: parsed.failed, included: [], diagnostics: [parsed.diagnostic] };
  const { tree } = parsed;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const fm = readFrontMatter(tree, file.path);
  for (const item of fm.diagnostics) diagnostics.push(item);
  // MDX loses what may not run; Markdown keeps its raw HTML (the renderer sanitizes it) with warnings.
  const policy = formatOf(file.path) === 'mdx' ? applyMdxPolicy(tree, file.path) : rawHtmlDiagnostics(tree, file.path);
  for (const item of policy) diagnostics.push(item);
  if (file.text.trim() === '') {
    diagnostics.push({ severity: 'warning', code: 'empty-file', file: file.path, line: 1, column: 1, message: 'The file is empty; its page has only a title.', hint: 'Write the page, or delete the file.' });
  }
  const inc = inlineIncludes(tree, file.path, (p) => plan.includeTrees.get(p));
  for (const item of inc.diagnostics) diagnostics.push(item);
  markAlerts(tree);
  const doc: ParsedDocument = {
    id: planned.id,
    path: file.path,
    slug: planned.slug,
    format: formatOf(file.path),
    title: chooseTitle(fm.title, tree, file.path, diagnostics),
    description: fm.description,
    frontMatter: fm.data,
    tree,
  };
  return { doc, included: inc.included, diagnostics };
}

/** Includes that no document splices in: still checked (their links), and reported. */
export function unusedIncludes(plan: Pick<ContentPlan, 'includeTrees'>, used: ReadonlySet<string>): { includes: { path: string; tree: Root }[]; diagnostics: Diagnostic[] } {
  const includes = [...plan.includeTrees].filter(([p]) => !used.has(p)).map(([path, tree]) => ({ path, tree }));
  includes.sort((a, b) => (a.path < b.path ? -1 : 1));
  const diagnostics = includes.map(({ path }): Diagnostic => ({ severity: 'warning', code: 'unused-include', file: path, line: 1, column: 1, message: 'This include is not included by any document, so no page shows it.', hint: 'Include it with [!INCLUDE [label](path)] or delete it.' }));
  return { includes, diagnostics };
}

/** Plans and parses everything at once; for small folders and tests (the pipeline streams instead). */
export function parseContent(files: readonly SourceFile[]): ContentPlan & { parsed: ParsedDocument[] } {
  const plan = planContent(files);
  const parsed: ParsedDocument[] = [];
  for (const planned of plan.documents) {
    const result = parseDocument(planned, plan);
    for (const item of result.diagnostics) plan.diagnostics.push(item);
    if (result.doc) parsed.push(result.doc);
    if (result.failed) plan.failedFiles.push(result.failed);
  }
  return { ...plan, parsed };
}

function tryParse(f: SourceFile): ParseOutcome {
  try {
    const guarded = limitNesting(normalizeSource(f.text), f.path);
    return { tree: parseMarkdown(guarded.text, formatOf(f.path)), diagnostics: guarded.diagnostics };
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    const reason = place.reason ?? place.message ?? String(error);
    // Some MDX messages carry the position only in their text: "... (3:1-3:7) ...".
    const inText = /\((\d+):(\d+)/.exec(reason);
    return {
      failed: { file: f.path, reason },
      diagnostic: { severity: 'error', code: 'parse-error', file: f.path, line: place.line ?? Number(inText?.[1] ?? 1), column: place.column ?? Number(inText?.[2] ?? 1), message: `Could not parse: ${reason}`, hint: 'Fix the syntax at this position (MDX needs valid JSX: close every tag, escape { and <).' },
    };
  }
}

/** Front matter title, else the first H1, else the file name (with a warning). */
function chooseTitle(fromFrontMatter: string | undefined, tree: Root, path: string, diagnostics: Diagnostic[]): string {
  if (fromFrontMatter) return fromFrontMatter;
  const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  const h1Text = h1 ? toString(h1, { includeHtml: false }).trim() : '';
  const name = posix.basename(path).replace(/\.mdx?$/i, '') || path;
  const title = h1Text || name;
  diagnostics.push({ severity: 'warning', code: 'missing-title', file: path, line: h1?.position?.start.line ?? 1, column: 1, message: `No title in front matter; using the ${h1Text ? 'first H1' : 'file name'}: "${title}".`, hint: 'Add `title:` to the front matter.' });
  return title;
}
