// Astro's incremental build keeps a copy of every keyed page under <cacheDir>/dist/ and, for each page
// it skips, copies it into the emptied output folder: ~1 s of the corpus's warm build (590 pages), and
// tens of seconds at 10,000 documents. Linked into the output folder when the site child starts, the
// copies are already there for Astro (or the kit renderer, site-render.ts), which then keeps them as they are. A page it renders again is
// written over the link, and so also into its cache copy, which Astro writes with the same bytes right
// after. Pages the new build no longer has are unlinked once it is done.
import { linkSync, mkdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readIncrementalManifest, recordedPages } from './astro-manifest.ts';
import { isBelow } from './out-dir.ts';

export interface LinkedPage {
  /** Relative to the output folder. */
  page: string;
  /** Its modification time when linked: a page Astro wrote since is its own. */
  mtimeMs: number;
}

/** Links the cached copy of every page of Astro's last build into `outDir` (which must be new). */
export function linkCachedPages(cacheDir: string, outDir: string): LinkedPage[] {
  const linked: LinkedPage[] = [];
  for (const page of recordedPages(readIncrementalManifest(cacheDir))) {
    const [copy, target] = [join(cacheDir, 'dist', page), join(outDir, page)];
    if (!isBelow(outDir, target)) continue;
    try {
      const { mtimeMs } = statSync(copy);
      mkdirSync(dirname(target), { recursive: true });
      linkSync(copy, target);
      linked.push({ page, mtimeMs });
    } catch {
      // No copy, another file system, or already there: Astro restores or renders this one itself.
    }
  }
  return linked;
}

/**
 * Unlinks the linked pages that the new build neither kept nor wrote (and the folders they leave
 * empty): those of deleted documents and entities.
 */
export function pruneUnbuiltPages(cacheDir: string, outDir: string, linked: readonly LinkedPage[]): number {
  const kept = new Set(recordedPages(readIncrementalManifest(cacheDir)));
  let pruned = 0;
  for (const { page, mtimeMs } of linked) {
    if (kept.has(page)) continue;
    try {
      if (statSync(join(outDir, page)).mtimeMs !== mtimeMs) continue;
      unlinkSync(join(outDir, page));
      pruned++;
      for (let dir = dirname(join(outDir, page)); isBelow(outDir, dir); dir = dirname(dir)) rmdirSync(dir);
    } catch {
      // Already gone, or a folder that still holds other files.
    }
  }
  return pruned;
}
