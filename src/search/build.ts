// Build the search index files from the pipeline's result (pure: returns path -> file content).
// Deterministic: documents in path order, records in section order, entries sorted by term.
import type { PipelineResult } from '../pipeline/index.ts';
import type { GraphEdge, Section } from '../pipeline/types.ts';
import { compareStrings } from '../pipeline/slugs.ts';
import { groupBy } from '../pipeline/collections.ts';
import { documentUrl } from '../pipeline/graph.ts';
import { relationPhrase } from '../lib/relations.ts';
import { cachedPerDocument, type StageCache } from '../pipeline/per-document.ts';
import { emptyFieldMaps, indexDocument, mergeTerms, type SearchRecord } from './document-terms.ts';
import { createEncoder, ENCODER_VERSION } from './encoder.ts';
import { containsPhrase } from './phrases.ts';
import { FIELDS, LONG_KEYS_FROM, paths, POSTINGS_LIMIT, shardKey, TEXT_LIMIT, type EntityEntry, type EntityPostings, type Fragment, type Manifest, type MapEntry, type Shard } from './format.ts';

export type SearchSource = Pick<PipelineResult, 'documents' | 'sections' | 'mentions' | 'entities' | 'graph'>;

/** Body text indexed per section; beyond it a section is still found by its first 50,000 characters. */
const BODY_LIMIT = 50_000;
/** Records kept per entity: enough for ten pages of results on the largest sets. */
const ENTITY_POSTINGS_LIMIT = 400;

export interface SearchIndexOptions {
  /** Records above which shard keys get 3 characters (tests lower it). */
  longKeysFrom?: number;
  /** Ids kept per term and field. */
  postingsLimit?: number;
  /** Each document's terms from an earlier build, by the document's cache key (see document-terms.ts). */
  cache?: { stage: StageCache; keyOf(docId: string): string | undefined };
}

/**
 * Returns the files by path, or hands each to `emit` as soon as it is made (and returns an empty
 * map), so a big index never sits in memory as strings all at once.
 */
export function buildSearchIndex(source: SearchSource, options: SearchIndexOptions = {}, emit?: (path: string, data: string) => void): Map<string, string> {
  const longKeysFrom = options.longKeysFrom ?? LONG_KEYS_FROM;
  const postingsLimit = options.postingsLimit ?? POSTINGS_LIMIT;
  const encoder = createEncoder();
  const maps = emptyFieldMaps();
  const files = new Map<string, string>();
  const put = emit ?? ((path: string, data: string) => void files.set(path, data));
  const sectionsByDoc = groupBy(source.sections, (s) => s.docId);
  const documents = [...source.documents].sort((a, b) => compareStrings(a.path, b.path));
  const recordOf = new Map<string, number>();
  const manifest: Manifest = { encoder: ENCODER_VERSION, keyLength: 2, sections: [], shards: [] };
  const headingsOf: string[] = [];
  const pageTitleOf: string[] = [];
  let record = 0;
  documents.forEach((doc, docIndex) => {
    const sections = sectionsByDoc.get(doc.id) ?? [{ docId: doc.id, id: '', anchors: [], depth: 0, title: '', text: '', file: doc.path, line: 1 }];
    const byId = new Map(sections.map((s) => [s.id, s]));
    const fragment: Fragment = { url: documentUrl(doc.slug), title: doc.title, sections: [] };
    const records: SearchRecord[] = [];
    const first = record;
    for (const section of sections) {
      const heading = headingPath(section, byId, doc.title);
      const body = section.id === '' && doc.description ? `${doc.description}\n${section.text}` : section.text;
      records.push({ page: doc.title, heading, body: body.slice(0, BODY_LIMIT) });
      fragment.sections.push([section.id, heading, body.slice(0, TEXT_LIMIT)]);
      recordOf.set(`${doc.id}#${section.id}`, record);
      headingsOf[record] = heading;
      pageTitleOf[record] = doc.title;
      record++;
    }
    const terms = cachedPerDocument(options.cache?.stage, options.cache?.keyOf(doc.id), () => indexDocument(records, encoder));
    mergeTerms(maps, terms, first);
    manifest.sections.push(sections.length);
    put(paths.fragment(docIndex), JSON.stringify(fragment));
  });

  const shards = new Map<string, Shard>();
  manifest.keyLength = record > longKeysFrom ? 3 : 2;
  for (const field of FIELDS) {
    for (const entry of maps[field]) {
      const key = shardKey(entry[0], manifest.keyLength);
      const shard = shards.get(key) ?? { page: [], heading: [], body: [] };
      const total = entry[1].reduce((n, ids) => n + (ids?.length ?? 0), 0);
      if (total > postingsLimit) {
        shard.df = { ...shard.df, [entry[0]]: (shard.df?.[entry[0]] ?? 0) + total };
        shard[field].push([entry[0], capSlots(entry[1], postingsLimit)]);
      } else shard[field].push(entry);
      shards.set(key, shard);
    }
    // The entries now live in the shards; the field's map can go.
    maps[field].clear();
  }
  manifest.shards = [...shards.keys()].sort(compareStrings);
  for (const key of manifest.shards) {
    const shard = shards.get(key)!;
    for (const field of FIELDS) shard[field].sort((a, b) => compareStrings(a[0], b[0]));
    put(paths.shard(key), JSON.stringify(shard));
  }

  const entities = entityEntries(source);
  put(paths.entities, JSON.stringify(entities));
  for (const [id, postings] of entityPostings(source, entities, recordOf, pageTitleOf, headingsOf, encoder)) {
    put(paths.entity(id), JSON.stringify(postings));
  }
  put(paths.manifest, JSON.stringify(manifest));
  return files;
}

/** "Install > Step 2" for a subsection: the headings above it, without the page title itself. */
function headingPath(section: Section, byId: ReadonlyMap<string, Section>, pageTitle: string): string {
  const titles: string[] = [];
  for (let s: Section | undefined = section; s && s.id !== ''; s = s.parent === undefined ? undefined : byId.get(s.parent)) {
    if (s.depth > 1 || s.title !== pageTitle) titles.unshift(s.title);
  }
  return titles.join(' > ');
}

/** The first `limit` ids in slot order (the best positions), the remaining slots emptied. */
function capSlots(slots: MapEntry[1], limit: number): MapEntry[1] {
  let left = limit;
  return slots.map((ids) => {
    if (!ids || left <= 0) return null;
    const kept = ids.slice(0, left);
    left -= kept.length;
    return kept;
  });
}

function entityEntries(source: SearchSource): EntityEntry[] {
  const nodes = new Map(source.graph.nodes.map((n) => [n.id, n]));
  const renamed = new Map<string, string[]>();
  for (const e of source.graph.edges) {
    if (e.type !== 'renamed-to') continue;
    renamed.set(e.source, [...(renamed.get(e.source) ?? []), e.target]);
    renamed.set(e.target, [...(renamed.get(e.target) ?? []), e.source]);
  }
  const outgoing = groupBy(source.graph.edges.filter((e) => e.type !== 'mentions' && e.type !== 'links-to'), (e) => e.source);
  return source.entities
    .filter((e) => nodes.has(e.id))
    .map((e) => ({
      id: e.id,
      type: e.type,
      label: e.label,
      names: [...new Set([...e.aliases, ...e.formerNames])].filter((n) => n !== e.label).sort(compareStrings),
      summary: summarize(outgoing.get(e.id) ?? [], (id) => nodes.get(id)?.label ?? id),
      renamed: [...new Set(renamed.get(e.id) ?? [])].sort(compareStrings),
      url: nodes.get(e.id)!.url,
    }))
    .sort((a, b) => compareStrings(a.id, b.id));
}

/** "replaces DirSync, Azure AD Sync; requires IdFix": the strongest outgoing relations, two types at most. */
function summarize(edges: readonly GraphEdge[], label: (id: string) => string): string {
  const byType = groupBy([...edges].sort((a, b) => b.weight - a.weight || compareStrings(a.id, b.id)), (e) => e.type);
  return [...byType]
    .slice(0, 2)
    .map(([, list]) => `${relationPhrase(list[0]!.type)} ${list.slice(0, 3).map((e) => label(e.target)).join(', ')}`)
    .join('; ');
}

function entityPostings(
  source: SearchSource,
  entities: readonly EntityEntry[],
  recordOf: ReadonlyMap<string, number>,
  pageTitleOf: readonly string[],
  headingsOf: readonly string[],
  encoder: ReturnType<typeof createEncoder>,
): Map<string, EntityPostings> {
  const counts = new Map<string, Map<number, number>>();
  for (const m of source.mentions) {
    const record = recordOf.get(`${m.docId}#${m.sectionId}`);
    if (record === undefined) continue;
    const perRecord = counts.get(m.entityId) ?? new Map<number, number>();
    perRecord.set(record, (perRecord.get(record) ?? 0) + 1);
    counts.set(m.entityId, perRecord);
  }
  // Encoded once per record: a record is looked at once for every entity it mentions.
  const encoded = (texts: readonly string[]) => {
    const terms: (readonly string[])[] = [];
    return (record: number): readonly string[] => (terms[record] ??= texts[record] ? encoder.encode(texts[record]) : []);
  };
  const titleTerms = encoded(pageTitleOf);
  const headingTerms = encoded(headingsOf);
  const result = new Map<string, EntityPostings>();
  for (const entity of entities) {
    const perRecord = counts.get(entity.id);
    if (!perRecord) continue;
    const names = [entity.label, ...entity.names].map((n) => encoder.encode(n)).filter((t) => t.length > 0);
    const named = (terms: readonly string[]) => terms.length > 0 && names.some((n) => containsPhrase(terms, n));
    const postings: EntityPostings = [...perRecord].map(([record, count]) => {
      const weight = named(titleTerms(record)) ? 30 : named(headingTerms(record)) ? 25 : Math.min(10, 3 + 2 * count);
      return [record, weight];
    });
    postings.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    result.set(entity.id, postings.slice(0, ENTITY_POSTINGS_LIMIT));
  }
  return result;
}
