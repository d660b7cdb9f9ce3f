// The exported index (src/search/format.ts): its layout, and the same bytes for the same content
// whatever the order the files were read in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { buildSearchIndex } from '../../src/search/build.ts';
import { ENCODER_VERSION } from '../../src/search/encoder.ts';
import { FIELDS, paths, shardKey, TEXT_LIMIT, type EntityEntry, type EntityPostings, type Fragment, type Manifest, type Shard } from '../../src/search/format.ts';
import { memoryLoader, pipelineOf, SEARCH_FIXTURE } from '../helpers/search.ts';
import { createSearcher } from '../../src/search/query.ts';

const json = <T>(files: ReadonlyMap<string, string>, path: string): T => JSON.parse(files.get(path)!) as T;

describe('buildSearchIndex', async () => {
  const files = buildSearchIndex(await pipelineOf(SEARCH_FIXTURE));

  it('is byte-identical when built twice and when the files are read in another order', async () => {
    const again = buildSearchIndex(await pipelineOf(SEARCH_FIXTURE));
    expect([...again]).toEqual([...files]);
    const snapshot = await readContentDir(SEARCH_FIXTURE);
    const vocabulary = { file: 'vocabulary.yaml', text: await readFile(join(SEARCH_FIXTURE, 'vocabulary.yaml'), 'utf8') };
    const reversed = buildSearchIndex(runPipeline({ ...snapshot, files: [...snapshot.files].reverse() }, { vocabulary }));
    expect(new Map([...reversed].sort())).toEqual(new Map([...files].sort()));
    expect([...reversed.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [path, text] of files) expect(reversed.get(path), path).toBe(text);
  });

  it('writes the manifest, a fragment per page and the shards it lists, nothing else', () => {
    const manifest = json<Manifest>(files, paths.manifest);
    expect(manifest.encoder).toBe(ENCODER_VERSION);
    expect(manifest.sections).toHaveLength(9);
    const entities = json<EntityEntry[]>(files, paths.entities);
    const expected = new Set([
      paths.manifest,
      paths.entities,
      ...manifest.sections.map((_, n) => paths.fragment(n)),
      ...manifest.shards.map(paths.shard),
      ...entities.map((e) => paths.entity(e.id)).filter((p) => files.has(p)),
    ]);
    expect(new Set(files.keys())).toEqual(expected);
    expect(manifest.shards).toEqual([...manifest.shards].sort());
  });

  it('puts each term in the shard of its first two characters, sorted, with ids of real records', () => {
    const manifest = json<Manifest>(files, paths.manifest);
    const records = manifest.sections.reduce((a, b) => a + b, 0);
    for (const key of manifest.shards) {
      const shard = json<Shard>(files, paths.shard(key));
      for (const field of FIELDS) {
        const terms = shard[field].map(([t]) => t);
        expect(terms, `${key} ${field}`).toEqual([...terms].sort());
        for (const [term, slots] of shard[field]) {
          expect(shardKey(term)).toBe(key);
          for (const id of slots.flat()) if (id !== null) expect(id).toBeLessThan(records);
        }
      }
    }
  });

  it('stores page URL, title and section texts in document path order, cut at TEXT_LIMIT', () => {
    const manifest = json<Manifest>(files, paths.manifest);
    const fragments = manifest.sections.map((n, d) => ({ n, f: json<Fragment>(files, paths.fragment(d)) }));
    expect(fragments.map(({ f }) => f.url)).toEqual([
      '/docs/directory-synchronization/',
      '/docs/expressroute/',
      '/docs/guides/deutsch/',
      '/docs/guides/francais/',
      '/docs/guides/html-in-text/',
      '/docs/guides/lync-migration/',
      '/docs/guides/network-planning/',
      '/docs/guides/skype-for-business/',
      '/docs/install-azure-ad-connect/',
    ]);
    for (const { n, f } of fragments) {
      expect(f.sections).toHaveLength(n);
      for (const [, , text] of f.sections) expect(text.length).toBeLessThanOrEqual(TEXT_LIMIT);
    }
    expect(fragments[1]!.f.sections.map(([anchor, heading]) => [anchor, heading])).toEqual([
      ['azure-expressroute-for-office-365', ''],
      ['routing', 'Routing'],
      ['costs', 'Costs'],
    ]);
  });

  it('lists every name of an entity and the renamed ones, and weighs a page titled with the name highest', () => {
    const entities = json<EntityEntry[]>(files, paths.entities);
    expect(entities.find((e) => e.id === 'azure-ad-connect')).toMatchObject({
      label: 'Azure AD Connect',
      names: ['AAD Connect', 'Entra Connect', 'Microsoft Entra Connect'],
      url: '/entities/azure-ad-connect/',
    });
    expect(entities.find((e) => e.id === 'lync-online')!.renamed).toEqual(['skype-for-business-online']);
    expect(entities.find((e) => e.id === 'skype-for-business-online')!.renamed).toEqual(['lync-online']);
    const postings = json<EntityPostings>(files, paths.entity('expressroute'));
    expect(postings[0]![1]).toBe(30);
    expect(postings.map(([, w]) => w)).toEqual([...postings.map(([, w]) => w)].sort((a, b) => b - a));
  });

  it('on big sets: 3-character shard keys and ids cut per term, with the searcher finding the same pages', async () => {
    const result = await pipelineOf(SEARCH_FIXTURE);
    const big = buildSearchIndex(result, { longKeysFrom: 1, postingsLimit: 2 });
    const manifest = json<Manifest>(big, paths.manifest);
    expect(manifest.keyLength).toBe(3);
    let capped = 0;
    for (const key of manifest.shards) {
      const shard = json<Shard>(big, paths.shard(key));
      for (const field of FIELDS) {
        for (const [term, slots] of shard[field]) {
          expect(shardKey(term, 3)).toBe(key);
          expect(slots.flat().filter((id) => id !== null).length).toBeLessThanOrEqual(2);
        }
      }
      capped += Object.keys(shard.df ?? {}).length;
    }
    expect(capped).toBeGreaterThan(0);
    // A rare word still finds its page, through the longer keys.
    const searcher = createSearcher(memoryLoader(big));
    const small = createSearcher(memoryLoader(files));
    for (const q of ['expressroute', 'directroy', 'Entra Connect']) {
      const [a, b] = [await searcher.search(q), await small.search(q)];
      expect(a.hits[0]?.url, q).toBe(b.hits[0]?.url);
    }
  });
});
