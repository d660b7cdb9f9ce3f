// The data folder's public files (graph.json, exports, search shards, the content's images) go into the
// built site as hard links instead of the copies Astro would make: on the corpus that is ~1,500 files and
// half a second of copying per build, and at 10,000 documents tens of thousands of files.
// The pipeline replaces a public file by renaming a new one over it (never by writing into it), so a
// link in the built site keeps the old bytes until the next build links the new ones.
import { copyFileSync, type Dirent, linkSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Links every file under `from` into the same place under `to` (copies across file systems).
 * Synchronous: the build has nothing else to do meanwhile, and one awaited call per file (a round trip
 * through libuv's thread pool each) took half a second of the corpus's warm build.
 */
export function linkTree(from: string, to: string): number {
  let entries: Dirent[];
  try {
    entries = readdirSync(from, { withFileTypes: true });
  } catch {
    entries = [];
  }
  mkdirSync(to, { recursive: true });
  let count = 0;
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) count += linkTree(source, target);
    else if (entry.isFile()) {
      linkFile(source, target);
      count++;
    }
  }
  return count;
}

function linkFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // A file of the same name that Astro wrote, or a link of an earlier build: the data folder's wins.
      unlinkSync(target);
      linkFile(source, target);
    } else if (code === 'EXDEV' || code === 'EPERM' || code === 'ENOTSUP') copyFileSync(source, target);
    else throw error;
  }
}
