// The minimal fixes Starlight needs to build the DocFX corpus, applied to a copy (never to the
// corpus itself). Each fix is documented in scripts/bench/starlight/README.md; everything else is
// left as it is, so Starlight does the same work docgraph does.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, posix, relative, sep } from 'node:path';
import type { Image, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseDocument } from 'yaml';

export interface FixReport {
  /** Files removed because they are not pages (DocFX TOC.md, includes/). */
  removed: string[];
  /** Files given a title because Starlight's schema requires one. */
  titled: string[];
  /** Image references pointing at a file that exists under another letter case. */
  imagesRecased: number;
  /** Image references pointing at no file at all, replaced by their alt text. */
  imagesDropped: number;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Fix 1: DocFX's TOC.md files and include partials are not pages, and have no front matter. */
export function isNonPage(path: string): boolean {
  const parts = path.split('/');
  return /^toc\.md$/i.test(parts.at(-1)!) || parts.slice(0, -1).some((p) => p.toLowerCase() === 'includes');
}

/** Fix 2: Starlight's `docsSchema()` requires `title`; use the first heading, else the file name. */
export function ensureTitle(text: string, path: string): string | undefined {
  const match = FRONT_MATTER.exec(text);
  const yaml = parseDocument(match?.[1] ?? '');
  if (yaml.errors.length > 0) return undefined; // invalid YAML is not this fix's business
  const title = yaml.get('title');
  if (typeof title === 'string' && title !== '') return undefined;
  const body = match ? text.slice(match[0].length) : text.replace(/^\uFEFF/, '');
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1] ?? basename(path).replace(/\.mdx?$/i, '');
  if (yaml.contents === null) return `---\ntitle: ${JSON.stringify(heading)}\n---\n${body}`;
  yaml.set('title', heading);
  return `---\n${yaml.toString().trimEnd()}\n---\n${body}`;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function isLocal(url: string): boolean {
  return url !== '' && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url);
}

/**
 * Fix 3: Astro imports every relative Markdown image and stops the build when one is missing.
 * A reference whose file exists under another letter case (media/ vs Media/) points at that file;
 * one whose file does not exist becomes its alt text.
 */
export function fixImages(
  text: string,
  docPath: string,
  resolveCase: (path: string) => string | undefined,
): { text: string; recased: number; dropped: number } {
  const tree = parser.parse(text) as Root;
  const edits: { start: number; end: number; replace: string }[] = [];
  let recased = 0;
  let dropped = 0;
  visit(tree, 'image', (node: Image) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !isLocal(node.url)) return;
    const target = posix.normalize(posix.join(posix.dirname(docPath), decodeURI(node.url.split(/[?#]/)[0]!)));
    const found = resolveCase(target);
    if (found === target) return;
    if (found) {
      const relativeUrl = posix.relative(posix.dirname(docPath), found);
      edits.push({ start, end, replace: `![${node.alt ?? ''}](<${relativeUrl}>)` });
      recased++;
    } else {
      edits.push({ start, end, replace: (node.alt ?? '').replace(/[[\]]/g, '') || ' ' });
      dropped++;
    }
  });
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.replace + out.slice(e.end);
  return { text: out, recased, dropped };
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Copies `source` to `target` (emptied first) and applies the fixes to the copy. */
export async function prepareFixedCopy(source: string, target: string): Promise<FixReport> {
  await rm(target, { recursive: true, force: true });
  await cp(source, target, { recursive: true });
  const report: FixReport = { removed: [], titled: [], imagesRecased: 0, imagesDropped: 0 };
  const files = (await listFiles(target)).sort();
  for (const path of files.filter((p) => /\.mdx?$/i.test(p) && isNonPage(p))) {
    await rm(join(target, path));
    report.removed.push(path);
  }
  const all = new Set(files);
  const byLowerCase = new Map(files.map((f) => [f.toLowerCase(), f]));
  const resolveCase = (p: string): string | undefined => (all.has(p) ? p : byLowerCase.get(p.toLowerCase()));
  for (const path of files.filter((p) => /\.mdx?$/i.test(p) && !isNonPage(p))) {
    const file = join(target, path);
    const original = await readFile(file, 'utf8');
    let text = original;
    const titled = ensureTitle(text, path);
    if (titled !== undefined) {
      text = titled;
      report.titled.push(path);
    }
    const images = fixImages(text, path, resolveCase);
    report.imagesRecased += images.recased;
    report.imagesDropped += images.dropped;
    if (images.text !== original) await writeFile(file, images.text);
  }
  return report;
}
