// Multiplies a docs folder into a content set of exactly N articles, for `npm run bench`.
//
//   node scripts/generate-corpus.ts --source DIR --out DIR --docs N [--force]
//
// Layout of the output (the decisions, in one place):
// - Replica r lives in its own folder `rNNN/` with the source's folder structure inside it, so a
//   link between two Markdown files keeps its exact text: `x.md`, `./x.md#a`, `../x.md` already
//   point at the same replica's copy. Every replica gets its own `includes/` and TOC files (they
//   are not articles and are not counted), so every replica is a self-contained copy.
// - Every other file (images, PDFs, YAML...) is copied ONCE, at the output root, in its source
//   path. Links to them are rewritten to climb out of the replica (`media/a.png` ->
//   `../media/a.png`); links that leave the source folder are rewritten the same way so they still
//   leave the content folder.
// - Articles are the Markdown files that are neither in an `includes/` folder nor named TOC.md.
//   Replicas are filled in source path order; the last one stops at exactly N articles. A link
//   to an article the last replica lacks points at replica 0's copy, so truncation adds no broken
//   links (when N < articles, replica 0 itself is partial and such links stay unresolved).
// - Only link destinations change, found through a remark parse of each source file (done once,
//   not per replica): text in code blocks or front matter is never touched. Output is
//   byte-for-byte deterministic; a marker file lets a second run with the same N reuse the folder.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { z } from 'zod';

/** Bumped whenever the output for the same input changes, so stale folders are regenerated. */
export const GENERATOR_VERSION = 2;
/** Dot-prefixed so the content loader skips it. */
export const MARKER_FILE = '.docgraph-generated.json';

/**
 * How a file's bytes map to its text, so a copy keeps the source's encoding: the corpus has a
 * UTF-16 include. `latin1` stands for bytes that are not valid UTF-8 (it round-trips every byte).
 */
export type SourceEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'latin1';

export interface MarkdownSource {
  /** POSIX path relative to the source folder. */
  path: string;
  text: string;
  /** Default `utf8`. */
  encoding?: SourceEncoding;
}

export interface GeneratedFile {
  path: string;
  text: string;
  encoding: SourceEncoding;
}

export interface GeneratePlan {
  /** Articles wanted in total. */
  docs: number;
  /** Articles in the source (one full replica). */
  articles: number;
  /** Number of replicas, `ceil(docs / articles)`. */
  replicas: number;
  /** Folder of each replica, e.g. `r000`. */
  replicaDirs: string[];
  /** Non-Markdown files, copied once to the output root under the same path. */
  sharedAssets: string[];
  /** Markdown files written in all (articles, plus every replica's includes and TOC files). */
  markdownFiles: number;
}

/** A link destination inside a source file, as a half-open range of UTF-16 offsets. */
interface UrlEdit {
  start: number;
  end: number;
  raw: string;
}

interface PreparedSource extends MarkdownSource {
  article: boolean;
  edits: UrlEdit[];
}

// ---------------------------------------------------------------------------------------------
// Pure core

export function isArticlePath(path: string): boolean {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  return (
    /\.mdx?$/i.test(name) &&
    name.toLowerCase() !== 'toc.md' &&
    !segments.slice(0, -1).some((s) => s.toLowerCase() === 'includes')
  );
}

export function replicaDir(index: number, replicas: number): string {
  const width = Math.max(3, String(replicas - 1).length);
  return `r${String(index).padStart(width, '0')}`;
}

/** Code-unit order, independent of locale, so output is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Plans and renders a generated set. `sources` are the Markdown files of the source folder and
 * `assetPaths` every other file in it (paths POSIX, relative to the folder). Pure: the caller
 * writes `files()` and copies `plan.sharedAssets`.
 */
export function generateCorpus(
  sources: readonly MarkdownSource[],
  assetPaths: readonly string[],
  docs: number,
): { plan: GeneratePlan; files: () => Generator<GeneratedFile> } {
  if (!Number.isInteger(docs) || docs < 1) throw new Error(`docs must be a positive integer, got ${docs}`);
  const prepared = [...sources]
    .sort((a, b) => compare(a.path, b.path))
    .map((s): PreparedSource => ({ ...s, article: isArticlePath(s.path), edits: findUrlEdits(s.text) }));
  const articles = prepared.filter((s) => s.article);
  if (articles.length === 0) throw new Error('The source folder has no article (.md outside includes/, not TOC.md).');

  const replicas = Math.ceil(docs / articles.length);
  const replicaDirs = Array.from({ length: replicas }, (_, i) => replicaDir(i, replicas));
  const lastCount = docs - (replicas - 1) * articles.length;
  const lastArticles = new Set(articles.slice(0, lastCount).map((a) => a.path));
  const nonArticles = prepared.length - articles.length;
  // Case-insensitive so `Foo.md` written for `foo.md` is still recognised as that article.
  const articleByLower = new Map(articles.map((a) => [a.path.toLowerCase(), a.path]));
  const assetSet = new Set(assetPaths);

  const inReplica = (r: number, articlePath: string): boolean =>
    r < replicas - 1 || lastArticles.has(articlePath);

  const plan: GeneratePlan = {
    docs,
    articles: articles.length,
    replicas,
    replicaDirs,
    sharedAssets: [...assetSet].sort(compare),
    markdownFiles: (replicas - 1) * prepared.length + lastCount + nonArticles,
  };

  function* files(): Generator<GeneratedFile> {
    for (let r = 0; r < replicas; r++) {
      for (const source of prepared) {
        if (source.article && !inReplica(r, source.path)) continue;
        const dir = replicaDirs[r]!;
        const text = rewrite(source, (raw) =>
          rewriteUrl(raw, source.path, dir, (target) => {
            const article = articleByLower.get(target.toLowerCase());
            if (article === undefined || inReplica(r, article)) return dir;
            return inReplica(0, article) ? replicaDirs[0]! : dir;
          }),
        );
        yield { path: `${dir}/${source.path}`, text, encoding: source.encoding ?? 'utf8' };
      }
    }
  }

  return { plan, files };
}

function rewrite(source: PreparedSource, map: (raw: string) => string): string {
  let out = '';
  let at = 0;
  for (const edit of source.edits) {
    const next = map(edit.raw);
    if (next === edit.raw) continue;
    out += source.text.slice(at, edit.start) + next;
    at = edit.end;
  }
  return at === 0 ? source.text : out + source.text.slice(at);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The destination `raw`, written in `fromPath` of the source, as it must be written in the copy
 * of that file inside replica folder `dir`. `replicaOf(target)` names the replica folder that
 * holds a Markdown target (its path relative to the source root).
 */
export function rewriteUrl(
  raw: string,
  fromPath: string,
  dir: string,
  replicaOf: (target: string) => string,
): string {
  if (raw === '' || SCHEME.test(raw) || /^[/#?]/.test(raw) || raw.startsWith('\\')) return raw;
  const cut = raw.search(/[?#]/);
  const path = cut === -1 ? raw : raw.slice(0, cut);
  const suffix = cut === -1 ? '' : raw.slice(cut);
  if (path === '') return raw;

  const fromDir = fromPath.split('/').slice(0, -1);
  const target = normalize([...fromDir, ...path.split('/')]);
  const leaves = target[0] === '..';
  const name = target.at(-1) ?? '';
  const isMarkdown = /\.mdx?$/i.test(name);
  const isFile = /\.[^./]+$/.test(name);

  let targetOut: string[];
  if (leaves || (isFile && !isMarkdown)) {
    // A shared asset, or somewhere outside the content: same place relative to the output root.
    targetOut = target;
  } else if (isMarkdown && !leaves) {
    const holder = replicaOf(decodePath(target.join('/')));
    if (holder === dir) return raw; // same replica: the link already points at the right copy
    targetOut = [holder, ...target];
  } else {
    return raw; // a folder inside the replica: unchanged
  }
  const rel = relativeSegments([dir, ...fromDir], targetOut);
  const trailing = path.endsWith('/') && rel.length > 0 ? '/' : '';
  return (rel.join('/') || '.') + trailing + suffix;
}

/** Resolves `.` and `..`; leading `..` that climb above the root are kept. */
function normalize(segments: string[]): string[] {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(s);
  }
  return out;
}

function relativeSegments(fromDir: string[], to: string[]): string[] {
  let common = 0;
  while (common < fromDir.length && common < to.length - 1 && fromDir[common] === to[common]) common++;
  return [...Array<string>(fromDir.length - common).fill('..'), ...to.slice(common)];
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

// ---------------------------------------------------------------------------------------------
// Finding link destinations in the source text

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const HTML_URL = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Offsets of every link, image and definition destination, and of href/src in raw HTML. */
export function findUrlEdits(text: string): UrlEdit[] {
  // Parse without a byte order mark (front matter must start the text); offsets shift by one.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const tree = parser.parse(bom ? text.slice(1) : text) as Root;
  const shift = (n: number | undefined): number | undefined => (n === undefined ? undefined : n + bom);
  const edits: UrlEdit[] = [];
  visit(tree, (node: Nodes) => {
    const start = shift(node.position?.start.offset);
    const end = shift(node.position?.end.offset);
    if (start === undefined || end === undefined) return;
    if (node.type === 'link' || node.type === 'image') {
      const open = text.lastIndexOf('](', end - 2);
      if (open >= start) pushDestination(text, open + 2, end, edits);
    } else if (node.type === 'definition') {
      const open = text.indexOf(']:', start);
      if (open !== -1 && open < end) pushDestination(text, open + 2, end, edits);
    } else if (node.type === 'html') {
      for (const m of text.slice(start, end).matchAll(HTML_URL)) {
        const value = m[1] ?? m[2] ?? '';
        const at = start + m.index + m[0].length - value.length - 1;
        edits.push({ start: at, end: at + value.length, raw: value });
      }
    }
  });
  // Nested links (an image inside a link) are visited parent first: sort by position.
  return edits.sort((a, b) => a.start - b.start).filter((e, i, all) => i === 0 || e.start >= all[i - 1]!.end);
}

/** Reads a CommonMark link destination starting at `from` (after `](` or `]:`). */
function pushDestination(text: string, from: number, limit: number, edits: UrlEdit[]): void {
  let i = from;
  while (i < limit && /\s/.test(text[i]!)) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i + 1);
    if (close === -1 || close > limit) return;
    edits.push({ start: i + 1, end: close, raw: text.slice(i + 1, close) });
    return;
  }
  let depth = 0;
  let j = i;
  for (; j < limit; j++) {
    const c = text[j]!;
    if (c === '\\') j++;
    else if (/\s/.test(c)) break;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (j > i) edits.push({ start: i, end: j, raw: text.slice(i, j) });
}

// ---------------------------------------------------------------------------------------------
// I/O edge

export function decodeSource(bytes: Buffer): { text: string; encoding: SourceEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.toString('utf16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: Buffer.from(bytes).swap16().toString('utf16le'), encoding: 'utf16be' };
  }
  try {
    // ignoreBOM keeps a UTF-8 byte order mark in the text, so the copy keeps it too.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

export function encodeSource(text: string, encoding: SourceEncoding): Buffer {
  if (encoding === 'utf16be') return Buffer.from(text, 'utf16le').swap16();
  return Buffer.from(text, encoding);
}

export interface GenerateResult extends GeneratePlan {
  out: string;
  /** True when an existing folder with the same marker was reused. */
  reused: boolean;
  ms: number;
}

interface Marker {
  generator: number;
  docs: number;
  source: string;
  /** Hash of the source's file list with sizes and modification times. */
  fingerprint: string;
  plan: GeneratePlan;
}

async function listFiles(root: string): Promise<{ path: string; size: number; mtimeMs: number }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const out = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = relative(root, join(e.parentPath, e.name)).split(sep).join('/');
    if (path.split('/').some((s) => s.startsWith('.') || s === 'node_modules')) continue;
    const st = await stat(join(root, path));
    out.push({ path, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) });
  }
  return out.sort((a, b) => compare(a.path, b.path));
}

/** Default output folder for a size: `os.tmpdir()/docgraph-gen-<N>`. */
export function defaultOutDir(docs: number): string {
  return join(tmpdir(), `docgraph-gen-${docs}`);
}

/** Writes the generated set to `out`, or reuses `out` when its marker matches. */
export async function generateCorpusDir(options: {
  source: string;
  out: string;
  docs: number;
  force?: boolean;
}): Promise<GenerateResult> {
  const t0 = performance.now();
  const source = resolve(options.source);
  const out = resolve(options.out);
  if (out === source || out.startsWith(source + sep) || source.startsWith(out + sep)) {
    throw new Error(`--out (${out}) must be outside --source (${source}) and not contain it.`);
  }
  const listed = await listFiles(source);
  const fingerprint = createHash('sha256').update(JSON.stringify(listed)).digest('hex');

  const existing = await readMarker(out);
  if (
    !options.force &&
    existing?.generator === GENERATOR_VERSION &&
    existing.docs === options.docs &&
    existing.source === source &&
    existing.fingerprint === fingerprint
  ) {
    return { ...existing.plan, out, reused: true, ms: performance.now() - t0 };
  }
  await clearOutDir(out, existing !== undefined);

  const md = listed.filter((f) => /\.mdx?$/i.test(f.path));
  const sources = await Promise.all(
    md.map(async (f) => ({ path: f.path, ...decodeSource(await readFile(join(source, f.path))) })),
  );
  const assets = listed.filter((f) => !/\.mdx?$/i.test(f.path)).map((f) => f.path);
  const { plan, files } = generateCorpus(sources, assets, options.docs);

  const made = new Set<string>();
  const ensureDir = async (dir: string): Promise<void> => {
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };
  for (const asset of plan.sharedAssets) {
    await ensureDir(dirname(join(out, asset)));
    await copyFile(join(source, asset), join(out, asset), constants.COPYFILE_FICLONE);
  }
  for (const file of files()) {
    await ensureDir(dirname(join(out, file.path)));
    await writeFile(join(out, file.path), encodeSource(file.text, file.encoding));
  }
  const marker: Marker = { generator: GENERATOR_VERSION, docs: options.docs, source, fingerprint, plan };
  await writeFile(join(out, MARKER_FILE), JSON.stringify(marker, null, 2) + '\n');
  return { ...plan, out, reused: false, ms: performance.now() - t0 };
}

async function readMarker(out: string): Promise<Marker | undefined> {
  try {
    return JSON.parse(await readFile(join(out, MARKER_FILE), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

/** Empties `out`, refusing to delete a non-empty folder this script did not create. */
async function clearOutDir(out: string, ours: boolean): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch {
    return;
  }
  if (entries.length === 0) return;
  if (!ours) {
    throw new Error(`${out} is not empty and has no ${MARKER_FILE}: refusing to overwrite it. Pick another --out.`);
  }
  await rm(out, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// CLI

export const GenerateFlags = z.object({
  source: z.string().min(1, '--source DIR is required'),
  out: z.string().min(1).optional(),
  docs: z.coerce.number().int().positive('--docs must be a positive integer'),
  force: z.boolean().default(false),
});

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      source: { type: 'string' },
      out: { type: 'string' },
      docs: { type: 'string' },
      force: { type: 'boolean' },
    },
    strict: true,
  });
  const parsed = GenerateFlags.safeParse(values);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    console.error('usage: node scripts/generate-corpus.ts --source DIR --docs N [--out DIR] [--force]');
    process.exitCode = 2;
    return;
  }
  const flags = parsed.data;
  const result = await generateCorpusDir({
    source: flags.source,
    out: flags.out ?? defaultOutDir(flags.docs),
    docs: flags.docs,
    force: flags.force,
  });
  console.log(
    `${result.reused ? 'reused' : 'wrote'} ${result.out}: ${result.docs} articles in ${result.replicas} replica(s) ` +
      `of ${result.articles}, ${result.markdownFiles} Markdown files, ${result.sharedAssets.length} shared assets ` +
      `(${(result.ms / 1000).toFixed(1)} s)`,
  );
}

// Run as a CLI only when executed directly, not when the bench or a test imports the core.
if (process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
