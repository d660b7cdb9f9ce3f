// English sentence analysis from wink-nlp and its lite web model (both ship inside their npm packages;
// nothing is downloaded): tokens with part of speech (Universal Dependencies tags), lemma and the
// negation scope wink marks. The model is loaded on first use, so builds that find every document's
// relations in the cache never pay its ~0.2 s.
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export interface Token {
  text: string;
  /** Lower case. */
  lower: string;
  lemma: string;
  /** UD part of speech: NOUN, PROPN, VERB, AUX, ADP, DET, ADJ, ADV, PRON, CCONJ, SCONJ, PART, PUNCT, NUM... */
  pos: string;
  /** Inside the scope of a negation ("does not require", "can't use"). */
  negated: boolean;
  /** Offsets in the analysed string (UTF-16 units, end exclusive). */
  start: number;
  end: number;
}

let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * A tagged sentence as the memo keeps it: offsets and codes in typed arrays, lemmas and tags interned.
 * At 10,000 documents token objects for every remembered sentence were tens of megabytes.
 */
interface Compact {
  starts: Int32Array;
  ends: Int32Array;
  pos: Uint8Array;
  negated: Uint8Array;
  lemmas: string[];
}

// Discovery and relation extraction tag many of the same sentences (and includes repeat them across
// documents): each text is tagged once per process, in a bounded memo.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, Compact>();
const tags: string[] = [];
const tagIndex = new Map<string, number>();
const interned = new Map<string, string>();
const intern = (s: string): string => {
  const have = interned.get(s);
  if (have !== undefined) return have;
  if (interned.size < 200_000) interned.set(s, s);
  return s;
};

/** Tokens of one sentence (fresh objects each call; the analysis of a text is remembered). */
export function tagSentence(text: string): Token[] {
  let compact = memo.get(text);
  if (compact === undefined) {
    compact = tag(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, compact);
  }
  const out: Token[] = [];
  for (let i = 0; i < compact.starts.length; i++) {
    const start = compact.starts[i]!;
    const end = compact.ends[i]!;
    const t = text.slice(start, end);
    out.push({ text: t, lower: t.toLowerCase(), lemma: compact.lemmas[i]!, pos: tags[compact.pos[i]!]!, negated: compact.negated[i] === 1, start, end });
  }
  return out;
}

function tag(text: string): Compact {
  nlp ??= winkNLP(model, ['pos', 'negation']);
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's types leave the lemma helper's addons argument out of `out`'s signature.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const negation = tokens.out(its.negationFlag) as unknown as boolean[];
  const n = values.length;
  const compact: Compact = { starts: new Int32Array(n), ends: new Int32Array(n), pos: new Uint8Array(n), negated: new Uint8Array(n), lemmas: new Array<string>(n) };
  let at = 0;
  values.forEach((value, i) => {
    // wink keeps each token's text as written ("ca" + "n't"), so its offsets are found in order.
    const found = text.indexOf(value, at);
    const start = found < 0 ? at : found;
    const end = found < 0 ? at : start + value.length;
    at = end;
    const p = pos[i] ?? 'X';
    let code = tagIndex.get(p);
    if (code === undefined) {
      code = tags.length;
      tags.push(p);
      tagIndex.set(p, code);
    }
    compact.starts[i] = start;
    compact.ends[i] = end;
    compact.pos[i] = code;
    compact.negated[i] = negation[i] === true ? 1 : 0;
    compact.lemmas[i] = intern((lemmas[i] ?? value).toLowerCase());
  });
  // "with or without Y" offers Y as an option; wink opens a negation scope at "without" all the same.
  for (let i = 2; i < n; i++) {
    if (values[i]!.toLowerCase() !== 'without' || values[i - 1]!.toLowerCase() !== 'or' || values[i - 2]!.toLowerCase() !== 'with' || compact.negated[i - 2] === 1) continue;
    for (let j = i + 1; j < n && compact.negated[j] === 1; j++) compact.negated[j] = 0;
  }
  return compact;
}
