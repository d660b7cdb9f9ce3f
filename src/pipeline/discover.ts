// Discovering product-like names the vocabulary does not know yet, so the graph grows with the
// corpus. Deliberately conservative: a discovered entity is a node on every page that names it,
// so a generic word promoted here ("Note", "Step") would pollute the whole site.
import { groupBy } from './collections.ts';
import { acronymDefinitions, alsoKnownAs, type Definition } from './definitions.ts';
import { createMentionMatcher, type MentionMatcher } from './mentions.ts';
import { argumentNames } from './relations/arguments.ts';
import { lexicon, mayState } from './relations/lexicon.ts';
import { blankOut } from './relations/slots.ts';
import type { Entity, EntityType, Sentence } from './types.ts';

/**
 * camel, hyphenated, acronym, multiword: shapes of a name; versioned: a capitalised word and a
 * version ("Exchange 2016"); extension: a known name and the capitalised words after it ("Office 365
 * CDN", "Azure AD Connect Health"), which name another thing; term: a lower-case compound ending
 * in a lexicon term head ("basic authentication", "blob cache"); proper: one capitalised word in the
 * middle of a sentence ("Outlook", "Fiddler"), promoted only when the corpus almost never writes it
 * in lower case.
 */
export type CandidateKind = 'camel' | 'hyphenated' | 'acronym' | 'multiword' | 'versioned' | 'extension' | 'term' | 'proper';

export interface EntityCandidate {
  id: string;
  /** The most frequent spelling. */
  name: string;
  kind: CandidateKind;
  /** Number of occurrences. */
  mentions: number;
  /** Number of distinct documents. */
  documents: number;
  /** Other spellings seen (plural, letter case), sorted. */
  variants: string[];
}

export interface DiscoverOptions {
  /** Documents a plain name must appear in to become an entity (default 3). */
  minDocs?: number;
  /**
   * How often the corpus writes each word of `properWords(scans)` in lower case (by lower-case
   * form). A single capitalised word is a name only when its lower-case form is rare: without
   * these counts no such word is promoted.
   */
  lowerCase?: ReadonlyMap<string, number>;
}

// Words that look like names only because of capitals (admonitions, UI verbs, document furniture,
// determiners, calendar words) live in the lexicon's stopWords: a single-word candidate that is one
// of them is dropped, a multi-word run is trimmed of them at both ends.
const STOP: ReadonlySet<string> = lexicon().stopWords;
const isStop = (w: string): boolean => STOP.has(w.toLowerCase());

// CamelCase: a word with an inner lower->upper transition (ExpressRoute, IdFix, OneDrive, iPhone).
const WORD_TOKEN = /(?<![\p{L}\p{N}_-])\p{L}[\p{L}\p{N}]*(?![\p{L}\p{N}_-])/gu;
const CAMEL_INNER = /\p{Ll}\p{Lu}/u;
// Hyphenated capitalised words (Multi-Geo, Multi-Factor); not "On-Premises"-style heading case.
const HYPHENATED = /(?<![\p{L}\p{N}_-])\p{Lu}[\p{Ll}\p{N}]+(?:-\p{Lu}[\p{L}\p{N}]*)+(?![\p{L}\p{N}_-])/gu;
// Acronyms of 2-6 capitals, optionally plural (CDNs, VMs).
const ACRONYM = /(?<![\p{L}\p{N}_-])\p{Lu}{2,6}(?:s)?(?![\p{L}\p{N}_-])/gu;
// Runs of capitalised words (optionally joined by "for", and ending in version numbers):
// "Cloud App Security", "Skype for Business Server", "Project Server 2016".
const MULTIWORD =
  /(?<![\p{L}\p{N}_-])\p{Lu}[\p{L}\p{N}]*(?: (?:for )?\p{Lu}[\p{L}\p{N}]*)+(?: \p{N}+(?:\.\p{N}+)*)*(?![\p{L}\p{N}_-])/gu;
// One capitalised word and a version: "Exchange 2016", "Office 2010", "Outlook 2013 SP1".
// Not the end of a longer capitalised name ("Server 2016" of "Windows Server 2016" at a sentence start).
const VERSIONED = /(?<![\p{L}\p{N}_\u0000-]|(?:\p{Lu}[\p{L}\p{N}]*|\u0000|for) )\p{Lu}\p{Ll}+ (?:\d{4}|\d{2,3}|\d{1,2}(?:\.\d+)+)(?: (?:R2|SP\d|CU\d+))?(?![\p{L}\p{N}_-])/gu;
// Runs of lower-case words (hyphenated ones too); the compounds before a term head are read out of them.
const TERM_RUN = /(?<![\p{L}\p{N}_\u0000-])\p{Ll}[\p{Ll}\p{N}]*(?:-\p{Ll}[\p{Ll}\p{N}]*)*(?: \p{Ll}[\p{Ll}\p{N}]*(?:-\p{Ll}[\p{Ll}\p{N}]*)*)+(?![\p{L}\p{N}_-])/gu;
// One capitalised word, not glued to other name pieces ("Outlook", "Netmon"; not "Knockout.js").
const PROPER = /(?<![\p{L}\p{N}_\u0000./-])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}_\u0000-]|[./]\p{L})/gu;
// After a known name: capitalised words, versions and update levels ("Office 365 CDN", "Exchange Server 2013 CU19").
// A dot belongs to a word only inside it ("ASP.NET") or after each letter ("U.S."): any other is the
// sentence's full stop ("run it in the PowerShell ISE.").
const EXTENSION = /^(?: (?:(?:\p{L}\.)+(?![\p{L}\p{N}])|\p{Lu}(?:[\p{L}\p{N}+#]|\.(?=[\p{L}\p{N}+#]))*|\p{N}+(?:\.\p{N}+)*|CU\d+|SP\d+|R2))+(?![\p{L}\p{N}_-])/u;

interface Tally {
  kind: CandidateKind;
  mentions: number;
  docs: Set<string>;
  spellings: Map<string, number>;
}

/**
 * What one document contributes to discovery: the name-like runs found in its sentences, in order,
 * and the runs at sentence start (decided once every document is seen). It depends only on the
 * document's sentences and the known entities, so a rebuild reuses it for unchanged documents.
 */
export interface CandidateScan {
  found: [raw: string, kind: CandidateKind][];
  atStart: string[];
  /** Names defined as the same thing: "long form (ACR)", "X, also known as Y". */
  defined?: Definition[];
  /** Definitions made in headings only: Title Case capitals spell acronyms by accident more often. */
  headingDefined?: Definition[];
  /** A type the text gives a name ("the IdFix tool": tool), by the word right after it. */
  typed?: [raw: string, type: EntityType][];
  /** Noun phrases a relation of the sentence takes as an argument ("provisioned through SharePoint"). */
  arguments?: string[];
}

/** Find recurring product-like names that are not already entities. */
export function discoverEntities(
  sentences: readonly Sentence[],
  known: readonly Entity[],
  opts: DiscoverOptions = {},
): Discovery {
  const matcher = createMentionMatcher(known);
  const scans = [...groupBy(sentences, (s) => s.docId)].map(([docId, list]) => ({ docId, scan: scanCandidates(list, matcher) }));
  const lowerCase = opts.lowerCase ?? new Map(Object.entries(countLowerCase(sentences, new Set(properWords(scans)))));
  return discoverFromScans(scans, known, { ...opts, lowerCase });
}

/** One document's candidate runs; `matcher` matches the known entities (createMentionMatcher). */
export function scanCandidates(sentences: readonly Sentence[], matcher: MentionMatcher): CandidateScan {
  const result: CandidateScan = { found: [], atStart: [], defined: [], typed: [], arguments: [] };
  const lex = lexicon();
  const { typeWords, termHeads } = lex;
  for (const s of sentences) {
    const known = matcher.match(s.text);
    // Known mentions are blanked out first, so "FS" of "AD FS" or "Connect Health" after
    // "Azure AD" are not rediscovered as fragments.
    const text = blankOut(s.text, known);
    // Only sentences that name a known thing and hold a lexicon word can make a new name an argument
    // of a relation worth reading (and only those are tagged: tagging is the cost).
    if (known.length > 0 && s.block !== 'heading' && s.text.length <= 600 && mayState(text, lex)) {
      const slots = known.map((m) => ({ entityId: m.entityId, start: m.start, end: m.end }));
      for (const name of argumentNames(s.text, slots, lex, { fragment: s.block === 'listItem' || s.block === 'tableCell' })) {
        // "Azure Active Directory Premium P2": capitals right after a known proper name extend it.
        const at = s.text.indexOf(name);
        const glued = /^\p{Lu}/u.test(name) ? known.find((m) => m.end + 1 === at && s.text[m.end] === ' ' && /^[\p{Lu}\p{N}]/u.test(m.matched)) : undefined;
        result.arguments!.push(glued === undefined ? name : `${glued.matched} ${name}`);
      }
    }
    for (const d of acronymDefinitions(s.text)) (s.block === 'heading' ? (result.headingDefined ??= []) : result.defined!).push(d);
    for (const d of alsoKnownAs(s.text, (at) => known.find((m) => m.end === at || m.end + 1 === at)?.matched)) result.defined!.push(d);
    // "Microsoft Azure Active Directory" is Azure Active Directory: a maker's name before a known
    // proper name is the same thing, spelled in full.
    for (const m of known) {
      const maker = /(?<![\p{L}\p{N}_-])(\p{Lu}[\p{L}]+) $/u.exec(s.text.slice(0, m.start))?.[1];
      if (maker !== undefined && lex.makers.has(maker.toLowerCase()) && /^\p{Lu}/u.test(m.matched)) result.defined!.push([`${maker} ${m.matched}`, m.matched]);
    }
    // "Office 365 CDN": a known name that the capitalised words after it make into another (never
    // into the next known name, and never in Title Case headings).
    if (s.block !== 'heading') {
      for (const m of known) {
        // Only a proper name extends into another ("federated authentication Phase 1" does not).
        if (!/^[\p{Lu}\p{N}]/u.test(m.matched)) continue;
        const ext = EXTENSION.exec(text.slice(m.end));
        if (ext === null || ext[0].includes('\u0000')) continue;
        const words = ext[0].trim().split(' ');
        while (words.length > 0 && isStop(words[words.length - 1]!)) words.pop();
        if (words.length > 0) result.found.push([`${m.matched} ${words.join(' ')}`, 'extension']);
      }
      // "Remote PowerShell", "Exchange Online PowerShell": capitalised words, or another known
      // proper name, right before a known proper name make another name (not at a sentence start,
      // where a verb is capitalised too; a maker's name before it is the same thing, above).
      known.forEach((m, i) => {
        if (!/^[\p{Lu}\p{N}]/u.test(m.matched)) return;
        const prev = known[i - 1];
        if (prev !== undefined && prev.end + 1 === m.start && s.text[prev.end] === ' ' && /^[\p{Lu}\p{N}]/u.test(prev.matched)) {
          if (!atSentenceStart(s.text, prev.start) && !lex.makers.has(prev.matched.toLowerCase())) result.found.push([`${prev.matched} ${m.matched}`, 'extension']);
          return;
        }
        const run = /(?<![\p{L}\p{N}_\u0000.\/-])(?:\p{Lu}[\p{L}\p{N}]* (?:for )?)+$/u.exec(text.slice(0, m.start));
        if (run === null || atSentenceStart(text, run.index)) return;
        const words = run[0].trim().split(' ');
        while (words.length > 0 && (isStop(words[0]!) || lex.makers.has(words[0]!.toLowerCase()))) words.shift();
        // "Deploy Office 365", "Managing Office 365": a verb before the name is a title's, not a name's.
        const verb = (w: string): boolean => /ing$/.test(w) || lex.verbs.has(w.toLowerCase()) || lex.triggers.has(w.toLowerCase());
        const name = `${words.join(' ')} ${m.matched}`;
        const inner = (w: string, k: number): boolean => w === 'for' && k > 0 && k < words.length - 1;
        if (words.length > 0 && !words.some((w, k) => (isStop(w) && !inner(w, k)) || verb(w)) && !(s.titles ?? []).some((t) => t.includes(name))) result.found.push([name, 'extension']);
      });
    }
    const taken = new Uint8Array(text.length);
    const scan = (re: RegExp, kind: CandidateKind, pick: (match: RegExpExecArray) => string | undefined): void => {
      for (const m of text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.subarray(start, end).some((x) => x === 1)) continue;
        const raw = pick(m);
        if (raw === undefined) continue;
        taken.fill(1, start, end);
        result.found.push([raw, kind]);
        // "the IdFix tool", "the Office 365 CDN service": the word after a name says what it is.
        const cue = /^ ([\p{L}-]+)/u.exec(text.slice(end))?.[1]?.toLowerCase();
        const type = cue === undefined ? undefined : typeWords.get(cue);
        if (type !== undefined) result.typed!.push([raw, type]);
      }
    };
    // Multi-word names first (they contain the single-word shapes), then the single shapes.
    // Headings are Title Case, so a capitalised run there says nothing. At sentence start the
    // first word may be capitalised by grammar only: decided after all sentences are seen.
    if (s.block !== 'heading') {
      scan(MULTIWORD, 'multiword', (m) => {
        if (!atSentenceStart(text, m.index)) return m[0];
        result.atStart.push(m[0]);
        return undefined;
      });
    }
    scan(VERSIONED, 'versioned', (m) => m[0]);
    scan(HYPHENATED, 'hyphenated', (m) => m[0]);
    // Table cells hold codes and values (FRA, GBR, DefaultRequired) more often than names.
    if (s.block !== 'tableCell') {
      scan(WORD_TOKEN, 'camel', (m) => (CAMEL_INNER.test(m[0]) ? m[0] : undefined));
      scan(ACRONYM, 'acronym', (m) => m[0]);
    }
    if (s.block !== 'heading') {
      // "use lean popouts for Outlook": every term head of the run with up to three words before it.
      for (const m of text.matchAll(TERM_RUN)) {
        const words = m[0].split(' ');
        words.forEach((w, k) => {
          if (!termHeads.has(w) || termHeads.has(words[k + 1] ?? '')) return;
          // Back from the head while the words modify it: a stop word or a lexicon verb ends the term.
          let a = k;
          while (a > 0 && k - a < 3 && !lex.triggers.has(words[a - 1]!) && !isStop(words[a - 1]!) && !/^\p{N}/u.test(words[a - 1]!)) a--;
          const term = termOf(words.slice(a, k + 1).join(' '), termHeads);
          if (term === undefined) return;
          result.found.push([term, 'term']);
        });
      }
    }
    // Headings are Title Case and table cells hold labels: only running text says a lone capital is a name.
    if (s.block === 'paragraph' || s.block === 'listItem') {
      scan(PROPER, 'proper', (m) => (properWord(text, m.index, m[0], lex.uiWords) ? m[0] : undefined));
    }
  }
  return result;
}

/**
 * A capitalised word capitalised for being a name: not at a sentence start, not beside another
 * capitalised word, number or known name (pieces of a longer name or Title Case labels), not a
 * stop word, and not a label on the screen ("click Save", "the Settings page").
 */
function properWord(text: string, index: number, word: string, ui: ReadonlySet<string>): boolean {
  if (isStop(word) || atSentenceStart(text, index)) return false;
  const before = text.slice(0, index);
  const after = text.slice(index + word.length);
  // After the end of a sentence-like piece or an opening quote: capitalised by grammar.
  if (/[.:!?;"“‘'(\[]\s*$|\u0000\s?$|\p{Lu}[\p{L}\p{N}]*[\s-]$|\p{N}\s$/u.test(before)) return false;
  if (/^\s?\u0000|^[\s-](?:for |and |of )?[\p{Lu}\p{N}]/u.test(after)) return false;
  const prev = /([\p{L}]+)\s+$/u.exec(before)?.[1]?.toLowerCase();
  // The next word other than capitalised words, names and small words: "page" in "the Welcome to Azure AD Connect page".
  const next = /^(?:\s+(?:to|for|of|and|the|[\p{Lu}\p{N}][\p{L}\p{N}]*|\u0000+))*\s+(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
  return !(prev !== undefined && ui.has(prev)) && !(next !== undefined && ui.has(next));
}

/**
 * The single capitalised words the scans found often enough to be promoted (three times, in three
 * documents), whose lower-case occurrences decide them (sorted).
 */
export function properWords(scans: readonly { scan: CandidateScan }[]): string[] {
  const seen = new Map<string, { mentions: number; docs: number }>();
  for (const { scan } of scans) {
    const here = new Set<string>();
    for (const [raw, kind] of scan.found) {
      if (kind !== 'proper') continue;
      const w = raw.toLowerCase();
      const t = seen.get(w) ?? { mentions: 0, docs: 0 };
      t.mentions++;
      if (!here.has(w)) t.docs++;
      here.add(w);
      seen.set(w, t);
    }
  }
  return [...seen].filter(([, t]) => t.mentions >= 3 && t.docs >= 3).map(([w]) => w).sort(cmp);
}

// Words of prose only: not pieces of host names, paths or identifiers ("outlook.office.com").
const LOWER_WORD = /(?<![\p{L}\p{N}_./@\\-])\p{Ll}+(?![\p{L}\p{N}_@-]|[./:\\][\p{L}\p{N}])/gu;

/** How often each of `words` (lower-case forms) is written in lower case in the sentences. */
export function countLowerCase(sentences: readonly Sentence[], words: ReadonlySet<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  if (words.size === 0) return counts;
  for (const s of sentences) {
    for (const m of s.text.matchAll(LOWER_WORD)) if (words.has(m[0])) counts[m[0]] = (counts[m[0]] ?? 0) + 1;
  }
  return counts;
}

/** "basic authentication" from "use basic authentication": the compound before a term head, trimmed of stop words. */
function termOf(run: string, heads: ReadonlySet<string>): string | undefined {
  const words = run.split(' ');
  const head = words[words.length - 1]!;
  if (!heads.has(head)) return undefined;
  let start = 0;
  while (start < words.length - 1 && (isStop(words[start]!) || /^\p{N}/u.test(words[start]!))) start++;
  const kept = words.slice(start);
  if (kept.length < 2 || kept.slice(0, -1).some((w) => isStop(w) || w.length < 3 || /(?:ly|ing)$/.test(w) && !/-/.test(w))) return undefined;
  return kept.join(' ');
}

/** Tallies the documents' scans (in document order) into candidates and promoted entities. */
export function discoverFromScans(
  scans: readonly { docId: string; scan: CandidateScan }[],
  known: readonly Entity[],
  opts: DiscoverOptions = {},
): Discovery {
  const minDocs = opts.minDocs ?? 3;
  const lex = lexicon();
  const knownNames = new Map<string, string>();
  const knownIds = new Set<string>();
  for (const e of known) {
    knownIds.add(e.id);
    for (const n of [e.label, ...e.aliases]) if (!knownNames.has(n.toLowerCase())) knownNames.set(n.toLowerCase(), e.id);
  }
  const tallies = new Map<string, Tally>();

  const count = (raw: string, kind: CandidateKind, docId: string): void => {
    const name = trimStops(raw, kind);
    if (name === undefined) return;
    const key = keyOf(name, kind);
    if (knownNames.has(key) || knownNames.has(name.toLowerCase())) return;
    const t = tallies.get(key) ?? { kind, mentions: 0, docs: new Set<string>(), spellings: new Map<string, number>() };
    // One name found in several shapes keeps the first in KIND_ORDER, whatever the document order.
    if (KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(t.kind)) t.kind = kind;
    t.mentions += 1;
    t.docs.add(docId);
    t.spellings.set(name, (t.spellings.get(name) ?? 0) + 1);
    tallies.set(key, t);
  };

  for (const { docId, scan } of scans) for (const [raw, kind] of scan.found) count(raw, kind, docId);

  // A run at sentence start counts whole when the same name was seen mid-sentence ("Project Server
  // 2010 ..."), else without its first word ("Many Contoso Apps" -> "Contoso Apps").
  for (const { docId, scan } of scans) {
    for (const run of scan.atStart) {
      const whole = trimStops(run, 'multiword');
      if (whole !== undefined && tallies.has(keyOf(whole, 'multiword'))) count(run, 'multiword', docId);
      else count(run.replace(/^\S+ (?:for )?/, ''), 'multiword', docId);
    }
  }

  // Names a relation takes as an argument count as occurrences, and are things however rare.
  const argued = new Set<string>();
  const seenBefore = new Set(tallies.keys());
  for (const { docId, scan } of scans) {
    for (const name of scan.arguments ?? []) {
      const kind: CandidateKind = !name.includes(' ') ? 'camel' : /\p{Lu}/u.test(name) ? 'multiword' : 'term';
      const trimmed = trimStops(name, kind);
      // Only the phrase as the sentence has it: "Multi-Tenant rule set" is not "Multi-Tenant rule".
      if (trimmed !== name) continue;
      const key = keyOf(trimmed, kind);
      if (knownNames.has(key) || knownNames.has(trimmed.toLowerCase())) continue;
      // Names the scans did not find are counted where relations name them (every time, in every order).
      if (!seenBefore.has(key)) count(trimmed, kind, docId);
      argued.add(key);
    }
  }

  // What the text says a name is ("the IdFix tool"), by candidate key.
  const votes = new Map<string, Map<EntityType, number>>();
  for (const { scan } of scans) {
    for (const [raw, type] of scan.typed ?? []) {
      const name = trimStops(raw, 'multiword') ?? raw;
      for (const key of [keyOf(name, 'multiword'), keyOf(raw, 'acronym'), keyOf(raw, 'proper')]) {
        if (!tallies.has(key)) continue;
        const v = votes.get(key) ?? new Map<EntityType, number>();
        v.set(type, (v.get(type) ?? 0) + 1);
        votes.set(key, v);
        break;
      }
    }
  }

  const candidates: EntityCandidate[] = [...tallies.entries()].map(([key, t]) => {
    const spellings = [...t.spellings.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    // Prefer the singular spelling as the name when it occurs at all.
    const singularSpelling = spellings.find(([n]) => n.toLowerCase() === key);
    const name = (singularSpelling ?? spellings[0]!)[0];
    return {
      id: kebab(name),
      name,
      kind: t.kind,
      mentions: t.mentions,
      documents: t.docs.size,
      variants: spellings.map(([n]) => n).filter((n) => n !== name).sort(cmp),
    };
  });
  candidates.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || cmp(a.name, b.name));

  const definitions = resolveDefinitions(scans, knownNames);
  const byKey = new Map(candidates.map((c) => [keyOf(c.name, c.kind), c]));
  const entities: Entity[] = [];
  const ids = new Set(knownIds);
  const merged = new Set<string>();
  const makeEntity = (id: string, label: string, aliases: string[], documents: number, key: string, note?: string, caseSensitive?: string[]): void => {
    ids.add(id);
    entities.push({
      id,
      type: inferType(label, votes.get(key), lex),
      label,
      aliases,
      formerNames: [],
      description: note ?? `Discovered in ${documents} documents.`,
      origin: 'discovered',
      // "Exchange" is a name, "exchange" a verb: a word that is a name only when capitalised matches only so.
      ...(caseSensitive === undefined ? {} : { caseSensitive }),
    });
  };
  // Names the text defines ("pass-through authentication (PTA)") are things, however rare.
  for (const d of definitions.fresh) {
    const id = kebab(d.long);
    if (id === '' || ids.has(id)) continue;
    const candidate = byKey.get(keyOf(d.long, 'multiword')) ?? byKey.get(d.long.toLowerCase());
    const shortCandidate = byKey.get(keyOf(d.short, 'acronym'));
    // Only a heading defines it, and the corpus uses the acronym in ten times as many documents: the
    // heading's initials spelled it by accident ("Information Protection (IP)" beside every IP address).
    if (!d.inText && shortCandidate !== undefined && shortCandidate.documents >= 10 * d.documents) continue;
    for (const c of [candidate, shortCandidate]) if (c) merged.add(c.id);
    // Every spelling the text uses ("Exchange Web Service" of "Exchange Web Services (EWS)") matches.
    const spellings = (c: EntityCandidate | undefined): string[] => (c ? [c.name, ...c.variants] : []);
    const aliases = [...new Set([d.short, ...spellings(candidate), ...spellings(shortCandidate)])].filter((a) => a !== d.long).sort(cmp);
    makeEntity(id, d.long, aliases, d.documents, keyOf(d.long, 'multiword'), `Defined in the text as ${d.long} (${d.short}); named in ${d.documents} document${d.documents === 1 ? '' : 's'}.`);
  }
  for (const c of candidates) {
    const key = keyOf(c.name, c.kind);
    if (c.kind === 'proper') {
      if (!ids.has(c.id) && opts.lowerCase !== undefined && properName(c, opts.lowerCase.get(c.name.toLowerCase()) ?? 0, lex)) makeEntity(c.id, c.name, c.variants, c.documents, key, undefined, [c.name, ...c.variants]);
      continue;
    }
    if (c.id === '' || ids.has(c.id) || merged.has(c.id) || !(argued.has(key) || promotable(c, minDocs, votes.has(key), lex))) continue;
    makeEntity(c.id, c.name, c.variants, c.documents, keyOf(c.name, c.kind), undefined, onlyAsWritten(c, lex));
  }
  return { entities, candidates, aliases: definitions.aliases };
}

export interface Discovery {
  entities: Entity[];
  candidates: EntityCandidate[];
  /** New aliases of known entities, from definitions in the text ("Exchange Online Protection (EOP)"). */
  aliases: Map<string, string[]>;
}

/**
 * Plain names need `minDocs` documents; names whose shape says they are things need fewer: a version
 * or an extension of a known name twice, a name with a type or brand word (or a cue) three times, an
 * acronym of up to five letters in three documents.
 */
function promotable(c: EntityCandidate, minDocs: number, typed: boolean, lex: ReturnType<typeof lexicon>): boolean {
  if (c.documents >= minDocs) return true;
  const words = c.name.toLowerCase().split(/[\s-]+/);
  if (words.every((w) => lex.places.has(w))) return false;
  const shaped = typed || words.some((w) => lex.typeWords.has(w) || lex.brands.has(w));
  // "Microsoft Access 2019", "Windows Server 2008 SP2": a brand's name with a release number is a product, however rare.
  // Not after a maker's name: "Microsoft Outlook 2010" is Outlook 2010.
  if (RELEASE.test(c.name) && words.some((w) => lex.brands.has(w)) && /^\p{Lu}/u.test(c.name) && !lex.makers.has(words[0]!)) return true;
  switch (c.kind) {
    case 'extension':
      return c.mentions >= 2;
    case 'versioned':
      return c.mentions >= 2 || lex.brands.has(words[0]!);
    case 'acronym':
      return c.documents >= 3 && c.mentions >= 5 && c.name.replace(/s$/, '').length <= 5;
    case 'camel':
      return c.mentions >= 2;
    case 'term':
      return c.mentions >= 3 && (c.documents >= 2 || c.mentions >= 5);
    default:
      return c.mentions >= 6 || (c.mentions >= 2 && shaped);
  }
}

/**
 * The spellings a name matches only as written (case-sensitively), or undefined when any letter case
 * names it. "Online Service": a capitalised name made only of words for kinds of things ("an online
 * service" is any online service). "Office 365 Service": a known name and one word for a kind of thing
 * ("Office 365 services" are Office 365's services, and must still name Office 365); not a term head
 * ("Azure virtual network", "Azure portal"), a compound the text writes in lower case.
 */
function onlyAsWritten(c: EntityCandidate, lex: ReturnType<typeof lexicon>): string[] | undefined {
  const words = c.name.toLowerCase().split(/[\s-]+/);
  const last = c.name.toLowerCase().split(/\s+/).pop()!;
  const plainWords = /\p{Lu}/u.test(c.name) && words.length > 1 && words.every((w) => lex.typeWords.has(w));
  const genericExtension = c.kind === 'extension' && (lex.genericNouns.has(last) || lex.headNouns.has(last)) && !lex.termHeads.has(last);
  return plainWords || genericExtension ? [c.name, ...c.variants].filter((n) => /\p{Lu}\S*$/u.test(n)) : undefined;
}

/**
 * A single capitalised word is a name when it recurs mid-sentence (three times, in three documents)
 * and the corpus writes it in lower case at most a third as often ("Outlook": never; "Settings",
 * "Training": as often as not), and it is not a place or the company that makes things.
 */
function properName(c: EntityCandidate, lower: number, lex: ReturnType<typeof lexicon>): boolean {
  if (c.documents < 3 || c.mentions < 3) return false;
  const word = c.name.toLowerCase();
  return lower * 3 <= c.mentions && !lex.places.has(word) && !lex.makers.has(word);
}

/** What the text calls the thing most often, else the name's own last word ("... Protection": product). */
function inferType(name: string, votes: Map<EntityType, number> | undefined, lex: ReturnType<typeof lexicon>): EntityType | 'discovered' {
  if (votes !== undefined && votes.size > 0) {
    return [...votes.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]![0];
  }
  const last = name.toLowerCase().split(/[\s]+/).pop() ?? '';
  return lex.typeWords.get(last) ?? lex.typeWords.get(last.replace(/s$/, '')) ?? (lex.termHeads.has(last) && name === name.toLowerCase() ? 'concept' : 'discovered');
}

/**
 * Definitions across documents: each acronym keeps its most frequent long form. A pair with one known
 * name gives the other name to that entity as an alias; a pair with none is a new entity.
 */
function resolveDefinitions(
  scans: readonly { docId: string; scan: CandidateScan }[],
  knownNames: ReadonlyMap<string, string>,
): { aliases: Map<string, string[]>; fresh: { long: string; short: string; documents: number; inText: boolean }[] } {
  const pairs = new Map<string, { long: string; short: string; docs: Set<string>; count: number; spellings: Map<string, number>; inText: boolean }>();
  for (const { docId, scan } of scans) {
    for (const [long, short, inText] of [...(scan.defined ?? []).map(([l, sh]) => [l, sh, true] as const), ...(scan.headingDefined ?? []).map(([l, sh]) => [l, sh, false] as const)]) {
      const key = `${long.toLowerCase()}\u0000${short}`;
      const p = pairs.get(key) ?? { long, short, docs: new Set<string>(), count: 0, spellings: new Map<string, number>(), inText: false };
      p.inText ||= inText;
      p.docs.add(docId);
      p.count++;
      p.spellings.set(long, (p.spellings.get(long) ?? 0) + 1);
      pairs.set(key, p);
    }
  }
  // The most frequent spelling of the long form (then the first in code-unit order), whatever the document order.
  for (const p of pairs.values()) p.long = [...p.spellings].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]![0];
  const best = new Map<string, { long: string; short: string; docs: Set<string>; count: number; inText: boolean }>();
  for (const p of [...pairs.values()].sort((a, b) => b.count - a.count || cmp(a.long, b.long))) if (!best.has(p.short)) best.set(p.short, p);
  const aliases = new Map<string, string[]>();
  const fresh: { long: string; short: string; documents: number; inText: boolean }[] = [];
  const claimed = new Set(knownNames.keys());
  const give = (id: string, name: string): void => {
    if (claimed.has(name.toLowerCase())) return;
    claimed.add(name.toLowerCase());
    aliases.set(id, [...(aliases.get(id) ?? []), name]);
  };
  for (const p of [...best.values()].sort((a, b) => cmp(a.short, b.short))) {
    const longId = knownNames.get(p.long.toLowerCase()) ?? knownNames.get(p.long.toLowerCase().replace(/s$/, ''));
    const shortId = knownNames.get(p.short.toLowerCase());
    if (longId !== undefined && shortId === undefined) give(longId, p.short);
    else if (shortId !== undefined && longId === undefined) give(shortId, p.long);
    else if (longId === undefined && shortId === undefined) fresh.push({ long: p.long, short: p.short, documents: p.docs.size, inText: p.inText });
  }
  for (const list of aliases.values()) list.sort(cmp);
  return { aliases, fresh };
}

/** Drop generic words at either end of a run; single words must not be generic at all. */
function trimStops(raw: string, kind: CandidateKind): string | undefined {
  if (kind === 'versioned') return isStop(raw.split(' ')[0]!) ? undefined : raw;
  if (kind !== 'multiword') {
    return isStop(raw) || isStop(singular(raw)) ? undefined : raw;
  }
  const words = raw.split(' ');
  while (words.length > 0 && (isStop(words[0]!) || words[0] === 'for')) words.shift();
  while (words.length > 0 && (isStop(words[words.length - 1]!) || words[words.length - 1] === 'for')) words.pop();
  // A run must keep two words, one of them more than a version number.
  const real = words.filter((w) => w !== 'for' && !/^\p{N}/u.test(w));
  if (real.length < 1 || words.length < 2) return undefined;
  return words.join(' ');
}

/** True when only punctuation/quotes/list markers precede the index. */
function atSentenceStart(text: string, index: number): boolean {
  return /^[\s\p{P}\p{S}\d]*$/u.test(text.slice(0, index));
}

const PROPER_KEY = '\u0001';

// A release number at the end of a name: a year, a dotted version or an update level.
const RELEASE = / (?:\d{4}|\d+(?:\.\d+)+)(?: (?:R2|SP\d|CU\d+))?$/u;

const KIND_ORDER: readonly CandidateKind[] = ['extension', 'versioned', 'multiword', 'term', 'camel', 'hyphenated', 'acronym', 'proper'];

/** Grouping key: case-folded, plural "s" of acronyms and of a run's last word dropped; lone capitalised words apart. */
function keyOf(name: string, kind: CandidateKind): string {
  // A lone capitalised word is judged on its own ("Endpoint" does not make "EndPoint" more of a name).
  if (kind === 'proper') return PROPER_KEY + name.toLowerCase();
  const base = name.includes(' ') ? name.replace(/(\p{Ll}{2}[^s])s$/u, '$1') : singular(name);
  return base.toLowerCase();
}

/** "CDNs" -> "CDN", "VMs" -> "VM"; other words unchanged (English plurals are not our business). */
function singular(name: string): string {
  return /^\p{Lu}{2,6}s$/u.test(name) ? name.slice(0, -1) : name;
}

function kebab(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Locale-independent ordering, so output is identical on every machine. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
