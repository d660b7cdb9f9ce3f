// A short excerpt around the densest cluster of matched words, with their offsets for <mark>.
// Single query words are marked wherever they occur; a name ("Azure AD Connect") only where all of
// its words occur together, so "Azure" alone is not marked for a query about Azure AD Connect.
import type { Encoder } from 'flexsearch';

export interface Excerpt {
  text: string;
  /** [start, end) character offsets of matched words in `text`. */
  marks: [number, number][];
}

export interface Highlight {
  terms: ReadonlySet<string>;
  phrases: readonly (readonly string[])[];
}

const WORDS = /[\p{L}\p{N}]+/gu;
const WINDOW = 30;

export function makeExcerpt(source: string, highlight: Highlight, encoder: Encoder): Excerpt {
  const text = source.replace(/\s+/g, ' ').trim();
  const words = [...text.matchAll(WORDS)].map((m) => ({ start: m.index, end: m.index + m[0].length, term: (encoder.encode(m[0]) as string[])[0], hit: false }));
  if (words.length === 0) return { text: '', marks: [] };
  for (const w of words) w.hit = w.term !== undefined && highlight.terms.has(w.term);
  markPhrases(words, highlight.phrases);
  // The window of WINDOW words with the most hits; ties keep the earliest.
  let bestStart = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.hit) hits++;
    if (i >= WINDOW && words[i - WINDOW]!.hit) hits--;
    if (hits > bestHits) {
      bestHits = hits;
      bestStart = Math.max(0, i - WINDOW + 1);
    }
  }
  // Start a few words before the first hit so the excerpt reads as a phrase.
  const firstHit = words.findIndex((w, i) => i >= bestStart && w.hit);
  const from = firstHit > 0 ? Math.max(0, Math.min(bestStart, firstHit - 4)) : bestStart;
  const to = Math.min(words.length, from + WINDOW);
  const startChar = from === 0 ? 0 : words[from]!.start;
  const endChar = to === words.length ? text.length : words[to - 1]!.end;
  const prefix = startChar > 0 ? '… ' : '';
  const suffix = endChar < text.length ? ' …' : '';
  const marks = words
    .slice(from, to)
    .filter((w) => w.hit)
    .map((w): [number, number] => [w.start - startChar + prefix.length, w.end - startChar + prefix.length]);
  return { text: prefix + text.slice(startChar, endChar) + suffix, marks };
}

/** Marks every complete occurrence of a phrase in the words' terms (stop words have none and are skipped). */
function markPhrases(words: { term: string | undefined; hit: boolean }[], phrases: Highlight['phrases']): void {
  const indexed = words.flatMap((w, i) => (w.term === undefined ? [] : [i]));
  for (let k = 0; k < indexed.length; k++) {
    for (const phrase of phrases) {
      if (phrase.length === 0 || k + phrase.length > indexed.length) continue;
      if (phrase.every((t, j) => words[indexed[k + j]!]!.term === t)) for (let j = 0; j < phrase.length; j++) words[indexed[k + j]!]!.hit = true;
    }
  }
}
