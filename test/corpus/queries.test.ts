// The judged query set for search (issue 4) stays valid against the corpus: four kinds, enough
// queries of each, and every relevant document is a page of the corpus (not an include or a TOC).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requireCorpus } from '../helpers/corpus.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const judged = z.strictObject({
  queries: z.array(
    z.strictObject({
      query: z.string().min(2),
      kind: z.enum(['title', 'question', 'alias', 'typo']),
      docs: z.array(z.string().regex(/\.md$/)).min(1).max(3),
      note: z.string().optional(),
    }),
  ),
});

describe('test/search/queries.yaml', () => {
  const { queries } = judged.parse(parse(readFileSync(join(PROJECT_ROOT, 'test/search/queries.yaml'), 'utf8')));

  it('has at least 16 queries of each kind and no duplicates', () => {
    for (const kind of ['title', 'question', 'alias', 'typo']) expect(queries.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(16);
    expect(new Set(queries.map((q) => q.query.toLowerCase())).size).toBe(queries.length);
  });

  it('names only documents that are pages of the corpus', () => {
    const corpus = requireCorpus();
    for (const q of queries) {
      for (const doc of q.docs) {
        expect(existsSync(join(corpus, doc)), `${q.query}: ${doc}`).toBe(true);
        expect(doc, q.query).not.toMatch(/(^|\/)(includes\/|toc\.md$)/i);
      }
    }
  });
});
