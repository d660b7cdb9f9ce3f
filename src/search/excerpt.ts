// A short excerpt around the densest cluster of matched words, with their offsets for <mark>.
import type { Encoder } from 'flexsearch';

export interface Excerpt {
  text: string;
  /** [start, end) character offsets of matched words in `text`. */
  marks: [number, number][];
}

const WORDS = /[\p{L}\p{N}]+/gu;
const WINDOW = 30;

export function makeExcerpt(source: string, matchTerms: ReadonlySet<string>, encoder: Encoder): Excerpt {
  const text = source.replace(/\s+/g, ' ').trim();
  const words = [...text.matchAll(WORDS)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: isMatch(m[0], matchTerms, encoder) }));
  if (words.length === 0) return { text: '', marks: [] };
  // The window of WINDOW words with the most distinct hits; ties keep the earliest.
  let bestStart = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.hit) hits++;
    if (i >= WINDOW && words[i - WINDOW]!.hit) hits--;
    const start = Math.max(0, i - WINDOW + 1);
    if (hits > bestHits) {
      bestHits = hits;
      bestStart = start;
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

function isMatch(word: string, matchTerms: ReadonlySet<string>, encoder: Encoder): boolean {
  const encoded = encoder.encode(word) as string[];
  return encoded.length > 0 && encoded.every((t) => matchTerms.has(t));
}
