// Names a sentence treats as things: the noun phrases it makes the subject or object of a relation
// ("Site mailboxes are provisioned through SharePoint 2013", "Office 365 CDN uses the HTTP/2
// protocol"). Discovery promotes such a phrase when it looks like a name (capitals, an acronym, or a
// lexicon term head such as "authentication" or "cache") and is not a generic noun ("user accounts").
import { readClauses, type ClauseContext } from './clauses.ts';
import type { Lexicon } from './lexicon.ts';
import { tagSentence, type Token } from './nlp.ts';
import { buildUnits, type Slot } from './units.ts';

const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const PSEUDO = '\u0002np:';

/** The noun phrases of `text` (outside the known names) that some relation of the sentence takes as an argument. */
export function argumentNames(text: string, known: readonly Slot[], lex: Lexicon, ctx: ClauseContext): string[] {
  const tokens = tagSentence(text);
  const chunks = nounChunks(text, tokens, known, lex);
  if (chunks.length === 0) return [];
  const slots: Slot[] = [...known.filter((k) => !chunks.some((c) => c.start <= k.start && k.end <= c.end)), ...chunks.map((c, i) => ({ entityId: `${PSEUDO}${i}`, start: c.start, end: c.end }))];
  slots.sort((a, b) => a.start - b.start);
  const found = readClauses(buildUnits(tokens, slots, lex), lex, ctx);
  const names = new Set<string>();
  for (const st of found.statements) {
    for (const id of [st.source, st.target]) if (id.startsWith(PSEUDO)) names.add(chunks[Number(id.slice(PSEUDO.length))]!.name);
  }
  return [...names];
}

interface Chunk {
  start: number;
  end: number;
  name: string;
}

/** A word of the sentence with hyphen, slash and dot pieces joined ("site-to-site", "HTTP/2", "ASP.NET"). */
interface Word {
  text: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
}

function joinPieces(tokens: readonly Token[]): Word[] {
  const words: Word[] = [];
  for (const t of tokens) {
    const prev = words[words.length - 1];
    const glue = /^[-/.]$/;
    if (prev !== undefined && prev.end === t.start && (glue.test(t.text) || glue.test(prev.text[prev.text.length - 1]!))) {
      prev.text += t.text;
      prev.lower += t.lower;
      prev.end = t.end;
      if (!glue.test(t.text)) prev.pos = t.pos === 'PUNCT' ? prev.pos : t.pos === 'ADP' || t.pos === 'PART' ? 'NOUN' : t.pos;
      continue;
    }
    words.push({ text: t.text, lower: t.lower, pos: t.pos, start: t.start, end: t.end });
  }
  // A piece glued at the end ("network." before the next sentence) was punctuation after all.
  for (const w of words) {
    while (w.text.length > 1 && /[-/.]$/.test(w.text)) {
      w.text = w.text.slice(0, -1);
      w.lower = w.lower.slice(0, -1);
      w.end--;
    }
  }
  return words;
}

/** Maximal runs of adjectives, nouns and numbers ending in a noun, trimmed, that look like names. */
function nounChunks(text: string, tokens: readonly Token[], known: readonly Slot[], lex: Lexicon): Chunk[] {
  const words = joinPieces(tokens);
  const inKnown = (w: Word): boolean => known.some((k) => w.start < k.end && w.end > k.start);
  const np = (w: Word | undefined): boolean => w !== undefined && !inKnown(w) && NP_POS.has(w.pos) && !/[.,;:]$/.test(w.text);
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < words.length) {
    if (!np(words[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length && np(words[j + 1]) && words[j + 1]!.start - words[j]!.end <= 1) j++;
    // A known name right before the phrase makes one compound with it when the phrase ends in a word
    // for a kind of thing ("Azure Active Directory admin portal", "Azure VPN gateway"); "BGP
    // advertisements" or "SAML 1.1 token format" are still BGP and SAML.
    const tail = words[j]!.lower;
    // A version after the name ("SAML 1.1 token format") is a release of that name, not a new compound.
    const compounds = (lex.termHeads.has(tail) || lex.typeWords.has(tail)) && !/^\p{N}/u.test(words[i]!.text);
    const before = compounds ? known.find((k) => k.end === words[i]!.start - 1 || k.end === words[i]!.start) : undefined;
    // Trim determiner-like words at the start (not after a name), anything but a noun at the end.
    let a = i;
    while (before === undefined && a <= j && (lex.stopWords.has(words[a]!.lower) || lex.fillers.has(words[a]!.lower))) a++;
    let b = j;
    while (b >= a && words[b]!.pos !== 'NOUN' && words[b]!.pos !== 'PROPN') b--;
    if (b >= a && b - a < 6) {
      const start = before !== undefined && a === i ? before.start : words[a]!.start;
      const raw = text.slice(start, words[b]!.end);
      const name = nameOf(raw, a === 0 && start === words[a]!.start, lex);
      if (name !== undefined) chunks.push({ start, end: words[b]!.end, name });
    }
    i = j + 1;
  }
  return chunks;
}

/** The phrase as a name, or undefined when it is generic; a grammatical capital at sentence start is dropped. */
export function nameOf(raw: string, atStart: boolean, lex: Lexicon): string | undefined {
  const words = raw.split(/\s+/);
  if (words.length > 6 || words.some((w) => /[^\p{L}\p{N}./+#&-]/u.test(w))) return undefined;
  // "SAML 1.1 token format", "Windows 10 devices": lower-case words after a version are a part of
  // that release, which the name up to its version names.
  const version = words.findIndex((w, k) => k > 0 && /^\p{N}/u.test(w) && /^\p{Ll}/u.test(words[k + 1] ?? ''));
  if (version > 0) return nameOf(words.slice(0, version + 1).join(' '), atStart, lex);
  const last = words[words.length - 1]!.toLowerCase();
  const strong = (w: string, k: number): boolean => /\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}/u.test(w) || (/^\p{Lu}/u.test(w) && !(atStart && k === 0));
  if (/^\p{N}/u.test(words[0]!)) return undefined;
  if (words.some(strong)) {
    // One capitalised first word before lower-case ones is a sentence or cell start ("Tests connectivity").
    const strongCount = words.filter(strong).length;
    if (strongCount === 1 && strong(words[0]!, 0) && !/\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}|\p{N}/u.test(words[0]!) && words.length > 1) return undefined;
    // "Office 365 settings", "Azure AD Connect server": a name and a generic head are not a new name,
    // "Azure virtual network" is (its lower-case part is a term); "HTTP/2 protocol" is "HTTP/2".
    // A capitalised head ("Contoso Gateway Server") is part of the name.
    if ((lex.genericNouns.has(last) || lex.headNouns.has(last)) && !/^\p{Lu}/u.test(words[words.length - 1]!)) {
      const lowerPart = words.filter((w, k) => !strong(w, k));
      if (lowerPart.length >= 2 && nameOf(lowerPart.join(' '), false, lex) !== undefined) return raw;
      if (words.length >= 2 && lex.headNouns.has(last) && !lex.genericNouns.has(last)) return nameOf(words.slice(0, -1).join(' '), atStart, lex);
      return undefined;
    }
    // A lone capitalised word is a title or UI word ("Identity", "Advantages") unless its shape says more ("IdFix", "IPv6").
    if (words.length === 1 && !/\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}|\p{N}/u.test(words[0]!)) return undefined;
    return raw;
  }
  // Lower case: a compound before a term head ("site mailbox", "basic authentication", "blob cache").
  if (words.length < 2 || (!lex.termHeads.has(last.replace(/s$/, '')) && !lex.termHeads.has(last))) return undefined;
  if (words.slice(0, -1).some((w) => lex.stopWords.has(w.toLowerCase()))) return undefined;
  return atStart ? raw[0]!.toLowerCase() + raw.slice(1) : raw;
}
