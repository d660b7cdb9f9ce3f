// The hostile content folder, assembled in a temp dir: the committed small files of
// test/fixtures/hostile/ plus what git should not carry (invalid bytes, UTF-16, file names with
// quotes and angle brackets, symlinks out of the folder) and a secret beside the folder that no
// build may ever read. The large cases (megabytes) are generated on demand by `addLargeFiles`.
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { CONTENT_HTML_TAGS } from '../../src/pipeline/html-policy.ts';
import { MDX_COMPONENTS } from '../../src/pipeline/mdx-policy.ts';
import { parseMarkdown } from '../../src/pipeline/parse.ts';
import { fixture } from './fixtures.ts';
import { tempDir } from './temp.ts';

/** Text of the files beside the content folder: finding it in any output means a leak. */
export const SECRET = 'OUTSIDE-SECRET-7c1f: this file lies outside the content folder';

/** Words to search the hostile site for: each matches text that carries a payload. */
export const HOSTILE_WORDS = ['<script>', 'window.__pwned=1', 'onerror', 'javascript:', '</script><script>', 'Widget', '文档'];

/** File names the generator adds (content-relative). */
export const GENERATED = {
  invalidUtf8: 'invalid-utf8.md',
  utf16: 'utf16.md',
  binary: 'binary.md',
  quotes: '"><img src=x onerror=window.__pwned=1>.md',
  symlinkFile: 'linked-secret.md',
  symlinkDir: 'linked-dir',
} as const;

export interface HostileFolder {
  /** Parent temp folder: holds `content/` and the secrets beside it. */
  root: string;
  content: string;
}

export async function makeHostileFolder(prefix = 'docgraph-hostile-'): Promise<HostileFolder> {
  const root = await tempDir(prefix);
  const content = join(root, 'content');
  await cp(fixture('hostile'), content, { recursive: true });
  for (const name of ['outside-secret.txt', 'outside-secret.md', 'outside-secret.png']) await writeFile(join(root, name), `${SECRET}\n`);
  await mkdir(join(root, 'outside-dir'));
  await writeFile(join(root, 'outside-dir', 'secret.md'), `# Secret\n\n${SECRET}\n`);
  // Invalid UTF-8 on line 4 (a lone continuation byte and a truncated sequence).
  await writeFile(join(content, GENERATED.invalidUtf8), Buffer.concat([Buffer.from('---\ntitle: Invalid UTF-8\n---\nbad bytes: '), Buffer.from([0x80, 0xe2, 0x82]), Buffer.from(' and the rest [home](index.md).\n')]));
  const utf16 = Buffer.from('\ufeff---\ntitle: UTF-16 with a BOM\n---\n\nSaved by a Windows editor. [home](index.md)\n', 'utf16le');
  await writeFile(join(content, GENERATED.utf16), utf16);
  await writeFile(join(content, GENERATED.binary), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x00]));
  await writeFile(join(content, GENERATED.quotes), '# A file name with quotes\n\nIts name tries to close an attribute. [home](index.md)\n');
  await symlink(join(root, 'outside-secret.md'), join(content, GENERATED.symlinkFile));
  await symlink(join(root, 'outside-dir'), join(content, GENERATED.symlinkDir));
  return { root, content };
}

/** The large cases of the issue, generated (never committed): sizes in bytes are approximate. */
export async function addLargeFiles(content: string): Promise<Record<string, number>> {
  const files: Record<string, string> = {};
  const paragraph = 'The Widget Tool syncs accounts. See [home](../index.md) and [the code page](../code.md#code-shows-script-as-text). ';
  const big: string[] = ['---', 'title: A 7 MB page', '---', ''];
  const block = `${paragraph.repeat(8)}\n\n`;
  const sections = Math.ceil((7 * 2 ** 20) / (block.length * 5 + 20));
  for (let i = 0; i < sections; i++) big.push(`## Part ${i}`, '', block.repeat(5));
  files['large/seven-mb.md'] = big.join('\n');
  files['large/one-mb-line.md'] = `# One long line\n\n${'word <b>bold</b> [home](../index.md) '.repeat(Math.ceil(2 ** 20 / 36))}\n`;
  const headings: string[] = ['# Ten thousand headings', ''];
  for (let i = 0; i < 10_000; i++) headings.push(`${'#'.repeat(2 + (i % 5))} Heading ${i} <img src=x onerror=window.__pwned=1>`, '', `Text ${i}.`, '');
  files['large/ten-thousand-headings.md'] = headings.join('\n');
  const nested: string[] = ['# Nested a thousand levels', ''];
  for (let i = 0; i < 1000; i++) nested.push(`${'  '.repeat(i)}- level ${i}`);
  nested.push(`${'  '.repeat(1000)}- ## A heading 1,000 lists deep`);
  const quotes = `${'> '.repeat(1000)}deep quote\n`;
  files['large/thousand-deep.md'] = `${nested.join('\n')}\n\n${quotes}`;
  const sizes: Record<string, number> = {};
  await mkdir(join(content, 'large'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await writeFile(join(content, path), text);
    sizes[path] = Buffer.byteLength(text);
  }
  return sizes;
}

/** A URL the site may publish: relative, site-absolute (not `//`), or http(s)/mailto. */
export function isSafePublishedUrl(url: string): boolean {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (/^[\\/]{2}/.test(cleaned) || /^\/\\/.test(cleaned)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || ['http', 'https', 'mailto'].includes(scheme);
}

/** Every way an HTML fragment could run script or load from elsewhere, as readable lines. */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form', 'frame'].includes(node.tagName)) problems.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name) || name === 'style' || name === 'srcDoc') problems.push(`<${node.tagName} ${name}>`);
      if (['href', 'src', 'action', 'formAction', 'data', 'poster', 'cite'].includes(name) && typeof value === 'string' && !isSafePublishedUrl(value)) problems.push(`<${node.tagName} ${name}="${value}">`);
    }
  });
  return problems;
}

/** Everything in a cleaned MDX source that could run code or publish an unsafe URL, once parsed as MDX. */
export function unsafeMdx(source: string): string[] {
  const problems: string[] = [];
  visit(parseMarkdown(source, 'mdx'), (node) => {
    const n = node as { type: string; url?: string; name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[] };
    if (['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'definition'].includes(n.type)) problems.push(n.type);
    if (n.url !== undefined && !isSafePublishedUrl(n.url)) problems.push(`${n.type} ${n.url}`);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      if (n.name && !CONTENT_HTML_TAGS.has(n.name) && !(n.name in MDX_COMPONENTS)) problems.push(`<${n.name}>`);
      for (const a of n.attributes ?? []) {
        if (a.type !== 'mdxJsxAttribute' || typeof a.value === 'object' && a.value !== null) problems.push(`<${n.name} expression attribute>`);
        else if (/^on/i.test(a.name ?? '') || a.name === 'style') problems.push(`<${n.name} ${a.name}>`);
        else if ((a.name === 'href' || a.name === 'src') && typeof a.value === 'string' && !isSafePublishedUrl(a.value)) problems.push(`<${n.name} ${a.name}="${a.value}">`);
      }
    }
  });
  return problems;
}
