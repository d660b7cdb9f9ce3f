// The names a predicate takes as objects: from a position to the right, across the words that may
// stand between ("an on-premises installation of", "identity integration tools such as", "the cloud
// service"), and on through "and with ..." and example lists ("Office 365, including A and B").
import type { Lexicon } from './lexicon.ts';
import { isPossessive, type Analysed, type Group, type Unit } from './units.ts';

export interface Objects {
  groups: Group[];
  /** Index after the last unit used. */
  next: number;
  /** Words skipped before the first name. */
  skipped: number;
  /** The names are the members of a list a counted category noun introduced ("two main models: A and B"). */
  listed: boolean;
}

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'cannot', 'neither', 'nor', 'without']);
const CONTAINER_PREPS = new Set(['in', 'within', 'from']);
const QUANTIFIERS = new Set(['one', 'all', 'each', 'some', 'any', 'most', 'both', 'either', 'least', 'many', 'none']);

export function objectsFrom(a: Analysed, lexicon: Lexicon, start: number, preps: readonly string[] = []): Objects {
  const u = a.units;
  const out: Objects = { groups: [], next: start, skipped: 0, listed: false };
  let k = start;
  let budget = 8;
  let counted = false;
  while (k < u.length && budget > 0) {
    const x = u[k]!;
    if (x.kind === 'entity') {
      const g = a.groupAt.get(k)!;
      if (g.modifier) {
        // "many hybrid scenarios (Staged migration, Hybrid Exchange)": the names in the parenthesis.
        let n = g.last + 1;
        while (n < u.length && n - g.last < 4 && u[n]!.kind === 'word' && (u[n]!.pos === 'NOUN' || u[n]!.pos === 'PROPN')) n++;
        if (u[n]?.lower === '(' && u[n + 1]?.kind === 'entity') {
          out.skipped += n - k;
          k = n + 1;
          continue;
        }
        break;
      }
      // "uses two main identity models: A and B": the counted name is the category of the list after it.
      if (counted && u[g.last + 1]?.lower === ':') {
        k = g.last + 2;
        counted = false;
        out.listed = true;
        continue;
      }
      out.groups.push(g);
      k = g.last + 1;
      out.next = k;
      // "Microsoft SaaS services (Office 365 and Dynamics 365), Azure PaaS services, and ...": the names in
      // parentheses are objects too, and the list goes on after them.
      const close = u[k]?.lower === '(' ? u.findIndex((x, m) => m > k && x.lower === ')') : -1;
      if (close > k && close - k < 12) {
        const inner = u[k + 1]?.kind === 'entity' ? a.groupAt.get(k + 1) : undefined;
        // One name alone in parentheses is an acronym, a version or another name of the first: not a list.
        if (inner !== undefined && inner.members.length > 1 && inner.last + 1 === close && !inner.modifier && !u.slice(k, close).some((x) => x.negated)) {
          out.groups.push(inner);
          out.next = close + 1;
        }
        let c = close + 1;
        if (u[c]?.lower === ',') c++;
        if (u[c]?.lower === 'and' || u[c]?.lower === 'or') c++;
        if (c > close + 1 && u[c]?.kind === 'entity') {
          k = c;
          budget = 6;
          continue;
        }
      }
      // "Office 365, including A and B": the examples are objects too.
      const example = exampleAt(u, k, lexicon);
      if (example > 0 && u[k + example]?.kind === 'entity') {
        k += example;
        budget = 3;
        continue;
      }
      // ", and with Y", "and to Y": more objects of the same preposition.
      let c = k;
      if (u[c]?.lower === ',') c++;
      if (u[c]?.lower === 'and' || u[c]?.lower === 'or') c++;
      else break;
      if (u[c] !== undefined && preps.includes(u[c]!.lower)) c++;
      else break;
      k = c;
      budget = 6;
      continue;
    }
    if (x.negated || NEGATORS.has(x.lower)) break;
    // "deploy your own CDN instance": an instance of a kind, not the named thing.
    if (x.lower === 'own') break;
    if (x.pos === 'DET' || x.pos === 'NUM' || isPossessive(x) || lexicon.fillers.has(x.lower) || (x.pos === 'ADJ' && !x.lower.endsWith('ing'))) {
      if (lexicon.countWords.has(x.lower) && x.lower !== 'both') counted = true;
      k++;
      budget--;
      out.skipped++;
      continue;
    }
    // "one of the", "all of", "each of"
    if (x.lower === 'of' && k > start && QUANTIFIERS.has(u[k - 1]!.lower)) {
      k++;
      continue;
    }
    // The tagger calls some nouns after a determiner verbs ("the set/VERB of accounts").
    if (x.pos === 'NOUN' || x.pos === 'PROPN' || (x.pos === 'VERB' && u[k - 1]?.pos === 'DET')) {
      // "an installation of", "a free subscription to"
      if (lexicon.transparentNouns.has(x.lemma) && lexicon.transparentPreps.has(u[k + 1]?.lower ?? '')) {
        k += 2;
        budget -= 2;
        out.skipped += 2;
        continue;
      }
      // "identity integration tools such as", "the cloud service Azure AD"
      let n = k;
      while (n < u.length && n - k < 5 && u[n]!.kind === 'word' && exampleAt(u, n, lexicon) === 0 && (u[n]!.pos === 'NOUN' || u[n]!.pos === 'PROPN' || u[n]!.pos === 'ADJ' || (u[n]!.lower === 'and' && u[n + 1]?.pos === 'NOUN'))) n++;
      // "the set of accounts in AD DS", "publishing pages in SharePoint Online": generic things that stand for where they are.
      if (n > k && lexicon.genericNouns.has(u[n - 1]!.lower) && CONTAINER_PREPS.has(u[n]?.lower ?? '')) {
        let m = n + 1;
        while (u[m]?.kind === 'word' && (u[m]!.pos === 'DET' || isPossessive(u[m]!) || u[m]!.lower === 'on-premises')) m++;
        if (u[m]?.kind === 'entity') {
          out.skipped += m - k;
          budget -= m - k;
          k = m;
          continue;
        }
      }
      // "the list of accounts in AD DS": a generic noun's "of" phrase.
      if (n > k && n - k < 3 && lexicon.genericNouns.has(u[n - 1]!.lower) && u[n]?.lower === 'of' && (u[n + 1]?.pos === 'NOUN' || u[n + 1]?.pos === 'ADJ')) {
        out.skipped += n + 1 - k;
        budget -= n + 1 - k;
        k = n + 1;
        continue;
      }
      const example = exampleAt(u, n, lexicon);
      if (example > 0) {
        out.skipped += n - k + example;
        budget -= n - k;
        k = n + example;
        continue;
      }
      // "two main models: A and B", "many hybrid scenarios (Staged migration, Hybrid Exchange)"
      if ((u[n]?.lower === ':' || u[n]?.lower === '(') && u[n + 1]?.kind === 'entity') {
        out.listed ||= counted && u[n]!.lower === ':';
        out.skipped += n - k;
        k = n + 1;
        continue;
      }
      if (n > k && u[n]?.kind === 'entity' && lexicon.headNouns.has(u[n - 1]!.lower)) {
        out.skipped += n - k;
        k = n;
        continue;
      }
    }
    const example = exampleAt(u, k, lexicon);
    if (example > 0 && k > start) {
      k += example;
      continue;
    }
    // "two main models: cloud authentication and federated authentication"
    if (x.lower === ':' && k > start && u[k + 1]?.kind === 'entity' && (u[k - 1]!.pos === 'NOUN' || u[k - 1]!.pos === 'PROPN')) {
      out.listed ||= counted;
      k++;
      continue;
    }
    break;
  }
  return out;
}

/** Length of an example phrase ("such as", ", including") starting at `k`, else 0. */
export function exampleAt(u: readonly Unit[], k: number, lexicon: Lexicon): number {
  let at = k;
  if (u[at]?.lower === ',') at++;
  for (const phrase of lexicon.examples) {
    if (!phrase.every((p, n) => u[at + n]?.lower === p)) continue;
    // "services including; Exchange Online, ...": punctuation after the phrase belongs to it.
    const after = at + phrase.length;
    return after - k + (u[after]?.lower === ';' || u[after]?.lower === ':' ? 1 : 0);
  }
  return 0;
}
