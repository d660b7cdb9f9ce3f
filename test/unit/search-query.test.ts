// The searcher over the search fixture (test/fixtures/search), built through the real pipeline and
// read through an in-memory loader: names, typos, prefixes, stems, accents, ranking and excerpts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEncoder } from '../../src/search/encoder.ts';
import { buildSearchIndex } from '../../src/search/build.ts';
import { createSearcher, type SearchResponse } from '../../src/search/query.ts';
import { fixture } from '../helpers/fixtures.ts';
import { fixtureSearcher, memoryLoader, pipelineOf } from '../helpers/search.ts';

const { searcher } = await fixtureSearcher();
const search = (q: string, prefix = false): Promise<SearchResponse> => searcher.search(q, { prefix });
const urls = (r: SearchResponse): string[] => r.hits.map((h) => h.url.replace(/#.*/, ''));
const top = async (q: string, prefix = false): Promise<string | undefined> => urls(await search(q, prefix))[0];

describe('alias expansion', () => {
  it('finds with "AAD Connect" and "Entra Connect" what "Azure AD Connect" finds, with the entity card', async () => {
    const full = await search('Azure AD Connect');
    expect(urls(full)[0]).toBe('/docs/install-azure-ad-connect/');
    // The troubleshooting section names only "Azure AD Connect", never the aliases.
    expect(urls(full)).toContain('/docs/directory-synchronization/');
    for (const alias of ['AAD Connect', 'Entra Connect', 'Microsoft Entra Connect', 'aad connect']) {
      const r = await search(alias);
      expect(urls(r)[0], alias).toBe('/docs/install-azure-ad-connect/');
      expect(urls(r), alias).toContain('/docs/directory-synchronization/');
      expect(r.entity, alias).toMatchObject({ id: 'azure-ad-connect', label: 'Azure AD Connect', url: '/entities/azure-ad-connect/' });
    }
  });

  it('answers an old name with the pages of the new one (renamedTo)', async () => {
    // The Skype page never says "Lync".
    const r = await search('Lync Online');
    expect(r.entity?.id).toBe('lync-online');
    expect(urls(r)).toEqual(expect.arrayContaining(['/docs/guides/skype-for-business/', '/docs/guides/lync-migration/']));
    expect(urls(await search('SfB Online'))[0]).toBe('/docs/guides/skype-for-business/');
  });

  it('highlights the words of the name the page uses, not only the ones typed', async () => {
    const hit = (await search('AAD Connect')).hits[0]!;
    expect(hit.excerpt.marks.map(([a, b]) => hit.excerpt.text.slice(a, b))).toEqual(expect.arrayContaining(['Azure', 'AD', 'Connect']));
  });
});

describe('typo tolerance', () => {
  it.each([
    ['directroy', '/docs/directory-synchronization/'],
    ['dirctory', '/docs/directory-synchronization/'],
    ['expresroute', '/docs/expressroute/'],
    ['expressrouet', '/docs/expressroute/'],
  ])('"%s" finds %s', async (q, url) => {
    expect(await top(q)).toBe(url);
  });

  it.each([
    ['idrectory', '/docs/directory-synchronization/'],
    ['xepressroute', '/docs/expressroute/'],
    ['eexpressroute', '/docs/expressroute/'],
  ])('a typo in the first two letters: "%s" finds %s', async (q, url) => {
    expect(await top(q)).toBe(url);
  });

  it('leaves short words alone: no fuzzy match below four characters', async () => {
    expect((await search('dsn')).hits).toEqual([]);
    expect(await top('dns')).toBe('/docs/guides/network-planning/');
  });
});

describe('prefix matching', () => {
  it('completes the last word with prefix: true, and only then', async () => {
    expect(await top('expr', true)).toBe('/docs/expressroute/');
    expect(urls(await search('expr'))).not.toContain('/docs/expressroute/');
    expect(await top('azure expressr', true)).toBe('/docs/expressroute/');
    const hit = (await search('expr', true)).hits[0]!;
    expect(hit.excerpt.marks.map(([a, b]) => hit.excerpt.text.slice(a, b))).toContain('ExpressRoute');
  });
});

describe('stemming and spelling variants', () => {
  it('makes synchronize, synchronization, syncing, sync and synchronisation meet', async () => {
    const variants = ['synchronize', 'synchronization', 'syncing', 'sync', 'synchronisation', 'synchronised'];
    const results = await Promise.all(variants.map((q) => search(q)));
    for (const [i, r] of results.entries()) {
      expect(urls(r)[0], variants[i]).toBe('/docs/directory-synchronization/');
      expect(urls(r), variants[i]).toEqual(urls(results[0]!));
    }
  });
});

describe('diacritic folding', () => {
  it.each([
    ['Größe', 'grosse', '/docs/guides/deutsch/'],
    ['Übersicht', 'ubersicht', '/docs/guides/deutsch/'],
    ['Déploiement', 'deploiement', '/docs/guides/francais/'],
    ['sécurité', 'securite', '/docs/guides/francais/'],
    ['élève', 'eleve', '/docs/guides/francais/'],
  ])('"%s" and "%s" both find %s', async (accented, plain, url) => {
    expect(urls(await search(accented))).toEqual([url]);
    expect(urls(await search(plain))).toEqual([url]);
  });

  it('marks the accented word in the excerpt for an unaccented query', async () => {
    const hit = (await search('securite')).hits[0]!;
    expect(hit.excerpt.marks.map(([a, b]) => hit.excerpt.text.slice(a, b))).toEqual(['sécurité']);
  });
});

describe('ranking', () => {
  it('puts the page whose title names the words above the page that only mentions them', async () => {
    const r = await search('ExpressRoute');
    expect(urls(r)).toEqual(['/docs/expressroute/', '/docs/guides/network-planning/']);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
    expect(r.hits.map((h) => h.rank)).toEqual([1, 2]);
  });

  it('shows one best section per page and folds the others into `more`', async () => {
    const r = await search('synchronization');
    expect(new Set(urls(r)).size).toBe(urls(r).length);
    const page = r.hits.find((h) => h.url.startsWith('/docs/directory-synchronization/'))!;
    expect(page.more.length).toBeGreaterThan(0);
    const anchors = [page.anchor, ...page.more.map((m) => m.anchor)];
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const m of page.more) expect(m.url).toBe(`/docs/directory-synchronization/#${m.anchor}`);
    expect(r.total).toBe(r.hits.length);
  });

  it('names the best section with its heading and links to its anchor', async () => {
    const hit = (await search('BGP communities')).hits[0]!;
    expect(hit).toMatchObject({ title: 'Azure ExpressRoute for Office 365', section: 'Routing', anchor: 'routing', url: '/docs/expressroute/#routing' });
  });

  it('honours the limit and counts every matching page in total', async () => {
    const all = await searcher.search('the cloud directory', { limit: 10 });
    const one = await searcher.search('the cloud directory', { limit: 1 });
    expect(all.hits.length).toBeGreaterThan(1);
    expect(one.hits).toHaveLength(1);
    expect(one.total).toBe(all.total);
    expect(one.hits[0]!.url).toBe(all.hits[0]!.url);
  });
});

describe('excerpts', () => {
  const encoder = createEncoder();
  it.each(['synchronize', 'BGP communities', 'private connection', 'Größe'])('marks only words that match "%s"', async (q) => {
    const r = await search(q);
    expect(r.hits.length).toBeGreaterThan(0);
    const wanted = new Set(encoder.encode(q) as string[]);
    for (const hit of r.hits) {
      const { text, marks } = hit.excerpt;
      expect(marks.length, hit.url).toBeGreaterThan(0);
      let end = 0;
      for (const [a, b] of marks) {
        expect(a).toBeGreaterThanOrEqual(end);
        expect(b).toBeGreaterThan(a);
        expect(b).toBeLessThanOrEqual(text.length);
        end = b;
        const word = text.slice(a, b);
        expect(word, `${q} in ${hit.url}`).toMatch(/^[\p{L}\p{N}]+$/u);
        expect(wanted.has((encoder.encode(word) as string[])[0]!), `${word} for ${q}`).toBe(true);
      }
    }
  });

  it('keeps markup in the text as characters: results are data, never HTML', async () => {
    const r = await search('<script>alert(1)</script>');
    const hit = r.hits[0]!;
    expect(hit.url).toBe('/docs/guides/html-in-text/#paste-snippets-safely');
    expect(hit.excerpt.text).toContain('<script>alert(1)</script>');
    expect(hit.excerpt.marks.map(([a, b]) => hit.excerpt.text.slice(a, b))).toEqual(['script', 'alert', '1', 'script']);
  });
});

describe('queries that match nothing or are not words', () => {
  it.each([
    ['empty', ''],
    ['blank', '   \n\t '],
    ['only stop words', 'the and of to is'],
    ['punctuation', '?!.,;:'],
    ['regex metacharacters', '(a+)+$ [ \\ .* ^$ {2,}'],
    ['a lone surrogate', '\uD800'],
  ])('returns no hits and does not throw: %s', async (_, q) => {
    const r = await search(q);
    expect(r.hits).toEqual([]);
    expect(r.total).toBe(0);
  });

  it('cuts a 10,000-character query and answers quickly', async () => {
    const long = 'directory '.repeat(1000);
    const started = performance.now();
    const r = await search(long);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.query.length).toBeLessThanOrEqual(200);
    expect(urls(r)[0]).toBe('/docs/directory-synchronization/');
    await expect(search('x'.repeat(10_000), true)).resolves.toMatchObject({ hits: [] });
  });

  it('never throws on random queries, with or without prefix', async () => {
    const words = fc.constantFrom('azure', 'ad', 'connect', 'sync', 'größe', 'expr', 'the', '<b>', '"', '*', 'dirctory');
    const query = fc.oneof(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.string({ maxLength: 60, unit: 'binary' }), fc.array(words, { maxLength: 12 }).map((w) => w.join(' ')));
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), fc.integer({ min: 1, max: 20 }), async (q, prefix, limit) => {
        const r = await searcher.search(q, { prefix, limit });
        expect(r.hits.length).toBeLessThanOrEqual(limit);
        expect(r.total).toBeGreaterThanOrEqual(r.hits.length);
        for (const h of r.hits) expect(h.url).toMatch(/^\/docs\//);
      }),
      { numRuns: 300 },
    );
  });
});

describe('pages that the name alone scores alike (test/fixtures/search-ties)', async () => {
  const files = buildSearchIndex(await pipelineOf(fixture('search-ties')));
  const ties = createSearcher(memoryLoader(files));

  it('tells them apart by their words instead of giving them one score', async () => {
    // Both pages are titled with the entity's name, so its postings weigh them the same; the words
    // (a title that is only the name, the name three times in the text) must still count.
    for (const q of ['Widget', 'widgte']) {
      const r = await ties.search(q);
      expect(urls(r).sort(), q).toEqual(['/docs/a-widget-notes/', '/docs/widget/']);
      expect(r.hits[0]!.score, q).not.toBe(r.hits[1]!.score);
    }
  });
});
