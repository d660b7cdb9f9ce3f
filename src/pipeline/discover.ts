// Discovering product-like names the vocabulary does not know yet, so the graph grows with the
// corpus. Deliberately conservative: a discovered entity is a node on every page that names it,
// so a generic word promoted here ("Note", "Step") would pollute the whole site.
import { groupBy } from './collections.ts';
import { createMentionMatcher, type MentionMatcher } from './mentions.ts';
import type { Entity, Sentence } from './types.ts';

export type CandidateKind = 'camel' | 'hyphenated' | 'acronym' | 'multiword';

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
  /** Documents a name must appear in to become an entity (default 3). */
  minDocs?: number;
}

// Words that look like names only because of capitals: admonitions, UI verbs, document furniture,
// determiners and pronouns that start a clause, calendar words. A single-word candidate that is one
// of these is dropped; a multi-word run is trimmed of them at both ends.
const STOP = new Set(
  `a an and as at be by for from in into is it of on or the to with your you we our this that these those
   note notes important tip tips warning caution step steps table figure phase example examples summary
   overview see click select type name value description yes no ok new next previous back open close
   save run use get set add create delete remove start stop enable disable configure install
   learn more read about how what why when where which who here there all some each every any
   first second third last before after also if then else not only however once while because
   id ids faq tbd todo na us it etc ie eg vs via per i ii iii iv v vi video enter ctrl alt shift tab esc
   monday tuesday wednesday thursday friday saturday sunday
   january february march april may june july august september october november december`
    .split(/\s+/)
    .filter(Boolean),
);

const isStop = (w: string): boolean => STOP.has(w.toLowerCase());

// CamelCase: a word with an inner lower->upper transition (ExpressRoute, IdFix, OneDrive, iPhone).
const WORD_TOKEN = /(?<![\p{L}\p{N}_-])\p{L}[\p{L}\p{N}]*(?![\p{L}\p{N}_-])/gu;
const CAMEL_INNER = /\p{Ll}\p{Lu}/u;
// Hyphenated capitalised words (Multi-Geo, Multi-Factor); not "On-Premises"-style heading case.
const HYPHENATED = /(?<![\p{L}\p{N}_-])\p{Lu}[\p{Ll}\p{N}]+(?:-\p{Lu}[\p{L}\p{N}]*)+(?![\p{L}\p{N}_-])/gu;
// Acronyms of 2-6 capitals, optionally plural (CDNs, VMs).
const ACRONYM = /(?<![\p{L}\p{N}_-])\p{Lu}{2,6}(?:s)?(?![\p{L}\p{N}_-])/gu;
// Runs of capitalised words (optionally joined by "for", and ending in version numbers):
// "Cloud App Security", "Skype for Business Server", "Office 2016".
const MULTIWORD =
  /(?<![\p{L}\p{N}_-])\p{Lu}[\p{L}\p{N}]*(?: (?:for )?\p{Lu}[\p{L}\p{N}]*)+(?: \p{N}[\p{N}.]*)*(?![\p{L}\p{N}_-])/gu;

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
}

/** Find recurring product-like names that are not already entities. */
export function discoverEntities(
  sentences: readonly Sentence[],
  known: readonly Entity[],
  opts: DiscoverOptions = {},
): { entities: Entity[]; candidates: EntityCandidate[] } {
  const matcher = createMentionMatcher(known);
  return discoverFromScans(
    [...groupBy(sentences, (s) => s.docId)].map(([docId, list]) => ({ docId, scan: scanCandidates(list, matcher) })),
    known,
    opts,
  );
}

/** One document's candidate runs; `matcher` matches the known entities (createMentionMatcher). */
export function scanCandidates(sentences: readonly Sentence[], matcher: MentionMatcher): CandidateScan {
  const result: CandidateScan = { found: [], atStart: [] };
  for (const s of sentences) {
    let text = s.text;
    // Known mentions are blanked out first, so "FS" of "AD FS" or "Connect Health" after
    // "Azure AD" are not rediscovered as fragments.
    for (const m of matcher.match(text)) {
      // Same-length mask with a separator that breaks every pattern.
      text = text.slice(0, m.start) + '\u0000'.repeat(m.end - m.start) + text.slice(m.end);
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
    scan(HYPHENATED, 'hyphenated', (m) => m[0]);
    scan(WORD_TOKEN, 'camel', (m) => (CAMEL_INNER.test(m[0]) ? m[0] : undefined));
    scan(ACRONYM, 'acronym', (m) => m[0]);
  }
  return result;
}

/** Tallies the documents' scans (in document order) into candidates and promoted entities. */
export function discoverFromScans(
  scans: readonly { docId: string; scan: CandidateScan }[],
  known: readonly Entity[],
  opts: DiscoverOptions = {},
): { entities: Entity[]; candidates: EntityCandidate[] } {
  const minDocs = opts.minDocs ?? 3;
  const knownNames = new Set<string>();
  const knownIds = new Set<string>();
  for (const e of known) {
    knownIds.add(e.id);
    for (const n of [e.label, ...e.aliases]) knownNames.add(n.toLowerCase());
  }
  const tallies = new Map<string, Tally>();

  const count = (raw: string, kind: CandidateKind, docId: string): void => {
    const name = trimStops(raw, kind);
    if (name === undefined) return;
    const key = keyOf(name, kind);
    if (knownNames.has(key) || knownNames.has(name.toLowerCase())) return;
    const t = tallies.get(key) ?? { kind, mentions: 0, docs: new Set<string>(), spellings: new Map<string, number>() };
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

  const entities: Entity[] = [];
  const ids = new Set(knownIds);
  for (const c of candidates) {
    if (c.documents < minDocs || c.id === '' || ids.has(c.id)) continue;
    ids.add(c.id);
    entities.push({
      id: c.id,
      type: 'discovered',
      label: c.name,
      aliases: c.variants,
      formerNames: [],
      description: `Discovered in ${c.documents} documents.`,
      origin: 'discovered',
    });
  }
  return { entities, candidates };
}

/** Drop generic words at either end of a run; single words must not be generic at all. */
function trimStops(raw: string, kind: CandidateKind): string | undefined {
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

/** Grouping key: case-folded, plural "s" of acronyms and of a run's last word dropped. */
function keyOf(name: string, kind: CandidateKind): string {
  const base = kind === 'multiword' ? name.replace(/(\p{Ll}{2}[^s])s$/u, '$1') : singular(name);
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
