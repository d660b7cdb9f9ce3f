// The searcher: one ranking for the browser and `npm run search`. It fetches only what a query
// needs (manifest, entity names, the shards of its terms, the fragments of the pages it shows).
import { Index } from 'flexsearch';
import { createEncoder } from './encoder.ts';
import { allowedEdits, boundedDistance } from './fuzzy.ts';
import { detectEntities, type NamedSpan } from './entities.ts';
import { FIELDS, INDEX_OPTIONS, paths, shardKey, type EntityEntry, type EntityPostings, type Field, type Fragment, type Manifest, type Shard } from './format.ts';
import { ENCODER_VERSION } from './encoder.ts';
import { makeExcerpt, type Excerpt, type Highlight } from './excerpt.ts';

/** Reads one index file (parsed JSON) by its path under `search/`; rejects when it is missing. */
export type IndexLoader = (path: string) => Promise<unknown>;

export interface SearchOptions {
  /** Pages to return (each with its other matching sections folded under it). */
  limit?: number;
  /** Treat the last word as a prefix, as while typing. */
  prefix?: boolean;
}

export interface SectionHit {
  /** Site-relative URL with the section anchor. */
  url: string;
  section: string;
  anchor: string;
}

export interface SearchHit extends SectionHit {
  rank: number;
  /** Page title. */
  title: string;
  score: number;
  excerpt: Excerpt;
  /** Other matching sections of the same page, best first. */
  more: SectionHit[];
}

export interface EntityCard {
  id: string;
  label: string;
  type: string;
  summary: string;
  names: string[];
  url: string;
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  entity?: EntityCard;
  /** Pages that matched before the limit. */
  total: number;
}

const FIELD_WEIGHT: Record<Field, number> = { page: 3, heading: 2, body: 1 };
/** Ids read per term and field; beyond it the weakest matches of very common terms are left out. */
const TERM_LIMIT = 5000;
const PREFIX_EXPANSIONS = 6;
const TYPO_CANDIDATES = 3;
const MAX_QUERY = 200;
/** Share of the weaker of name and word scores added to the stronger. */
const NAME_TIE_BREAK = 0.1;

interface Variant {
  term: string;
  weight: number;
}

interface Group {
  /** Positions of the query terms this group stands for. */
  terms: number[];
  variants: Variant[][];
  entity?: string;
}

export interface Searcher {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
}

export function createSearcher(load: IndexLoader): Searcher {
  const encoder = createEncoder();
  const indexes = Object.fromEntries(FIELDS.map((f) => [f, new Index({ ...INDEX_OPTIONS, encoder })])) as Record<Field, Index>;
  const cache = new Map<string, Promise<unknown>>();
  const get = <T>(path: string): Promise<T> => {
    let p = cache.get(path);
    if (!p) {
      p = load(path);
      cache.set(path, p);
    }
    return p as Promise<T>;
  };
  /** Document frequency of every term of the shards loaded so far. */
  const df = new Map<string, number>();
  const shardTerms = new Map<string, string[]>();
  const loadedShards = new Set<string>();
  /** From the manifest: how many characters name a shard. */
  let keyLength = 2;
  const keyOf = (term: string) => shardKey(term, keyLength);

  const manifest = async (): Promise<Manifest> => {
    const m = await get<Manifest>(paths.manifest);
    if (m.encoder !== ENCODER_VERSION) throw new Error(`search index encoder ${m.encoder}, this code reads ${ENCODER_VERSION}: rebuild the site`);
    keyLength = m.keyLength;
    return m;
  };

  async function loadShard(key: string, m: Manifest): Promise<void> {
    if (loadedShards.has(key) || !m.shards.includes(key)) return;
    const shard = await get<Shard>(paths.shard(key));
    if (loadedShards.has(key)) return;
    loadedShards.add(key);
    const terms = new Set<string>();
    for (const field of FIELDS) {
      // import() parses a string itself but takes the parsed entries too (typed as string only).
      indexes[field].import('map', shard[field] as unknown as string);
      for (const [term, slots] of shard[field]) {
        terms.add(term);
        df.set(term, (df.get(term) ?? 0) + slots.reduce((n, ids) => n + (ids?.length ?? 0), 0));
      }
    }
    // Terms whose ids were cut at build time keep their true rarity.
    for (const [term, n] of Object.entries(shard.df ?? {})) df.set(term, n);
    shardTerms.set(key, [...terms]);
  }

  function variantsOf(term: string, last: boolean, prefix: boolean): Variant[] {
    const variants: Variant[] = df.has(term) ? [{ term, weight: 1 }] : [];
    const candidates = shardTerms.get(keyOf(term)) ?? [];
    if (prefix && last && term.length >= 2) {
      const expansions = candidates.filter((t) => t !== term && t.startsWith(term)).sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : 1));
      variants.push(...expansions.slice(0, PREFIX_EXPANSIONS).map((t) => ({ term: t, weight: 0.75 })));
    }
    if (variants.length === 0) variants.push(...typoVariants(term));
    return variants;
  }

  function typoVariants(term: string): Variant[] {
    const max = allowedEdits(term.length);
    if (max === 0) return [];
    const keys = new Set([keyOf(term), ...typoShardKeys(term, keyLength)]);
    const scored: { term: string; distance: number }[] = [];
    for (const key of keys) {
      for (const t of shardTerms.get(key) ?? []) {
        const distance = boundedDistance(term, t, max);
        if (distance <= max) scored.push({ term: t, distance });
      }
    }
    scored.sort((a, b) => a.distance - b.distance || df.get(b.term)! - df.get(a.term)! || (a.term < b.term ? -1 : 1));
    return scored.slice(0, TYPO_CANDIDATES).map((s) => ({ term: s.term, weight: s.distance === 1 ? 0.7 : 0.5 }));
  }

  /** Field matches of one term: record -> weighted position score. */
  function termScores(term: string, total: number): Map<number, number> {
    const scores = new Map<number, number>();
    const idf = Math.log(1 + total / Math.max(1, df.get(term) ?? 1));
    for (const field of FIELDS) {
      const ids = indexes[field].search(term, { limit: TERM_LIMIT }) as number[];
      ids.forEach((id, rank) => {
        const s = idf * FIELD_WEIGHT[field] * (1 - (0.5 * rank) / ids.length);
        scores.set(id, (scores.get(id) ?? 0) + s);
      });
    }
    return scores;
  }

  async function entityScores(id: string, total: number): Promise<Map<number, number>> {
    const postings = await get<EntityPostings>(paths.entity(id)).catch(() => [] as EntityPostings);
    const idf = Math.log(1 + total / Math.max(1, postings.length));
    // The strongest field weight times the posting's own weight: a page titled with the name
    // scores like a title match of one term.
    return new Map(postings.map(([record, weight]) => [record, (idf * FIELD_WEIGHT.page * weight) / 30]));
  }

  async function search(raw: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const query = raw.slice(0, MAX_QUERY);
    const limit = options.limit ?? 10;
    const terms = encoder.encode(query) as string[];
    if (terms.length === 0) return { query, hits: [], total: 0 };
    const [m, entities] = await Promise.all([manifest(), get<EntityEntry[]>(paths.entities)]);
    await Promise.all([...new Set(terms.map(keyOf))].map((k) => loadShard(k, m)));
    // A term its own shard does not know may have a typo in its first letters: look next door too.
    const unknown = terms.filter((t) => !df.has(t) && !(options.prefix && t === terms.at(-1)) && allowedEdits(t.length) > 0);
    await Promise.all([...new Set(unknown.flatMap((t) => typoShardKeys(t, keyLength)))].map((k) => loadShard(k, m)));
    const total = m.sections.reduce((a, b) => a + b, 0);

    const variants = terms.map((t, i) => variantsOf(t, i === terms.length - 1, options.prefix ?? false));
    // Names are found in the corrected terms: "dirsinc" reads as "dirsync" before it names DirSync.
    const corrected = terms.map((t, i) => (df.has(t) ? t : (variants[i]![0]?.term ?? t)));
    const spans = detectEntities(terms, corrected, entities, encoder);
    // Inside a name the words are taken as typed: the entity's mentions stand in for fuzzy matches.
    for (const span of spans) for (let p = span.start; p < span.end; p++) if (df.has(terms[p]!)) variants[p] = [{ term: terms[p]!, weight: 1 }];
    const groups = toGroups(terms.length, spans, variants);

    const groupScores: Map<number, number>[] = [];
    for (const group of groups) {
      const text = new Map<number, number>();
      // A group of several terms (a name) scores by the mean of its terms' best variants.
      for (const termVariants of group.variants) {
        const best = new Map<number, number>();
        for (const v of termVariants) {
          for (const [record, s] of termScores(v.term, total)) best.set(record, Math.max(best.get(record) ?? 0, s * v.weight));
        }
        for (const [record, s] of best) text.set(record, (text.get(record) ?? 0) + s / group.variants.length);
      }
      if (group.entity) {
        // Old and new names of the same thing (`renamed-to` either way) count a little less.
        const entity = entities.find((e) => e.id === group.entity)!;
        const named = new Map<number, number>();
        for (const [id, factor] of [[entity.id, 1], ...entity.renamed.map((r) => [r, 0.8] as const)] as const) {
          for (const [record, s] of await entityScores(id, total)) named.set(record, Math.max(named.get(record) ?? 0, s * factor));
        }
        // The stronger evidence counts, the weaker one breaks ties: every page titled with the name
        // gets the same entity score, and only the words tell "Office 365 Multi-Geo" from the rest.
        for (const [record, e] of named) {
          const t = text.get(record) ?? 0;
          text.set(record, Math.max(t, e) + NAME_TIE_BREAK * Math.min(t, e));
        }
      }
      groupScores.push(text);
    }

    const recordScore = new Map<number, number>();
    const matched = new Map<number, number>();
    for (const scores of groupScores) {
      for (const [record, s] of scores) {
        recordScore.set(record, (recordScore.get(record) ?? 0) + s);
        matched.set(record, (matched.get(record) ?? 0) + 1);
      }
    }
    for (const [record, s] of recordScore) recordScore.set(record, s * (matched.get(record)! / groups.length) ** 2);

    const pages = rankPages(recordScore, m.sections);
    const shown = pages.slice(0, limit);
    const highlight: Highlight = {
      terms: new Set(groups.filter((g) => !g.entity).flatMap((g) => g.variants.flat().map((v) => v.term))),
      phrases: spans.flatMap((span) => [terms.slice(span.start, span.end), ...span.names]),
    };
    const hits = await Promise.all(
      shown.map(async (page, i): Promise<SearchHit> => {
        const fragment = await get<Fragment>(paths.fragment(page.doc));
        const section = (record: number): SectionHit => {
          const [anchor, heading] = fragment.sections[record - page.first] ?? ['', ''];
          return { url: anchor ? `${fragment.url}#${encodeURIComponent(anchor)}` : fragment.url, section: heading, anchor };
        };
        const best = fragment.sections[page.records[0]!.record - page.first];
        return {
          rank: i + 1,
          title: fragment.title,
          score: Math.round(page.score * 1000) / 1000,
          ...section(page.records[0]!.record),
          excerpt: makeExcerpt(best?.[2] ?? '', highlight, encoder),
          more: page.records.slice(1, 4).map((r) => section(r.record)),
        };
      }),
    );
    const card = spans.length ? entityCard(spans, entities) : undefined;
    return { query, hits, total: pages.length, ...(card ? { entity: card } : {}) };
  }

  return { search };
}

/** Shards a typo in the first two characters would have moved the term to: swapped or dropped. */
function typoShardKeys(term: string, length: number): string[] {
  if (term.length < 5) return [];
  const variants = [term[1]! + term[0]! + term.slice(2), term[0]! + term.slice(2), term.slice(1)];
  // With 3-character keys a slip in the third character moves the term too.
  if (length > 2) variants.push(term.slice(0, 2) + term.slice(3), term.slice(0, 2) + term[3]! + term[2]! + term.slice(4));
  return variants.map((v) => shardKey(v, length));
}

function toGroups(count: number, spans: readonly NamedSpan[], variants: Variant[][]): Group[] {
  const groups: Group[] = [];
  const covered = new Set<number>();
  for (const span of spans) {
    const positions = Array.from({ length: span.end - span.start }, (_, k) => span.start + k);
    positions.forEach((p) => covered.add(p));
    groups.push({ terms: positions, variants: positions.map((p) => variants[p]!), entity: span.entity.id });
  }
  for (let i = 0; i < count; i++) if (!covered.has(i)) groups.push({ terms: [i], variants: [variants[i]!] });
  return groups;
}

interface PageScore {
  doc: number;
  first: number;
  score: number;
  records: { record: number; score: number }[];
}

/** One entry per page: its best section's score, nudged by its other matching sections. */
function rankPages(recordScore: ReadonlyMap<number, number>, sections: readonly number[]): PageScore[] {
  const starts: number[] = [];
  sections.reduce((start, n) => (starts.push(start), start + n), 0);
  const byDoc = new Map<number, PageScore>();
  for (const [record, score] of recordScore) {
    const doc = upperBound(starts, record) - 1;
    const page = byDoc.get(doc) ?? { doc, first: starts[doc]!, score: 0, records: [] };
    page.records.push({ record, score });
    byDoc.set(doc, page);
  }
  for (const page of byDoc.values()) {
    page.records.sort((a, b) => b.score - a.score || a.record - b.record);
    const [best, ...rest] = page.records;
    page.score = best!.score + 0.1 * rest.slice(0, 2).reduce((n, r) => n + r.score, 0);
  }
  return [...byDoc.values()].sort((a, b) => b.score - a.score || a.doc - b.doc);
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function entityCard(spans: readonly NamedSpan[], entities: readonly EntityEntry[]): EntityCard | undefined {
  const span = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)[0]!;
  const e = entities.find((x) => x.id === span.entity.id);
  return e && { id: e.id, label: e.label, type: e.type, summary: e.summary, names: e.names, url: e.url };
}
