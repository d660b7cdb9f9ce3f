// Property tests: random Markdown, front matter, file names and link targets thrown at the real
// pipeline and renderer. It never throws, never loses a file, never publishes an unsafe URL or a
// script, and gives the same outputs whatever order the files are listed in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHtmlRenderer } from '../../src/outputs/html-renderer.ts';
import { hrefOf } from '../../src/outputs/render-html.ts';
import { parseFrontMatterYaml } from '../../src/pipeline/frontmatter.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import type { ContentSnapshot } from '../../src/pipeline/load.ts';
import { indexTargets, resolveLink } from '../../src/pipeline/resolve.ts';
import { assignSlugs } from '../../src/pipeline/slugs.ts';
import type { LinkRef, SourceFile } from '../../src/pipeline/types.ts';
import { isSafePublishedUrl, unsafeMarkup, unsafeMdx } from '../helpers/hostile.ts';

const RUNS = { numRuns: 60, seed: 20261125 };

/** Link targets an attacker or a careless writer would try. */
const hostileUrl = fc.oneof(
  fc.constantFrom('javascript:window.__pwned=1', 'JaVaScRiPt:x', 'java\tscript:x', ' javascript:x', '\u0001javascript:x', 'vbscript:x', 'data:text/html,<script>x</script>', 'file:///etc/passwd', '//evil.example/x', '\\\\evil.example\\x', '/\\evil.example', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', 'C:\\Windows\\win.ini', '%E0%A4%A', '#', '#top', 'a.md', 'a.md#x', 'sub/b.md', 'https://example.com/', 'mailto:x@example.com', 'img.png', '&#106;avascript:x'),
  fc.webUrl(),
  fc.string({ maxLength: 30 }),
  fc.tuple(fc.constantFrom('', '../', './', '/', '//', 'javascript:', 'data:', 'a/'), fc.string({ maxLength: 12 })).map(([a, b]) => a + b),
);

/** Markdown made of pieces that stress the parser, the sanitizer and the link resolver. */
const markdownPiece = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('# ', '## ', '\n', '\n\n', '- ', '  - ', '> ', '```\n', '`', '*', '_', '|', '---\n', '<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', '<svg onload="window.__pwned=1">', '<a href="javascript:window.__pwned=1">x</a>', '<div style="background:url(javascript:x)">', '<iframe src="//evil.example">', '</script>', '<!--', '-->', '[^1]', '[^1]: note\n', '<details open ontoggle="window.__pwned=1">', '&lt;script&gt;', '\u0000', '\ufeff', '\r\n', '{', '}', '<', '>'),
  hostileUrl.map((u) => `[link](${u})`),
  hostileUrl.map((u) => `![alt](${u})`),
  hostileUrl.map((u) => `<a href="${u}">raw</a>`),
  hostileUrl.map((u) => `[ref]\n\n[ref]: ${u}\n`),
  // Well-formed MDX that tries to run code (in .md files these are just text or raw HTML).
  fc.constantFrom('\n\nimport fs from "node:fs"\n\n', '\n\nexport const x = 1\n\n', '{globalThis.__pwned = 1}', '{/* comment */}', '<div onClick={() => 1} style={{color: "red"}}>x</div>', '<EntityLink id="a" {...{onClick: 1}}>t</EntityLink>', '<Relations entity={"a"} />', '<Tabs><script>{"x"}</script></Tabs>', '<img src="javascript:x" alt="a" />'),
  hostileUrl.map((u) => `<a href=${JSON.stringify(u)}>jsx</a>`),
);
const markdown = fc.array(markdownPiece, { maxLength: 25 }).map((parts) => parts.join(''));

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 60 }).map((s) => `---\n${s}\n---\n`),
  fc.record({ title: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('"unclosed', '[a, b]', '{x: 1}', '42', '<script>x</script>', '|\n  block')), description: fc.string({ maxLength: 20 }) }).map(({ title, description }) => `---\ntitle: ${title}\ndescription: ${description}\n---\n`),
);

/** File names with spaces, case variants, CJK, punctuation and dots (never includes/ or TOC files). */
const fileName = fc
  .tuple(
    fc.constantFrom('', 'sub/', 'sub/deeper/', 'Sub/', '文档/'),
    fc.oneof(fc.constantFrom('a', 'A', 'dup slug', 'Dup-Slug', 'dup-slug', '文档', '..', '.', '-', 'x"<>', 'index', 'a.b'), fc.string({ minLength: 1, maxLength: 8 })),
    fc.constantFrom('.md', '.MD', '.mdx'),
  )
  .map(([dir, name, ext]) => `${dir}${name.replace(/[/\\\u0000]/g, '_')}${ext}`)
  .filter((p) => !/(^|\/)(includes\/|toc\.)/i.test(p) && !p.split('/').some((s) => s.startsWith('.')));

const folder = fc.uniqueArray(fc.tuple(fileName, frontMatter, markdown), { minLength: 1, maxLength: 6, selector: ([name]) => name });

function snapshot(files: SourceFile[]): ContentSnapshot {
  return { root: '/content', files, assets: ['img.png'], diagnostics: [] };
}

function build(files: SourceFile[]) {
  const mdx = new Map<string, string>();
  const renderer = createHtmlRenderer({ docUrl: (id) => `/docs/${id.slice(4)}/`, base: '/', mdx: { set: (path, source) => mdx.set(path, source) } });
  const result = runPipeline(snapshot(files), { renderer });
  return { result, html: renderer.pages as Map<string, string>, mdx };
}

describe('the pipeline on random content', () => {
  it('never throws, never loses a file, and publishes no script and no unsafe URL', () => {
    fc.assert(
      fc.property(folder, (entries) => {
        const files = entries.map(([path, fm, body]) => ({ path, text: fm + body })).sort((a, b) => (a.path < b.path ? -1 : 1));
        const { result, html, mdx } = build(files);
        const pages = new Set(result.documents.map((d) => d.path));
        const failed = new Set(result.report.failedFiles.map((f) => f.file));
        for (const f of files) expect(pages.has(f.path) || failed.has(f.path), f.path).toBe(true);
        expect(new Set(result.documents.map((d) => d.slug)).size).toBe(result.documents.length);
        for (const [id, page] of html) expect(unsafeMarkup(page), id).toEqual([]);
        for (const [path, source] of mdx) expect(unsafeMdx(source), path).toEqual([]);
        for (const d of result.diagnostics) expect(d.line, `${d.file} ${d.code}`).toBeGreaterThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('gives byte-identical graph and report whatever order the files are listed in', () => {
    fc.assert(
      fc.property(folder, fc.func(fc.integer()), (entries, order) => {
        const files = entries.map(([path, fm, body]) => ({ path, text: fm + body }));
        const shuffled = [...files].sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : 1));
        const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
        const a = build(sorted).result;
        const b = build(shuffled).result;
        expect(JSON.stringify(b.graph)).toBe(JSON.stringify(a.graph));
        expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
      }),
      { ...RUNS, numRuns: 30 },
    );
  });
});

describe('link targets', () => {
  const index = indexTargets({ docs: new Map([['a.md', 'doc:a'], ['sub/b.md', 'doc:sub/b']]), otherMarkdown: new Set(), assets: new Set(['img.png']), anchors: new Map([['doc:a', new Set(['x'])]]) });
  const ref = (url: string, kind: LinkRef['kind']): LinkRef => ({ docId: 'doc:a', file: 'a.md', line: 1, column: 1, kind, url, text: '', sectionId: '', sentence: '' });

  it('resolve to a safe href or to none at all', () => {
    fc.assert(
      fc.property(hostileUrl, fc.constantFrom<LinkRef['kind']>('link', 'image', 'html'), (url, kind) => {
        const resolved = resolveLink(ref(url, kind), index);
        const href = hrefOf(resolved, { docUrl: (id) => `/docs/${id.slice(4)}/`, base: '/' });
        if (href !== undefined) expect(isSafePublishedUrl(href), `${url} -> ${href}`).toBe(true);
        if (resolved.class === 'asset') expect(resolved.assetPath!.startsWith('..')).toBe(false);
      }),
      { ...RUNS, numRuns: 500 },
    );
  });
});

describe('file names', () => {
  it('get unique slugs, the same whatever order they come in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fileName, { maxLength: 12 }), (paths) => {
        const forward = assignSlugs(paths).slugs;
        const backward = assignSlugs([...paths].reverse()).slugs;
        expect(new Set(forward.values()).size).toBe(paths.length);
        for (const p of paths) expect(backward.get(p)).toBe(forward.get(p));
        for (const slug of forward.values()) expect(slug).not.toMatch(/(^|\/)\.\.?(\/|$)|[<>"\\]/);
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});

describe('front matter', () => {
  it('never throws and points every problem at a line inside the front matter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 2, max: 50 }), (yaml, firstLine) => {
        const result = parseFrontMatterYaml(yaml, 'x.md', firstLine);
        const lines = yaml.split(/\r\n|\r|\n/).length;
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(firstLine);
          expect(d.line).toBeLessThanOrEqual(firstLine + lines);
          expect(d.hint).toBeTruthy();
        }
        if (result.title !== undefined) expect(typeof result.title).toBe('string');
      }),
      { ...RUNS, numRuns: 300 },
    );
  });
});
