// The hash of docgraph's own code: part of every cache key (documents, layouts, exports, the site kit).
// A module of its own: the site child checks its kit with it and should not load the pipeline to do so.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { compareStrings } from '../pipeline/slugs.ts';

/**
 * The source of everything that makes cached results (the pipeline, the pages, components and styles the site kit bundles and its relation lexicon, renderer, outputs, search index,
 * and what they import from src/lib and src/build, all under src/) and the exact dependency versions. Every folder is
 * read to the bottom: the exports live in src/outputs/exports/, and an upgrade that changed only them
 * once left a warm build serving the old export files.
 */
export function codeHash(projectRoot: string): string {
  const parts: string[] = [];
  for (const dir of ['src']) {
    const files = readdirSync(join(projectRoot, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|mjs|js|yaml|json|astro|css)$/.test(name))
      .map((name) => name.split(sep).join('/'))
      .sort(compareStrings);
    for (const name of files) parts.push(`${dir}/${name}`, readFileSync(join(projectRoot, dir, name), 'utf8'));
  }
  const lock = join(projectRoot, 'package-lock.json');
  if (existsSync(lock)) parts.push(readFileSync(lock, 'utf8'));
  return sha256(parts);
}

export function sha256(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex').slice(0, 32);
}
