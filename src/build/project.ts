// The project's folder and a content folder's settings (docgraph.yaml, the vocabulary to use). Kept
// apart from the pipeline: `npm run build` reads them before it knows whether the pipeline runs in
// its own process, and a process that only waits for that child should not hold the pipeline's code.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentConfig } from '../config.ts';
import { parseContentConfig } from './content-config.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The vocabulary: --vocabulary, else DIR/vocabulary.yaml, else the project's own. */
export function chooseVocabulary(contentDir: string, flag?: string): string {
  if (flag) return resolve(flag);
  const local = join(contentDir, 'vocabulary.yaml');
  return existsSync(local) ? local : join(PROJECT_ROOT, 'content', 'vocabulary.yaml');
}

/** `DIR/docgraph.yaml`, checked (src/build/content-config.ts); throws every problem as `file:line:column: ...` lines. */
export async function readContentConfig(contentDir: string): Promise<ContentConfig> {
  const file = join(contentDir, 'docgraph.yaml');
  if (!existsSync(file)) return {};
  const isFile = (path: string): boolean => {
    const target = join(contentDir, path);
    return existsSync(target) && statSync(target).isFile();
  };
  const result = parseContentConfig(await readFile(file, 'utf8'), file, { isFile });
  if (result.errors) throw new Error(`docgraph.yaml has ${result.errors.length === 1 ? 'an error' : `${result.errors.length} errors`}:\n${result.errors.join('\n')}`);
  return result.config;
}

/**
 * The folder of docgraph's caches and data in the folder a command runs from: `--cache-dir`, else
 * `./.docgraph`. Never inside the installed package, which may be read-only and is shared by projects.
 */
export function cacheDirFor(flag?: string, cwd = process.cwd()): string {
  return resolve(cwd, flag ?? '.docgraph');
}

/** The data folder a command writes: DOCGRAPH_DATA (tests), else `<cache folder>/data`. */
export function dataDirFor(cacheDir?: string, cwd = process.cwd()): string {
  return process.env.DOCGRAPH_DATA ? resolve(cwd, process.env.DOCGRAPH_DATA) : join(cacheDirFor(cacheDir, cwd), 'data');
}

/**
 * The node_modules folder that holds docgraph's dependencies: the project's own in a clone, the
 * user's (npm hoists them) when docgraph is installed. Astro's bundles, written outside it (in the
 * cache folder), import their dependencies by name and find them through a link to it.
 */
export function dependenciesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('astro')));
  while (basename(dir) !== 'node_modules') {
    const up = dirname(dir);
    if (up === dir) throw new Error('docgraph: cannot find the node_modules folder that holds astro; run `npm install` first');
    dir = up;
  }
  return dir;
}

/**
 * Where each Astro build gets its own root folder (src/build/site-child.ts): the cache folder. Astro
 * reads a source path that shares no top folder with its root (/tmp/... and /home/...) as relative to
 * the root (normalizeFilename, astro/dist/vite-plugin-utils), so a cache folder outside docgraph's top
 * folder gets them in `<node_modules>/.cache/docgraph/` instead, beside docgraph.
 */
export function buildRootsDir(cacheDir: string): string {
  const top = (path: string) => path.split(sep)[1];
  return top(cacheDir) === top(PROJECT_ROOT) ? cacheDir : join(dependenciesDir(), '.cache', 'docgraph');
}
