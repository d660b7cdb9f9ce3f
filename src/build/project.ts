// The project's folder and a content folder's settings (docgraph.yaml, the vocabulary to use). Kept
// apart from the pipeline: `npm run build` reads them before it knows whether the pipeline runs in
// its own process, and a process that only waits for that child should not hold the pipeline's code.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentConfigSchema, type ContentConfig } from '../config.ts';

export const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** The vocabulary: --vocabulary, else DIR/vocabulary.yaml, else the project's own. */
export function chooseVocabulary(contentDir: string, flag?: string): string {
  if (flag) return resolve(flag);
  const local = join(contentDir, 'vocabulary.yaml');
  return existsSync(local) ? local : join(PROJECT_ROOT, 'content', 'vocabulary.yaml');
}

export async function readContentConfig(contentDir: string): Promise<ContentConfig> {
  const file = join(contentDir, 'docgraph.yaml');
  if (!existsSync(file)) return {};
  const parsed = contentConfigSchema.safeParse(parseYaml(await readFile(file, 'utf8')) ?? {});
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The data folder a command writes: DOCGRAPH_DATA, else the project's `.docgraph/data`. */
export function dataDirFor(): string {
  return resolve(process.env.DOCGRAPH_DATA ?? join(PROJECT_ROOT, '.docgraph', 'data'));
}
