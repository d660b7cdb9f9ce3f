// Finding entity names in sentences. One Aho-Corasick automaton holds every label and alias, so a
// sentence is scanned once whatever the vocabulary size: per-alias regexes would cost
// O(aliases x text) and could not resolve overlaps between aliases consistently.
import type { Entity, Mention, Sentence } from './types.ts';

/** A match inside one string. */
export interface TextMatch {
  entityId: string;
  /** The text as written (may include a plural `s`). */
  matched: string;
  start: number;
  end: number;
}

export interface MentionMatcher {
  /** Word-bounded, non-overlapping matches, longest first, returned in text order. */
  match(text: string): TextMatch[];
}

interface Pattern {
  entityId: string;
  /** `shape()` of the alias: what case-sensitive matches compare with. */
  exact: string;
  length: number;
  caseSensitive: boolean;
  /** Ends with a letter, so a trailing plural `s` may follow. */
  pluralizable: boolean;
}

/**
 * Acronyms of up to five capitals (PTA, PHS, SSO, AD, AAD, AD FS) are common English words or
 * fragments when lower-cased ("pta", "ad"), so they only match as written.
 */
export function isCaseSensitiveByDefault(alias: string): boolean {
  const letters = alias.replace(/[\s\d\-.&/]/g, '');
  return letters.length > 0 && letters.length <= 5 && /^\p{Lu}+$/u.test(letters);
}

const WORD = /[\p{L}\p{N}_]/u;
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);

/**
 * Same-length normalization (offsets in the normalized text are offsets in the original): any
 * whitespace becomes a space and typographic hyphens become `-`, so "Azure\u00a0AD" still matches.
 */
function shape(s: string): string {
  return s.replace(/\s/g, ' ').replace(/[\u2010\u2011\u2012\u2013]/g, '-');
}

/** Lower-case per UTF-16 unit, keeping length (a few characters lower-case to two units). */
function fold(s: string): string {
  return foldShaped(shape(s));
}

/**
 * Characters whose lower case is not one unit for one unit: U+0130 (İ, two units), capital sigma
 * (its lower case depends on the next letter) and astral characters. Every other BMP character
 * lower-cases to one unit on its own and in a string (test/unit/mentions.test.ts checks them all),
 * so text without these is folded in one call.
 */
const UNALIGNED_CASE = /[\u0130\u03a3\ud800-\udfff]/;

function foldShaped(shaped: string): string {
  if (!UNALIGNED_CASE.test(shaped)) return shaped.toLowerCase();
  let out = '';
  for (const ch of shaped) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

export function createMentionMatcher(entities: readonly Entity[]): MentionMatcher {
  // Trie nodes as parallel arrays: children by code unit, failure link, patterns ending here
  // (including those reached through failure links, merged at build time).
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: number[][] = [[]];
  const patterns: Pattern[] = [];
  const taken = new Set<string>();

  for (const entity of entities) {
    const exactNames = new Set(entity.caseSensitive ?? []);
    for (const name of [entity.label, ...entity.aliases]) {
      const alias = shape(name.trim());
      if (alias.length === 0) continue;
      const caseSensitive = exactNames.has(name) || isCaseSensitiveByDefault(alias);
      // The first entity to claim a name keeps it: deterministic for the same input order.
      const key = caseSensitive ? `=${alias}` : `~${fold(alias)}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const id = patterns.length;
      patterns.push({
        entityId: entity.id,
        exact: alias,
        length: alias.length,
        caseSensitive,
        pluralizable: /\p{L}$/u.test(alias),
      });
      let node = 0;
      // By UTF-16 unit, exactly as `match` walks the text.
      const folded = fold(alias);
      for (let i = 0; i < folded.length; i++) {
        const ch = folded.charCodeAt(i);
        let child = next[node]!.get(ch);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          fail.push(0);
          out.push([]);
          next[node]!.set(ch, child);
        }
        node = child;
      }
      out[node]!.push(id);
    }
  }

  // Breadth-first failure links.
  const queue: number[] = [];
  for (const child of next[0]!.values()) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi]!;
    for (const [ch, child] of next[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !next[f]!.has(ch)) f = fail[f]!;
      const target = next[f]!.get(ch);
      fail[child] = target !== undefined && target !== child ? target : 0;
      out[child]!.push(...out[fail[child]!]!);
      queue.push(child);
    }
  }

  function match(text: string): TextMatch[] {
    const shaped = shape(text);
    const folded = foldShaped(shaped);
    const candidates: { p: number; start: number; end: number }[] = [];
    let node = 0;
    for (let i = 0; i < folded.length; i++) {
      const ch = folded.charCodeAt(i);
      let child = next[node]!.get(ch);
      while (child === undefined && node !== 0) {
        node = fail[node]!;
        child = next[node]!.get(ch);
      }
      node = child ?? 0;
      const ending = out[node]!;
      if (ending.length === 0) continue;
      for (const p of ending) {
        const pat = patterns[p]!;
        const start = i + 1 - pat.length;
        let end = i + 1;
        if (pat.caseSensitive && shaped.slice(start, end) !== pat.exact) continue;
        // Word boundaries: letters, digits and underscore glue; hyphen and punctuation separate.
        if (isWordChar(text[start - 1]) && isWordChar(text[start])) continue;
        if (isWordChar(text[end]) && isWordChar(text[end - 1])) {
          // Plural tolerance: "hybrid environments", "SSOs"; never "AD" + "s" + more letters.
          const s = text[end];
          const pluralOk = pat.pluralizable && (s === 's' || (!pat.caseSensitive && s === 'S')) && !isWordChar(text[end + 1]);
          if (!pluralOk) continue;
          end += 1;
        }
        candidates.push({ p, start, end });
      }
    }
    // Longest match wins, then leftmost, then vocabulary order; accepted spans never overlap. Two
    // overlapping names of one entity are one longer mention of it: "Azure ExpressRoute" and
    // "ExpressRoute for Office 365" in "Azure ExpressRoute for Office 365".
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.p - b.p);
    // Per code unit: 1 + the index of the accepted match covering it, or 0.
    const owner = new Int32Array(text.length);
    const accepted: TextMatch[] = [];
    for (const c of candidates) {
      const entityId = patterns[c.p]!.entityId;
      let over = 0;
      let mixed = false;
      for (let k = c.start; k < c.end; k++) {
        const o = owner[k]!;
        if (o === 0) continue;
        if (over !== 0 && o !== over) mixed = true;
        over = o;
      }
      if (over === 0) {
        accepted.push({ entityId, matched: '', start: c.start, end: c.end });
        owner.fill(accepted.length, c.start, c.end);
        continue;
      }
      const into = accepted[over - 1]!;
      if (mixed || into.entityId !== entityId || (c.start >= into.start && c.end <= into.end)) continue;
      into.start = Math.min(into.start, c.start);
      into.end = Math.max(into.end, c.end);
      owner.fill(over, into.start, into.end);
    }
    for (const m of accepted) m.matched = text.slice(m.start, m.end);
    return accepted.sort((a, b) => a.start - b.start);
  }

  return { match };
}

/** Every entity mention in the sentences, in sentence order then text order. */
export function findMentions(sentences: readonly Sentence[], matcher: MentionMatcher): Mention[] {
  const mentions: Mention[] = [];
  for (const s of sentences) {
    for (const m of matcher.match(s.text)) mentions.push(mentionIn(s, m));
  }
  return mentions;
}

/** The mention a match in sentence `s` stands for. */
export function mentionIn(s: Sentence, m: TextMatch): Mention {
  return { entityId: m.entityId, docId: s.docId, sectionId: s.sectionId, file: s.file, line: s.line, matched: m.matched, sentence: s.text, start: m.start, end: m.end };
}
