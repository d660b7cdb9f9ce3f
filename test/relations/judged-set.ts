// The judged relation set (README.md beside this file): loading it with a schema, checking that every
// label points at its sentence, and scoring a graph against it like a search engine against judged
// queries. Pure functions over the labels, the graph and the entity list; the caller reads the files.
import { parse } from 'yaml';
import { z } from 'zod';
import { createMentionMatcher } from '../../src/pipeline/mentions.ts';
import { RELATION_TYPES, type Entity, type KnowledgeGraph, type RelationType } from '../../src/pipeline/types.ts';

const TYPED = RELATION_TYPES.filter((t) => t !== 'mentions' && t !== 'links-to') as [RelationType, ...RelationType[]];
export type Half = 'tune' | 'measure';

const Positive = z.strictObject({
  file: z.string().min(1),
  line: z.int().min(1),
  quote: z.string().min(1),
  source: z.string().min(1),
  type: z.enum(TYPED),
  target: z.string().min(1),
  accept: z.array(z.enum(TYPED)).default([]),
  via: z.enum(['sentence', 'list', 'table', 'heading', 'apposition']),
});

const Negative = z.strictObject({
  file: z.string().min(1),
  line: z.int().min(1),
  quote: z.string().min(1),
  names: z.array(z.string().min(1)).min(2),
  why: z.enum(['negation', 'question', 'condition', 'see-also', 'navigation', 'name-inside-name', 'co-mention']),
});

const Part = z.strictObject({
  documents: z.array(z.string().min(1)),
  positives: z.array(Positive),
  negatives: z.array(Negative),
});

const Split = z.strictObject({ halves: z.record(z.string(), z.enum(['tune', 'measure'])) });

export type PositiveLabel = z.infer<typeof Positive> & { half: Half; part: string };
export type NegativeLabel = z.infer<typeof Negative> & { half: Half; part: string };

export interface JudgedSet {
  positives: PositiveLabel[];
  negatives: NegativeLabel[];
  documents: Map<string, Half>;
}

/** Parses the split and the labellers' part files (`name -> text`); throws naming the file and entry on bad input. */
export function loadJudgedSet(splitText: string, parts: ReadonlyMap<string, string>): JudgedSet {
  const split = Split.parse(parse(splitText)).halves;
  const set: JudgedSet = { positives: [], negatives: [], documents: new Map() };
  for (const [name, text] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const result = Part.safeParse(parse(text));
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(`${name}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const half = (file: string, where: string): Half => {
      const h = split[file];
      if (h === undefined) throw new Error(`${name}: ${where}: ${file} is not an article of split.yaml`);
      return h;
    };
    for (const d of result.data.documents) set.documents.set(d, half(d, 'documents'));
    result.data.positives.forEach((p, i) => set.positives.push({ ...p, half: half(p.file, `positives.${i}`), part: name }));
    result.data.negatives.forEach((n, i) => set.negatives.push({ ...n, half: half(n.file, `negatives.${i}`), part: name }));
  }
  return set;
}

/** Markdown source lines as a reader sees them: links, emphasis, code marks, HTML tags and entities dropped. */
export function displayText(markdown: string): string {
  return normalize(
    markdown
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&nbsp;/g, ' ')
      .replace(/[*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '')
      .replace(/\\([\\>*_|#\[\]()-])/g, '$1')
      .replace(/^\s*(?:>\s*)+/gm, ' ')
      .replace(/[|#]/g, ' ')
      .replace(/^\s*(?:[-+]|\d+\.)\s+/gm, ' '),
  );
}

export function normalize(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Labels whose quote is not found in their line and the five after it (a labelling slip to fix). */
export function misplacedLabels(set: JudgedSet, readSource: (file: string) => string): string[] {
  const bad: string[] = [];
  const lines = new Map<string, string[]>();
  for (const label of [...set.positives, ...set.negatives]) {
    let src = lines.get(label.file);
    if (src === undefined) lines.set(label.file, (src = readSource(label.file).split(/\r?\n/)));
    const window = displayText(src.slice(label.line - 1, label.line + 5).join('\n'));
    const quote = displayText(label.quote);
    if (quote.split(' ').length < 4 || !window.includes(quote)) bad.push(`${label.part}: ${label.file}:${label.line}: "${label.quote}"`);
  }
  return bad;
}

// --- names -> entities ----------------------------------------------------------------------------

// Words a labeller may keep around a name that do not change what it names ("on-premises Active
// Directory", "the IdFix tool"): the rest of the name must be an entity's label or alias.
// Version numbers and update levels name a release of the same thing ("SAML 1.1", "Exchange Server 2013 CU19").
const AROUND = new Set(['the', 'a', 'an', 'your', 'on-premises', 'on-premise', 'existing', 'tool', 'tools', 'service', 'services', 'wizard', 'server', 'servers', 'tenant', 'tenants', 'subscription', 'subscriptions', 'environment', 'environments', 'feature', 'features', 'app', 'apps', 'application', 'cmdlets', 'module', 'farm', 'farms', 'deployment', 'deployments', 'client', 'clients', 'connection', 'connections', 'instance', 'site', 'sites', 'account', 'accounts', 'protocol', 'record', 'records', 'domain', 'domains', 'forest', 'infrastructure', 'organization', 'plan', 'plans', 'license', 'licenses']);
const isAround = (w: string): boolean => AROUND.has(w) || /^(?:v?\d+(?:\.\d+)*|cu\d+|sp\d+|r2|\/\d+)$/.test(w);

/** Resolves a labeller's name to an entity id, or undefined when the graph knows no such entity. */
export function nameResolver(entities: readonly Entity[]): (name: string) => string | undefined {
  const exact = new Map<string, string>();
  for (const e of entities) {
    for (const n of [e.label, ...e.aliases]) {
      const key = normalize(n);
      if (!exact.has(key)) exact.set(key, e.id);
    }
  }
  const matcher = createMentionMatcher(entities);
  return (name) => {
    const key = normalize(name.replace(/[*_`]/g, ''));
    const direct = exact.get(key) ?? exact.get(key.replace(/s$/, '')) ?? exact.get(key.replace(/es$/, ''));
    if (direct !== undefined) return direct;
    const found = matcher.match(name);
    if (found.length !== 1) return undefined;
    const rest = normalize(name.slice(0, found[0]!.start) + ' ' + name.slice(found[0]!.end));
    return rest === '' || rest.split(' ').every(isAround) ? found[0]!.entityId : undefined;
  };
}

/**
 * The same id for names that differ only by a generic word: the README asks labellers to drop
 * "tenant", "tool"... so an entity named "Azure AD tenant" counts as "Azure AD" when the graph has both.
 */
export function canonicalIds(entities: readonly Entity[], resolve: (name: string) => string | undefined): (id: string) => string {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const memo = new Map<string, string>();
  return (id) => {
    let c = memo.get(id);
    if (c !== undefined) return c;
    const label = byId.get(id)?.label ?? '';
    const words = normalize(label).split(' ');
    while (words.length > 1 && isAround(words[words.length - 1]!)) words.pop();
    while (words.length > 1 && isAround(words[0]!)) words.shift();
    const base = words.join(' ');
    c = base !== normalize(label) ? (resolve(base) ?? id) : id;
    memo.set(id, c);
    return c;
  };
}

// --- scoring ----------------------------------------------------------------------------------

const SYMMETRIC = new Set<RelationType>(['alternative-to', 'integrates-with', 'works-with']);

export interface ProducedStatement {
  source: string;
  target: string;
  type: RelationType;
  file: string;
  line: number;
  sentence: string;
  rule: string;
}

/** Every (edge, evidence) the text produced: vocabulary declarations are not the extractor's work. */
export function producedStatements(graph: KnowledgeGraph): ProducedStatement[] {
  const out: ProducedStatement[] = [];
  for (const e of graph.edges) {
    if (e.type === 'mentions' || e.type === 'links-to') continue;
    for (const ev of e.evidence) {
      if (ev.rule === 'vocabulary' || e.origin === 'vocabulary' && ev.rule === undefined) continue;
      out.push({ source: e.source, target: e.target, type: e.type, file: ev.file, line: ev.line, sentence: ev.sentence, rule: ev.rule ?? '' });
    }
  }
  return out;
}

export interface TypeScore {
  statements: number;
  found: number;
  produced: number;
  correct: number;
}

export interface HalfScore {
  half: Half;
  statements: number;
  found: number;
  produced: number;
  correct: number;
  recall: number;
  precision: number;
  byType: Record<string, TypeScore & { recall: number; precision: number }>;
  /** Produced statements and how many were right, by the rule that read them. */
  byRule: Record<string, { produced: number; correct: number }>;
  misses: { label: PositiveLabel; why: string }[];
  falsePositives: { produced: ProducedStatement; negative: boolean; judged: string[] }[];
}

/** Precision and recall of the produced statements on one half of the judged set. */
export function scoreHalf(set: JudgedSet, half: Half, produced: readonly ProducedStatement[], resolve: (name: string) => string | undefined, canonical: (id: string) => string = (id) => id): HalfScore {
  const positives = set.positives.filter((p) => p.half === half);
  const negatives = set.negatives.filter((n) => n.half === half);
  const at = (file: string, line: number, quote: string) => (p: ProducedStatement) =>
    p.file === file && (p.line === line || (Math.abs(p.line - line) <= 3 && normalize(p.sentence).includes(displayText(quote))));
  const byType = new Map<string, TypeScore>();
  const type = (t: string): TypeScore => {
    let s = byType.get(t);
    if (!s) byType.set(t, (s = { statements: 0, found: 0, produced: 0, correct: 0 }));
    return s;
  };
  const fits = (label: PositiveLabel, ids: { source?: string; target?: string }, p: ProducedStatement): boolean => {
    if (p.type !== label.type && !label.accept.includes(p.type)) return false;
    const [source, target] = [canonical(p.source), canonical(p.target)];
    if (source === ids.source && target === ids.target) return true;
    return SYMMETRIC.has(p.type) && source === ids.target && target === ids.source;
  };
  const id = (name: string): string | undefined => {
    const found = resolve(name);
    return found === undefined ? undefined : canonical(found);
  };
  const resolved = positives.map((label) => ({ label, ids: { source: id(label.source), target: id(label.target) } }));

  const misses: HalfScore['misses'] = [];
  let found = 0;
  for (const { label, ids } of resolved) {
    type(label.type).statements++;
    const here = produced.filter(at(label.file, label.line, label.quote));
    // "Outlook on the web (formerly Outlook Web App)": the graph states a rename as an old name of one entity.
    const asAlias = label.type === 'renamed-to' && ids.source !== undefined && ids.source === ids.target;
    if (asAlias || here.some((p) => fits(label, ids, p))) {
      found++;
      type(label.type).found++;
      continue;
    }
    const unknown = [ids.source === undefined ? label.source : '', ids.target === undefined ? label.target : ''].filter(Boolean);
    misses.push({ label, why: unknown.length > 0 ? `no entity for ${unknown.map((n) => `"${n}"`).join(' and ')}` : here.length > 0 ? `produced instead: ${here.map((p) => `${p.source} ${p.type} ${p.target}`).join('; ')}` : 'nothing produced' });
  }

  // Precision over the judged sentences: each statement produced there is right or wrong.
  const falsePositives: HalfScore['falsePositives'] = [];
  const judgedAt = new Map<string, { positives: typeof resolved; negative: boolean }>();
  const placeKey = (file: string, line: number): string => `${file}:${line}`;
  for (const r of resolved) {
    const k = placeKey(r.label.file, r.label.line);
    const entry = judgedAt.get(k) ?? { positives: [], negative: false };
    entry.positives.push(r);
    judgedAt.set(k, entry);
  }
  const quotes = new Map<string, string>();
  for (const r of resolved) quotes.set(placeKey(r.label.file, r.label.line), r.label.quote);
  for (const n of negatives) {
    const k = placeKey(n.file, n.line);
    const entry = judgedAt.get(k) ?? { positives: [], negative: true };
    entry.negative = entry.positives.length === 0;
    judgedAt.set(k, entry);
    if (!quotes.has(k)) quotes.set(k, n.quote);
  }
  let producedCount = 0;
  let correct = 0;
  const byRule = new Map<string, { produced: number; correct: number }>();
  const counted = new Set<string>();
  for (const [k, entry] of judgedAt) {
    const [file, line] = [k.slice(0, k.lastIndexOf(':')), Number(k.slice(k.lastIndexOf(':') + 1))];
    for (const p of produced.filter(at(file, line, quotes.get(k)!))) {
      const key = `${p.source}|${p.type}|${p.target}|${p.file}|${p.line}`;
      if (counted.has(key)) continue;
      counted.add(key);
      producedCount++;
      type(p.type).produced++;
      const rule = byRule.get(p.rule) ?? { produced: 0, correct: 0 };
      byRule.set(p.rule, rule);
      rule.produced++;
      if (entry.positives.some((r) => fits(r.label, r.ids, p))) {
        correct++;
        rule.correct++;
        type(p.type).correct++;
      } else falsePositives.push({ produced: p, negative: entry.negative, judged: entry.positives.map((r) => `${r.label.source} ${r.label.type} ${r.label.target}`) });
    }
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
  return {
    half,
    statements: positives.length,
    found,
    produced: producedCount,
    correct,
    recall: ratio(found, positives.length),
    precision: ratio(correct, producedCount),
    byType: Object.fromEntries([...byType].sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, s]) => [t, { ...s, recall: ratio(s.found, s.statements), precision: ratio(s.correct, s.produced) }])),
    byRule: Object.fromEntries([...byRule].sort(([a], [b]) => (a < b ? -1 : 1))),
    misses,
    falsePositives,
  };
}
