// Load -> parse: every Markdown/MDX file parsed exactly once, classified as a document (a page),
// an include (spliced into documents, not a page) or a TOC (navigation), with front matter read,
// DocFX syntax normalized and a title chosen. A file that cannot be parsed is reported, never dropped.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { posix } from 'node:path';
import { inlineIncludes, markAlerts } from './docfx.ts';
import { readFrontMatter } from './frontmatter.ts';
import { formatOf, normalizeSource, parseMarkdown } from './parse.ts';
import { assignSlugs } from './slugs.ts';
import { isTocPath } from './toc.ts';
import type { Diagnostic, ParsedDocument, SourceFile } from './types.ts';

export interface ParsedContent {
  documents: ParsedDocument[];
  includes: string[];
  /** Includes no document splices in: still checked (their links), and reported. */
  unusedIncludes: { path: string; tree: Root }[];
  /** `[!INCLUDE]` references that were spliced (each counts once per use). */
  includeReferences: number;
  tocs: { path: string; tree: Root }[];
  failedFiles: { file: string; reason: string }[];
  diagnostics: Diagnostic[];
}

const INCLUDE_REF = /\[!INCLUDE\s*\[[^\]]*\]\(([^)\s]+)\)\]/gi;

/** Files under an `includes/` folder, or named by an `[!INCLUDE]` anywhere, are includes. */
export function findIncludes(files: readonly SourceFile[]): Set<string> {
  const includes = new Set<string>();
  for (const f of files) {
    if (/(^|\/)includes\//i.test(f.path)) includes.add(f.path);
    if (!f.text.includes('[!INCLUDE') && !/\[!include/i.test(f.text)) continue;
    for (const m of f.text.matchAll(INCLUDE_REF)) {
      includes.add(posix.normalize(posix.join(posix.dirname(f.path), m[1]!.split('#')[0]!)));
    }
  }
  return includes;
}

export function parseContent(files: readonly SourceFile[]): ParsedContent {
  const diagnostics: Diagnostic[] = [];
  const failedFiles: { file: string; reason: string }[] = [];
  const includePaths = findIncludes(files);
  const trees = new Map<string, Root>();
  for (const f of files) {
    try {
      trees.set(f.path, parseMarkdown(normalizeSource(f.text), formatOf(f.path)));
    } catch (error) {
      const place = error as { line?: number; column?: number; reason?: string; message?: string };
      const reason = place.reason ?? place.message ?? String(error);
      // Some MDX messages carry the position only in their text: "... (3:1-3:7) ...".
      const inText = /\((\d+):(\d+)/.exec(reason);
      diagnostics.push({ severity: 'error', code: 'parse-error', file: f.path, line: place.line ?? Number(inText?.[1] ?? 1), column: place.column ?? Number(inText?.[2] ?? 1), message: `Could not parse: ${reason}`, hint: 'Fix the syntax at this position (MDX needs valid JSX: close every tag, escape { and <).' });
      failedFiles.push({ file: f.path, reason });
    }
  }

  const tocs: { path: string; tree: Root }[] = [];
  const docFiles: { file: SourceFile; tree: Root }[] = [];
  for (const f of files) {
    const tree = trees.get(f.path);
    if (!tree) continue;
    if (isTocPath(f.path)) tocs.push({ path: f.path, tree });
    else if (!includePaths.has(f.path)) docFiles.push({ file: f, tree });
  }

  const { slugs, diagnostics: slugDiagnostics } = assignSlugs(docFiles.map((d) => d.file.path));
  diagnostics.push(...slugDiagnostics);
  const documents: ParsedDocument[] = [];
  const used = new Set<string>();
  let includeReferences = 0;
  for (const { file, tree } of docFiles) {
    const fm = readFrontMatter(tree, file.path);
    diagnostics.push(...fm.diagnostics);
    const inc = inlineIncludes(tree, file.path, (p) => (includePaths.has(p) ? trees.get(p) : undefined));
    diagnostics.push(...inc.diagnostics);
    for (const p of inc.included) used.add(p);
    includeReferences += inc.included.length;
    markAlerts(tree);
    const slug = slugs.get(file.path)!;
    documents.push({
      id: `doc:${slug}`,
      path: file.path,
      slug,
      format: formatOf(file.path),
      title: chooseTitle(fm.title, tree, file.path, diagnostics),
      description: fm.description,
      frontMatter: fm.data,
      tree,
    });
  }
  const includes = [...includePaths].filter((p) => trees.has(p)).sort();
  const unusedIncludes = includes.filter((p) => !used.has(p)).map((p) => ({ path: p, tree: trees.get(p)! }));
  for (const { path } of unusedIncludes) {
    diagnostics.push({ severity: 'warning', code: 'unused-include', file: path, line: 1, column: 1, message: 'This include is not included by any document, so no page shows it.', hint: 'Include it with [!INCLUDE [label](path)] or delete it.' });
  }
  return { documents, includes, unusedIncludes, includeReferences, tocs, failedFiles, diagnostics };
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
