// Sentence segmentation: text the segmenter would leave whole skips it (sentences.ts ONE_SENTENCE);
// on any text the sentences are exactly Intl.Segmenter's, cut to MAX_SENTENCE.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedSegments, MAX_SENTENCE } from '../../src/pipeline/sentences.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const bySegmenter = (text: string) => [...segmenter.segment(text)].map(({ segment, index }) => ({ segment, index }));

const pieces = ['Azure', ' ', 'AD', 'e.g.', '.', '. ', '!', '?', '?!', '"', '\u201d', ')', ']', '\t', '\r', '\u2029', '\u0085', '\u3002', 'a', 'B', '1.2', '\u00a0', ' Next'];

describe('boundedSegments', () => {
  it('gives the segmenter\u2019s sentences on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect([...boundedSegments(text)]).toEqual(bySegmenter(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps one-sentence text whole, and cuts text longer than MAX_SENTENCE at a space', () => {
    expect([...boundedSegments('Use Azure AD Connect.')]).toEqual([{ segment: 'Use Azure AD Connect.', index: 0 }]);
    expect([...boundedSegments('Use it.\u201d  ')]).toEqual([{ segment: 'Use it.\u201d  ', index: 0 }]);
    expect([...boundedSegments('')]).toEqual([]);
    const long = 'word '.repeat(500);
    const cut = [...boundedSegments(long)];
    expect(cut.map((s) => s.segment).join('')).toBe(long);
    expect(Math.max(...cut.map((s) => s.segment.length))).toBeLessThanOrEqual(MAX_SENTENCE);
  });
});
