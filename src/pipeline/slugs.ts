// URL slugs for documents. Pure and deterministic: the same set of paths always gives the same
// slugs, whatever order they are listed in.
import { slug as githubSlug } from 'github-slugger';
import type { Diagnostic } from './types.ts';

/** Strips `.md`/`.mdx`, lower-cases and slugs every path segment the way GitHub slugs headings. */
export function slugifyPath(path: string): string {
  const withoutExt = path.replace(/\.mdx?$/i, '');
  return withoutExt
    .split('/')
    .map((segment) => githubSlug(segment) || 'untitled')
    .join('/');
}

/**
 * Gives every path a unique slug. Paths whose slugs collide (`Dup-Slug.md`, `dup slug.md`) are
 * numbered `-1`, `-2` in sorted path order, like github-slugger numbers repeated headings, and
 * each collision is reported so writers can rename the file.
 */
export function assignSlugs(paths: readonly string[]): { slugs: Map<string, string>; diagnostics: Diagnostic[] } {
  const slugs = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const taken = new Set<string>();
  const sorted = [...paths].sort(compareStrings);
  const base = new Map(sorted.map((p) => [p, slugifyPath(p)]));
  // Reserve every natural slug first so a numbered slug never steals another file's natural one.
  const firstOwner = new Map<string, string>();
  for (const p of sorted) {
    const s = base.get(p)!;
    if (!firstOwner.has(s)) firstOwner.set(s, p);
  }
  for (const s of firstOwner.keys()) taken.add(s);
  for (const p of sorted) {
    const s = base.get(p)!;
    if (firstOwner.get(s) === p) {
      slugs.set(p, s);
      continue;
    }
    let n = 1;
    while (taken.has(`${s}-${n}`)) n++;
    const unique = `${s}-${n}`;
    taken.add(unique);
    slugs.set(p, unique);
    diagnostics.push({
      severity: 'warning',
      code: 'slug-collision',
      file: p,
      line: 1,
      column: 1,
      message: `URL slug "${s}" is already used by ${firstOwner.get(s)}; this file is published as "${unique}".`,
      hint: 'Rename one of the files so their names differ by more than letter case, spaces or punctuation.',
    });
  }
  return { slugs, diagnostics };
}

/** Code-unit order, independent of locale, so builds are byte-identical everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
