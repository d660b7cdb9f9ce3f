// `npm run dev`'s resident builds: results kept in memory between rebuilds, site data handed to pages
// and public files made on request. After edits, additions, a rename and a deletion, what it serves
// is byte for byte what a clean static build of the same content writes.
import { appendFile, cp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildData, type CacheStats } from '../../src/build/build-data.ts';
import { chooseVocabulary } from '../../src/build/project.ts';
import { createResident, type Resident } from '../../src/build/resident.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

async function files(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) result.set(relative(dir, join(e.parentPath, e.name)), (await readFile(join(e.parentPath, e.name))).toString('base64'));
  }
  return result;
}

function served(resident: Resident, path: string): string {
  const file = resident.served!.outputs.get(path);
  if (!file) throw new Error(`not served: ${path}`);
  return Buffer.concat([...file.chunks()].map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('base64');
}

describe('resident builds (npm run dev)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('serve what a clean build writes, after a change, an addition, a rename and a deletion', async () => {
    // Clustered graph files too, as on a big site.
    vi.stubEnv('DOCGRAPH_GRAPH_CLUSTER_ABOVE', '1');
    const work = await tempDir('docgraph-resident-');
    const content = join(work, 'content');
    await cp(fixture('pipeline', 'basic'), content, { recursive: true });
    const resident = createResident();
    const data = join(work, 'dev');
    let stats: CacheStats | undefined;
    const rebuild = () => buildData({ contentDir: content, dataDir: data, vocabularyPath: chooseVocabulary(content), base: '/', resident, onCache: (s) => (stats = s) });

    await rebuild();
    expect(resident.served!.data.version).toBe(1);
    const documents = resident.served!.data.site.documents.length;
    // A search before the edit: its per-document terms are kept for the next index.
    served(resident, 'search/manifest.json');

    // One document edited, and the disk cache gone: the other documents come from memory.
    await rm(join(data, 'cache'), { recursive: true });
    await appendFile(join(content, 'guide', 'setup.md'), '\n## Added later\n\nSetup now also [links to sync](sync.md#missing-anchor).\n');
    await rebuild();
    expect(resident.served!.data.version).toBe(2);
    expect(stats).toMatchObject({ hits: documents - 1, misses: 1 });
    expect(stats!.stages.mentions).toEqual({ hits: documents - 1, misses: 1 });
    expect(served(resident, 'search/manifest.json')).toBeTruthy();

    await writeFile(join(content, 'guide', 'new-page.md'), '# A new page\n\nIt links to [the setup guide](setup.md#added-later) and to [the index](../index.md).\n');
    await rename(join(content, 'guide', 'sync.md'), join(content, 'guide', 'synchronization.md'));
    await rm(join(content, 'guide', 'untitled.md'));
    await rebuild();
    // Nothing changed since: every value comes from memory, and is still the same.
    await rebuild();
    expect(stats).toMatchObject({ misses: 0 });

    const clean = join(work, 'clean');
    await buildData({ contentDir: content, dataDir: clean, vocabularyPath: chooseVocabulary(content), base: '/', cache: false });
    const written = await files(clean);
    const publicFiles = [...written.keys()].filter((p) => p.startsWith('public/')).map((p) => p.slice('public/'.length));
    const assets = [...(await files(join(data, 'public'))).keys()];
    expect([...resident.served!.outputs.paths(), ...assets].sort()).toEqual(publicFiles.sort());
    for (const path of resident.served!.outputs.paths()) expect(served(resident, path), path).toBe(written.get(`public/${path}`));
    // Article HTML and MDX copies are still files: the same ones.
    const devFiles = await files(data);
    for (const [path, bytes] of written) if (/^(html|mdx)\//.test(path)) expect(devFiles.get(path), path).toBe(bytes);
    expect([...devFiles.keys()].filter((p) => /^(html|mdx)\//.test(p)).sort()).toEqual([...written.keys()].filter((p) => /^(html|mdx)\//.test(p)).sort());
    // What pages read, in memory, is what the static site's pages read from files.
    const { site, graph, view, report } = resident.served!.data;
    expect(JSON.stringify(site)).toBe((await readFile(join(clean, 'site.json'), 'utf8')).trimEnd());
    expect(JSON.stringify(graph)).toBe((await readFile(join(clean, 'public', 'graph.json'), 'utf8')).trimEnd());
    expect(JSON.stringify(view)).toBe((await readFile(join(clean, 'public', 'graph-view.json'), 'utf8')).trimEnd());
    expect(report).toEqual(JSON.parse(await readFile(join(clean, 'public', 'report.json'), 'utf8')));
    expect(resident.served!.outputs.paths()).toContain('graph-view/overview.json');
    expect(resident.served!.outputs.get('search/nothing-here.json')).toBeUndefined();
    expect(resident.served!.outputs.get('embed/svg/../graph.json')).toBeUndefined();
  });
});
