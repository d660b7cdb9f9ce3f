// Hostile and broken content through the real CLI (pipeline and data folder; the browser suite
// builds the whole site): every problem is reported at file:line, nothing is lost, nothing outside
// the content folder is read, no unsafe URL or script is written, and --strict fails.
import { execFile } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/outputs/site-data.ts';
import type { BuildReport } from '../../src/pipeline/report.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { GENERATED, makeHostileFolder, SECRET, unsafeMarkup, unsafeMdx, type HostileFolder } from '../helpers/hostile.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);

/** Files every build must write byte-identically (the search index joins this list once merged). */
export const DETERMINISTIC_FILES = ['public/graph.json', 'public/report.json'];

async function build(content: string, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string; data: string }> {
  const data = await tempDir('docgraph-hostile-data-');
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts', '--no-site', '--content', content, ...extra], { cwd: PROJECT_ROOT, env: { ...process.env, DOCGRAPH_DATA: data }, maxBuffer: 64 * 2 ** 20 });
    return { code: 0, stdout, stderr, data };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, data };
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every problem the fixture must produce: `file:line code`. */
const EXPECTED = [
  'broken-yaml.md:3 front-matter',
  'front-matter-types.md:2 front-matter',
  'front-matter-types.md:3 front-matter',
  'empty.md:1 empty-file',
  `${GENERATED.invalidUtf8}:4 invalid-utf8`,
  'broken.mdx:7 parse-error',
  'hostile.mdx:5 mdx-esm',
  'hostile.mdx:12 mdx-expression',
  'hostile.mdx:14 mdx-expression',
  'hostile.mdx:16 mdx-element',
  'hostile.mdx:18 mdx-attribute',
  'hostile.mdx:20 mdx-attribute',
  'hostile.mdx:22 mdx-attribute',
  'hostile.mdx:24 mdx-element',
  'hostile.mdx:26 mdx-element',
  'hostile.mdx:28 mdx-element',
  'hostile.mdx:30 mdx-attribute',
  'hostile.mdx:32 mdx-attribute',
  'hostile.mdx:34 broken-link',
  'dup slug.md:1 slug-collision',
  'dup-slug.md:1 slug-collision',
  'nested/deep/traversal.md:7 broken-link',
  'nested/deep/traversal.md:8 broken-link',
  'nested/deep/traversal.md:9 broken-link',
  'nested/deep/traversal.md:10 broken-link',
  'nested/deep/traversal.md:12 broken-image',
  'nested/deep/traversal.md:13 broken-link',
  'nested/deep/traversal.md:14 broken-link',
  'nested/deep/traversal.md:15 broken-link',
  'nested/deep/traversal.md:16 broken-image',
  'script-everywhere.md:8 unsafe-html',
  'script-everywhere.md:10 unsafe-html',
  'script-everywhere.md:12 unsafe-html',
  'script-everywhere.md:14 unsafe-html',
  'script-everywhere.md:16 unsafe-html',
  'script-everywhere.md:18 unsafe-html',
  'script-everywhere.md:20 broken-link',
  'script-everywhere.md:22 unsafe-html',
  'script-everywhere.md:24 unsafe-html',
  'script-everywhere.md:26 unsafe-html',
  'script-everywhere.md:40 broken-link',
  'script-everywhere.md:41 broken-link',
  'script-everywhere.md:42 broken-link',
  'script-everywhere.md:43 broken-link',
  'script-everywhere.md:44 broken-link',
  'script-everywhere.md:46 broken-link',
  'script-everywhere.md:47 broken-image',
  'vocabulary.yaml:12 duplicate-entity',
  'vocabulary.yaml:17 vocabulary-schema',
  'vocabulary.yaml:19 vocabulary-schema',
  'vocabulary.yaml:22 vocabulary-schema',
];

describe('the hostile fixture through the CLI', () => {
  let folder: HostileFolder;
  let result: Awaited<ReturnType<typeof build>>;
  let report: BuildReport;
  let site: SiteData;
  let graph: KnowledgeGraph;

  beforeAll(async () => {
    folder = await makeHostileFolder();
    result = await build(folder.content);
    report = JSON.parse(await readFile(join(result.data, 'public', 'report.json'), 'utf8')) as BuildReport;
    site = JSON.parse(await readFile(join(result.data, 'site.json'), 'utf8')) as SiteData;
    graph = JSON.parse(await readFile(join(result.data, 'public', 'graph.json'), 'utf8')) as KnowledgeGraph;
  });

  it('exits 0 and lists each problem with file:line, a hint, and in the printed summary', () => {
    expect(result.code).toBe(0);
    const found = new Set(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`));
    expect(EXPECTED.filter((e) => !found.has(e))).toEqual([]);
    for (const d of report.diagnostics) {
      expect(d.line, `${d.file} ${d.code}`).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.hint, `${d.file}:${d.line} ${d.code} has a hint`).toBeTruthy();
    }
    expect(result.stdout).toMatch(/broken-yaml\.md:3:\d+ error front-matter/);
  });

  it('loses nothing: every Markdown/MDX file is a page or a reported failure, and bodies survive bad front matter', async () => {
    const markdown = (await filesUnder(folder.content)).map((f) => f.slice(folder.content.length + 1)).filter((f) => /\.mdx?$/i.test(f));
    const pages = new Set(site.documents.map((d) => d.path));
    const failed = new Set(report.failedFiles.map((f) => f.file));
    // Symlinks are never followed, so the linked secret is neither a page nor a failure.
    const expected = markdown.filter((f) => f !== GENERATED.symlinkFile && !f.startsWith(`${GENERATED.symlinkDir}/`));
    expect(expected.filter((f) => !pages.has(f) && !failed.has(f))).toEqual([]);
    expect([...failed]).toEqual(['broken.mdx']);
    expect(pages.has(GENERATED.symlinkFile)).toBe(false);
    expect(site.documents.find((d) => d.path === 'broken-yaml.md')?.title).toBe('Broken YAML front matter');
    expect(site.documents.find((d) => d.path === 'front-matter-types.md')?.title).toBe('Front matter of the wrong types');
    expect(site.documents.find((d) => d.path === GENERATED.utf16)?.title).toBe('UTF-16 with a BOM');
    expect(site.documents.find((d) => d.path === GENERATED.quotes)?.slug).toBe('img-srcx-onerrorwindow__pwned1');
  });

  it('gives colliding file names their own pages, deterministically, and links land on the right one', () => {
    const slug = (path: string): string | undefined => site.documents.find((d) => d.path === path)?.slug;
    expect([slug('Dup-Slug.md'), slug('dup slug.md'), slug('dup-slug.md')]).toEqual(['dup-slug', 'dup-slug-1', 'dup-slug-2']);
    const collision = report.diagnostics.filter((d) => d.code === 'slug-collision');
    expect(collision.map((d) => d.message)).toEqual([expect.stringContaining('Dup-Slug.md'), expect.stringContaining('Dup-Slug.md')]);
    const linksFrom = (doc: string): string[] => graph.edges.filter((e) => e.type === 'links-to' && e.source === doc).map((e) => e.target).sort();
    expect(linksFrom('doc:index')).toEqual(expect.arrayContaining(['doc:dup-slug', 'doc:dup-slug-1', 'doc:dup-slug-2', 'doc:文档-with-spaces']));
    expect(linksFrom('doc:dup-slug')).toEqual(['doc:dup-slug-2', 'doc:index']);
    expect(linksFrom('doc:dup-slug-2')).toEqual(['doc:dup-slug-1']);
    expect(linksFrom('doc:dup-slug-1')).toEqual(['doc:dup-slug']);
  });

  it('never reads or copies anything outside the content folder', async () => {
    for (const file of await filesUnder(result.data)) {
      expect(await readFile(file, 'utf8'), file).not.toContain(SECRET);
    }
    expect(result.stdout).not.toContain(SECRET);
  });

  it('writes article HTML and MDX with no script, no handler, no style and no unsafe URL', async () => {
    const html = (await filesUnder(join(result.data, 'html'))).filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(10);
    for (const file of html) expect(unsafeMarkup(await readFile(file, 'utf8')), file).toEqual([]);
    const mdx = await readFile(join(result.data, 'mdx', 'hostile.mdx'), 'utf8');
    expect(unsafeMdx(mdx)).toEqual([]);
    expect(mdx).not.toMatch(/onerror|onClick|javascript:|<script|<iframe|<svg|style=/i);
    expect(mdx).toContain('<EntityLink id="widget-tool">the Widget Tool</EntityLink>');
    expect(mdx).toContain('[home](/docs/index/)');
  });

  it('fails with --strict', async () => {
    const strict = await build(folder.content, ['--strict', '--quiet']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict: \d+ error\(s\).*1 file\(s\) that could not become pages/);
  });

  it('writes byte-identical outputs for a copy elsewhere and for the same build twice', async () => {
    const copy = join(await tempDir('docgraph-hostile-copy-'), 'another', 'place');
    // Another absolute path and freshly created files (the property tests shuffle the file order).
    await cp(folder.content, copy, { recursive: true, verbatimSymlinks: true });
    const again = await build(folder.content);
    const elsewhere = await build(copy);
    const searchFiles = (await readdir(join(result.data, 'public', 'search'), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(result.data, join(e.parentPath, e.name)));
    expect(searchFiles).toContain('public/search/manifest.json');
    for (const file of [...DETERMINISTIC_FILES, ...searchFiles]) {
      const first = await readFile(join(result.data, file), 'utf8');
      expect(await readFile(join(again.data, file), 'utf8'), file).toBe(first);
      expect(await readFile(join(elsewhere.data, file), 'utf8'), file).toBe(first);
    }
  });
});
