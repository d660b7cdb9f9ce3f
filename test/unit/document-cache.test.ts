// The content-hash cache: a rebuild after documents changed, were added, renamed or deleted gives
// exactly the files a clean build of the same content gives, and reuses what did not change.
import { cp, mkdir, readdir, readFile, rename, rm, writeFile, appendFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildData, type CacheStats } from '../../src/build/build-data.ts';
import { codeHash } from '../../src/build/code-hash.ts';
import { chooseVocabulary } from '../../src/build/project.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((p) => !p.startsWith('cache/'))
    .sort();
}

/** Every output file of a data folder (not the cache itself), by path. */
async function outputs(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const p of await listFiles(dir)) files.set(p, (await readFile(join(dir, p))).toString('base64'));
  return files;
}

describe('document cache', () => {
  it('gives byte-identical outputs to a clean build after a change, an addition, a rename and a deletion', async () => {
    const work = await tempDir('docgraph-cache-');
    const content = join(work, 'content');
    await cp(fixture('pipeline', 'basic'), content, { recursive: true });
    const build = (dataDir: string, cache: boolean) =>
      buildData({ contentDir: content, dataDir, vocabularyPath: chooseVocabulary(content), base: '/', cache, onStage: (s) => stages.push(s) });
    let stages: string[] = [];

    const incremental = join(work, 'incremental');
    await build(incremental, true);
    stages = [];
    await build(incremental, true);
    // Nothing changed: no document was parsed again.
    expect(stages).toContain('cache');
    expect(stages).not.toContain('render');

    await appendFile(join(content, 'guide', 'setup.md'), '\n## Added later\n\nSetup now also [links to sync](sync.md#missing-anchor).\n');
    await writeFile(join(content, 'guide', 'new-page.md'), '# A new page\n\nIt links to [the setup guide](setup.md#added-later) and to [the index](../index.md).\n');
    await rename(join(content, 'guide', 'sync.md'), join(content, 'guide', 'synchronization.md'));
    await rm(join(content, 'guide', 'untitled.md'));
    await build(incremental, true);

    const clean = join(work, 'clean');
    await build(clean, false);
    const [a, b] = [await outputs(incremental), await outputs(clean)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes, path).toBe(b.get(path));
    // The renamed target is now reported broken in both; the new page is in both.
    const report = await readFile(join(clean, 'public', 'report.json'), 'utf8');
    expect(report).toContain('sync.md');
    expect([...a.keys()]).toContain('html/guide__new-page.html');
  });

  it('reuses parsed include and TOC files until their text changes', async () => {
    const work = await tempDir('docgraph-cache-trees-');
    const content = join(work, 'content');
    await cp(fixture('pipeline', 'basic'), content, { recursive: true });
    const build = (dataDir: string, cache: boolean) => buildData({ contentDir: content, dataDir, vocabularyPath: chooseVocabulary(content), base: '/', cache });
    const incremental = join(work, 'incremental');
    const trees = async () => (await readdir(join(incremental, 'cache', 'trees'))).sort();
    await build(incremental, true);
    const first = await trees();
    // The include and the TOC file.
    expect(first).toHaveLength(2);
    await build(incremental, true);
    expect(await trees()).toEqual(first);

    await writeFile(join(content, 'includes', 'shared-note.md'), 'The include now says something else and links to [sync](../guide/sync.md).\n');
    await appendFile(join(content, 'TOC.md'), '## [Added entry](guide/untitled.md)\n');
    await build(incremental, true);
    const second = await trees();
    expect(second).toHaveLength(2);
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    expect(await readFile(join(incremental, 'html', 'index.html'), 'utf8')).toContain('The include now says something else');
    const clean = join(work, 'clean');
    await build(clean, false);
    const [a, b] = [await outputs(incremental), await outputs(clean)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes, path).toBe(b.get(path));
    expect(await readFile(join(clean, 'site.json'), 'utf8')).toContain('Added entry');
  });

  it('matches mentions and relations again only in the edited document, and in every document when the entities changed', async () => {
    const work = await tempDir('docgraph-cache-stages-');
    const content = join(work, 'content');
    await cp(fixture('pipeline', 'basic'), content, { recursive: true });
    await cp(chooseVocabulary(content), join(content, 'vocabulary.yaml'));
    let stats: CacheStats | undefined;
    const build = (dataDir: string, cache: boolean) =>
      buildData({ contentDir: content, dataDir, vocabularyPath: chooseVocabulary(content), base: '/', cache, onCache: (s) => (stats = s) });
    const sameAsClean = async (incremental: string, name: string) => {
      const clean = join(work, `clean-${name}`);
      await build(clean, false);
      const [a, b] = [await outputs(incremental), await outputs(clean)];
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [path, bytes] of a) expect(bytes, `${name}: ${path}`).toBe(b.get(path));
    };
    const incremental = join(work, 'incremental');
    await build(incremental, true);
    const documents = stats!.misses;
    expect(documents).toBeGreaterThan(2);
    expect(stats!.stages.mentions).toEqual({ hits: 0, misses: documents });

    // One document gains a sentence with a typed relation: only it is matched and indexed again.
    await appendFile(join(content, 'guide', 'setup.md'), '\nAzure AD Connect replaces DirSync for directory synchronization.\n');
    await build(incremental, true);
    for (const stage of ['candidates', 'mentions', 'relations', 'search']) expect(stats!.stages[stage], stage).toEqual({ hits: documents - 1, misses: 1 });
    await sameAsClean(incremental, 'edit');
    expect(await readFile(join(incremental, 'public', 'graph.json'), 'utf8')).toContain('Azure AD Connect replaces DirSync for directory synchronization.');

    // A sentence that names nothing leaves the graph alone: the export files are not generated again.
    const exportsRecord = async () => JSON.parse(await readFile(join(incremental, 'cache', 'exports.json'), 'utf8')) as { key: string; files: string[] };
    const before = await exportsRecord();
    expect(before.files.length).toBeGreaterThan(3);
    await appendFile(join(content, 'guide', 'sync.md'), '\nThis closing line names nothing at all.\n');
    await build(incremental, true);
    expect((await exportsRecord()).key).toBe(before.key);
    await sameAsClean(incremental, 'wording');

    // A new vocabulary entity changes what every document mentions: all are matched again.
    const vocabulary = await readFile(join(content, 'vocabulary.yaml'), 'utf8');
    await writeFile(join(content, 'vocabulary.yaml'), vocabulary.replace(/^entities:\n/m, 'entities:\n  - id: download-site\n    type: concept\n    label: download site\n    description: Where the tool is downloaded from.\n'));
    await build(incremental, true);
    expect(stats!.hits).toBe(documents);
    for (const stage of ['candidates', 'mentions', 'relations']) expect(stats!.stages[stage], stage).toEqual({ hits: 0, misses: documents });
    // A document's search terms do not depend on the entities.
    expect(stats!.stages.search).toEqual({ hits: documents, misses: 0 });
    await sameAsClean(incremental, 'vocabulary');
    expect(await readFile(join(incremental, 'public', 'graph.json'), 'utf8')).toContain('"download-site"');
  });
});

describe('the code part of cache keys', () => {
  it('changes with any source file the outputs are made by, in nested folders too', async () => {
    const root = await tempDir('docgraph-code-hash-');
    const files = ['src/pipeline/parse.ts', 'src/outputs/exports/svg.ts', 'src/lib/relations.ts', 'src/build/data-files.ts', 'package-lock.json'];
    for (const file of files) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), `// ${file}\n`);
    }
    const seen = new Set([codeHash(root)]);
    for (const file of files) {
      await appendFile(join(root, file), 'changed\n');
      seen.add(codeHash(root));
    }
    expect(seen.size).toBe(files.length + 1);
    // Not content: notes beside the code leave it alone.
    await writeFile(join(root, 'src', 'README.md'), 'notes');
    expect(seen.has(codeHash(root))).toBe(true);
  });
});
