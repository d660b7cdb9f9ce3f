// Typed relations on the real corpus, scored against the judged set in test/relations/ (labelled
// from the Markdown, README there). The floors below are what the extractor holds today on the
// measuring half, so a change that loses quality fails here; the targets (recall 0.80,
// precision 0.95) are not reached yet, and the closing note of the session says so.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { requireCorpus } from '../helpers/corpus.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { canonicalIds, loadJudgedSet, misplacedLabels, nameResolver, producedStatements, scoreHalf } from '../relations/judged-set.ts';

/** Measured on the measuring half when this test was written; the extractor must not fall below them. */
const MEASURE_FLOORS = { recall: 0.1, precision: 0.55 };
/** Typed edges read from the text before the sentence analysis: 34. The issue asks for five times as many. */
const TYPED_FROM_TEXT_BEFORE = 34;

describe('typed relations on office-enterprise-2019', async () => {
  const docs = requireCorpus();
  const dir = join(PROJECT_ROOT, 'test', 'relations');
  const parts = new Map(readdirSync(join(dir, 'judged')).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, 'judged', f), 'utf8')]));
  const set = loadJudgedSet(readFileSync(join(dir, 'split.yaml'), 'utf8'), parts);
  const vocabulary = { file: 'content/vocabulary.yaml', text: readFileSync(join(PROJECT_ROOT, 'content', 'vocabulary.yaml'), 'utf8') };
  const result = runPipeline(await readContentDir(docs), { vocabulary });
  const resolve = nameResolver(result.entities);
  const produced = producedStatements(result.graph);

  it('has a judged set of 250+ statements from 80+ articles and 100+ negatives, every label at its sentence', () => {
    expect(set.positives.length).toBeGreaterThanOrEqual(250);
    expect(new Set(set.positives.map((p) => p.file)).size).toBeGreaterThanOrEqual(80);
    expect(set.negatives.length).toBeGreaterThanOrEqual(100);
    expect(set.positives.filter((p) => p.half === 'measure').length).toBeGreaterThanOrEqual(125);
    expect(misplacedLabels(set, (file) => readFileSync(join(docs, file), 'utf8'))).toEqual([]);
  });

  it('holds its floors on the measuring half', () => {
    const score = scoreHalf(set, 'measure', produced, resolve, canonicalIds(result.entities, resolve));
    expect(score.recall).toBeGreaterThanOrEqual(MEASURE_FLOORS.recall);
    expect(score.precision).toBeGreaterThanOrEqual(MEASURE_FLOORS.precision);
  });

  it('reads at least five times as many typed edges from the text as before, each with its rule and confidence', () => {
    const typed = result.graph.edges.filter((e) => e.type !== 'mentions' && e.type !== 'links-to');
    const fromText = typed.filter((e) => e.evidence.some((x) => x.rule !== 'vocabulary'));
    expect(fromText.length).toBeGreaterThanOrEqual(5 * TYPED_FROM_TEXT_BEFORE);
    for (const e of typed) {
      expect(e.confidence, e.id).toBeGreaterThan(0);
      for (const ev of e.evidence) expect(ev.rule, e.id).toMatch(/^[a-z-]+(?::[a-z-]+)*$/);
    }
    expect(Object.values(result.report.counts.relationRules).reduce((a, b) => a + b, 0)).toBe(typed.reduce((n, e) => n + e.evidence.length, 0));
  });

  it('keeps every relation the seed states (issue 2), with evidence from the seed article', () => {
    const seed = (id: string) => result.graph.edges.find((e) => e.id === id)?.evidence.filter((x) => x.file === 'office-365-integration.md') ?? [];
    for (const id of [
      'azure-ad-connect|replaces|dirsync',
      'azure-ad-connect|replaces|azure-ad-sync',
      'azure-ad-connect|sets-up|directory-synchronization',
      'azure-ad-connect|sets-up|single-sign-on',
      'idfix|prepares|on-premises-directory',
      'idfix|works-with|active-directory',
      'password-hash-sync|option-of|directory-synchronization',
      'pass-through-authentication|option-of|directory-synchronization',
      'office-365|part-of|hybrid-environment',
      'exchange-server|part-of|hybrid-environment',
      'skype-for-business-server-2015|part-of|hybrid-environment',
      'sharepoint-server-2013|part-of|hybrid-environment',
    ]) expect(seed(id).length, id).toBeGreaterThan(0);
    expect(result.graph.edges.find((e) => e.id === 'ad-fs|option-of|single-sign-on')).toBeDefined();
    expect(result.graph.edges.find((e) => e.id === 'ad-fs|option-of|federated-authentication')).toBeDefined();
  });
});
