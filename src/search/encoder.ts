// The one text encoder of search: the index is built and queried with it, and excerpts are
// highlighted with it, so a word matches exactly when its encoded form does.
import { Charset, Encoder, type EncoderOptions } from 'flexsearch';
import english from 'flexsearch/lang/en';
import { stemmer } from 'stemmer';

/** Bump when encoding changes: an index built with another version must not be queried. */
export const ENCODER_VERSION = 1;

// British spellings meet American ones before stemming ("synchronisation" -> "synchronization").
const BRITISH = /(\p{L}{3,})is(e|ed|es|ing|ation|ations)\b/gu;
// Abbreviations the docs use for the long words: after stemming "syncing" and "synchronize" meet.
const ABBREVIATIONS = new Map([
  ['sync', 'synchron'],
  ['auth', 'authent'],
  ['config', 'configur'],
  ['admin', 'administr'],
]);

export function createEncoder(): Encoder {
  // A documentation set repeats a few thousand words: stem each once (half of the index build was
  // Porter stemming the same words again).
  const stems = new Map<string, string>();
  const stem = (term: string): string => {
    let s = stems.get(term);
    if (s === undefined) {
      const stemmed = /^\p{L}+$/u.test(term) && term.length > 3 ? stemmer(term) : term;
      s = ABBREVIATIONS.get(stemmed) ?? stemmed;
      stems.set(term, s);
    }
    return s;
  };
  return new Encoder({
    ...(Charset.Normalize as EncoderOptions),
    // flexsearch's English preset: stop words and contractions, but Porter stemming instead of its
    // suffix table, which cuts "ADFS" to "adf" and "naïve" to "na".
    filter: new Set([...(english.filter as Set<string>), 'vs', 'versus', 'eg', 'ie', 'etc']),
    prepare: (text: string) => (english.prepare ? english.prepare(text) : text).replace(BRITISH, '$1iz$2'),
    // "2019" stays one term; the default splits numbers into triplets.
    numeric: false,
    // flexsearch's own cache of encoded strings is read only within 50 ms of a timer it starts, and
    // keyed by the string alone although encode() dedupes terms or not on request: with it, the index
    // depended on timing and on what was encoded before (an incremental build, which encodes only the
    // edited document, gave other shards than a clean build of the corpus). Stems are cached above.
    cache: false,
    finalize: (terms: string[]) => terms.map(stem),
  });
}
