// Search relevance on the real corpus (issue 4): every judged query of test/search/queries.yaml
// through the searcher the site ships, MRR@10 and recall@10 per kind and overall. The figures are
// printed as a table and written as JSON (path printed) for the release notes.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildData } from '../../src/build/build-data.ts';
import { chooseVocabulary } from '../../src/build/project.ts';
import { documentUrl } from '../../src/pipeline/graph.ts';
import { createSearcher, type SearchResponse } from '../../src/search/query.ts';
import { requireCorpus } from '../helpers/corpus.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const KINDS = ['title', 'question', 'alias', 'typo'] as const;
type Kind = (typeof KINDS)[number];
const TARGETS = { overall: 0.85, perKind: 0.75 };
const K = 10;

const Judged = z.strictObject({
  queries: z.array(z.strictObject({ query: z.string().min(2), kind: z.enum(KINDS), docs: z.array(z.string()).min(1), note: z.string().optional() })),
});

interface Outcome {
  query: string;
  kind: Kind;
  /** Rank of the first relevant page in the top K, 0 when none. */
  firstRelevant: number;
  reciprocalRank: number;
  recall: number;
  results: number;
  top: string[];
}

interface Figures {
  queries: number;
  mrr: number;
  recall: number;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const round = (x: number): number => Math.round(x * 1000) / 1000;
const figures = (list: readonly Outcome[]): Figures => ({ queries: list.length, mrr: round(mean(list.map((o) => o.reciprocalRank))), recall: round(mean(list.map((o) => o.recall))) });

const { queries } = Judged.parse(parse(readFileSync(join(PROJECT_ROOT, 'test/search/queries.yaml'), 'utf8')));
let outcomes: Outcome[] = [];
let summary: Record<Kind | 'overall', Figures>;

// The corpus data folder is built once, the way `npm run build` builds it (pipeline + index files).
beforeAll(async () => {
  const corpus = requireCorpus();
  const root = await tempDir('docgraph-corpus-search-');
  const dataDir = join(root, 'data');
  const result = await buildData({ contentDir: corpus, dataDir, vocabularyPath: chooseVocabulary(corpus), base: '/' });
  const urlOf = new Map(result.documents.map((d) => [d.path, documentUrl(d.slug)]));
  const index = join(dataDir, 'public', 'search');
  const searcher = createSearcher(async (path) => JSON.parse(await readFile(join(index, path), 'utf8')) as unknown);
  outcomes = [];
  for (const q of queries) {
    const relevant = q.docs.map((doc) => {
      const url = urlOf.get(doc);
      if (!url) throw new Error(`queries.yaml: "${q.query}" names ${doc}, which is not a page of the corpus`);
      return url;
    });
    const response: SearchResponse = await searcher.search(q.query, { limit: K });
    const pages = response.hits.map((h) => h.url.replace(/#.*$/, ''));
    const firstRelevant = pages.findIndex((p) => relevant.includes(p)) + 1;
    outcomes.push({
      query: q.query,
      kind: q.kind,
      firstRelevant,
      reciprocalRank: firstRelevant > 0 ? 1 / firstRelevant : 0,
      recall: relevant.filter((r) => pages.includes(r)).length / relevant.length,
      results: response.hits.length,
      top: pages.slice(0, 3),
    });
  }
  summary = { ...(Object.fromEntries(KINDS.map((k) => [k, figures(outcomes.filter((o) => o.kind === k))])) as Record<Kind, Figures>), overall: figures(outcomes) };
  const rows = [...KINDS, 'overall' as const].map((k) => `| ${k.padEnd(8)} | ${String(summary[k].queries).padStart(7)} | ${summary[k].mrr.toFixed(3)} | ${summary[k].recall.toFixed(3)} |`);
  const missed = outcomes.filter((o) => o.firstRelevant !== 1).map((o) => `  ${o.kind.padEnd(8)} ${o.firstRelevant === 0 ? 'miss' : `#${o.firstRelevant}  `} "${o.query}" -> ${o.top.join(', ') || '(nothing)'}`);
  const file = join(root, 'search-relevance.json');
  await writeFile(file, `${JSON.stringify({ k: K, targets: TARGETS, summary, queries: outcomes }, null, 2)}\n`);
  console.log(
    [`Search relevance on the corpus (${queries.length} judged queries, top ${K}):`, '| kind     | queries | MRR@10 | recall@10 |', '| -------- | ------- | ------ | --------- |', ...rows]
      .join('\n')
      .replace(/\| (\d\.\d{3}) \| (\d\.\d{3}) \|/g, '|  $1 |     $2 |'),
  );
  console.log(`Queries whose first relevant page is not first:\n${missed.join('\n') || '  (none)'}`);
  console.log(`Figures written to ${file}`);
});

describe('search relevance on office-enterprise-2019 (test/search/queries.yaml)', () => {
  it('answers every judged query with at least one page', () => {
    expect(outcomes).toHaveLength(queries.length);
    expect(outcomes.filter((o) => o.results === 0).map((o) => o.query)).toEqual([]);
  });

  it(`reaches MRR@10 >= ${TARGETS.overall} overall`, () => {
    expect(summary.overall.mrr).toBeGreaterThanOrEqual(TARGETS.overall);
  });

  it.each(KINDS)(`reaches MRR@10 >= ${TARGETS.perKind} for %s queries`, (kind) => {
    expect(summary[kind].queries).toBeGreaterThanOrEqual(16);
    expect(summary[kind].mrr).toBeGreaterThanOrEqual(TARGETS.perKind);
  });
});
