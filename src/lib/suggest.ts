// Ranking for the 404 page: which document or entity titles a mistyped URL probably meant. Pure, shared
// by the browser script and the unit-free tests (no DOM here).
import type { NotFoundEntry } from './overview.ts';

/** Path words that say nothing about the page. */
const NOISE = new Set(['docs', 'doc', 'entities', 'entity', 'md', 'mdx', 'html', 'htm', 'index', 'www', 'en', 'us', 'the', 'and', 'of', 'a', 'to']);

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !NOISE.has(w));
}

/** Edit distance with adjacent transpositions (optimal string alignment): "integratoin" ~ "integration" = 1. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** How well one query word matches a set of words: 1 exact, less for prefixes and near misses, 0 none. */
function wordScore(word: string, candidates: readonly string[]): number {
  let best = 0;
  for (const c of candidates) {
    if (c === word) return 1;
    if (word.length >= 3 && (c.startsWith(word) || word.startsWith(c)) && Math.min(c.length, word.length) >= 3) best = Math.max(best, 0.75);
    const allowed = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    if (allowed && editDistance(word, c, allowed) <= allowed) best = Math.max(best, 0.7);
  }
  return best;
}

export interface Suggestion {
  entry: NotFoundEntry;
  score: number;
}

/**
 * The best entries for a URL path. Each query word scores against the entry's title, path and aliases;
 * the last segment of the path is also compared whole with the entry's URL slug, which breaks ties toward
 * the page the URL was meant to be (`/docs/office-365-integratoin/` -> `/docs/office-365-integration/`).
 * `/docs/` and `/entities/` prefixes favour that kind a little.
 */
export function suggest(pathname: string, entries: readonly NotFoundEntry[], max = 5): Suggestion[] {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    /* keep it as is */
  }
  const query = words(decoded);
  if (query.length === 0) return [];
  const segments = decoded.toLowerCase().split('/').filter(Boolean);
  const last = segments.at(-1)?.replace(/\.(md|mdx|html?)$/, '') ?? '';
  const kind = segments.includes('docs') ? 'd' : segments.includes('entities') ? 'e' : undefined;
  const scored = entries.map((entry) => {
    const own = [...new Set([...words(entry.t), ...words(entry.w), ...words(entry.u)])];
    let score = query.reduce((sum, w) => sum + wordScore(w, own), 0) / query.length;
    const slug = entry.u.toLowerCase().split('/').filter(Boolean).at(-1) ?? '';
    if (last && slug) {
      const distance = editDistance(last, slug, 4);
      if (distance <= 4) score += 0.5 * (1 - distance / Math.max(last.length, slug.length, 1));
    }
    if (kind && entry.k === kind) score += 0.05;
    return { entry, score };
  });
  const ranked = scored.filter((s) => s.score >= 0.34).sort((a, b) => b.score - a.score || a.entry.t.localeCompare(b.entry.t));
  // Only the close runners-up: a page that shares one common word ("office") with the URL is noise.
  const top = ranked[0]?.score ?? 0;
  return ranked.filter((s) => s.score >= top * 0.6).slice(0, max);
}
