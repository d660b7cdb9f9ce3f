// The relation lexicon (lexicon.yaml beside this file): which words state which relation, checked with
// zod when first used and indexed by lemma. Data, not code: a new phrasing is a new line there.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { RELATION_TYPES, type RelationType } from '../types.ts';

const TYPED = RELATION_TYPES.filter((t) => t !== 'mentions' && t !== 'links-to') as [RelationType, ...RelationType[]];
const words = z.array(z.string().min(1));
const confidence = z.number().gt(0).max(1);

const PredicateSchema = z.strictObject({
  id: z.string().regex(/^[a-z-]+$/),
  lemmas: words.min(1),
  type: z.enum(TYPED),
  source: z.enum(['agent', 'patient']),
  confidence,
  preps: words.default([]),
  agentPreps: words.default([]),
  /** Nouns: also as the head of the name before them ("the X feature in Y" as "X is a feature of Y"). */
  headOf: z.boolean().default(false),
});

const VerbSchema = PredicateSchema.extend({
  complementPreps: words.default([]),
  objectPreps: words.default([]),
  instrumentPreps: words.default([]),
  /** Takes a direct object even though it has prepositions ("supports IPv6", "is supported with AD"); default: when it has none. */
  transitive: z.boolean().optional(),
  /** "X synchronizes A with B": only A and B are related (X is the means). */
  objectsOnly: z.boolean().default(false),
  /** "migrate A to B": the second argument is the source (B replaces A). */
  reverseObjects: z.boolean().default(false),
  forPreps: words.default([]),
  particles: z.record(z.string(), z.string()).default({}),
  passiveOnly: z.boolean().default(false),
  purpose: z.boolean().default(false),
  /** The type a purpose clause states when it differs from the verb's own ("use X to connect to Y": X works with Y). */
  purposeType: z.enum(TYPED).optional(),
  /** Whether the objects may be a colon list after a counted category ("uses two models: A and B" names kinds, not needs). */
  colonList: z.boolean().default(true),
  /** "X sends the changes to Y": prepositions whose object is the patient after an unnamed direct object. */
  indirectPreps: words.default([]),
});

const LightNounSchema = PredicateSchema.extend({ verbs: words.min(1) });

const MarkerSchema = z.strictObject({
  id: z.string().regex(/^[a-z-]+$/),
  type: z.enum(TYPED),
  confidence,
  words: z.array(words.min(1)).default([]),
  verbs: words.default([]),
  reverse: z.boolean().default(false),
  /** Verb lemmas that, right before the first name, make the phrase the place of the action ("deploy X in Azure"). */
  notAfter: words.default([]),
  /** Only a single name before the marker is its first argument ("A, B, and C in D" may put C or all in D). */
  nearest: z.boolean().default(false),
});

const StructureSchema = z.strictObject({
  words: words.min(1),
  type: z.enum(TYPED),
  source: z.enum(['heading', 'subsection', 'row', 'cell']).optional(),
  confidence,
});

const LexiconSchema = z.strictObject({
  verbs: z.array(VerbSchema),
  nouns: z.array(PredicateSchema),
  lightNouns: z.array(LightNounSchema),
  adjectives: z.array(PredicateSchema),
  markers: z.array(MarkerSchema),
  fillers: z.strictObject({
    words,
    transparentNouns: words,
    transparentPreps: words,
    examples: z.array(words.min(1)),
    headNouns: words,
    categoryNouns: words,
    betweenCues: words,
    choiceVerbs: words,
    countWords: words,
    choiceNouns: words,
    gerunds: words,
    reciprocalVerbs: words,
    reciprocalNouns: words,
    reciprocalHolders: words,
    meansPreps: words,
    asidePreps: words,
  }),
  topicSubjects: z.array(words.min(1)),
  pointerStarts: z.array(words.min(1)),
  headingWords: z.array(StructureSchema),
  tableHeaders: z.array(StructureSchema),
  irregularForms: words,
  entityTypes: z.strictObject({ tool: words, product: words, concept: words }),
  termHeads: words,
  genericNouns: words,
  stopWords: words,
  places: words,
  brands: words,
  uiWords: words,
  makers: words,
});

export type VerbEntry = z.infer<typeof VerbSchema>;
export type PredicateEntry = z.infer<typeof PredicateSchema>;
export type LightNounEntry = z.infer<typeof LightNounSchema>;
export type MarkerEntry = z.infer<typeof MarkerSchema>;
export type StructureEntry = z.infer<typeof StructureSchema>;

/** The lexicon with lookup tables. */
export interface Lexicon {
  /** By lemma and by every regular form of it. */
  verbs: ReadonlyMap<string, readonly VerbEntry[]>;
  nouns: ReadonlyMap<string, readonly PredicateEntry[]>;
  lightNouns: ReadonlyMap<string, readonly LightNounEntry[]>;
  adjectives: ReadonlyMap<string, readonly PredicateEntry[]>;
  markers: readonly MarkerEntry[];
  fillers: ReadonlySet<string>;
  transparentNouns: ReadonlySet<string>;
  transparentPreps: ReadonlySet<string>;
  examples: readonly (readonly string[])[];
  headNouns: ReadonlySet<string>;
  categoryNouns: ReadonlySet<string>;
  betweenCues: ReadonlySet<string>;
  choiceVerbs: ReadonlySet<string>;
  countWords: ReadonlySet<string>;
  /** "The two overall models are A and B": the counted nouns whose members are choices. */
  choiceNouns: ReadonlySet<string>;
  gerunds: ReadonlySet<string>;
  /** "A and B communicate", "A and B are federated": joined with nothing else named. */
  reciprocalVerbs: ReadonlySet<string>;
  /** "A and B require synchronization": the noun after one of `reciprocalHolders`. */
  reciprocalNouns: ReadonlySet<string>;
  reciprocalHolders: ReadonlySet<string>;
  /** "manage users in A, B, or C": prepositions of where or with what an activity is done. */
  meansPreps: ReadonlySet<string>;
  /** "Features from Exchange 2013": prepositions whose name a table cell compares with, not lists. */
  asidePreps: ReadonlySet<string>;
  topicSubjects: readonly (readonly string[])[];
  pointerStarts: readonly (readonly string[])[];
  headingWords: readonly StructureEntry[];
  tableHeaders: readonly StructureEntry[];
  /** Discovery: the entity type a word names ("tool" -> tool), and brand words. */
  typeWords: ReadonlyMap<string, 'tool' | 'product' | 'concept'>;
  brands: ReadonlySet<string>;
  termHeads: ReadonlySet<string>;
  genericNouns: ReadonlySet<string>;
  stopWords: ReadonlySet<string>;
  places: ReadonlySet<string>;
  /** Words after which a capitalised word is a label on the screen ("click Save"), not a name. */
  uiWords: ReadonlySet<string>;
  /** Companies: a maker's name alone ("sold by Microsoft", "Microsoft cloud services") is not a thing the docs are about. */
  makers: ReadonlySet<string>;
  /** Words (every inflection) any of whose presence lets a sentence state a relation (a cheap test before tagging). */
  triggers: ReadonlySet<string>;
  /** Verbs of choosing (every inflection): a trigger only beside an "or" ("add A or B"), as are `meansPreps`. */
  choiceTriggers: ReadonlySet<string>;
}

/** Parses and indexes a lexicon file's text; throws with the offending path when it does not fit the schema. */
export function parseLexicon(text: string): Lexicon {
  const parsed = LexiconSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`relation lexicon: ${issue.path.join('.')}: ${issue.message}`);
  }
  const data = parsed.data;
  const byLemma = <T extends { lemmas: string[] }>(entries: T[]): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const e of entries) for (const l of e.lemmas) map.set(l, [...(map.get(l) ?? []), e]);
    return map;
  };
  const triggers = new Set<string>();
  const addForms = (word: string): void => {
    for (const f of inflections(word)) triggers.add(f);
  };
  for (const e of [...data.verbs, ...data.nouns, ...data.adjectives, ...data.lightNouns]) for (const l of e.lemmas) addForms(l);
  for (const f of data.irregularForms) triggers.add(f);
  // Category examples ("services such as") read without a predicate word.
  for (const e of data.fillers.examples) addForms(e[0]!);
  // A marker's most telling word ("combination" of "in combination with"; "s" of "'s", as the test splits words).
  const stop = new Set(data.stopWords);
  for (const m of data.markers) {
    for (const w of m.words) addForms((w.find((x) => !stop.has(x)) ?? w[0]!).replace(/[^\p{L}]/gu, ''));
    for (const v of m.verbs) addForms(v);
  }
  for (const h of [...data.headingWords, ...data.tableHeaders]) for (const w of h.words) addForms(w.split(' ')[0]!);
  // Constructions readClauses reads without an entry: "either X or Y", "choose between X and Y".
  triggers.add('either');
  triggers.add('between');
  // "directory synchronization with password hash sync": an option read without an entry.
  triggers.add('with');
  // Verbs also by their regular forms: the tagger leaves the lemma of a verb it calls a noun as written
  // ("The Services Farm communicates/NOUN with ...").
  const verbs = byLemma(data.verbs);
  for (const [lemma, entries] of [...verbs]) for (const f of inflections(lemma)) if (!verbs.has(f)) verbs.set(f, entries);
  for (const w of [...data.fillers.reciprocalVerbs, ...data.fillers.reciprocalNouns]) addForms(w);
  const choiceTriggers = new Set(data.fillers.choiceVerbs.flatMap((v) => inflections(v)));
  return {
    verbs,
    nouns: byLemma(data.nouns),
    lightNouns: byLemma(data.lightNouns),
    adjectives: byLemma(data.adjectives),
    markers: data.markers,
    fillers: new Set(data.fillers.words),
    transparentNouns: new Set(data.fillers.transparentNouns),
    transparentPreps: new Set(data.fillers.transparentPreps),
    examples: data.fillers.examples,
    headNouns: new Set(data.fillers.headNouns),
    categoryNouns: new Set(data.fillers.categoryNouns),
    betweenCues: new Set(data.fillers.betweenCues),
    choiceVerbs: new Set(data.fillers.choiceVerbs),
    countWords: new Set(data.fillers.countWords),
    choiceNouns: new Set(data.fillers.choiceNouns),
    gerunds: new Set(data.fillers.gerunds),
    reciprocalVerbs: new Set(data.fillers.reciprocalVerbs),
    reciprocalNouns: new Set(data.fillers.reciprocalNouns),
    reciprocalHolders: new Set(data.fillers.reciprocalHolders),
    meansPreps: new Set(data.fillers.meansPreps),
    asidePreps: new Set(data.fillers.asidePreps),
    topicSubjects: data.topicSubjects,
    pointerStarts: data.pointerStarts,
    headingWords: data.headingWords,
    tableHeaders: data.tableHeaders,
    typeWords: new Map((['concept', 'product', 'tool'] as const).flatMap((t) => data.entityTypes[t].map((w) => [w, t] as const))),
    brands: new Set(data.brands),
    termHeads: new Set(data.termHeads),
    genericNouns: new Set(data.genericNouns),
    stopWords: new Set(data.stopWords),
    places: new Set(data.places),
    uiWords: new Set(data.uiWords),
    makers: new Set(data.makers),
    triggers,
    choiceTriggers,
  };
}

/**
 * The regular inflections of a lexicon word, for the trigger test only ("require" -> requires,
 * required, requiring): the tagger's lemmas decide what a word is; irregular forms are listed in the
 * lexicon (irregularForms).
 */
export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  const stemE = w.endsWith('e') ? w.slice(0, -1) : w;
  const stemY = /[^aeiou]y$/.test(w) ? w.slice(0, -1) : undefined;
  const doubled = /[^aeiou][aeiou][bdgklmnprt]$/.test(w) ? w + w[w.length - 1] : undefined;
  const forms = [w, `${w}s`, `${w}es`, `${stemE}ed`, `${stemE}ing`, `${w}ed`, `${w}ing`, `${w}d`];
  if (stemY !== undefined) forms.push(`${stemY}ies`, `${stemY}ied`);
  if (doubled !== undefined) forms.push(`${doubled}ed`, `${doubled}ing`);
  return forms;
}

/** Whether any word of the sentence is (an inflection of) a lexicon word: the cheap test before tagging. */
export function mayState(text: string, lex: Lexicon): boolean {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  for (const word of words) if (word !== '' && lex.triggers.has(word)) return true;
  return words.includes('or') && words.some((w) => lex.choiceTriggers.has(w) || lex.meansPreps.has(w));
}

let defaultLexicon: Lexicon | undefined;

/** The lexicon docgraph ships (read once per process). */
export function lexicon(): Lexicon {
  return (defaultLexicon ??= parseLexicon(readFileSync(new URL('./lexicon.yaml', import.meta.url), 'utf8')));
}
