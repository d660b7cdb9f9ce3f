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

// Discovery and relation extraction tag many of the same sentences (and includes repeat them across
// documents): each text is tagged once per process, in a bounded memo.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, Token[]>();

/** Tokens of one sentence (the same array for the same text: callers must not change it). */
export function tagSentence(text: string): readonly Token[] {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const tokens = tag(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, tokens);
  return tokens;
}

function tag(text: string): Token[] {
  nlp ??= winkNLP(model, ['pos', 'negation']);
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's types leave the lemma helper's addons argument out of `out`'s signature.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const negation = tokens.out(its.negationFlag) as unknown as boolean[];
  const out: Token[] = [];
  let at = 0;
  values.forEach((value, i) => {
    // wink keeps each token's text as written ("ca" + "n't"), so its offsets are found in order.
    const found = text.indexOf(value, at);
    const start = found < 0 ? at : found;
    const end = found < 0 ? at : start + value.length;
    at = end;
    out.push({ text: value, lower: value.toLowerCase(), lemma: (lemmas[i] ?? value).toLowerCase(), pos: pos[i] ?? 'X', negated: negation[i] === true, start, end });
  });
  return out;
}
