// The pages Astro's last build cached are linked into a new output folder for Astro to keep
// (src/build/cached-pages.ts); those the next build no longer has are unlinked afterwards, and only
// those: a page Astro wrote again is its own.
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkCachedPages, pruneUnbuiltPages } from '../../src/build/cached-pages.ts';
import { tempDir } from '../helpers/temp.ts';

function manifest(cache: string, pages: string[], version = 1): void {
  const paths = Object.fromEntries(pages.map((page) => [`/${dirname(page)}`, { cacheKey: 'k', outputFile: page }]));
  writeFileSync(join(cache, 'incremental-build.json'), JSON.stringify({ version, configHash: 'c', lockfileHash: 'l', keyDigest: 'd', routes: { 'src/pages/docs/[...slug].astro': { dependencyHash: 'h', paths } } }));
}

async function cacheWith(pages: string[]): Promise<{ cache: string; out: string }> {
  const work = await tempDir('docgraph-cached-pages-');
  const cache = join(work, 'cache');
  for (const page of pages) {
    mkdirSync(dirname(join(cache, 'dist', page)), { recursive: true });
    writeFileSync(join(cache, 'dist', page), `cached ${page}`);
  }
  manifest(cache, pages);
  return { cache, out: join(work, 'out') };
}

describe('cached pages linked for Astro', () => {
  it('links every recorded page, and unlinks those the next build dropped', async () => {
    const pages = ['docs/a/index.html', 'docs/b/index.html', 'docs/c/index.html'];
    const { cache, out } = await cacheWith(pages);
    const linked = linkCachedPages(cache, out);
    expect(linked.map((l) => l.page)).toEqual(pages);
    expect(statSync(join(out, pages[0]!)).ino).toBe(statSync(join(cache, 'dist', pages[0]!)).ino);

    // The next build keeps a, drops b and c; Astro rendered c again (without a key) before it dropped it.
    writeFileSync(join(out, pages[2]!), 'rendered again');
    utimesSync(join(out, pages[2]!), new Date(), new Date(Date.now() + 5000));
    manifest(cache, [pages[0]!]);
    expect(pruneUnbuiltPages(cache, out, linked)).toBe(1);
    expect(readFileSync(join(out, pages[0]!), 'utf8')).toBe('cached docs/a/index.html');
    expect(existsSync(join(out, 'docs', 'b'))).toBe(false);
    expect(readFileSync(join(out, pages[2]!), 'utf8')).toBe('rendered again');
  });

  it('links nothing from a manifest of another version, or outside the output folder', async () => {
    const { cache, out } = await cacheWith(['docs/a/index.html']);
    manifest(cache, ['docs/a/index.html'], 2);
    expect(linkCachedPages(cache, out)).toEqual([]);
    manifest(cache, ['../escaped.html', 'docs/a/index.html']);
    writeFileSync(join(cache, 'dist', '..', 'escaped.html'), 'x');
    expect(linkCachedPages(cache, out).map((l) => l.page)).toEqual(['docs/a/index.html']);
    expect(existsSync(join(out, '..', 'escaped.html'))).toBe(false);
  });
});
