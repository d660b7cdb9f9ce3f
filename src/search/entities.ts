// Entity names in a query: "aad connect vs adfs" names Azure AD Connect and AD FS. Each name of
// each entity (label, aliases, former names) is encoded like the query; the longest match wins.
import type { Encoder } from 'flexsearch';
import type { EntityEntry } from './format.ts';
import { phraseAt } from './phrases.ts';

export interface NamedSpan {
  /** Query term positions [start, end). */
  start: number;
  end: number;
  entity: EntityEntry;
  /** Every name of the entity, encoded: their words are highlighted in excerpts. */
  names: string[][];
}

interface Name {
  terms: string[];
  entity: EntityEntry;
}

const namesCache = new WeakMap<readonly EntityEntry[], Map<string, Name[]>>();

/** Names by their first term, longest first; vocabulary entities before discovered ones. */
function namesByFirstTerm(entities: readonly EntityEntry[], encoder: Encoder): Map<string, Name[]> {
  let byFirst = namesCache.get(entities);
  if (byFirst) return byFirst;
  byFirst = new Map();
  for (const entity of entities) {
    for (const name of [entity.label, ...entity.names]) {
      const terms = encoder.encode(name) as string[];
      if (terms.length === 0) continue;
      const list = byFirst.get(terms[0]!) ?? [];
      list.push({ terms, entity });
      byFirst.set(terms[0]!, list);
    }
  }
  const rank = (n: Name) => (n.entity.type === 'discovered' ? 1 : 0);
  for (const list of byFirst.values()) list.sort((a, b) => b.terms.length - a.terms.length || rank(a) - rank(b) || (a.entity.id < b.entity.id ? -1 : 1));
  namesCache.set(entities, byFirst);
  return byFirst;
}

/** Names in the terms as typed, then in their typo-corrected form where nothing was found. */
export function detectEntities(typed: readonly string[], corrected: readonly string[], entities: readonly EntityEntry[], encoder: Encoder): NamedSpan[] {
  const spans = detectIn(typed, entities, encoder);
  const covered = new Set(spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k)));
  for (const span of detectIn(corrected, entities, encoder)) {
    if (!Array.from({ length: span.end - span.start }, (_, k) => span.start + k).some((p) => covered.has(p))) spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

function detectIn(terms: readonly string[], entities: readonly EntityEntry[], encoder: Encoder): NamedSpan[] {
  const byFirst = namesByFirstTerm(entities, encoder);
  const spans: NamedSpan[] = [];
  for (let i = 0; i < terms.length; ) {
    const match = (byFirst.get(terms[i]!) ?? []).find((n) => phraseAt(terms, n.terms, i) === i);
    if (!match) {
      i++;
      continue;
    }
    const all = [match.entity.label, ...match.entity.names].map((n) => encoder.encode(n) as string[]);
    spans.push({ start: i, end: i + match.terms.length, entity: match.entity, names: all });
    i += match.terms.length;
  }
  return spans;
}
