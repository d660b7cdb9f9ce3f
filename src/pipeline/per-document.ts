// The stages after parsing (candidate names, mentions, relations) work one document at a time: what a
// document contributes depends on its own sentences plus one shared input (the known entities, or all
// entities). A rebuild reuses the contributions of unchanged documents from a StageCache while that
// shared input is the same, so one edited document costs one document's matching, not the whole set's.
// Cached values are compact tuples that point into the document's sentences (a mention repeats its
// sentence's text; a million of them would make the cache as big as the content).
import { scanCandidates, type CandidateScan } from './discover.ts';
import { mentionIn, type MentionMatcher } from './mentions.ts';
import { evidenceOf, extractRelations } from './relations.ts';
import type { Entity, Mention, Relation, RelationOrigin, RelationType, Section, Sentence } from './types.ts';

/** One stage's per-document results of an earlier build, for one value of the stage's shared input. */
export interface StageCache {
  get(docKey: string): unknown;
  set(docKey: string, value: unknown): void;
}

/** A parsed document as the later stages see it; `key` is its content-hash cache key, if any. */
export interface DocumentWork {
  id: string;
  key?: string;
  sentences: readonly Sentence[];
  sections: readonly Section[];
}

type CompactMention = [sentence: number, entityId: string, matched: string, start: number, end: number];
type CompactRelation = [source: string, type: RelationType, target: string, origin: RelationOrigin, sentence: number, rule: string, confidence: number, context: string | null];

/** `compute`, or the cached value for this document when there is one (stored on a miss). */
export function cachedPerDocument<T>(cache: StageCache | undefined, key: string | undefined, compute: () => T): T {
  if (!cache || key === undefined) return compute();
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

export function documentCandidates(doc: DocumentWork, knownMatcher: () => MentionMatcher, cache?: StageCache): CandidateScan {
  return cachedPerDocument(cache, doc.key, () => scanCandidates(doc.sentences, knownMatcher()));
}

/** The document's mentions in sentence order, then text order (as findMentions gives them). */
export function documentMentions(doc: DocumentWork, matcher: () => MentionMatcher, cache?: StageCache): Mention[] {
  const compact = cachedPerDocument(cache, doc.key, () => {
    const found: CompactMention[] = [];
    const m = matcher();
    doc.sentences.forEach((s, i) => {
      for (const hit of m.match(s.text)) found.push([i, hit.entityId, hit.matched, hit.start, hit.end]);
    });
    return found;
  });
  return compact.map(([i, entityId, matched, start, end]) => mentionIn(doc.sentences[i]!, { entityId, matched, start, end }));
}

/** The document's typed relations, in extractRelations' order. */
export function documentRelations(doc: DocumentWork, mentions: readonly Mention[], entities: readonly Entity[], cache?: StageCache): Relation[] {
  const compute = () => extractRelations({ sentences: doc.sentences, sections: doc.sections, mentions, entities });
  if (!cache || doc.key === undefined) return compute();
  const compact = cachedPerDocument(cache, doc.key, () =>
    compute().map((r): CompactRelation => [r.source, r.type, r.target, r.origin, sentenceOf(r, doc.sentences), r.rule ?? '', r.confidence ?? 0, r.evidence.context ?? null]),
  );
  return compact.map(([source, type, target, origin, i, rule, confidence, context]) => {
    const evidence = evidenceOf(doc.sentences[i]!);
    if (context !== null) evidence.context = context;
    return { source, target, type, origin, evidence, rule, confidence };
  });
}

/** The sentence a relation's evidence quotes (evidence is always built from one of the input sentences). */
function sentenceOf(r: Relation, sentences: readonly Sentence[]): number {
  const i = sentences.findIndex((s) => s.line === r.evidence.line && s.text === r.evidence.sentence && s.sectionId === r.evidence.section);
  if (i < 0) throw new Error(`relation evidence is not a sentence of ${r.evidence.doc} (line ${r.evidence.line})`);
  return i;
}

export type { CandidateScan };
