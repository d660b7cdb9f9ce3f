// Multi-word names inside a sequence of encoded terms: "aad connect" in "aad connect vs ad fs".

/** Whether `phrase` occurs as consecutive terms of `terms`. */
export function containsPhrase(terms: readonly string[], phrase: readonly string[]): boolean {
  return phraseAt(terms, phrase) >= 0;
}

export function phraseAt(terms: readonly string[], phrase: readonly string[], from = 0): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = from; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}
