// Typed relations between entities, read from sentence patterns and from the heading structure.
//
// Each sentence is rewritten as a skeleton in which every mention becomes a slot `\u0001N\u0002`,
// so patterns are about the words *between* entities ("E0 replaces ... such as E1 and E2") and not
// about spellings. Patterns are anchored on the mentions and never skip across clause punctuation:
// a missing edge costs little, a wrong edge misleads every page that shows it.
import type { Entity, Evidence, Mention, Relation, RelationOrigin, RelationType, Section, Sentence } from './types.ts';

export interface RelationInput {
  sentences: readonly Sentence[];
  sections: readonly Section[];
  mentions: readonly Mention[];
  entities: readonly Entity[];
}

interface Slot {
  entityId: string;
  start: number;
  end: number;
}

// --- skeleton vocabulary -----------------------------------------------------------------------
const E = '\\u0001(\\d+)\\u0002'; // one slot, capturing its index
const E_ = '\\u0001\\d+\\u0002'; // one slot, not capturing
/** Words that may stand before an entity without changing what the sentence says about it. */
// ("that" is left out: "requires that your directory ..." starts a clause, not an object.)
const DET = "(?:(?:the|an?|your|their|its|this|these|those|existing|new|latest|current|older|same|own|any) )*";
/**
 * "A, B, and C" / "A or B": a coordinated list of slots, captured whole. A bare comma continues the
 * list only when a name follows at once: ", an Azure service ..." is a new clause.
 */
const LIST = `(${E_}(?:(?:,? (?:and|or|and/or|as well as) ${DET}|, )${E_})*)`;
/**
 * Subject guard: a slot that ends a coordination or follows a preposition is not the subject of
 * the next verb ("synchronization between your directory and Office 365 requires ...").
 */
const SUBJ = `(?<!\\b(?:and|or|of|with|between|for|to|from|in|on|by|than|via|using) )${E}`;
// Filler words may sit between a verb and its object ("an on-premises installation of"), but never
// words that start a new clause or change the subject.
const STOP_FILL =
  'to|that|which|who|whom|whose|when|where|if|but|because|so|and|or|then|before|after|while|with|for|from|by|in|on|at|you|we|they|it|is|are|was|were|be|been|not|no|as|than|instead';
const fill = (n: number): string => `(?:(?!(?:${STOP_FILL})(?![\\w-]))[a-z][\\w'-]* ){0,${n}}`;

/** A pattern: regex over the skeleton, and the edges a match yields (indices into the slots). */
interface Rule {
  name: string;
  re: RegExp;
  emit: (m: RegExpExecArray, slotsIn: (s: string | undefined) => number[]) => [number, RelationType, number][];
}

const pairs = (sources: number[], type: RelationType, targets: number[]): [number, RelationType, number][] =>
  sources.flatMap((s) => targets.map((t): [number, RelationType, number] => [s, type, t]));
const one = (m: RegExpExecArray, i: number): number[] => (m[i] === undefined ? [] : [Number(m[i])]);

const RULES: Rule[] = [
  // replaces — X replaces/supersedes/is the successor of Y [and Z]: X -> Y.
  // "such as"/"like"/"including" may introduce the list after a short comma-free phrase
  // ("older versions of identity integration tools such as DirSync and Azure AD Sync").
  {
    name: 'replaces',
    re: new RegExp(
      `${SUBJ} (?:now |also |effectively )?(?:replaces|supersedes|succeeds|is the successor (?:of|to)|is replacing) (?:[^\\u0001.;:,()]{0,80}?\\b(?:such as|like|including) )?${DET}${LIST}`,
      'gi',
    ),
    emit: (m, slots) => pairs(one(m, 1), 'replaces', slots(m[2])),
  },
  // replaces — Y [and Z] is/was/has been replaced by X: X -> Y.
  {
    name: 'replaced-by',
    re: new RegExp(
      `${LIST} (?:is|are|was|were|has been|have been|will be) (?:being )?(?:replaced|superseded) by ${DET}${E}`,
      'gi',
    ),
    emit: (m, slots) => pairs(one(m, 2), 'replaces', slots(m[1])),
  },
  // replaces — update/upgrade/migrate from Y to X: X -> Y (checked below: same kind of thing).
  {
    name: 'upgrade-from-to',
    re: new RegExp(
      `\\b(?:update|upgrade|migrate|move|transition|switch)(?:s|d|ed|ing)? (?:${fill(2)})?from ${DET}${E}(?: tool)? to ${DET}${E}`,
      'gi',
    ),
    emit: (m) => pairs(one(m, 2), 'replaces', one(m, 1)),
  },
  // sets-up — "To set up X[,] [you also] use Y": Y -> X.
  {
    name: 'to-set-up-use',
    re: new RegExp(
      `\\bto (?:set up|setup|configure|enable|deploy|implement) ${DET}${LIST},? (?:you (?:can |must |should |will |need to )?(?:also )?)?(?:use|run|install) ${DET}${E}`,
      'gi',
    ),
    emit: (m, slots) => pairs(one(m, 2), 'sets-up', slots(m[1])),
  },
  // sets-up — "use Y to set up/configure X": Y -> X.
  {
    name: 'use-to-set-up',
    re: new RegExp(
      `\\buse ${DET}${E}(?: tool| wizard)? to (?:set up|setup|configure|enable|deploy|implement) ${DET}${LIST}`,
      'gi',
    ),
    emit: (m, slots) => pairs(one(m, 1), 'sets-up', slots(m[2])),
  },
  // requires — X requires/needs/depends on Y: X -> Y (object right after the verb).
  {
    name: 'requires',
    re: new RegExp(`${SUBJ} (?:also |only |still )?(?:requires?|needs?|depends on) ${DET}${fill(2)}${LIST}`, 'gi'),
    emit: (m, slots) => pairs(one(m, 1), 'requires', slots(m[2])),
  },
  // requires — Y is required for/by X, Y is a prerequisite for X: X -> Y.
  {
    name: 'required-for',
    re: new RegExp(
      `${LIST} (?:is|are) (?:also )?(?:required|needed|necessary|a prerequisite|prerequisites) (?:for|by) ${DET}${LIST}`,
      'gi',
    ),
    emit: (m, slots) => pairs(slots(m[2]), 'requires', slots(m[1])),
  },
  // part-of — X is part of / a component of / included in Y: X -> Y.
  {
    name: 'part-of',
    re: new RegExp(
      `${LIST} (?:is|are) (?:also )?(?:(?:an? )?(?:part|component|components|feature|features) of|included (?:in|with)) ${DET}${E}`,
      'gi',
    ),
    emit: (m, slots) => pairs(slots(m[1]), 'part-of', one(m, 2)),
  },
  // part-of — Y includes X: X -> Y (the subject must be the mention right before the verb).
  {
    name: 'includes',
    re: new RegExp(`${SUBJ} (?:also )?(?:includes|include|contains) ${DET}${LIST}`, 'gi'),
    emit: (m, slots) => pairs(slots(m[2]), 'part-of', one(m, 1)),
  },
  // works-with — X [only] works with Y, X is supported only with Y, X is compatible with Y: X -> Y.
  {
    name: 'works-with',
    re: new RegExp(
      `${SUBJ} (?:tool )?(?:only |also )?(?:works?|is supported|are supported|is compatible|are compatible)(?: only)? with ${DET}${fill(1)}${LIST}`,
      'gi',
    ),
    emit: (m, slots) => pairs(one(m, 1), 'works-with', slots(m[2])),
  },
  // alternative-to — "X instead of Y" (symmetric; direction normalized later).
  {
    name: 'instead-of',
    re: new RegExp(`${SUBJ} instead of (?:using )?${DET}${E}`, 'gi'),
    emit: (m) => pairs(one(m, 1), 'alternative-to', one(m, 2)),
  },
  // prepares — "prepare X for Y ..., use Z": Z -> X (Z must be a tool, checked below).
  {
    name: 'prepare-use',
    re: new RegExp(`\\bprepar(?:e|es|ing) ${DET}${E}[^.;]*?\\buse ${DET}${E}`, 'gi'),
    emit: (m) => pairs(one(m, 2), 'prepares', one(m, 1)),
  },
  // prepares — "use Z to prepare X" / "Z prepares X": Z -> X.
  {
    name: 'use-to-prepare',
    re: new RegExp(`\\buse ${DET}${E}(?: tool)? to prepare ${DET}${E}`, 'gi'),
    emit: (m) => pairs(one(m, 1), 'prepares', one(m, 2)),
  },
  {
    name: 'prepares',
    re: new RegExp(`${SUBJ} (?:tool )?(?:helps (?:you )?)?prepares? ${DET}${E}`, 'gi'),
    emit: (m) => pairs(one(m, 1), 'prepares', one(m, 2)),
  },
  // integrates-with — "integrate X with Y, Z, or W [and with V]": X -> each.
  {
    name: 'integrate-with',
    re: new RegExp(
      `\\bintegrat(?:e|es|ing) ${DET}${E} with ((?:${DET}${fill(4)}${E_}(?:(?:,? (?:and|or) ${DET}|, )${E_})*)(?:,? and with ${DET}${fill(4)}${E_}(?:(?:,? (?:and|or) ${DET}|, )${E_})*)*)`,
      'gi',
    ),
    emit: (m, slots) => pairs(one(m, 1), 'integrates-with', slots(m[2])),
  },
];

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
  const entityById = entityIndex(input.entities);
  const out = new Map<string, Relation>();
  const add = (source: string, type: RelationType, target: string, origin: RelationOrigin, s: Sentence): void => {
    if (source === target || !entityById.has(source) || !entityById.has(target)) return;
    if (!allowed(type, entityById.get(source)!, entityById.get(target)!)) return;
    // alternative-to is symmetric: one direction (by id) so the graph merges both phrasings.
    if (type === 'alternative-to' && target < source) [source, target] = [target, source];
    const evidence = evidenceOf(s);
    const key = `${source}|${type}|${target}|${s.docId}|${s.line}|${s.text}`;
    if (!out.has(key)) out.set(key, { source, target, type, origin, evidence });
  };

  const mentionsBySentence = groupMentions(input.mentions);
  const headingBySection = new Map<string, Sentence>();

  for (const s of input.sentences) {
    if (s.block === 'heading' && !headingBySection.has(`${s.docId}#${s.sectionId}`)) {
      headingBySection.set(`${s.docId}#${s.sectionId}`, s);
    }
    const slots = toSlots(mentionsBySentence.get(sentenceKey(s.docId, s.line, s.text)) ?? []);
    if (slots.length < 2) continue;
    const skel = skeleton(s.text, slots);
    const slotsIn = (str: string | undefined): number[] =>
      str === undefined ? [] : [...str.matchAll(/\u0001(\d+)\u0002/g)].map((x) => Number(x[1]));
    const id = (i: number): string => slots[i]?.entityId ?? '';

    for (const rule of RULES) {
      rule.re.lastIndex = 0;
      for (const m of skel.matchAll(rule.re)) {
        for (const [a, type, b] of rule.emit(m, slotsIn)) add(id(a), type, id(b), 'extracted', s);
      }
    }
    if (s.block === 'heading' || s.block === 'listItem') {
      // "X with Y" only reads as "Y is an option of X" when X is a specific approach (a concept
      // named in more than one word): "Exchange Server with Lync Online" or "Hybrid with Office 365"
      // are deployments, not options.
      const optionHolder = (i: number): boolean => {
        const slot = slots[i];
        const e = slot === undefined ? undefined : entityById.get(slot.entityId);
        return e?.type === 'concept' && /[\s-]/.test(s.text.slice(slot!.start, slot!.end).trim());
      };
      for (const [a, type, b] of structuralPhrase(skel, slotsIn)) {
        if (type === 'option-of' && !optionHolder(b)) continue;
        add(id(a), type, id(b), 'structure', s);
      }
    }
  }

  // "... options" sections: each subsection names one option of the entity in the parent heading.
  const firstEntities = (sectionKey: string): string[] => {
    const h = headingBySection.get(sectionKey);
    if (h === undefined) return [];
    return toSlots(mentionsBySentence.get(sentenceKey(h.docId, h.line, h.text)) ?? []).map((x) => x.entityId);
  };
  for (const section of input.sections) {
    if (!/\boptions$/i.test(section.title.trim())) continue;
    const parentEntity = firstEntities(`${section.docId}#${section.id}`)[0];
    if (parentEntity === undefined) continue;
    const children = input.sections.filter((c) => c.docId === section.docId && c.parent === section.id && c.id !== section.id);
    const options = children.map((c) => ({
      heading: headingBySection.get(`${c.docId}#${c.id}`),
      entity: firstEntities(`${c.docId}#${c.id}`).find((e) => e !== parentEntity),
    }));
    // Only when every subsection names an option: a mixed list is not an options list.
    if (options.length < 2 || options.some((o) => o.entity === undefined || o.heading === undefined)) continue;
    for (const o of options) add(o.entity!, 'option-of', parentEntity, 'structure', o.heading!);
    for (const [i, a] of options.entries()) {
      for (const b of options.slice(i + 1)) add(a.entity!, 'alternative-to', b.entity!, 'structure', b.heading!);
    }
  }

  return [...out.values()].sort(compareRelations);
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
    cmp(a.target, b.target)
  );
}

/**
 * Headings and list items that are nothing but a phrase about entities:
 * "X with or without Y or Z" -> Y, Z option-of X and Y alternative-to Z;
 * "X with Y" -> Y option-of X; "Y or Z" -> Y alternative-to Z.
 */
function structuralPhrase(skel: string, slotsIn: (s: string | undefined) => number[]): [number, RelationType, number][] {
  const text = skel.replace(/[*_`"“”]/g, '').replace(/[\s.:!?]+$/u, '').trim();
  const withOrWithout = new RegExp(`^${DET}${E} with or without ${DET}${LIST}$`, 'i').exec(text);
  if (withOrWithout) {
    const options = slotsIn(withOrWithout[2]);
    return [...pairs(options, 'option-of', one(withOrWithout, 1)), ...alternatives(options)];
  }
  const withY = new RegExp(`^${DET}${E} with ${DET}${LIST}$`, 'i').exec(text);
  if (withY) return pairs(slotsIn(withY[2]), 'option-of', one(withY, 1));
  const orList = new RegExp(`^${DET}${LIST}$`, 'i').exec(text);
  if (orList && /\bor\b/i.test(orList[1] ?? '') && !/\band\b/i.test(orList[1] ?? '')) return alternatives(slotsIn(orList[1]));
  return [];
}

function alternatives(items: number[]): [number, RelationType, number][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [number, RelationType, number] => [a, 'alternative-to', b]));
}

/** Type sanity per relation: cheap guards against grammatical accidents. */
function allowed(type: RelationType, source: Entity, target: Entity): boolean {
  switch (type) {
    case 'replaces':
      // A concept does not replace a product; successors are things of the same kind.
      return source.type === target.type && source.type !== 'concept';
    case 'prepares':
    case 'sets-up':
      return source.type === 'tool' || source.type === 'product' || source.type === 'discovered';
    case 'alternative-to':
      return source.type === target.type;
    default:
      return true;
  }
}

/** Mentions of one sentence, by position; "X (Y)" naming one entity twice becomes one slot. */
function toSlots(mentions: readonly Mention[]): Slot[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const slots: Slot[] = [];
  for (const m of sorted) {
    const prev = slots[slots.length - 1];
    const between = prev === undefined ? '' : m.sentence.slice(prev.end, m.start);
    if (prev !== undefined && prev.entityId === m.entityId && /^\s*\($/.test(between) && m.sentence[m.end] === ')') {
      prev.end = m.end + 1; // swallow "(AD FS)" into "Active Directory Federation Services"
      continue;
    }
    slots.push({ entityId: m.entityId, start: m.start, end: m.end });
  }
  return slots;
}

function skeleton(text: string, slots: readonly Slot[]): string {
  let out = '';
  let at = 0;
  slots.forEach((slot, i) => {
    out += text.slice(at, slot.start).replace(/\s+/g, ' ') + `\u0001${i}\u0002`;
    at = slot.end;
  });
  return out + text.slice(at).replace(/\s+/g, ' ');
}

function groupMentions(mentions: readonly Mention[]): Map<string, Mention[]> {
  const map = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = sentenceKey(m.docId, m.line, m.sentence);
    const list = map.get(key);
    if (list === undefined) map.set(key, [m]);
    else list.push(m);
  }
  return map;
}

const sentenceKey = (docId: string, line: number, text: string): string => `${docId}\u0000${line}\u0000${text}`;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
