// `npm run eval:relations`: scores the corpus graph's typed relations against the judged set in
// test/relations/ (labelled from the text), per half and per type, and lists the misses and false
// positives with their sentences.
//
//   npm run eval:relations [-- --half tune|measure] [--no-details] [--json FILE] [--corpus DIR]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentDir } from '../src/pipeline/load.ts';
import { runPipeline } from '../src/pipeline/index.ts';
import { canonicalIds, loadJudgedSet, misplacedLabels, nameResolver, producedStatements, scoreHalf, type Half, type HalfScore } from '../test/relations/judged-set.ts';
import { PROJECT_ROOT } from '../src/build/project.ts';

const { values } = parseArgs({
  options: {
    half: { type: 'string' },
    'no-details': { type: 'boolean', default: false },
    json: { type: 'string' },
    corpus: { type: 'string', default: join(PROJECT_ROOT, '..', 'shared', 'corpus', 'office-enterprise-2019', 'docs') },
    // `--sample N --seed S`: N typed edges read from the text, drawn at random (seeded), with their
    // evidence, for a reader to judge (the issue's sample of 30).
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const halves: Half[] = values.half === 'tune' || values.half === 'measure' ? [values.half] : ['tune', 'measure'];

const dir = join(PROJECT_ROOT, 'test', 'relations');
const parts = new Map(readdirSync(join(dir, 'judged')).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, 'judged', f), 'utf8')]));
const set = loadJudgedSet(readFileSync(join(dir, 'split.yaml'), 'utf8'), parts);
const misplaced = misplacedLabels(set, (file) => readFileSync(join(values.corpus, file), 'utf8'));
if (misplaced.length > 0) console.warn(`${misplaced.length} label(s) whose quote is not at their line:\n  ${misplaced.join('\n  ')}`);

const vocabulary = { file: 'content/vocabulary.yaml', text: readFileSync(join(PROJECT_ROOT, 'content', 'vocabulary.yaml'), 'utf8') };
const started = performance.now();
const result = runPipeline(await readContentDir(values.corpus), { vocabulary });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const produced = producedStatements(result.graph);
const resolve = nameResolver(result.entities);
const canonical = canonicalIds(result.entities, resolve);
const scores = halves.map((h) => scoreHalf(set, h, produced, resolve, canonical));

if (values.sample !== undefined) {
  printSample(Number(values.sample), Number(values.seed));
  process.exit(0);
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
console.log(`judged set: ${set.positives.length} statements, ${set.negatives.length} negatives, ${new Set(set.positives.map((p) => p.file)).size} articles; pipeline ${seconds} s`);
for (const s of scores) printHalf(s);
if (values.json) writeFileSync(values.json, JSON.stringify(scores.map(({ misses, falsePositives, ...rest }) => ({ ...rest, misses: misses.length, falsePositives: falsePositives.length })), null, 2));

function printHalf(s: HalfScore): void {
  console.log(`\n== ${s.half}: recall ${pct(s.recall)} (${s.found}/${s.statements}), precision ${pct(s.precision)} (${s.correct}/${s.produced})`);
  console.log('  type               statements  recall   produced  precision');
  for (const [type, t] of Object.entries(s.byType)) {
    console.log(`  ${type.padEnd(18)} ${String(t.statements).padStart(10)}  ${pct(t.recall).padStart(6)}  ${String(t.produced).padStart(9)}  ${pct(t.precision).padStart(9)}`);
  }
  console.log('  rule                          produced  precision');
  for (const [rule, t] of Object.entries(s.byRule)) console.log(`  ${rule.padEnd(28)} ${String(t.produced).padStart(9)}  ${pct(t.produced === 0 ? 1 : t.correct / t.produced).padStart(9)}`);
  if (values['no-details']) return;
  console.log(`\n  misses (${s.misses.length}):`);
  for (const m of s.misses) {
    const l = m.label;
    console.log(`  - ${l.file}:${l.line} ${l.source} ${l.type} ${l.target} [${l.via}] — ${m.why}\n      "${l.quote}"`);
  }
  console.log(`\n  false positives (${s.falsePositives.length}):`);
  for (const f of s.falsePositives) {
    const p = f.produced;
    console.log(`  - ${p.file}:${p.line} ${p.source} ${p.type} ${p.target} (${p.rule})${f.negative ? ' [negative sentence]' : ''}\n      "${p.sentence.slice(0, 220)}"${f.judged.length > 0 ? `\n      judged: ${f.judged.join('; ')}` : ''}`);
  }
}

/** A seeded uniform sample of the graph's typed edges read from the text (not the vocabulary's). */
function printSample(n: number, seed: number): void {
  const label = new Map(result.graph.nodes.map((node) => [node.id, node.label]));
  const edges = result.graph.edges.filter((e) => e.type !== 'mentions' && e.type !== 'links-to' && e.evidence.some((x) => x.rule !== 'vocabulary'));
  // mulberry32: a small seeded generator, so the same seed draws the same edges.
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool = [...edges];
  const picked = [];
  while (picked.length < n && pool.length > 0) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  console.log(`${picked.length} of ${edges.length} typed edges read from the text (seed ${seed})\n`);
  picked.forEach((e, i) => {
    console.log(`${i + 1}. ${label.get(e.source)} --${e.type}--> ${label.get(e.target)}`);
    for (const ev of e.evidence.filter((x) => x.rule !== 'vocabulary').slice(0, 2)) {
      console.log(`   ${ev.file}:${ev.line} [${ev.rule}]${ev.context ? ` (read with: "${ev.context}")` : ''}\n   "${ev.sentence}"`);
    }
  });
}
