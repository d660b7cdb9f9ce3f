// The project's folder and a content folder's settings (docgraph.yaml, the vocabulary to use). Kept
// apart from the pipeline: `npm run build` reads them before it knows whether the pipeline runs in
// its own process, and a process that only waits for that child should not hold the pipeline's code.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ContentConfig } from '../config.ts';
import { parseContentConfig } from './content-config.ts';

export const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

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

/** The data folder a command writes: DOCGRAPH_DATA, else the project's `.docgraph/data`. */
export function dataDirFor(): string {
  return resolve(process.env.DOCGRAPH_DATA ?? join(PROJECT_ROOT, '.docgraph', 'data'));
}
