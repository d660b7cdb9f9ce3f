// Typed relations between entities: what each sentence states (read with wink-nlp and the relation
// lexicon, relations/clauses.ts), what the structure states (lead-in sentences and their lists or
// tables, headings and their subsections, heading phrases, table headers: relations/structure.ts),
// checked against the entity types. A missing edge costs little, a wrong edge misleads every page
// that shows it: each analysis refuses rather than guesses, and says why (`explain`).
import { readClauses, type ClauseContext, type Statement } from './relations/clauses.ts';
import { lexicon, mayState, type Lexicon } from './relations/lexicon.ts';
import { tagSentence } from './relations/nlp.ts';
import { blankOut, groupMentions, sentenceKey, skeleton, toSlots } from './relations/slots.ts';
import { headerEntry, phraseRelations, soleEntity, subsectionRelations } from './relations/structure.ts';
import { buildUnits, type Slot } from './relations/units.ts';
import type { Entity, Evidence, Mention, Relation, RelationOrigin, RelationType, Section, Sentence } from './types.ts';

export interface RelationInput {
  sentences: readonly Sentence[];
  sections: readonly Section[];
  mentions: readonly Mention[];
  entities: readonly Entity[];
}

/** Why a sentence that names two entities gave the edges it gave, or none (`npm run build -- --explain FILE`). */
export interface RelationExplanation {
  file: string;
  line: number;
  sentence: string;
  entities: string[];
  /** `source type target (rule, confidence)` of each statement kept. */
  edges: string[];
  /** Codes of what stopped the rest: negated, question, condition, no-subject, type-guard... */
  reasons: string[];
}

export interface RelationAnalysis {
  relations: Relation[];
  explanations: RelationExplanation[];
}

// Relations are extracted document by document against the same entity list: its index is built
// once per list, not once per document (10,000 documents x 2,000 entities).
const indexes = new WeakMap<readonly Entity[], ReadonlyMap<string, Entity>>();

function entityIndex(entities: readonly Entity[]): ReadonlyMap<string, Entity> {
  let index = indexes.get(entities);
  if (!index) indexes.set(entities, (index = new Map(entities.map((e) => [e.id, e]))));
  return index;
}

/** Extract typed relations (never `mentions`/`links-to`: another stage owns those). */
export function extractRelations(input: RelationInput): Relation[] {
  return analyseRelations(input).relations;
}

export function analyseRelations(input: RelationInput, options: { explain?: boolean } = {}): RelationAnalysis {
  const lex = lexicon();
  const entityById = entityIndex(input.entities);
  const out = new Map<string, Relation>();
  const explanations = new Map<string, RelationExplanation>();
  const explain = (s: Sentence, entities: readonly string[]): RelationExplanation | undefined => {
    if (!options.explain) return undefined;
    const key = sentenceKey(s.docId, s.line, s.text);
    let e = explanations.get(key);
    if (!e) explanations.set(key, (e = { file: s.file, line: s.line, sentence: s.text, entities: [...new Set(entities)], edges: [], reasons: [] }));
    return e;
  };
  const add = (source: string, type: RelationType, target: string, origin: RelationOrigin, s: Sentence, rule: string, confidence: number, context?: string): void => {
    const note = explain(s, [source, target]);
    if (source === target || !entityById.has(source) || !entityById.has(target)) return;
    if (!allowed(type, entityById.get(source)!, entityById.get(target)!, rule)) {
      note?.reasons.push(`type-guard: ${source} ${type} ${target} (${entityById.get(source)!.type} -> ${entityById.get(target)!.type})`);
      return;
    }
    // alternative-to is symmetric: one direction (by id) so both phrasings merge.
    if (type === 'alternative-to' && target < source) [source, target] = [target, source];
    const key = `${source}|${type}|${target}|${s.docId}|${s.line}|${s.text}`;
    const have = out.get(key);
    if (have !== undefined && (have.confidence ?? 0) >= confidence) return;
    const evidence = evidenceOf(s);
    if (context !== undefined) evidence.context = context;
    out.set(key, { source, target, type, origin, evidence, rule, confidence });
    note?.edges.push(`${source} ${type} ${target} (${rule}, ${confidence})`);
  };

  const mentionsBySentence = groupMentions(input.mentions);
  const slotsOf = (docId: string, line: number, text: string): Slot[] => toSlots(mentionsBySentence.get(sentenceKey(docId, line, text)) ?? []);
  const headings = new Map<string, { sentence: Sentence; entities: string[]; texts: string[] }>();
  const rowEntity = new Map<string, string>();
  for (const s of input.sentences) {
    if (s.block === 'heading') {
      const key = `${s.docId}#${s.sectionId}`;
      const slots = slotsOf(s.docId, s.line, s.text);
      if (!headings.has(key)) headings.set(key, { sentence: s, entities: slots.map((x) => x.entityId), texts: slots.map((x) => s.text.slice(x.start, x.end)) });
    }
    const p = s.place;
    if (p?.table !== undefined && p.column === 0 && p.row! > 0) {
      const key = `${s.docId}|${p.table}|${p.row}`;
      const id = soleEntity(s.text, slotsOf(s.docId, s.line, s.text), 3);
      if (id !== undefined && !rowEntity.has(key)) rowEntity.set(key, id);
    }
  }
  // "**Outlook Web App (Browser-based)**" under "### Exchange": what follows, up to the next heading,
  // is about the one entity the bold paragraph names, not the section's.
  const underPseudoHeading = new Map<Sentence, string>();
  let current: { section: string; entity: string | undefined } | undefined;
  for (const s of input.sentences) {
    const section = `${s.docId}#${s.sectionId}`;
    if (current?.section !== section) current = undefined;
    if (s.pseudoHeading) {
      const named = [...new Set(slotsOf(s.docId, s.line, s.text).map((x) => x.entityId))];
      current = { section, entity: named.length === 1 ? named[0] : undefined };
    } else if (current?.entity !== undefined && s.block !== 'heading') underPseudoHeading.set(s, current.entity);
  }

  // A section's topic: the one entity its heading names ("Azure AD Connect", "About IdFix").
  const topicOf = (s: Sentence): string | undefined => {
    const p = s.place;
    if (p?.table !== undefined && (p.column ?? 0) > 0) return rowEntity.get(`${s.docId}|${p.table}|${p.row}`);
    // "- Outlook Web App" / "  - Requires a subscription to Office 365": the item it is under.
    if (p?.owner !== undefined) {
      const named = itemEntities(p.owner.text, slotsOf(s.docId, p.owner.line, p.owner.text));
      if (named.length === 1) return named[0];
    }
    if (s.block === 'heading') return undefined;
    const pseudo = underPseudoHeading.get(s);
    if (pseudo !== undefined) return pseudo;
    const h = headings.get(`${s.docId}#${s.sectionId}`);
    const distinct = h === undefined ? [] : [...new Set(h.entities)];
    return distinct.length === 1 ? distinct[0] : undefined;
  };

  const leadIns = new Map<string, { leadIn: NonNullable<NonNullable<Sentence['place']>['leadIn']>; doc: Sentence; items: { entity: string; sentence: Sentence }[] }>();
  for (const s of input.sentences) {
    const slots = slotsOf(s.docId, s.line, s.text);
    const ids = slots.map((x) => x.entityId);
    const distinct = new Set(ids);
    const topic = topicOf(s);
    const named = distinct.size + (topic !== undefined && !distinct.has(topic) ? 1 : 0);

    const p = s.place;
    if (p?.leadIn !== undefined) {
      const row = p.table !== undefined ? rowEntity.get(`${s.docId}|${p.table}|${p.row}`) : undefined;
      const entities = p.table !== undefined ? (row === undefined ? [] : [row]) : itemEntities(s.text, slots);
      if (entities.length > 0) {
        const key = `${s.docId}|${p.leadIn.line}|${p.leadIn.text}`;
        const group = leadIns.get(key) ?? { leadIn: p.leadIn, doc: s, items: [] };
        for (const entity of entities) group.items.push({ entity, sentence: s });
        leadIns.set(key, group);
      }
    }
    // A table cell under a header that names a relation ("Requires", "Replaced by").
    if (p?.table !== undefined && (p.column ?? 0) > 0 && p.row! > 0 && topic !== undefined) {
      const entry = headerEntry(p.header ?? '', lex);
      if (entry !== undefined) {
        // "Features from Exchange 2013 and ...": a name after "from" or "than" is what the cell compares with, not its item.
        const items = new Set(slots.filter((x) => !lex.asidePreps.has(wordBefore(s.text, x.start, lex.fillers))).map((x) => x.entityId));
        for (const id of distinct) {
          if (!items.has(id)) continue;
          const [source, target] = entry.source === 'cell' ? [id, topic] : [topic, id];
          add(source, entry.type, target, 'structure', s, `table:${entry.type}`, entry.confidence, p.header);
        }
      }
    }
    if (named < 2) continue;
    const note = explain(s, topic !== undefined ? [...ids, topic] : ids);
    if (s.navigation) {
      note?.reasons.push('navigation');
      continue;
    }

    if ((s.block === 'heading' || s.block === 'listItem') && distinct.size >= 2) {
      // "Password hash sync with seamless single sign-on - The simplest way ...": the phrase before its description.
      const cut = /\s(?:-|–|—|:)\s/.exec(s.text);
      const phrase = cut === null ? s.text : s.text.slice(0, cut.index);
      for (const [a, type, b] of phraseRelations(skeleton(phrase, slots.filter((x) => x.end <= phrase.length)))) {
        if (type === 'option-of' && !optionHolder(entityById.get(slots[b]!.entityId), s.text.slice(slots[b]!.start, slots[b]!.end))) continue;
        add(slots[a]!.entityId, type, slots[b]!.entityId, 'structure', s, `phrase:${type}`, 0.8);
      }
    }
    // A lexicon word inside a name ("connect" of Azure AD Connect) is no predicate.
    if (!mayState(blankOut(s.text, slots), lex)) {
      note?.reasons.push('no-predicate');
      continue;
    }
    const found = analyseSentence(s.text, slots, { topic, fragment: s.block === 'listItem' || s.block === 'tableCell' }, lex, undefined, titleSpans(s, slots));
    for (const st of found.statements) add(st.source, st.type, st.target, 'extracted', s, st.rule, st.confidence);
    if (note) for (const r of found.reasons) if (!note.reasons.includes(r)) note.reasons.push(r);
  }

  // "The following are required for Azure AD Connect:" + one item per prerequisite.
  for (const { leadIn, doc, items } of leadIns.values()) {
    const own = slotsOf(doc.docId, leadIn.line, leadIn.text);
    // As for any sentence: a lexicon word inside a name is no predicate.
    if (!mayState(blankOut(leadIn.text, own), lex)) continue;
    const leadSentence: Sentence = { ...doc, line: leadIn.line, text: leadIn.text, block: 'paragraph' };
    delete leadSentence.place;
    const members = [...new Set(items.map((i) => i.entity))];
    const named = new Set(own.map((x) => x.entityId));
    const found = analyseSentence(leadIn.text, own, { topic: topicOf(leadSentence), fragment: false }, lex, { members });
    for (const st of found.statements) {
      // Each statement about an item is evidenced by the item, read with its lead-in (a name the
      // lead-in states itself is the lead-in's statement, not the item's).
      for (const item of items) {
        if (named.has(item.entity) || (st.source !== item.entity && st.target !== item.entity)) continue;
        add(st.source, st.type, st.target, 'structure', item.sentence, `list:${st.rule}`, st.confidence * 0.95, leadIn.text);
      }
    }
  }

  const headingOf = (section: Section) => headings.get(`${section.docId}#${section.id}`);
  for (const st of subsectionRelations(input.sections, headingOf, lex)) add(st.source, st.type, st.target, 'structure', st.sentence, st.rule, st.confidence, st.context);

  return {
    relations: [...out.values()].sort(compareRelations),
    explanations: [...explanations.values()].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.sentence, b.sentence)),
  };
}

/**
 * The entities a list item is about: the one named at its start ("**Password hash sync**: ...",
 * "Exchange Online"), or, after a label without a name ("Authentication methods: A; B; and C"), every
 * name after the colon.
 */
function itemEntities(text: string, slots: readonly Slot[]): string[] {
  const first = slots[0];
  if (first === undefined) return [];
  const colon = /^[^:]{1,60}:\s/.exec(text);
  if (colon !== null && first.start >= colon[0].length - 1) return [...new Set(slots.filter((x) => x.start >= colon[0].length - 1).map((x) => x.entityId))];
  const before = text.slice(0, first.start).replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().toLowerCase();
  if (before === '' || /^(?:the|an?|your)$/.test(before)) return [first.entityId];
  const sole = soleEntity(text, slots, 4);
  return sole === undefined ? [] : [sole];
}

/**
 * "X with Y" only reads as "Y is an option of X" when X is a specific approach (a concept named in
 * more than one word): "Exchange Server with Lync Online" or "Hybrid with Office 365" are deployments.
 */
function optionHolder(entity: Entity | undefined, written: string): boolean {
  return entity?.type === 'concept' && /[\s-]/.test(written.trim());
}


// The same sentence with the same names is analysed once per process: includes and boilerplate repeat
// sentences across documents. Capped, so a 10,000-document build does not keep every sentence.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, { statements: Statement[]; reasons: string[] }>();

/** Where the sentence's link titles are (each title's first place in the text). */
function titleSpans(s: Sentence, slots: readonly Slot[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const title of s.titles ?? []) {
    const at = s.text.indexOf(title.replace(/\s+/g, ' '));
    if (at < 0) continue;
    const end = at + title.length;
    // "[SharePoint Server 2013](...)": a link whose text is only a name is that name, not a title.
    const inside = slots.filter((x) => x.start >= at && x.end <= end);
    if (inside.length === 1 && !/[\p{L}\p{N}]/u.test(s.text.slice(at, inside[0]!.start) + s.text.slice(inside[0]!.end, end))) continue;
    spans.push([at, end]);
  }
  return spans;
}

/** The statements of one sentence with its slots (and the list a lead-in introduces, and the spans of its link titles). */
export function analyseSentence(text: string, slots: readonly Slot[], ctx: ClauseContext, lex: Lexicon, virtual?: { members: readonly string[] }, titles: readonly (readonly [number, number])[] = []): { statements: Statement[]; reasons: string[] } {
  const key = `${text}\u0000${slots.map((s) => `${s.entityId}:${s.start}:${s.end}`).join(',')}\u0000${ctx.topic ?? ''}\u0000${ctx.fragment}\u0000${virtual?.members.join(',') ?? ''}\u0000${titles.join(';')}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  // A fragment about its topic ("Required for X" in a table row, a list item under a name).
  const analysed = buildUnits(tagSentence(text), slots, lex, virtual, titles, ctx.fragment && ctx.topic !== undefined);
  const found = readClauses(analysed, lex, ctx);
  const result = { statements: found.statements, reasons: [...new Set(found.rejections.map((r) => (r.word === undefined ? r.reason : `${r.reason}: ${r.word}`)))] };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

/** Where a relation read from sentence `s` was stated. */
export function evidenceOf(s: Sentence): Evidence {
  return { doc: s.docId, file: s.file, section: s.sectionId, line: s.line, sentence: s.text };
}

/** Document, line, then source, type and target: the order extractRelations returns. */
export function compareRelations(a: Relation, b: Relation): number {
  return (
    cmp(a.evidence.doc, b.evidence.doc) ||
    a.evidence.line - b.evidence.line ||
    cmp(a.source, b.source) ||
    cmp(a.type, b.type) ||
    cmp(a.target, b.target) ||
    cmp(a.evidence.sentence, b.evidence.sentence)
  );
}

/** Type sanity per relation: cheap guards against grammatical accidents. */
function allowed(type: RelationType, source: Entity, target: Entity, rule: string): boolean {
  const discovered = source.type === 'discovered' || target.type === 'discovered';
  switch (type) {
    case 'option-of':
      // An option is a way of doing something: "Exchange Online with Office 365" is no option.
      if (rule === 'group:with') return source.type === 'concept' && target.type === 'concept';
      return source.type === 'concept' || target.type === 'concept' || (rule !== 'noun:option' && discovered);
    case 'replaces':
    case 'renamed-to':
      // Successors and new names are things of the same kind.
      return source.type === target.type || discovered;
    case 'prepares':
    case 'sets-up':
      return source.type !== 'concept';
    case 'alternative-to':
      return source.type === target.type || discovered;
    default:
      return true;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The word before `at`, lower case, past the lexicon's determiner-like fillers ("from the X" -> "from"). */
function wordBefore(text: string, at: number, fillers: ReadonlySet<string>): string {
  const words = text.slice(0, at).toLowerCase().match(/\p{L}+/gu) ?? [];
  let k = words.length - 1;
  while (k > 0 && fillers.has(words[k]!)) k--;
  return words[k] ?? '';
}
