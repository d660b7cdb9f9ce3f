// Typo distance: the bounded optimal-string-alignment distance against plain reference definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEdits, boundedDistance } from '../../src/search/fuzzy.ts';

/** Textbook Levenshtein distance (insert, delete, substitute), full table. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

/** Textbook optimal string alignment: Levenshtein plus transposition of adjacent characters. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

// A small alphabet so that random strings are often close to each other.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'ß'), maxLength: 10 });
const max = fc.integer({ min: 0, max: 4 });

describe('boundedDistance', () => {
  it('is symmetric', () => {
    fc.assert(fc.property(word, word, max, (a, b, m) => boundedDistance(a, b, m) === boundedDistance(b, a, m)), { numRuns: 2000 });
  });

  it('is 0 exactly when the words are equal', () => {
    fc.assert(fc.property(word, word, max, (a, b, m) => (boundedDistance(a, b, m) === 0) === (a === b)), { numRuns: 2000 });
    fc.assert(fc.property(word, max, (a, m) => boundedDistance(a, a, m) === 0));
  });

  it('is at most the Levenshtein distance, and at most max + 1', () => {
    fc.assert(fc.property(word, word, max, (a, b, m) => boundedDistance(a, b, m) <= Math.min(levenshtein(a, b), m + 1)), { numRuns: 2000 });
  });

  it('is the optimal string alignment distance when that is within max, else max + 1', () => {
    fc.assert(fc.property(word, word, max, (a, b, m) => boundedDistance(a, b, m) === Math.min(osa(a, b), m + 1)), { numRuns: 3000 });
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(boundedDistance('directroy', 'directory', 2)).toBe(1);
    expect(levenshtein('directroy', 'directory')).toBe(2);
    expect(boundedDistance('expresroute', 'expressroute', 2)).toBe(1);
    expect(boundedDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('allowedEdits', () => {
  it('allows none below 4 characters, one up to 7, two from 8', () => {
    expect([1, 3, 4, 7, 8, 20].map(allowedEdits)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
