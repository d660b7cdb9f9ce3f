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
  else parts.push(...installedVersions(projectRoot));
  return sha256(parts);
}

/**
 * An installed docgraph has no lock file of its own: the versions npm resolved for its dependencies
 * (hoisted beside it, or nested in its own node_modules) stand in, so that an upgrade of one of them
 * still makes every cache stale.
 */
function installedVersions(projectRoot: string): string[] {
  const file = join(projectRoot, 'package.json');
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {}).sort(compareStrings).map((name) => {
    const own = join(projectRoot, 'node_modules', name, 'package.json');
    const hoisted = join(projectRoot, '..', name, 'package.json');
    const found = existsSync(own) ? own : existsSync(hoisted) ? hoisted : undefined;
    const version = found ? (JSON.parse(readFileSync(found, 'utf8')) as { version?: string }).version : undefined;
    return `${name}@${version ?? 'missing'}`;
  });
}

export function sha256(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex').slice(0, 32);
}
