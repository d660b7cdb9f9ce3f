// The data folder's public files (graph.json, exports, search shards, the content's images) go into the
// built site as hard links instead of the copies Astro would make: on the corpus that is ~1,500 files and
// half a second of copying per build, and at 10,000 documents tens of thousands of files.
// The pipeline replaces a public file by renaming a new one over it (never by writing into it), so a
// link in the built site keeps the old bytes until the next build links the new ones.
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Links every file under `from` into the same place under `to` (copies across file systems). */
export async function linkTree(from: string, to: string): Promise<number> {
  let count = 0;
  const entries = await readdir(from, { withFileTypes: true }).catch(() => []);
  await mkdir(to, { recursive: true });
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) count += await linkTree(source, target);
    else if (entry.isFile()) {
      await rm(target, { force: true });
      await link(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EXDEV' || error.code === 'EPERM' || error.code === 'ENOTSUP') return copyFile(source, target);
        throw error;
      });
      count++;
    }
  }
  return count;
}
