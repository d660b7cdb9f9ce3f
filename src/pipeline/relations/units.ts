// A tagged sentence as the clause analysis reads it: every entity mention is one unit, hyphenated
// compounds are one word, and coordinated names ("DirSync and Azure AD Sync", "A, B, or C") form
// groups that act as one argument.
import type { Lexicon } from './lexicon.ts';
import type { Token } from './nlp.ts';

/** An entity mention's span in the sentence (from docgraph's own mention matcher). */
export interface Slot {
  entityId: string;
  start: number;
  end: number;
}

export interface Unit {
  kind: 'word' | 'entity';
  lower: string;
  lemma: string;
  pos: string;
  negated: boolean;
  /** Entity units: the entity id ('' for the list a lead-in introduces). */
  entity?: string;
  /** The list a lead-in introduces: its items' entities. */
  members?: readonly string[];
}

export interface Group {
  members: string[];
  /** The word that joins each member to the one before ('' for the first, ',' for a bare comma, '/' for a slash). */
  joins: string[];
  /** Units the group spans (first and last, inclusive). */
  first: number;
  last: number;
  /** How the names are joined ('' for a single name). */
  conj: '' | 'and' | 'or';
  /** Introduced by "either" / "both". */
  either: boolean;
  /**
   * The names only modify a longer noun phrase ("an Azure storage account", "SharePoint 2010
   * databases", "Lync contacts"): they are not an argument of their own.
   */
  modifier: boolean;
}

export interface Analysed {
  units: Unit[];
  /** Group of each entity unit, by unit index. */
  groupAt: Map<number, Group>;
  groups: Group[];
}

/** Where to put the list a lead-in introduces, and its members. */
export interface VirtualList {
  members: readonly string[];
}

/**
 * `copula`: the text is a fragment about its topic (a table cell, a list item under a name); one that
 * starts with a lexicon adjective or participle ("Required for X", "Included in Y", "Replaced by Z")
 * reads as "<topic> is required for X".
 */
export function buildUnits(tokens: readonly Token[], allSlots: readonly Slot[], lexicon: Lexicon, virtual?: VirtualList, opaque: readonly (readonly [number, number])[] = [], copula = false): Analysed {
  const units: Unit[] = [];
  // Titles of linked articles are one opaque word: their names and verbs state nothing here.
  const inTitle = (start: number, end: number): boolean => opaque.some(([a, b]) => start < b && end > a);
  const slots = opaque.length === 0 ? allSlots : allSlots.filter((x) => !inTitle(x.start, x.end));
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (opaque.length > 0 && inTitle(t.start, t.end)) {
      const prev = units[units.length - 1];
      if (prev?.lower !== '\u0000title') units.push({ kind: 'word', lower: '\u0000title', lemma: '\u0000title', pos: 'NOUN', negated: t.negated });
      continue;
    }
    while (s < slots.length && slots[s]!.end <= t.start) s++;
    const slot = slots[s];
    if (slot !== undefined && t.start < slot.end && t.end > slot.start) {
      // Every token the mention touches becomes one unit.
      let negated = t.negated;
      let written = t.text;
      while (i + 1 < tokens.length && tokens[i + 1]!.start < slot.end) {
        i++;
        written += tokens[i]!.text;
        if (tokens[i]!.negated) negated = true;
      }
      const before = units[units.length - 1];
      const previousSlot = slots[s - 1];
      if (before?.kind === 'entity' && previousSlot !== undefined && slot.start - previousSlot.end <= 1) {
        // "United States Government Community Cloud", "Office 365 Exchange Online": two names with
        // nothing between are one compound name, and the last is its head.
        // "Exchange Server 2013 CU19", "Windows Server 2008 R2": a version tag is no head.
        if (!VERSION_TAG.test(written)) before.entity = slot.entityId;
        before.negated ||= negated;
      } else units.push({ kind: 'entity', lower: '', lemma: '', pos: 'ENT', negated, entity: slot.entityId });
      s++;
      continue;
    }
    const prev = units[units.length - 1];
    const prevToken = tokens[i - 1];
    // "on-premises", "cloud-based", "sign-in": one word (the tagger splits at hyphens).
    if (prev?.kind === 'word' && prevToken !== undefined && prevToken.end === t.start && (t.text === '-' || prev.lower.endsWith('-')) && /[\p{L}\p{N}-]$/u.test(t.text)) {
      prev.lower += t.lower;
      prev.lemma = prev.lower;
      if (t.text !== '-') prev.pos = 'ADJ';
      continue;
    }
    units.push({ kind: 'word', lower: t.lower, lemma: t.lemma, pos: t.pos, negated: t.negated });
  }
  if (virtual) placeVirtual(units, virtual);
  if (copula) placeCopula(units, lexicon);
  const groups = findGroups(units, lexicon);
  const groupAt = new Map<number, Group>();
  for (const g of groups) for (let i = g.first; i <= g.last; i++) if (units[i]!.kind === 'entity') groupAt.set(i, g);
  return { units, groupAt, groups };
}

/**
 * "... the following features:" -> the list stands where "the following (features)" was; a lead-in
 * without those words ("Azure AD Connect requires:") gets the list at its end.
 */
function placeVirtual(units: Unit[], virtual: VirtualList): void {
  const list: Unit = { kind: 'entity', lower: '', lemma: '', pos: 'ENT', negated: false, entity: '', members: virtual.members };
  const at = units.findIndex((u, i) => u.lower === 'following' && units[i - 1]?.lower === 'the');
  if (at > 0) {
    let end = at + 1;
    while (end < units.length && (units[end]!.pos === 'NOUN' || units[end]!.pos === 'ADJ' || units[end]!.pos === 'PROPN')) end++;
    units.splice(at - 1, end - at + 1, list);
    return;
  }
  let end = units.length;
  while (end > 0 && units[end - 1]!.pos === 'PUNCT') end--;
  units.splice(end, 0, list);
}

/** "- Required for X" -> "is required for X": the subject is the fragment's topic (see buildUnits). */
function placeCopula(units: Unit[], lexicon: Lexicon): void {
  let first = 0;
  while (first < units.length && units[first]!.pos === 'PUNCT') first++;
  const w = units[first];
  if (w === undefined || w.kind !== 'word') return;
  const adjective = lexicon.adjectives.has(w.lower);
  const participle = /ed$/.test(w.lower) && w.lower !== w.lemma && (lexicon.verbs.has(w.lemma) || lexicon.verbs.has(w.lower));
  if (!adjective && !participle) return;
  units.splice(0, first, { kind: 'word', lower: 'is', lemma: 'be', pos: 'AUX', negated: false });
}

const VERSION_TAG = /^(?:cu|sp|r|v|rtm|update)?\d+(?:[.]\d+)*[a-z]?$/i;

const JOINERS = new Set([',', 'and', 'or', 'and/or', '&', '/']);

function findGroups(units: readonly Unit[], lexicon: Lexicon): Group[] {
  const groups: Group[] = [];
  const members = (u: Unit): readonly string[] => u.members ?? [u.entity!];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'entity') continue;
    // "either X or Y", "either the X or the Y", "both the X and Y".
    let p = i - 1;
    while (p > 0 && units[p]!.kind === 'word' && units[p]!.pos === 'DET' && units[p]!.lower !== 'either' && units[p]!.lower !== 'both' && i - p < 3) p--;
    const prev = units[p]?.lower;
    const g: Group = { members: [...members(u)], joins: members(u).map(() => ''), first: i, last: skipHeads(units, i, lexicon), conj: '', either: prev === 'either' || prev === 'both', modifier: false };
    let j = g.last + 1;
    for (;;) {
      // Joiners: ",", "and", ", and", "or", ", or", "as well as"; then determiners; then a name.
      let k = j;
      let conj: Group['conj'] | undefined;
      let sawJoiner = false;
      let slash = false;
      while (k < units.length && units[k]!.kind === 'word' && JOINERS.has(units[k]!.lower)) {
        const w = units[k]!.lower;
        if (w === 'and' || w === '&') conj = 'and';
        if (w === 'or' || w === 'and/or' || w === '/') conj = 'or';
        if (w === '/') slash = true;
        sawJoiner = true;
        k++;
      }
      if (!sawJoiner && units[k]?.lower === 'as' && units[k + 1]?.lower === 'well' && units[k + 2]?.lower === 'as') {
        conj = 'and';
        sawJoiner = true;
        k += 3;
      }
      if (!sawJoiner) break;
      // After "and"/"or" determiners may come ("A and the B"); after a bare comma only a name
      // continues the list (", an Azure service is used" is a new clause).
      if (conj !== undefined) while (k < units.length && units[k]!.kind === 'word' && (units[k]!.pos === 'DET' || isPossessive(units[k]!) || units[k]!.lower === 'also')) k++;
      const next = units[k];
      if (next?.kind !== 'entity') break;
      for (const m of members(next)) {
        if (g.members.includes(m)) continue;
        g.members.push(m);
        // "TCP/IP", "A/B": a slash joins a compound or a pair of labels, not a choice.
        g.joins.push(slash ? '/' : (conj ?? ','));
      }
      if (conj !== undefined) g.conj = g.conj === '' || g.conj === conj ? conj : g.conj;
      g.last = skipHeads(units, k, lexicon);
      j = g.last + 1;
    }
    // "XML downloadable files": adjectives between the name and the noun it modifies.
    let n = g.last + 1;
    while (units[n]?.kind === 'word' && units[n]!.pos === 'ADJ' && units[n + 1]?.kind === 'word' && units[n + 1]!.pos === 'NOUN') n++;
    const next = units[n];
    g.modifier = next !== undefined && next.kind === 'word' && (next.pos === 'NOUN' || next.pos === 'PROPN') && !lexicon.headNouns.has(next.lower) && !lexicon.categoryNouns.has(next.lower) && !lexicon.verbs.has(next.lemma) && !lexicon.verbs.has(next.lower);
    groups.push(g);
    i = g.last;
  }
  return groups;
}

/** An entity unit and the generic nouns right after it ("the IdFix tool"): the last index. */
export function skipHeads(units: readonly Unit[], i: number, lexicon: Lexicon): number {
  let j = i;
  while (j + 1 < units.length && units[j + 1]!.kind === 'word' && lexicon.headNouns.has(units[j + 1]!.lower) && j - i < 2) j++;
  return j;
}

export function isPossessive(u: Unit): boolean {
  return u.lower === 'your' || u.lower === 'their' || u.lower === 'its' || u.lower === 'our' || u.lower === 'my' || u.lower === 'his' || u.lower === 'her';
}
