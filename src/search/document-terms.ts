// The search index is built one document at a time: each document's records are indexed on their own
// (record ids from 0) by flexsearch, and the per-document maps are merged with each document's first
// record id added. A term's slot depends only on the record it is in, so the merge gives exactly the
// map one flexsearch index over every record would export (test/unit/search-terms.test.ts), and a
// rebuild reuses the terms of unchanged documents instead of encoding their text again.
import { Index, type Encoder } from 'flexsearch';
import { FIELDS, INDEX_OPTIONS, type Field, type MapEntry } from './format.ts';

/** What one record puts in each field (empty text: nothing). */
export type SearchRecord = Record<Field, string>;

/** One document's map entries per field, with record ids counted from the document's first record. */
export type DocumentTerms = Record<Field, MapEntry[]>;

/** Each field's merged map: term -> ids per scoring slot. */
export type FieldMaps = Record<Field, Map<string, (number[] | null)[]>>;

export function indexDocument(records: readonly SearchRecord[], encoder: Encoder): DocumentTerms {
  const terms = {} as DocumentTerms;
  for (const field of FIELDS) {
    const index = new Index({ ...INDEX_OPTIONS, encoder });
    records.forEach((record, id) => {
      if (record[field]) index.add(id, record[field]);
    });
    terms[field] = exportedMap(index);
  }
  return terms;
}

export function emptyFieldMaps(): FieldMaps {
  return { page: new Map(), heading: new Map(), body: new Map() };
}

/** Appends a document's ids (shifted by `offset`) to the merged maps; documents come in record order. */
export function mergeTerms(into: FieldMaps, terms: DocumentTerms, offset: number): void {
  for (const field of FIELDS) {
    const map = into[field];
    for (const [term, slots] of terms[field]) {
      let merged = map.get(term);
      if (!merged) map.set(term, (merged = []));
      slots.forEach((ids, slot) => {
        if (!ids) return;
        while (merged.length <= slot) merged.push(null);
        const list = (merged[slot] ??= []);
        for (const id of ids) list.push(id + offset);
      });
    }
  }
}

export function exportedMap(index: Index): MapEntry[] {
  // The index's own term map, whose entries its export serializes as they are (flexsearch 0.8
  // serialize.js map_to_json): read directly, it skips a JSON round trip per document and field.
  // test/unit/search-terms.test.ts compares the result with the public export.
  const map = (index as unknown as { map?: unknown }).map;
  if (map instanceof Map) return [...(map as Map<string, MapEntry[1]>).entries()];
  const entries: MapEntry[] = [];
  // flexsearch exports synchronously when the callback returns nothing; `map` comes in chunks.
  void index.export((key: string, data: string) => {
    if (key.endsWith('.map')) for (const entry of JSON.parse(data) as MapEntry[]) entries.push(entry);
  });
  return entries;
}
