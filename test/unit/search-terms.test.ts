// Per-document indexing merged with shifted ids must equal one flexsearch index over every record:
// the search files of a build whose documents come from the cache depend on it.
import fc from 'fast-check';
import { Index } from 'flexsearch';
import { describe, expect, it } from 'vitest';
import { createEncoder } from '../../src/search/encoder.ts';
import { emptyFieldMaps, indexDocument, mergeTerms, type SearchRecord } from '../../src/search/document-terms.ts';
import { FIELDS, INDEX_OPTIONS, type MapEntry } from '../../src/search/format.ts';

const words = ['sync', 'synchronization', 'Azure', 'AD', 'Connect', 'password', 'hash', 'passwords', 'the', 'federation', 'SSO', "don't", 'on-premises', 'Office', '365', 'organise', 'organize'];
const text = fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((w) => w.join(' '));
const record = fc.record({ page: text, heading: text, body: text });
const documents = fc.array(fc.array(record, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

/** The map flexsearch's own export gives (exportedMap reads the index's map directly). */
function publicExport(index: Index): MapEntry[] {
  const entries: MapEntry[] = [];
  void index.export((key: string, data: string) => {
    if (key.endsWith('.map')) entries.push(...(JSON.parse(data) as MapEntry[]));
  });
  return entries;
}

function globalMaps(docs: SearchRecord[][]) {
  const encoder = createEncoder();
  const all = docs.flat();
  return Object.fromEntries(
    FIELDS.map((field) => {
      const index = new Index({ ...INDEX_OPTIONS, encoder });
      all.forEach((r, id) => {
        if (r[field]) index.add(id, r[field]);
      });
      return [field, publicExport(index).sort((a, b) => (a[0] < b[0] ? -1 : 1))];
    }),
  );
}

function mergedMaps(docs: SearchRecord[][], throughJson: boolean) {
  const encoder = createEncoder();
  const maps = emptyFieldMaps();
  let offset = 0;
  for (const doc of docs) {
    // Through JSON, as the cache stores them, or as computed (a cold build).
    const terms = indexDocument(doc, encoder);
    mergeTerms(maps, throughJson ? JSON.parse(JSON.stringify(terms)) : terms, offset);
    offset += doc.length;
  }
  return Object.fromEntries(FIELDS.map((field) => [field, [...maps[field]].sort((a, b) => (a[0] < b[0] ? -1 : 1))]));
}

describe('per-document search terms', () => {
  it('merge into the map one index over all records exports', () => {
    fc.assert(
      fc.property(documents, fc.boolean(), (docs, throughJson) => {
        expect(JSON.stringify(mergedMaps(docs, throughJson))).toBe(JSON.stringify(globalMaps(docs)));
      }),
      { numRuns: 150 },
    );
  });

  it('do not depend on what the encoder encoded before', () => {
    // An incremental build indexes only the edited document, with an encoder that has seen nothing
    // else; a clean build's encoder has encoded every document before it, and excerpts and phrase
    // checks encode the same texts without deduplicating their terms.
    fc.assert(
      fc.property(documents, (docs) => {
        const last = docs[docs.length - 1]!;
        const used = createEncoder();
        // encode()'s second argument (deduplicate the terms) is missing from flexsearch's types.
        const encodeAll = used.encode as (this: typeof used, text: string, dedupe: boolean) => string[];
        for (const doc of docs) {
          for (const r of doc) for (const field of FIELDS) encodeAll.call(used, r[field], false);
          indexDocument(doc, used);
        }
        expect(JSON.stringify(indexDocument(last, used))).toBe(JSON.stringify(indexDocument(last, createEncoder())));
      }),
      { numRuns: 150 },
    );
  });

  it('shift ids by the document offset', () => {
    const docs: SearchRecord[][] = [[{ page: 'Alpha', heading: '', body: 'password hash sync' }], [{ page: 'Beta', heading: 'Sync', body: 'sync' }]];
    const merged = mergedMaps(docs, false);
    const [term] = createEncoder().encode('sync');
    const ids = (field: 'body' | 'heading') => merged[field]!.find(([t]) => t === term)?.[1].flatMap((s) => s ?? []).sort();
    expect(ids('body')).toEqual([0, 1]);
    expect(ids('heading')).toEqual([1]);
  });
});
