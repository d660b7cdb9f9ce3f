// Permanent entity URLs: every other name of an entity (alias, label) gets `/entities/<slug(name)>/`, a
// static page that redirects to the entity, so links survive renames (`/entities/aad-connect/` ->
// `/entities/azure-ad-connect/`).
import { slug } from 'github-slugger';

export interface AliasRedirect {
  /** The route parameter: `slug(name)`. */
  slug: string;
  /** The entity route parameter it redirects to. */
  target: string;
  /** The names that produced this slug, as written. */
  names: string[];
}

export interface SkippedAlias {
  slug: string;
  name: string;
  /** Entity ids (route parameters) that claimed the slug. */
  claimedBy: string[];
  reason: 'entity-page' | 'ambiguous';
}

export interface AliasNames {
  /** The entity's route parameter (`/entities/<route>/`). */
  route: string;
  label: string;
  aliases: readonly string[];
}

/**
 * Redirect pages for the names of `entities`. Deterministic collision rules:
 * - a real entity page always wins: a name whose slug is some entity's route gets no redirect;
 * - a slug claimed by names of two or more different entities is ambiguous: nobody gets it (a redirect
 *   to either would be a guess), and it is listed in `skipped`;
 * - several names of one entity with the same slug share one redirect.
 */
export function aliasRedirects(entities: readonly AliasNames[]): { redirects: AliasRedirect[]; skipped: SkippedAlias[] } {
  const routes = new Set(entities.map((e) => e.route));
  const claims = new Map<string, Map<string, string[]>>();
  const skipped: SkippedAlias[] = [];
  for (const entity of entities) {
    for (const name of new Set([entity.label, ...entity.aliases])) {
      const s = slug(name);
      if (!s || s === entity.route) continue;
      if (routes.has(s)) {
        skipped.push({ slug: s, name, claimedBy: [s, entity.route], reason: 'entity-page' });
        continue;
      }
      const byEntity = claims.get(s) ?? new Map<string, string[]>();
      byEntity.set(entity.route, [...(byEntity.get(entity.route) ?? []), name]);
      claims.set(s, byEntity);
    }
  }
  const redirects: AliasRedirect[] = [];
  for (const [s, byEntity] of claims) {
    if (byEntity.size === 1) {
      const [[target, names]] = [...byEntity] as [[string, string[]]];
      redirects.push({ slug: s, target, names });
    } else {
      const claimedBy = [...byEntity.keys()].sort();
      for (const names of byEntity.values()) for (const name of names) skipped.push({ slug: s, name, claimedBy, reason: 'ambiguous' });
    }
  }
  const order = (a: { slug: string }, b: { slug: string }) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  return { redirects: redirects.sort(order), skipped: skipped.sort(order) };
}
