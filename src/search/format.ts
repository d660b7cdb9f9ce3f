// The exported search index: static JSON files under `<site>/search/`, written at build time and
// fetched lazily by the browser (and read from disk by `npm run search`). Public contract:
//
//   search/manifest.json        Manifest: encoder version, record counts, shard keys
//   search/entities.json        EntityEntry[]: names for alias expansion and the entity card
//   search/t/<key>.json         Shard: the flexsearch `map` entries of every term whose encoded form
//                               starts with <key> (shardKey), for the page, heading and body fields
//   search/e/<entity-id>.json   EntityPostings: records that mention the entity, best first
//   search/d/<n>.json           Fragment: document n's URL, title and section texts (for excerpts)
//
// One record per section: record ids are consecutive in document order, so `sections` (records
// per document) maps a record to its document and its section without a table per record.

/** flexsearch's exported map entry: a term and its ids per scoring slot (earlier slot = better). */
export type MapEntry = [term: string, slots: (number[] | null)[]];

export const FIELDS = ['page', 'heading', 'body'] as const;
export type Field = (typeof FIELDS)[number];

export interface Manifest {
  encoder: number;
  /** Characters of a term that name its shard: 2, or 3 for big sets (smaller shards per query). */
  keyLength: number;
  /** Records per document, in document order. */
  sections: number[];
  /** Shard keys that exist. */
  shards: string[];
}

export type Shard = Record<Field, MapEntry[]> & {
  /** True document frequencies of the terms whose ids were cut at POSTINGS_LIMIT. */
  df?: Record<string, number>;
};

/** Ids kept per term and field, best positions first: the searcher reads no more than this either. */
export const POSTINGS_LIMIT = 5000;
/** Sets with more records than this get 3-character shard keys. */
export const LONG_KEYS_FROM = 20_000;

export interface EntityEntry {
  id: string;
  type: string;
  label: string;
  /** Every other name: aliases and former names. */
  names: string[];
  /** "replaces DirSync, Azure AD Sync; part of ..." for the entity card. */
  summary: string;
  /** Entities this one was renamed from or to: their mentions answer for it too. */
  renamed: string[];
  /** Site-relative URL of the entity page. */
  url: string;
}

/** [recordId, weight x 10]: 30 when the page title names the entity, 25 for a heading, less for text. */
export type EntityPostings = [record: number, weight: number][];

export interface Fragment {
  /** Site-relative page URL (no base path). */
  url: string;
  title: string;
  /** [anchor, heading path, text (cut at TEXT_LIMIT)] per section, in record order. */
  sections: [anchor: string, heading: string, text: string][];
}

export const TEXT_LIMIT = 2000;

/** Which shard a term lives in: its first characters, spelled safely for a file name. */
export function shardKey(term: string, length = 2): string {
  return [...term.slice(0, length)].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('');
}

export const paths = {
  manifest: 'manifest.json',
  entities: 'entities.json',
  shard: (key: string) => `t/${key}.json`,
  entity: (id: string) => `e/${id}.json`,
  fragment: (doc: number) => `d/${doc}.json`,
};

/** Index options shared by build and query: strict whole terms; prefixes and typos come from the shard's terms. */
export const INDEX_OPTIONS = { tokenize: 'strict', resolution: 9 } as const;
