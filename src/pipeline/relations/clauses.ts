// Reads the relations one sentence states, from its tagged units and the lexicon: find each predicate
// (a verb, "is a <noun> of", "is <adjective> <prep>", "provides a connection to", a marker such as
// "instead of"), then its subject to the left and its objects to the right, across the words that
// may stand between (determiners, "older versions of", "tools such as"), never across a clause
// boundary. Passive voice, purpose clauses ("use X to configure Y"), instruments ("manage Y using
// X"), appositions ("X, a feature of Y") and topic subjects ("It replaces ...") are frames of the same
// predicates. Negated, hypothetical, conditional and interrogative predicates yield nothing, with the
// reason kept for `--explain`.
import type { LightNounEntry, Lexicon, MarkerEntry, PredicateEntry, VerbEntry } from './lexicon.ts';
import { isPossessive, type Analysed, type Group, type Unit } from './units.ts';
import type { RelationType } from '../types.ts';
import { exampleAt, objectsFrom, type Objects } from './objects.ts';

export interface Statement {
  source: string;
  target: string;
  type: RelationType;
  /** The lexicon entry or construction that matched: `verb:replace`, `purpose:configure`, `noun:part`... */
  rule: string;
  confidence: number;
}

export interface Rejection {
  /** Stable code: negated, question, condition, hypothetical, no-subject, no-object, no-predicate. */
  reason: string;
  /** The predicate word it concerns, when there is one. */
  word?: string;
}

export interface ClauseContext {
  /** The entity that "it", "this tool" or a subjectless fragment stands for. */
  topic?: string;
  /** List items and table cells: a sentence may start with its verb ("Replaces DirSync."). */
  fragment: boolean;
}

const BOUNDARY = new Set(['.', ';', ':', '?', '!', '(', ')', '[', ']', '—', '–']);
const CLAUSE_WORDS = new Set(['if', 'unless', 'whether', 'because', 'although', 'though', 'while', 'whereas', 'since', 'so', 'but', 'when', 'after', 'before', 'until', 'once', 'where']);
const CONDITIONS = new Set(['if', 'unless', 'whether', 'when', 'whenever']);
const STRICT_CONDITIONS = new Set(['if', 'unless', 'whether']);
const HYPOTHETICAL = new Set(['would', 'could', 'might', 'may']);
const RELATIVE = new Set(['which', 'that', 'who']);
/** Prepositions of place: "A in B" before a verb leaves A its subject. */
const LOCATIVE = new Set(['in', 'within', 'inside']);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'cannot', 'neither', 'nor', 'without']);
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);
const CONCESSIVE = new Set(['although', 'though', 'while', 'whereas']);
const TOOL_VERBS = new Set(['use', 'run', 'install', 'deploy', 'download', 'try']);

type Emit = (sources: readonly string[], type: RelationType, targets: readonly string[], rule: string, confidence: number) => void;
type Reject = (reason: string, word?: string) => void;

interface Reader {
  a: Analysed;
  u: readonly Unit[];
  /** Units from here on are a pointer's title ("..., see X and Y"): not read. */
  limit: number;
  lex: Lexicon;
  ctx: ClauseContext;
  emit: Emit;
  reject: Reject;
}

/** Every statement of one sentence (already tagged and grouped). */
export function readClauses(a: Analysed, lexicon: Lexicon, ctx: ClauseContext): { statements: Statement[]; rejections: Rejection[] } {
  const statements: Statement[] = [];
  const rejections: Rejection[] = [];
  const u = a.units;
  if (u.some((x, i) => x.lower === '?' && i > u.length - 3)) return { statements, rejections: [{ reason: 'question' }] };
  const r: Reader = {
    a,
    u,
    limit: u.length,
    lex: lexicon,
    ctx,
    emit: (sources, type, targets, rule, confidence) => {
      for (const s of sources) for (const t of targets) if (s !== t && s !== '' && t !== '') statements.push({ source: s, target: t, type, rule, confidence: round(confidence) });
    },
    reject: (reason, word) => rejections.push(word === undefined ? { reason } : { reason, word }),
  };

  // "For more information about X, see Y", "Learn more about ...": a pointer states nothing.
  let first = 0;
  while (u[first]?.pos === 'PUNCT') first++;
  if (lexicon.pointerStarts.some((p) => p.every((w, n) => u[first + n]?.lower === w))) return { statements, rejections: [{ reason: 'pointer' }] };
  // "..., see Integrating X with Y": after "see", a title, not a statement.
  const see = u.findIndex((x, i) => x.lower === 'see' && (i === 0 || BOUNDARY.has(u[i - 1]!.lower) || u[i - 1]!.lower === ',' || u[i - 1]!.lower === 'also'));
  r.limit = see < 0 ? u.length : see;
  if (see >= 0 && see < 3) return { statements, rejections: [{ reason: 'see-also' }] };
  for (let i = 0; i < r.limit; i++) {
    const w = u[i]!;
    if (w.kind !== 'word') continue;
    const verbs = lexicon.verbs.get(w.lemma) ?? lexicon.verbs.get(w.lower) ?? [];
    if (verbs.length > 0 && isVerbUse(u, i)) for (const entry of verbs) readVerb(r, i, entry);
    // The tagger calls "part" in "are part of" a verb: a noun after "be" or a determiner all the same.
    const nounish = w.pos === 'NOUN' || w.pos === 'PROPN' || (w.pos === 'VERB' && (u[i - 1]?.lemma === 'be' || u[i - 1]?.pos === 'DET' || u[i - 1]?.pos === 'ADJ'));
    if (i > 0 && nounish) {
      for (const entry of lexicon.nouns.get(w.lemma) ?? []) readNoun(r, i, entry);
      for (const entry of lexicon.lightNouns.get(w.lemma) ?? []) readLightNoun(r, i, entry);
    }
    if (i > 0) for (const entry of lexicon.adjectives.get(w.lower) ?? []) readAdjective(r, i, entry);
  }
  for (const m of lexicon.markers) readMarker(r, m);
  readForUse(r);
  readFallback(r);
  readConcession(r);
  readGroups(r);
  if (statements.length === 0 && rejections.length === 0) rejections.push({ reason: 'no-predicate' });
  return { statements, rejections };
}

/** A lexicon verb used as a verb: the tagger calls sentence-initial imperatives ("Use ...") PROPN. */
function isVerbUse(u: readonly Unit[], i: number): boolean {
  const w = u[i]!;
  if (w.pos === 'VERB' || w.pos === 'AUX') return true;
  if (w.pos !== 'NOUN' && w.pos !== 'PROPN') return false;
  const prev = u[i - 1];
  // The tagger calls "uses" after a product name a noun ("Office 365 uses Azure AD").
  return prev === undefined || BOUNDARY.has(prev.lower) || prev.lower === ',' || prev.pos === 'PRON' || prev.pos === 'AUX' || prev.pos === 'ADV' || prev.lower === 'to' || prev.kind === 'entity' || RELATIVE.has(prev.lower);
}

// --- the predicate's surroundings ------------------------------------------------------------------

interface Left {
  /** Index of the first unit of the auxiliary chain (the subject ends right before it). */
  at: number;
  passive: boolean;
  negated: boolean;
  hypothetical: boolean;
}

/** Auxiliaries, adverbs and negation right before a predicate ("can also be", "does not", "has been"). */
function auxChain(r: Reader, i: number): Left {
  const u = r.u;
  let j = i - 1;
  const left: Left = { at: i, passive: false, negated: u[i]!.negated, hypothetical: false };
  while (j >= 0) {
    const x = u[j]!;
    if (x.kind !== 'word') break;
    if (x.pos === 'AUX' || x.lemma === 'be' || x.lemma === 'have' || x.lemma === 'do') {
      if (x.lemma === 'be') left.passive = true;
      if (HYPOTHETICAL.has(x.lower)) left.hypothetical = true;
    } else if (NEGATORS.has(x.lower)) left.negated = true;
    else if (!(x.pos === 'ADV' || (x.pos === 'PART' && x.lower !== 'to') || (r.lex.fillers.has(x.lower) && x.pos !== 'DET'))) break;
    j--;
  }
  left.at = j + 1;
  // "is replacing" is active; "is replaced", "has been replaced" are passive.
  if (left.passive && /ing$/.test(u[i]!.lower)) left.passive = false;
  return left;
}

/** Why the predicate at `i` (with its aux chain) states nothing, if it does not. */
function blockedAt(r: Reader, i: number, left: Left): string | undefined {
  if (left.negated || r.u[i]!.negated) return 'negated';
  if (left.hypothetical) return 'hypothetical';
  if (inCondition(r.u, left.at)) return 'condition';
  // "instead of managing X through Y": what is not done.
  for (let k = Math.max(0, left.at - 2); k < i - 1; k++) {
    const pair = `${r.u[k]!.lower} ${r.u[k + 1]!.lower}`;
    if (pair === 'instead of' || pair === 'rather than') return 'not-done';
  }
  return undefined;
}

type Subject = { kind: 'group'; group: Group } | { kind: 'topic'; id: string } | { kind: 'none'; reason: string };

/** The subject that ends right before index `end` (exclusive): a name, a relative pronoun's antecedent, or the topic. */
function subjectBefore(r: Reader, end: number, verb?: Unit): Subject {
  const { u, a, lex, ctx } = r;
  let j = end - 1;
  // "the IdFix tool only works": generic nouns after the name.
  let k = j;
  while (k >= 0 && u[k]!.kind === 'word' && lex.headNouns.has(u[k]!.lower) && j - k < 2) k--;
  if (k >= 0 && u[k]!.kind === 'entity') j = k;
  const x = u[j];
  if (x === undefined || BOUNDARY.has(x.lower) || x.lower === ',' || (x.kind === 'word' && CLAUSE_WORDS.has(x.lower))) {
    // "Replaces DirSync." describes the topic; "Configure X." is an instruction to the reader.
    const describes = verb === undefined || (/[^s]s$/.test(verb.lower) && verb.lower !== verb.lemma) || /ed$/.test(verb.lower);
    if (ctx.fragment && describes && ctx.topic !== undefined && (j < 0 || (j === 0 && x!.pos === 'PUNCT'))) return { kind: 'topic', id: ctx.topic };
    return { kind: 'none', reason: 'no-subject' };
  }
  if (x.kind === 'entity') {
    const g = a.groupAt.get(j)!;
    const before = u[g.first - 1];
    // "synchronization between X and Y requires": X is inside a phrase; "Using AD FS requires" keeps AD FS,
    // and so does "Subscriptions of X and Y include" (the noun stands for the names after it).
    const transparent = before?.lower === 'of' && lex.transparentNouns.has(u[g.first - 2]?.lemma ?? '');
    // "Cloud services like Office 365 use CDNs": an example of the subject stands for it.
    const example = before !== undefined && lex.examples.some((p) => p.length === 1 && p[0] === before.lower) && u[g.first - 2]?.kind === 'word' && (u[g.first - 2]!.pos === 'NOUN' || u[g.first - 2]!.pos === 'PROPN');
    if (before !== undefined && (before.pos === 'ADP' || before.pos === 'VERB') && !lex.gerunds.has(before.lower) && !transparent && !example) return { kind: 'none', reason: 'subject-in-phrase' };
    // "Private origins in the Office 365 CDN can be used for ...": the name a place phrase follows is the
    // subject; "Cloud offerings within the Microsoft cloud include ...": a category noun stands for the
    // name after it; "servers in the Azure virtual network use ...": neither is named.
    const place = before?.pos === 'DET' ? u[g.first - 2] : undefined;
    if (place !== undefined && LOCATIVE.has(place.lower)) {
      const owner = u[g.first - 3];
      if (owner?.kind === 'entity') {
        const head = subjectBefore(r, g.first - 2, verb);
        return head.kind === 'group' ? head : { kind: 'none', reason: 'subject-in-phrase' };
      }
      if (!(owner?.kind === 'word' && lex.categoryNouns.has(owner.lower))) return { kind: 'none', reason: 'subject-in-phrase' };
    }
    return { kind: 'group', group: g };
  }
  if (RELATIVE.has(x.lower)) {
    let h = j - 1;
    if (u[h]?.lower === ',' || u[h]?.lower === '(') h--;
    const r0 = h;
    while (h >= 0 && u[h]!.kind === 'word' && lex.headNouns.has(u[h]!.lower) && r0 - h < 2) h--;
    if (h >= 0 && u[h]!.kind === 'entity') {
      let g = a.groupAt.get(h)!;
      // "A, B and C (which communicates with D)": a non-restrictive relative speaks of the nearest name.
      if (r0 < j - 1 && g.members.length > 1) g = { ...g, members: [g.members[g.members.length - 1]!], joins: [''], first: h };
      if (r0 === j - 1) {
        // "SharePoint Online, which is an online service that is part of Office 365": the clause speaks of
        // what the copula's subject is, so of that subject.
        let b = g.first - 1;
        while (b >= 0 && u[b]!.kind === 'word' && (u[b]!.pos === 'DET' || u[b]!.pos === 'ADJ' || lex.fillers.has(u[b]!.lower)) && g.first - b < 5) b--;
        if (u[b]?.lemma === 'be') {
          const owner = subjectBefore(r, auxChain(r, b).at);
          if (owner.kind === 'group') return owner;
        }
        // "virtual machines in Azure IaaS that use ...", "(if ...) mailboxes that use ...": a restrictive
        // clause on a name inside a phrase, or in a hypothesis, restricts; it asserts nothing. So does
        // "that" right after a name ("UPNs that are used for SSO can contain ..."): a proper name takes no
        // restrictive clause, a name used as a kind is narrowed by it.
        if (x.lower === 'that' || u[g.first - 1]?.pos === 'ADP' || u.slice(0, g.first).some((w) => CONDITIONS.has(w.lower) || HYPOTHETICAL.has(w.lower))) return { kind: 'none', reason: 'restrictive-clause' };
      }
      return { kind: 'group', group: g };
    }
    return antecedentOwner(r, r0);
  }
  if (ctx.topic !== undefined) {
    for (const phrase of lex.topicSubjects) {
      const start = j - phrase.length + 1;
      if (start < 0 || !phrase.every((p, n) => u[start + n]!.lower === p)) continue;
      const prev = u[start - 1];
      if (!(prev === undefined || BOUNDARY.has(prev.lower) || prev.lower === ',' || prev.pos === 'CCONJ')) continue;
      // "If the Skype for Business client needs Exchange, it uses ADAL": "it" may be a name before it, not the topic.
      if (u.slice(0, start).some((x) => x.kind === 'entity')) return { kind: 'none', reason: 'pronoun-ambiguous' };
      return { kind: 'topic', id: ctx.topic };
    }
  }
  return { kind: 'none', reason: 'no-subject' };
}

/**
 * "Exchange Server 2013 includes many features that integrate with Lync", "Lync 2013 is a
 * communications app that provides presence": a relative clause about a generic noun that is what the
 * main clause's named subject includes or is; the clause speaks of that subject.
 */
function antecedentOwner(r: Reader, noun: number): Subject {
  const { u, lex } = r;
  const head = u[noun];
  if (head === undefined || head.kind !== 'word' || !(lex.categoryNouns.has(head.lower) || lex.headNouns.has(head.lower))) return { kind: 'none', reason: 'no-subject' };
  let k = noun - 1;
  while (k >= 0 && u[k]!.kind === 'word' && (u[k]!.pos === 'DET' || u[k]!.pos === 'ADJ' || u[k]!.pos === 'NOUN' || u[k]!.pos === 'NUM' || lex.fillers.has(u[k]!.lower)) && noun - k < 5) k--;
  const verb = u[k];
  if (verb === undefined || !(verb.lemma === 'be' || ['include', 'provide', 'offer', 'have', 'contain', 'support'].includes(verb.lemma))) return { kind: 'none', reason: 'no-subject' };
  const left = auxChain(r, k);
  if (left.negated) return { kind: 'none', reason: 'negated' };
  const owner = subjectBefore(r, left.at);
  return owner.kind === 'group' ? owner : { kind: 'none', reason: 'no-subject' };
}

/**
 * The predicate sits in an "if", "unless" or "when" clause (from the clause start up to it); with
 * STRICT_CONDITIONS, only in an "if", "unless" or "whether" one (a "when" clause may still state what one does).
 */
function inCondition(u: readonly Unit[], i: number, words: ReadonlySet<string> = CONDITIONS): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const x = u[j]!;
    if (x.kind !== 'word') continue;
    if (BOUNDARY.has(x.lower) || x.lower === ',') return false;
    if (words.has(x.lower)) return true;
  }
  return false;
}

const members = (gs: readonly Group[]): string[] => gs.flatMap((g) => g.members);
const subjectIds = (s: Subject): string[] => (s.kind === 'group' ? s.group.members : s.kind === 'topic' ? [s.id] : []);
const topicFactor = (s: Subject): number => (s.kind === 'topic' ? 0.85 : 1);
const fillerFactor = (skipped: number): number => (skipped > 4 ? 0.9 : 1);

/** agent/patient -> source/target as the entry says. */
function orient(r: Reader, entry: { type: RelationType; source: 'agent' | 'patient' }, agents: readonly string[], patients: readonly string[], rule: string, confidence: number): void {
  if (entry.source === 'agent') r.emit(agents, entry.type, patients, rule, confidence);
  else r.emit(patients, entry.type, agents, rule, confidence);
}

/** Index of the first of `preps` within a few words after `from` (skipping "in your X forest" and the like). */
function prepAhead(r: Reader, from: number, preps: readonly string[], reach = 6): number {
  for (let k = from; k < r.u.length && k < from + reach; k++) {
    const x = r.u[k]!;
    if (preps.includes(x.lower)) return k;
    if (BOUNDARY.has(x.lower) || x.lower === ',' || x.pos === 'VERB' || CLAUSE_WORDS.has(x.lower) || RELATIVE.has(x.lower)) return -1;
  }
  return -1;
}

/** Units after a predicate word: adverbs and a coordinated verb ("provisioned and managed through"). */
function skipAfter(r: Reader, k: number): number {
  let c = k;
  for (;;) {
    if (r.u[c]?.pos === 'ADV' || r.u[c]?.lower === 'only' || r.u[c]?.lower === 'also') c++;
    else if ((r.u[c]?.lower === 'and' || r.u[c]?.lower === 'or') && r.u[c + 1]?.pos === 'VERB') c += 2;
    else return c;
  }
}

// --- verbs ---------------------------------------------------------------------------------------

function readVerb(r: Reader, i: number, entry: VerbEntry): void {
  const { u } = r;
  const word = u[i]!.lower;
  let after = i + 1;
  const particle = entry.particles[u[i]!.lemma];
  if (particle !== undefined) {
    if (u[after]?.lower !== particle) return;
    after++;
  }
  const left = auxChain(r, i);
  if (entry.passiveOnly && !left.passive) return;
  const rule = `verb:${entry.id}`;
  const blocked = (): boolean => {
    const why = blockedAt(r, i, left);
    if (why !== undefined) r.reject(why, word);
    return why !== undefined;
  };

  // "use X to configure Y", "X is used to configure Y", "X helps you prepare Y"
  if (readPurposeUse(r, i, after, left, blocked)) {
    // "Office 365 uses a CNAME record to implement Autodiscover": the subject also needs what it uses.
    if (u[i]!.lemma !== 'use' || left.passive || entry.preps.length > 0 || entry.objectPreps.length > 0 || blockedAt(r, i, left) !== undefined) return;
    const subject = subjectBefore(r, left.at, u[i]);
    const used = objectsFrom(r.a, r.lex, after);
    if (subject.kind !== 'none' && used.groups.length > 0) orient(r, entry, subjectIds(subject), members(used.groups), rule, entry.confidence * topicFactor(subject) * 0.95);
    return;
  }
  // "To set up X, use Y": the verb opens a purpose clause.
  if (entry.purpose && u[i - 1]?.lower === 'to' && readPurposeFirst(r, i, after, entry)) return;
  // "configure SharePoint 2013 to use Office Web Apps Server": the first needs the second.
  if (entry.id === 'configure' && readConfigureToUse(r, after, blocked)) return;

  if (left.passive) return readPassive(r, i, after, left, entry, blocked);

  const subject = subjectBefore(r, left.at, u[i]);
  // "integrate X with Y", "synchronize A with B", "migrate A to B": both arguments follow the verb.
  if (entry.objectPreps.length > 0) {
    const first = objectsFrom(r.a, r.lex, after);
    const at = first.groups.length > 0 ? prepAhead(r, first.next, entry.objectPreps) : -1;
    // "move the OneDrive of a user from EUR to AUS": what moves is not what the destination replaces
    // (the "from" place is; the from-to marker reads it when it is a name).
    if (at >= 0 && entry.reverseObjects && u.slice(first.next, at).some((x) => x.lower === 'from')) return;
    if (at >= 0) {
      const second = objectsFrom(r.a, r.lex, at + 1, [u[at]!.lower]);
      if (second.groups.length > 0) {
        if (blocked()) return;
        const conf = entry.confidence * fillerFactor(first.skipped + second.skipped);
        if (entry.reverseObjects) r.emit(members(second.groups), entry.type, members(first.groups), rule, conf);
        else r.emit(members(first.groups), entry.type, members(second.groups), rule, conf);
        if (!entry.objectsOnly && subject.kind !== 'none' && entry.type !== 'integrates-with') orient(r, entry, subjectIds(subject), members(second.groups), rule, conf);
        return;
      }
    }
    if (entry.objectsOnly) {
      // "X synchronizes with Y" still joins X and Y; "migrate to Y" names no predecessor.
      if (entry.reverseObjects) return;
    }
  }
  let c = skipAfter(r, after);
  let objects: Objects;
  if (entry.indirectPreps.length > 0) {
    const found = indirectObjects(r, c, entry.indirectPreps);
    if (found === undefined) return r.reject('no-object', word);
    objects = found;
  } else if (entry.preps.length > 0 && entry.preps.includes(u[c]?.lower ?? '')) objects = objectsFrom(r.a, r.lex, c + 1, [u[c]!.lower]);
  else if (entry.preps.length > 0 && entry.objectPreps.length === 0 && entry.transitive !== true) return r.reject('no-object', word);
  else objects = objectsFrom(r.a, r.lex, c);
  if (objects.groups.length === 0) return r.reject('no-object', word);
  // "Office 365 uses two main identity models: A and B": the members are kinds the subject has, not what it needs.
  if (objects.listed && !entry.colonList) return r.reject('kinds-list', word);

  // "configure Y using X": the instrument is the agent, when no name is the subject.
  // "Set up the CDN, using either PowerShell or the CLI": the instrument phrase may follow a comma.
  // A named subject is the agent itself ("The SharePoint server interfaces with X using external URLs").
  const afterComma = u[objects.next]?.lower === ',' && entry.instrumentPreps.includes(u[objects.next + 1]?.lower ?? '');
  const instrumentAt = entry.instrumentPreps.length === 0 || subject.kind === 'group' ? -1 : afterComma ? objects.next + 1 : prepAhead(r, objects.next, entry.instrumentPreps);
  if (instrumentAt >= 0) {
    const tools = objectsFrom(r.a, r.lex, instrumentAt + 1);
    if (tools.groups.length > 0) {
      if (blocked()) return;
      // "connect to Y using X" says what "use X to connect to Y" does: the purpose's type where it has one.
      orient(r, { ...entry, type: entry.purposeType ?? entry.type }, members(tools.groups), members(objects.groups), `instrument:${entry.id}`, entry.confidence * 0.9);
      return;
    }
  }
  // "Install and configure Azure AD Connect for directory synchronization (with password hash sync)": the
  // reader is told to set up a tool for a purpose; the tool sets it up.
  if (subject.kind === 'none' && entry.forPreps.includes(u[objects.next]?.lower ?? '') && imperativeAt(r, left.at)) {
    const purposes = withOptions(r, objectsFrom(r.a, r.lex, objects.next + 1));
    if (purposes.groups.length > 0) {
      if (blocked()) return;
      r.emit(members(objects.groups), entry.type, members(purposes.groups), 'frame:configure-for', entry.confidence * 0.85);
      return;
    }
  }
  if (subject.kind === 'none') return r.reject(subject.reason, word);
  if (entry.id === 'rename' || entry.id === 'use-with') return;
  // "connect to the IP address using HTTPS": a participle without an auxiliary has no subject here.
  if (/ing$/.test(word) && left.at === i) return r.reject('no-subject', word);
  if (blocked()) return;
  const conf = entry.confidence * topicFactor(subject) * fillerFactor(objects.skipped);
  orient(r, entry, subjectIds(subject), members(objects.groups), rule, conf);
  // "X configures Y for Z": X sets up Z too.
  const forPrep = u[objects.next]?.lower ?? '';
  if (entry.forPreps.includes(forPrep)) {
    const more = objectsFrom(r.a, r.lex, objects.next + 1);
    if (more.groups.length > 0) orient(r, entry, subjectIds(subject), members(more.groups), rule, conf * 0.95);
  }
}

/** "sends the changes to accounts to the Azure AD instance": the first of `preps` within the clause whose object is named. */
function indirectObjects(r: Reader, from: number, preps: readonly string[]): Objects | undefined {
  const { u } = r;
  for (let k = from; k < r.limit && k < from + 10; k++) {
    const x = u[k]!;
    if (BOUNDARY.has(x.lower) || x.lower === ',' || CLAUSE_WORDS.has(x.lower) || RELATIVE.has(x.lower) || x.negated || NEGATORS.has(x.lower)) return undefined;
    if (!preps.includes(x.lower)) continue;
    const objects = objectsFrom(r.a, r.lex, k + 1, [x.lower]);
    if (objects.groups.length > 0) return objects;
  }
  return undefined;
}

/** "B is replaced by A", "Y is required for X", "X was renamed Y", "X is built on Y". */
function readPassive(r: Reader, i: number, after: number, left: Left, entry: VerbEntry, blocked: () => boolean): void {
  const { u } = r;
  const word = u[i]!.lower;
  const rule = `verb:${entry.id}`;
  const patient = subjectBefore(r, left.at);
  if (entry.id === 'rename') {
    let c = skipAfter(r, after);
    if (u[c] !== undefined && entry.complementPreps.includes(u[c]!.lower)) c++;
    const complement = objectsFrom(r.a, r.lex, c);
    if (patient.kind === 'none' || complement.groups.length === 0) return r.reject(patient.kind === 'none' ? patient.reason : 'no-object', word);
    if (blocked()) return;
    r.emit(subjectIds(patient), entry.type, members(complement.groups), rule, entry.confidence * topicFactor(patient));
    return;
  }
  let c = skipAfter(r, after);
  const prep = u[c]?.lower ?? '';
  const preps = [...entry.agentPreps, ...entry.preps];
  if (!preps.includes(prep)) return r.reject('no-object', word);
  // "is included as part of Y"
  if (prep === 'as' && u[c + 1]?.lower === 'part' && u[c + 2]?.lower === 'of') c += 2;
  const agents = objectsFrom(r.a, r.lex, c + 1, [prep]);
  if (patient.kind === 'none' || agents.groups.length === 0) return r.reject(patient.kind === 'none' ? patient.reason : 'no-object', word);
  if (blocked()) return;
  const conf = entry.confidence * 0.95 * topicFactor(patient) * fillerFactor(agents.skipped);
  // "X is built on Y" / "X is used with Y": the subject is the agent of the prepositional verb.
  if (entry.preps.includes(prep) && !entry.agentPreps.includes(prep)) orient(r, entry, subjectIds(patient), members(agents.groups), rule, conf);
  else orient(r, entry, members(agents.groups), subjectIds(patient), rule, conf);
}

/** The verb a purpose clause names, with its particle, and where its objects start; or undefined. */
function purposeVerb(r: Reader, k: number): { entry: VerbEntry; start: number } | undefined {
  const verb = r.u[k];
  if (verb === undefined) return undefined;
  const entries = r.lex.verbs.get(verb.lemma) ?? [];
  const entry = entries.find((e) => e.purpose) ?? (['provide', 'offer', 'deliver', 'enable'].includes(verb.lemma) ? r.lex.verbs.get('configure')?.[0] : undefined);
  if (entry === undefined) return undefined;
  let start = k + 1;
  const particle = entry.particles[verb.lemma];
  if (particle !== undefined) {
    if (r.u[start]?.lower !== particle) return undefined;
    start++;
  }
  return { entry, start };
}

/** What a purpose verb says about `tools`, from its objects starting at `start`. */
function emitPurpose(r: Reader, tools: readonly string[], target: VerbEntry, start: number, confidence: number): boolean {
  const rule = `purpose:${target.id}`;
  const c = skipAfter(r, start);
  if (target.preps.includes(r.u[c]?.lower ?? '')) {
    // "use X to connect to Y": X is joined with Y.
    const objects = objectsFrom(r.a, r.lex, c + 1, [r.u[c]!.lower]);
    if (objects.groups.length === 0) return false;
    r.emit(tools, target.purposeType ?? target.type, members(objects.groups), rule, confidence);
    return true;
  }
  const objects = objectsFrom(r.a, r.lex, start);
  if (objects.groups.length === 0) {
    // "to provide synchronization of identities and optionally provide password sync": the second purpose names it.
    for (let k = start; k < r.limit && k - start < 8; k++) {
      const x = r.u[k]!;
      if (BOUNDARY.has(x.lower) || x.kind === 'entity' || RELATIVE.has(x.lower) || CLAUSE_WORDS.has(x.lower)) return false;
      if (x.lower !== 'and' && x.lower !== 'or') continue;
      let m = k + 1;
      while (r.u[m]?.pos === 'ADV') m++;
      const again = purposeVerb(r, m);
      if (again !== undefined && again.entry === target) return emitPurpose(r, tools, target, again.start, confidence * 0.95);
    }
    return false;
  }
  if (target.objectPreps.length > 0) {
    const at = prepAhead(r, objects.next, target.objectPreps);
    const second = at < 0 ? undefined : objectsFrom(r.a, r.lex, at + 1, [r.u[at]!.lower]);
    if (second !== undefined && second.groups.length > 0) {
      if (target.reverseObjects) r.emit(members(second.groups), target.type, members(objects.groups), rule, confidence);
      else r.emit(members(objects.groups), target.type, members(second.groups), rule, confidence);
      return true;
    }
    if (target.objectsOnly) return false;
  }
  if (target.type === 'integrates-with' || target.type === 'replaces') return false;
  r.emit(tools, target.type, members(objects.groups), rule, confidence);
  // "to provide A and optionally provide B": the same tools, a second purpose.
  let k = objects.next;
  while (r.u[k]?.lower === ',' || r.u[k]?.lower === 'and' || r.u[k]?.lower === 'or' || r.u[k]?.pos === 'ADV') k++;
  const again = purposeVerb(r, k);
  if (again !== undefined && again.entry === target) emitPurpose(r, tools, target, again.start, confidence * 0.95);
  return true;
}

/** "use X to <verb> Y", "X is used to <verb> Y", "X helps (you) <verb> Y", "X lets you <verb> Y". */
function readPurposeUse(r: Reader, i: number, after: number, left: Left, blocked: () => boolean): boolean {
  const { u } = r;
  const lemma = u[i]!.lemma;
  if (lemma !== 'use' && lemma !== 'help' && lemma !== 'let' && lemma !== 'allow' && lemma !== 'run' && lemma !== 'install') return false;
  let tools: string[];
  let k = after;
  if (left.passive || lemma === 'help' || lemma === 'let' || lemma === 'allow') {
    tools = subjectIds(subjectBefore(r, left.at));
  } else {
    const objects = objectsFrom(r.a, r.lex, after);
    tools = members(objects.groups);
    k = objects.next;
  }
  if (tools.length === 0) return false;
  if (u[k]?.lower === 'you' || u[k]?.lower === 'admins' || u[k]?.lower === 'administrators') k++;
  if (u[k]?.lower === 'to') k++;
  else if (lemma === 'use' || lemma === 'run' || lemma === 'install') return false;
  const target = purposeVerb(r, k);
  if (target === undefined) return false;
  if (blocked()) return true;
  return emitPurpose(r, tools, target.entry, target.start, target.entry.confidence);
}

/** "To set up X[,] (you can also) use Y", "To provision X, install Y", "For X, use Y" (not "to use"). */
function readPurposeFirst(r: Reader, i: number, after: number, entry: VerbEntry): boolean {
  const { u } = r;
  if (inCondition(u, i)) return false;
  const objects = objectsFrom(r.a, r.lex, after);
  if (objects.groups.length === 0) return false;
  return toolAfter(r, objects, (tools, far) => r.emit(tools, entry.purposeType ?? entry.type, members(objects.groups), `purpose:${entry.id}`, entry.confidence * (far ? 0.85 : 0.95)));
}

/** The tools of the main clause after a purpose phrase: "..., (you can also) use Y". */
function toolAfter(r: Reader, objects: Objects, found: (tools: string[], far: boolean) => void): boolean {
  const { u } = r;
  let sawComma = false;
  for (let k = objects.next; k < u.length && k < objects.next + 14; k++) {
    const x = u[k]!;
    // "To prepare X for Y, ..." : the purpose's own complement, not another argument.
    if (x.kind === 'entity' && !(u[k - 1]?.lower === 'for' || u[k - 1]?.lower === 'to' || u[k - 2]?.lower === 'for')) return false;
    if (x.lower === '.' || x.lower === ';' || x.lower === '?' || x.lower === '(') return false;
    if (x.negated || NEGATORS.has(x.lower)) return false;
    if (x.lower === ',') sawComma = true;
    if (TOOL_VERBS.has(x.lemma) && (x.pos === 'VERB' || isVerbUse(u, k))) {
      // "to configure X to use Y" is another purpose, not the main clause.
      if (u[k - 1]?.lower === 'to' || (!sawComma && u[k - 1]?.pos !== 'PRON' && u[k - 2]?.pos !== 'PRON' && u[k - 3]?.pos !== 'PRON')) return false;
      const tools = objectsFrom(r.a, r.lex, k + 1);
      if (tools.groups.length === 0) return false;
      found(members(tools.groups), k - objects.next > 6);
      return true;
    }
  }
  return false;
}

/** "For directory synchronization (with or without password sync), use Azure AD Connect": the tool sets up what it is for. */
function readForUse(r: Reader): void {
  const { u } = r;
  let first = 0;
  while (u[first]?.pos === 'PUNCT') first++;
  if (u[first]?.lower !== 'for') return;
  const purposes = withOptions(r, objectsFrom(r.a, r.lex, first + 1));
  if (purposes.groups.length === 0) return;
  toolAfter(r, purposes, (tools, far) => r.emit(tools, 'sets-up', members(purposes.groups), 'frame:for-use', far ? 0.7 : 0.75));
}

/** Purposes and the options "with (or without)" they name: "directory synchronization with or without password sync". */
function withOptions(r: Reader, objects: Objects): Objects {
  const { u } = r;
  if (objects.groups.length === 0) return objects;
  const out: Objects = { ...objects, groups: [...objects.groups] };
  while (u[out.next]?.lower === 'with') {
    const k = u[out.next + 1]?.lower === 'or' && u[out.next + 2]?.lower === 'without' ? out.next + 3 : out.next + 1;
    const more = objectsFrom(r.a, r.lex, k);
    if (more.groups.length === 0) break;
    out.groups.push(...more.groups);
    out.next = more.next;
  }
  return out;
}

/** The predicate starting at `at` opens an instruction: nothing but punctuation and coordinated verbs before it ("Install and configure"). */
function imperativeAt(r: Reader, at: number): boolean {
  return r.u.slice(0, at).every((x) => x.pos === 'PUNCT' || x.lower === 'and' || x.lower === 'or' || (x.kind === 'word' && (x.pos === 'VERB' || r.lex.verbs.has(x.lemma))));
}

/** "Migrate to Exchange 2016 if you can't migrate to Office 365": the first is the fallback for the second. */
function readFallback(r: Reader): void {
  const { u } = r;
  const cond = u.findIndex((x, i) => i < r.limit && (x.lower === 'if' || x.lower === 'unless'));
  if (cond < 2) return;
  const targetOf = (k: number): Objects => objectsFrom(r.a, r.lex, u[k + 1]?.lower === 'to' ? k + 2 : k + 1);
  for (let v = cond - 1; v >= 0 && cond - v < 10; v--) {
    const verb = u[v]!;
    if (BOUNDARY.has(verb.lower) || verb.lower === ',') return;
    if (!r.lex.choiceVerbs.has(verb.lemma) || verb.kind !== 'word') continue;
    const first = targetOf(v);
    if (first.groups.length === 0 || first.next > cond || blockedAt(r, v, auxChain(r, v)) !== undefined) return;
    for (let w = cond + 1; w < r.limit && w - cond < 8; w++) {
      const x = u[w]!;
      if (BOUNDARY.has(x.lower) || x.lower === ',') return;
      if (x.lemma !== verb.lemma) continue;
      const left = auxChain(r, w);
      if (!left.negated) return;
      const second = targetOf(w);
      if (second.groups.length > 0) r.emit(members(first.groups), 'alternative-to', members(second.groups), 'frame:fallback', 0.8);
      return;
    }
    return;
  }
}

/** "Although you can use X (to ...), you can also use Y": two tools for the same work. */
function readConcession(r: Reader): void {
  const { u } = r;
  let first = 0;
  while (u[first]?.pos === 'PUNCT') first++;
  if (!CONCESSIVE.has(u[first]?.lower ?? '')) return;
  const toolUse = (from: number, to: number): { at: number; objects: Objects } | undefined => {
    for (let k = from; k < to; k++) {
      const x = u[k]!;
      if (BOUNDARY.has(x.lower) || (x.lower === ',' && k > from)) return undefined;
      if (x.kind !== 'word' || !TOOL_VERBS.has(x.lemma) || !isVerbUse(u, k) || u[k - 1]?.lower === 'to') continue;
      if (blockedAt(r, k, auxChain(r, k)) !== undefined) return undefined;
      const objects = objectsFrom(r.a, r.lex, k + 1);
      return objects.groups.length > 0 ? { at: k, objects } : undefined;
    }
    return undefined;
  };
  const conceded = toolUse(first + 1, r.limit);
  if (conceded === undefined) return;
  const comma = u.findIndex((x, k) => k > conceded.objects.next - 1 && x.lower === ',');
  if (comma < 0) return;
  const main = toolUse(comma + 1, r.limit);
  if (main === undefined || u[main.at]!.lemma !== u[conceded.at]!.lemma) return;
  r.emit(members(conceded.objects.groups), 'alternative-to', members(main.objects.groups), 'frame:concession', 0.8);
}

/** "configure SharePoint 2013 to use (your installation of) Office Web Apps Server": X requires Y. */
function readConfigureToUse(r: Reader, after: number, blocked: () => boolean): boolean {
  const { u } = r;
  const objects = objectsFrom(r.a, r.lex, after);
  if (objects.groups.length === 0 || u[objects.next]?.lower !== 'to' || u[objects.next + 1]?.lemma !== 'use') return false;
  const used = objectsFrom(r.a, r.lex, objects.next + 2);
  if (used.groups.length === 0) return false;
  if (blocked()) return true;
  r.emit(members(objects.groups), 'requires', members(used.groups), 'frame:configure-to-use', 0.8);
  return true;
}

// --- nouns and adjectives ------------------------------------------------------------------------

/** "X is a feature of Y", "X, a component of Y,", "X is one of the options for Y". */
function readNoun(r: Reader, i: number, entry: PredicateEntry): void {
  const { u } = r;
  const prep = u[i + 1]?.lower ?? '';
  if (!entry.preps.includes(prep)) return;
  const word = u[i]!.lower;
  // Back over "a", "one of the", "key", "also" to the copula or the apposition's comma.
  let j = i - 1;
  while (j >= 0 && u[j]!.kind === 'word' && (u[j]!.pos === 'DET' || u[j]!.pos === 'ADJ' || u[j]!.pos === 'NUM' || u[j]!.pos === 'ADV' || r.lex.fillers.has(u[j]!.lower) || u[j]!.lower === 'of' || NEGATORS.has(u[j]!.lower))) j--;
  const objects = objectsFrom(r.a, r.lex, i + 2, [prep]);
  if (objects.groups.length === 0) return r.reject('no-object', word);
  let subject: Subject;
  const at = u[j];
  const negated = u[i]!.negated || u.slice(j + 1, i).some((x) => NEGATORS.has(x.lower));
  if (entry.headOf !== (j === i - 1 && at?.kind === 'entity')) return;
  if (at?.lemma === 'be') {
    const left = auxChain(r, j);
    const why = negated ? 'negated' : blockedAt(r, j, left);
    if (why !== undefined) return r.reject(why, word);
    subject = subjectBefore(r, left.at);
  } else if ((at?.lower === ',' || at?.lower === '(' || at?.lower === 'as') && u[j - 1]?.kind === 'entity') {
    subject = { kind: 'group', group: r.a.groupAt.get(j - 1)! };
    if (negated) return r.reject('negated', word);
  } else if (at?.lower === ',' && u[j - 1] !== undefined && r.lex.headNouns.has(u[j - 1]!.lower) && u[j - 2]?.kind === 'entity') {
    subject = { kind: 'group', group: r.a.groupAt.get(j - 2)! };
  } else if (entry.headOf) {
    // "the Network Load Balancing feature in Windows Server": the noun is the name's own head.
    const g = r.a.groupAt.get(j)!;
    if (g.members.length !== 1 || negated || u.slice(Math.max(0, g.first - 3), g.first).some((x) => x.negated || NEGATORS.has(x.lower))) return;
    subject = { kind: 'group', group: g };
  } else return;
  if (subject.kind === 'none') return r.reject(subject.reason, word);
  orient(r, entry, subjectIds(subject), members(objects.groups), `noun:${entry.id}`, entry.confidence * topicFactor(subject) * fillerFactor(objects.skipped));
}

/** "X provides a dedicated connection to Y", "X offers support for Y". */
function readLightNoun(r: Reader, i: number, entry: LightNounEntry): void {
  const { u } = r;
  let c = i + 1;
  const prep = u[c]?.lower ?? '';
  if (!entry.preps.includes(prep)) return;
  // Back over adjectives and determiners to the light verb.
  let v = i - 1;
  // "this dedicated network connection": the tagger calls "this" a pronoun and "dedicated" a verb.
  const modifier = (x: Unit): boolean => x.pos === 'DET' || x.pos === 'ADJ' || x.pos === 'NUM' || x.pos === 'NOUN' || isPossessive(x) || r.lex.fillers.has(x.lower) || (x.pos === 'VERB' && /ed$/.test(x.lower)) || DEMONSTRATIVES.has(x.lower);
  while (v >= 0 && u[v]!.kind === 'word' && modifier(u[v]!) && i - v < 5) v--;
  // "provides you with this dedicated connection to ..."
  if (u[v]?.lower === 'with' && (u[v - 1]?.pos === 'PRON' || u[v - 1]?.pos === 'NOUN')) v -= 2;
  else if (u[v]?.lower === 'with') v -= 1;
  const verb = u[v];
  if (verb === undefined || !entry.verbs.includes(verb.lemma)) return;
  // "provides you with a connection": the indirect object is no argument.
  const left = auxChain(r, v);
  const objects = objectsFrom(r.a, r.lex, c + 1, [prep]);
  if (objects.groups.length === 0) return;
  const why = blockedAt(r, v, left);
  if (why !== undefined) return r.reject(why, u[i]!.lower);
  const subject = subjectBefore(r, left.at);
  if (subject.kind === 'none') {
    // "use X connection to connect": no subject, but an instrument before the noun.
    const before = u[i - 1];
    if (before?.kind === 'entity') r.emit(r.a.groupAt.get(i - 1)!.members, entry.type, members(objects.groups), `noun:${entry.id}`, entry.confidence * 0.9);
    return;
  }
  c = 0;
  orient(r, entry, subjectIds(subject), members(objects.groups), `noun:${entry.id}`, entry.confidence * topicFactor(subject));
}

/** "X is compatible with Y", "X is included in Y", "X is included as part of Y", "X is available for Y". */
function readAdjective(r: Reader, i: number, entry: PredicateEntry): void {
  const { u } = r;
  let c = skipAfter(r, i + 1);
  const prep = u[c]?.lower ?? '';
  if (!entry.preps.includes(prep)) return;
  // "included as part of Y"
  if (prep === 'as') {
    if (u[c + 1]?.lower !== 'part' || u[c + 2]?.lower !== 'of') return;
    c += 2;
  }
  // Verbs of the lexicon read their own participles ("is required for"); this frame takes the rest.
  if (u[i]!.pos === 'VERB' && (r.lex.verbs.get(u[i]!.lemma) ?? []).some((e) => e.agentPreps.includes(prep) || e.preps.includes(prep))) return;
  const left = auxChain(r, i);
  if (!left.passive) return;
  const word = u[i]!.lower;
  const objects = objectsFrom(r.a, r.lex, c + 1, [prep]);
  const subject = subjectBefore(r, left.at);
  if (objects.groups.length === 0) return r.reject('no-object', word);
  if (subject.kind === 'none') return r.reject(subject.reason, word);
  const why = blockedAt(r, i, left);
  if (why !== undefined) return r.reject(why, word);
  orient(r, entry, subjectIds(subject), members(objects.groups), `adjective:${entry.id}`, entry.confidence * topicFactor(subject) * fillerFactor(objects.skipped));
}

// --- markers and groups --------------------------------------------------------------------------

/** "A instead of B", "A (formerly B)", "B, now called A", "upgrade from B to A". */
function readMarker(r: Reader, m: MarkerEntry): void {
  const { u, lex } = r;
  const rule = `marker:${m.id}`;
  if (m.verbs.length > 0) {
    for (let i = 0; i < r.limit; i++) {
      if (!m.verbs.includes(u[i]!.lemma)) continue;
      const at = prepAhead(r, i + 1, ['from'], 4);
      if (at < 0) continue;
      const from = objectsFrom(r.a, lex, at + 1);
      if (from.groups.length === 0 || u[from.next]?.lower !== 'to') continue;
      const to = objectsFrom(r.a, lex, from.next + 1);
      if (to.groups.length === 0) continue;
      if (auxChain(r, i).negated) {
        r.reject('negated', u[i]!.lower);
        continue;
      }
      r.emit(members(to.groups), m.type, members(from.groups), rule, m.confidence);
    }
    return;
  }
  for (const phrase of m.words) {
    for (let i = 0; i < r.limit; i++) {
      if (!phrase.every((p, n) => u[i + n]?.lower === p)) continue;
      const end = i + phrase.length;
      const renaming = m.type === 'renamed-to';
      let before = i - 1;
      if (renaming) {
        // Only as an apposition: "A (formerly B)", "A, formerly known as B".
        const mark = u[before]?.lower;
        if (mark !== '(' && mark !== ',' && mark !== '—' && mark !== '–' && mark !== '-') continue;
        before--;
      }
      while (before >= 0 && u[before]!.kind === 'word' && (lex.headNouns.has(u[before]!.lower) || u[before]!.pos === 'ADV')) before--;
      const leftGroup = before >= 0 && u[before]!.kind === 'entity' ? r.a.groupAt.get(before) : undefined;
      // "A, B, and C in D": D may hold C or all of them.
      if (leftGroup !== undefined && m.nearest && leftGroup.members.length > 1) continue;
      if (leftGroup !== undefined && m.notAfter.length > 0) {
        // "deploy SharePoint in Azure": the verb before the first name (across determiners) puts it there.
        let v = leftGroup.first - 1;
        while (v >= 0 && u[v]!.kind === 'word' && (u[v]!.pos === 'DET' || u[v]!.pos === 'ADJ' || isPossessive(u[v]!) || lex.fillers.has(u[v]!.lower))) v--;
        const verb = u[v];
        // Nor a name inside a longer phrase or a list ("web front end servers in", "..., and virtual machines in").
        if (verb !== undefined && (m.notAfter.includes(verb.lemma) || ['ADP', 'VERB', 'AUX', 'NOUN', 'PROPN', 'CCONJ'].includes(verb.pos))) continue;
      }
      let k = end;
      if (!renaming && lex.gerunds.has(u[k]?.lower ?? '')) k++;
      const right = objectsFrom(r.a, lex, k);
      if (leftGroup === undefined || right.groups.length === 0) continue;
      if (u.slice(Math.max(0, leftGroup.first - 3), i).some((x) => NEGATORS.has(x.lower) || x.negated)) {
        r.reject('negated', phrase.join(' '));
        continue;
      }
      const leftIds = renaming ? [leftGroup.members[leftGroup.members.length - 1]!] : leftGroup.members;
      // "A (formerly known as B or C)": every old name.
      const rightIds = renaming ? right.groups[0]!.members : members(right.groups);
      // Renaming markers name the old name on the right unless reversed; the others the source on the left unless reversed.
      if (renaming !== m.reverse) r.emit(rightIds, m.type, leftIds, rule, m.confidence);
      else r.emit(leftIds, m.type, rightIds, rule, m.confidence);
    }
  }
}

/**
 * What coordinated names say by themselves: "either X or Y", "add X or Y", "the two models are X and
 * Y" are choices; "between A and B" after an integration word joins them; "Office 365 services such
 * as A and B" makes A and B parts.
 */
function readGroups(r: Reader): void {
  const { u, lex, a } = r;
  const negatedAround = (g: Group): boolean => u.slice(Math.max(0, g.first - 4), g.last + 1).some((x) => x.negated || NEGATORS.has(x.lower));
  const pairsOf = (ids: readonly string[], type: RelationType, rule: string, confidence: number): void => {
    ids.forEach((x, k) => r.emit([x], type, ids.slice(k + 1), rule, confidence));
  };
  for (const g of a.groups) {
    if (negatedAround(g) || g.first >= r.limit) continue;
    readReciprocal(r, g);
    // "between your existing A and B": determiners may stand after "between".
    let at = g.first - 1;
    while (at > 0 && u[at]!.kind === 'word' && (u[at]!.pos === 'DET' || isPossessive(u[at]!) || lex.fillers.has(u[at]!.lower)) && g.first - at < 4) at--;
    const before = u[at]?.lower === 'between' ? 'between' : u[g.first - 1]?.lower;
    if (before === 'between' && g.members.length >= 2) {
      const first = at + 1;
      // "between A or B and C": A and B each with C.
      const cut = g.joins.lastIndexOf('and');
      const left = cut > 0 ? g.members.slice(0, cut) : g.members.slice(0, 1);
      const right = cut > 0 ? g.members.slice(cut) : g.members.slice(1);
      const cue = u.slice(Math.max(0, first - 5), first - 1).some((x) => lex.betweenCues.has(x.lower) || lex.betweenCues.has(x.lemma) || (x.kind === 'entity' && (x.entity ?? '').split('-').some((w) => lex.betweenCues.has(w))));
      const alone = first - 1 === 0 || (first - 2 >= 0 && BOUNDARY.has(u[first - 2]!.lower));
      const chooser = ['choose', 'decide', 'select', 'pick'].includes(u[first - 2]?.lemma ?? '');
      if (chooser) pairsOf(g.members, 'alternative-to', 'marker:either-or', 0.85);
      else if (cue || alone) for (const x of left) r.emit([x], 'integrates-with', right, 'marker:between', 0.8);
      continue;
    }
    const orRun = orSegment(g);
    const choice = orRun.length >= 2 && !g.either ? choiceVerbBefore(r, g) : undefined;
    if (orRun.length >= 2 && g.either) pairsOf(orRun, 'alternative-to', 'marker:either-or', 0.85);
    // "add password hash sync or SSO": a choice, but as often a list ("Exchange Server, Skype for
    // Business Server, or SharePoint Server"): only with two names after a verb of choosing, or with
    // any number as the destination of a move ("migrate your X to A, B, or C").
    else if (choice !== undefined && (orRun.length === 2 || choice === 'destination')) pairsOf(orRun, 'alternative-to', 'group:or', 0.7);
    else if (g.either) readEitherOr(r, g);
    else readMeansChoice(r, g);
    if (g.conj === 'and' && g.members.length >= 2 && countedBefore(r, g)) pairsOf(g.members, 'alternative-to', 'group:choices', 0.8);
    readExamples(r, g);
    readWithOption(r, g);
  }
}

/** The members joined by "or" (and commas before it): "A, B, or C" -> all; "A and B or C" -> B, C. */
function orSegment(g: Group): string[] {
  const last = g.joins.lastIndexOf('or');
  if (last < 0 || g.joins.includes('and') || g.joins.includes('/')) return [];
  return g.members;
}

/**
 * An "or" list right after a verb of choosing (directly, or after "to"/"from": "migrate to A or B",
 * "migrate your X to A, B, or C", the latter a `destination`), in a clause that states it.
 */
function choiceVerbBefore(r: Reader, g: Group): 'choice' | 'destination' | undefined {
  const { u, lex } = r;
  const skippable = (x: Unit): boolean => x.kind === 'word' && (x.pos === 'DET' || x.pos === 'ADJ' || x.pos === 'ADV' || isPossessive(x) || lex.fillers.has(x.lower));
  let k = g.first - 1;
  while (k >= 0 && skippable(u[k]!) && g.first - k < 5) k--;
  let destination = false;
  if (u[k]?.lower === 'to' || u[k]?.lower === 'from') {
    destination = u[k]!.lower === 'to';
    k--;
    // "migrate your Exchange 2007 environment to ...": the moved thing between the verb and "to".
    const moved = u[k]?.kind === 'entity' ? k : u[k - 1]?.kind === 'entity' && lex.headNouns.has(u[k]!.lower) ? k - 1 : -1;
    if (destination && moved >= 0) {
      const first = r.a.groupAt.get(moved)?.first ?? moved;
      let v = first - 1;
      while (v >= 0 && skippable(u[v]!) && first - v < 4) v--;
      const verb = u[v];
      if (verb === undefined || !(lex.verbs.get(verb.lemma) ?? []).some((e) => e.objectPreps.includes('to') && e.reverseObjects)) return undefined;
      k = v;
    }
  }
  const verb = u[k];
  if (verb === undefined || !lex.choiceVerbs.has(verb.lemma)) return undefined;
  // "regardless of the use of A or B": a noun, not a choice made.
  if ((u[k - 1]?.pos === 'DET' && u[k - 1]?.lower !== 'either') || u[k + 1]?.lower === 'of') return undefined;
  // "if you use A or B", "you could use A or B": no choice is stated ("when you add A or B" is one).
  const left = auxChain(r, k);
  const why = blockedAt(r, k, left);
  if (why !== undefined && !(why === 'condition' && !inCondition(u, left.at, STRICT_CONDITIONS))) return undefined;
  return destination && (lex.verbs.get(verb.lemma) ?? []).some((e) => e.reverseObjects) ? 'destination' : 'choice';
}

/** "The two overall models are A and B", "two main models: A and B", "choose from A, B and C". */
function countedBefore(r: Reader, g: Group): boolean {
  const { u, lex } = r;
  let k = g.first - 1;
  if (u[k]?.lower === ':' || u[k]?.lemma === 'be') k--;
  else if (u[k]?.lower === 'from' && u[k - 1]?.lemma === 'choose') return true;
  else return false;
  // "two overall models: A and B" offers a choice; "two roles: Active Directory and DNS" lists both.
  const head = u[k];
  if (head === undefined || !(lex.choiceNouns.has(head.lower) || lex.choiceNouns.has(head.lemma))) return false;
  let nouns = 0;
  while (k >= 0 && u[k]!.kind === 'word' && (u[k]!.pos === 'NOUN' || u[k]!.pos === 'ADJ' || u[k]!.lower === 'and') && nouns < 5) {
    k--;
    nouns++;
  }
  return nouns > 0 && lex.countWords.has(u[k]?.lower ?? '');
}

/**
 * "directory synchronization with password hash synchronization", "an ExpressRoute connection with
 * private peering", "directory synchronization with or without password synchronization": the
 * method after "with" is an option of the thing before it. Not when a verb takes the "with"
 * ("integrate X with Y", "use X with Y").
 */
function readWithOption(r: Reader, g: Group): void {
  const { u, a, lex } = r;
  let k = g.last + 1;
  if (u[k]?.lower !== 'with') return;
  k++;
  if (u[k]?.lower === 'or' && u[k + 1]?.lower === 'without') k += 2;
  while (k < u.length && u[k]!.kind === 'word' && (u[k]!.pos === 'DET' || u[k]!.pos === 'ADJ' || r.lex.fillers.has(u[k]!.lower))) k++;
  const options = u[k]?.kind === 'entity' ? a.groupAt.get(k) : undefined;
  if (options === undefined || options.modifier) return;
  for (let v = g.first - 1; v >= 0 && g.first - v < 10; v--) {
    const x = u[v]!;
    if (BOUNDARY.has(x.lower)) break;
    const entries = lex.verbs.get(x.lemma) ?? [];
    if (entries.some((e) => [...e.preps, ...e.objectPreps, ...e.instrumentPreps, ...e.agentPreps].includes('with'))) return;
  }
  // "with or without Y": the "without" is the alternative the phrase offers, not a negation.
  if (u.slice(Math.max(0, g.first - 4), options.last + 1).some((x, n, all) => (x.negated || NEGATORS.has(x.lower)) && !(x.lower === 'without' && all[n - 1]?.lower === 'or' && all[n - 2]?.lower === 'with'))) return;
  r.emit(options.members, 'option-of', g.members, 'group:with', 0.7);
}

/** "Office 365 services such as A, B" / "Office 365 (including A and B)" / "other Office 365 offerings, like A". */
function readExamples(r: Reader, owner: Group): void {
  const { u, lex, a } = r;
  if (owner.members.length !== 1) return;
  let k = owner.last + 1;
  // "Office 365 services": the group already holds the generic noun after the name.
  let category = u.slice(owner.first + 1, owner.last + 1).some((x) => lex.categoryNouns.has(x.lower));
  while (k < u.length && k - owner.last < 4 && u[k]!.kind === 'word' && (lex.categoryNouns.has(u[k]!.lower) || lex.headNouns.has(u[k]!.lower))) {
    category ||= lex.categoryNouns.has(u[k]!.lower);
    k++;
  }
  const paren = u[k]?.lower === '(';
  if (paren) k++;
  const negated = (): boolean => u.slice(Math.max(0, owner.first - 4), k).some((x) => x.negated || NEGATORS.has(x.lower));
  const example = exampleAt(u, k, lex);
  if (example === 0) {
    // "Microsoft SaaS services (Office 365 and Dynamics 365)": the members of a category, in parentheses.
    const inside = paren && category && u[k]?.kind === 'entity' ? a.groupAt.get(k) : undefined;
    if (inside === undefined || inside.modifier || u[inside.last + 1]?.lower !== ')' || negated()) return;
    r.emit(inside.members, 'part-of', owner.members, 'group:examples', 0.8);
    return;
  }
  // "X such as A" without a category noun only for "including": "Office 365 including Exchange Online".
  if (!category && u[k + example - 1]?.lower !== 'including') return;
  const parts = [...new Set([...members(objectsFrom(a, lex, k + example).groups), ...exampleMembers(r, k + example)])];
  if (parts.length === 0 || negated()) return;
  r.emit(parts, 'part-of', owner.members, 'group:examples', 0.8);
}

/**
 * The names of an example list, across items that are not names: "(including Word 2010, Excel 2010,
 * and Outlook 2010)", "such as enhanced presence, instant messaging, and Lync meetings". Up to the
 * first word that is no part of a list of noun phrases (a verb, a preposition, a clause boundary).
 */
function exampleMembers(r: Reader, start: number): string[] {
  const { u, a, lex } = r;
  const out: string[] = [];
  for (let k = start; k < r.limit && k - start < 30; k++) {
    const x = u[k]!;
    if (x.kind === 'entity') {
      const g = a.groupAt.get(k)!;
      if (!g.modifier) for (const m of g.members) out.push(m);
      k = g.last;
      continue;
    }
    if (x.negated || NEGATORS.has(x.lower)) break;
    const listWord = x.lower === ',' || x.lower === 'and' || x.lower === 'or' || isPossessive(x) || lex.fillers.has(x.lower);
    // "enhanced presence": a participle before its noun is an adjective.
    const modifier = x.pos === 'VERB' && /(?:ed|ing)$/.test(x.lower) && u[k + 1]?.pos === 'NOUN';
    if (!listWord && !modifier && !['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(x.pos)) break;
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * "either A over the Internet or B", "either A and up, or B and up": an "either" name and the name
 * after the "or" that closes it a few words on, within the clause.
 */
function readEitherOr(r: Reader, g: Group): void {
  const { u, a, lex } = r;
  if (u.slice(Math.max(0, g.first - 3), g.first).every((x) => x.lower !== 'either') || g.joins.includes('or')) return;
  for (let k = g.last + 1; k < r.limit && k - g.last <= 8; k++) {
    const x = u[k]!;
    if (x.kind === 'word' && (BOUNDARY.has(x.lower) || CLAUSE_WORDS.has(x.lower) || RELATIVE.has(x.lower) || x.pos === 'VERB' || x.pos === 'AUX' || x.negated || NEGATORS.has(x.lower))) return;
    if (x.lower !== 'or') continue;
    let n = k + 1;
    while (n < u.length && u[n]!.kind === 'word' && (u[n]!.pos === 'DET' || isPossessive(u[n]!) || lex.fillers.has(u[n]!.lower))) n++;
    const other = u[n]?.kind === 'entity' ? a.groupAt.get(n) : undefined;
    if (other === undefined || other.modifier) return;
    // The names from the one after "or" on ("over the Internet or an ExpressRoute connection").
    const from = other.members.indexOf(u[n]!.members?.[0] ?? u[n]!.entity!);
    const choices = [...g.members, ...other.members.slice(Math.max(0, from))].filter((id, i, all) => all.indexOf(id) === i);
    choices.forEach((c, i) => r.emit([c], 'alternative-to', choices.slice(i + 1), 'marker:either-or', 0.8));
    return;
  }
}

/**
 * "A and B require synchronization", "A and B are integrated", "A and B communicate (with each
 * other)": a reciprocal noun or verb with no other argument joins the coordinated subjects.
 */
function readReciprocal(r: Reader, g: Group): void {
  const { u, lex } = r;
  if (g.conj !== 'and' || g.members.length < 2 || g.modifier) return;
  const before = u[g.first - 1];
  if (before !== undefined && !(BOUNDARY.has(before.lower) || before.lower === ',' || before.pos === 'DET' || (before.kind === 'word' && CLAUSE_WORDS.has(before.lower) && !CONDITIONS.has(before.lower)))) return;
  let k = g.last + 1;
  while (k < u.length && u[k]!.kind === 'word' && (u[k]!.pos === 'AUX' || u[k]!.lemma === 'be' || u[k]!.pos === 'ADV' || lex.fillers.has(u[k]!.lower)) && k - g.last < 5) k++;
  const verb = u[k];
  if (verb === undefined || verb.kind !== 'word') return;
  const left = auxChain(r, k);
  if (blockedAt(r, k, left) !== undefined || inCondition(u, g.first, STRICT_CONDITIONS)) return;
  // What follows must end the clause: no object of its own ("integrate with Office 365").
  const ends = (n: number): boolean => {
    let e = n;
    if (u[e]?.lower === 'with' && u[e + 1]?.lower === 'each' && u[e + 2]?.lower === 'other') e += 3;
    else if (u[e]?.lower === 'with' && u[e + 1]?.lower === 'one' && u[e + 2]?.lower === 'another') e += 3;
    else if (u[e]?.lower === 'together') e += 1;
    const x = u[e];
    return x === undefined || BOUNDARY.has(x.lower) || x.lower === ',' || (x.kind === 'word' && (CLAUSE_WORDS.has(x.lower) || RELATIVE.has(x.lower)));
  };
  if (lex.reciprocalVerbs.has(verb.lemma) || lex.reciprocalVerbs.has(verb.lower)) {
    if (!ends(k + 1)) return;
  } else if (lex.reciprocalHolders.has(verb.lemma)) {
    let n = k + 1;
    while (n < u.length && u[n]!.kind === 'word' && (u[n]!.pos === 'DET' || u[n]!.pos === 'ADJ' || lex.fillers.has(u[n]!.lower)) && n - k < 4) n++;
    if (u[n]?.kind !== 'word' || !lex.reciprocalNouns.has(u[n]!.lemma) || !ends(n + 1)) return;
  } else return;
  g.members.forEach((m, i) => r.emit([m], 'integrates-with', g.members.slice(i + 1), 'group:reciprocal', 0.75));
}

/**
 * "manage their contacts from A, B, or C", "manage users in A, B, or in C": the places or tools an
 * activity can be done in, listed with "or" after its object, are alternatives. Not after a verb
 * that takes the preposition itself ("integrate X with A or B", "migrate X from A or B").
 */
function readMeansChoice(r: Reader, g: Group): void {
  const { u, a, lex } = r;
  let p = g.first - 1;
  while (p > 0 && u[p]!.kind === 'word' && (u[p]!.pos === 'DET' || isPossessive(u[p]!)) && g.first - p < 3) p--;
  const prep = u[p]?.lower ?? '';
  if (!lex.meansPreps.has(prep)) return;
  // The list: names joined by ",", "or", ", or", "or in" (the preposition again), at least one "or".
  const ids: string[] = [];
  let sawOr = false;
  let k = p + 1;
  for (;;) {
    while (k < u.length && u[k]!.kind === 'word' && (u[k]!.pos === 'DET' || isPossessive(u[k]!) || lex.fillers.has(u[k]!.lower))) k++;
    const item = u[k]?.kind === 'entity' ? a.groupAt.get(k) : undefined;
    if (item === undefined || item.modifier || item.joins.includes('and') || item.joins.includes('/')) return;
    for (const m of item.members) if (!ids.includes(m)) ids.push(m);
    sawOr ||= item.joins.includes('or');
    k = item.last + 1;
    let j = k;
    if (u[j]?.lower === ',') j++;
    if (u[j]?.lower === 'or') {
      sawOr = true;
      j++;
      if (u[j]?.lower === prep) j++;
    } else if (j === k) break;
    if (u[j]?.kind !== 'entity' && !(u[j]?.kind === 'word' && (u[j]!.pos === 'DET' || isPossessive(u[j]!)))) {
      if (j > k) return;
      break;
    }
    k = j;
  }
  if (!sawOr || ids.length < 2) return;
  const end = u[k];
  if (end !== undefined && !(BOUNDARY.has(end.lower) || end.lower === ',' || (end.kind === 'word' && (CLAUSE_WORDS.has(end.lower) || end.lower === 'to' || end.lower === 'and')))) return;
  // The activity: a verb, then its object (a few words, no name), then the preposition.
  let v = p - 1;
  while (v >= 0 && p - v <= 5 && u[v]!.kind === 'word' && u[v]!.pos !== 'VERB' && !BOUNDARY.has(u[v]!.lower) && u[v]!.lower !== ',') v--;
  const verb = u[v];
  if (verb === undefined || verb.pos !== 'VERB' || v === p - 1) return;
  const own = lex.verbs.get(verb.lemma) ?? [];
  if (own.length > 0 || lex.choiceVerbs.has(verb.lemma) || r.u.slice(v + 1, p).some((x, n) => x.kind === 'entity' && !a.groupAt.get(v + 1 + n)!.modifier)) return;
  const left = auxChain(r, v);
  const why = blockedAt(r, v, left);
  if (why !== undefined && !(why === 'condition' && !inCondition(u, left.at, STRICT_CONDITIONS))) return;
  ids.forEach((x, i) => r.emit([x], 'alternative-to', ids.slice(i + 1), 'group:means', 0.7));
}
