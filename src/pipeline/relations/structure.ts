// Relations stated by a document's shape rather than by one sentence: a heading or list item that is
// only a phrase about names ("Directory synchronization with or without password hash sync or
// pass-through authentication"), a heading whose subsections each name one option or feature of the
// heading's entity, and the cells of a table row under a header that names a relation.
import type { RelationType, Section, Sentence } from '../types.ts';
import type { Lexicon, StructureEntry } from './lexicon.ts';
import type { Slot } from './units.ts';

export interface StructureStatement {
  source: string;
  target: string;
  type: RelationType;
  rule: string;
  confidence: number;
  sentence: Sentence;
  context?: string;
}

const E = '\\u0001(\\d+)\\u0002';
const E_ = '\\u0001\\d+\\u0002';
const DET = '(?:(?:the|an?|your|their|its|this|these|those|existing|new|latest|current|older|same|own|any) )*';
const LIST = `(${E_}(?:(?:,? (?:and|or|and/or|as well as) ${DET}|, )${E_})*)`;
const WITH_OR_WITHOUT = new RegExp(`^${DET}${E} with or without ${DET}${LIST}$`, 'i');
const WITH = new RegExp(`^${DET}${E} with ${DET}${LIST}$`, 'i');
const OR_LIST = new RegExp(`^${DET}${LIST}$`, 'i');

type Triple = [number, RelationType, number];

/**
 * Headings and list items that are nothing but a phrase about entities:
 * "X with or without Y or Z" -> Y, Z option-of X and Y alternative-to Z;
 * "X with Y" -> Y option-of X; "Y or Z" -> Y alternative-to Z.
 */
export function phraseRelations(skel: string): Triple[] {
  const slotsIn = (s: string | undefined): number[] => (s === undefined ? [] : [...s.matchAll(/\u0001(\d+)\u0002/g)].map((x) => Number(x[1])));
  const text = skel.replace(/[*_`"“”]/g, '').replace(/[\s.:!?]+$/u, '').trim();
  const withOrWithout = WITH_OR_WITHOUT.exec(text);
  if (withOrWithout) {
    const options = slotsIn(withOrWithout[2]);
    return [...options.map((o): Triple => [o, 'option-of', Number(withOrWithout[1])]), ...alternatives(options)];
  }
  const withY = WITH.exec(text);
  if (withY) return slotsIn(withY[2]).map((o): Triple => [o, 'option-of', Number(withY[1])]);
  const orList = OR_LIST.exec(text);
  if (orList && /\bor\b/i.test(orList[1] ?? '') && !/\band\b/i.test(orList[1] ?? '')) return alternatives(slotsIn(orList[1]));
  return [];
}

function alternatives(items: number[]): Triple[] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): Triple => [a, 'alternative-to', b]));
}

/**
 * The heading-word entry of a title that is its entity and the word ("Federated authentication
 * options", "Azure AD Connect features", "Sign-in options for Office 365"), with at most two other words.
 */
export function headingEntry(title: string, entityText: string, lexicon: Lexicon): StructureEntry | undefined {
  const clean = (t: string): string[] => t.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, ' ').trim().split(/\s+/).filter(Boolean);
  const words = clean(title);
  const named = new Set(clean(entityText));
  const entry = lexicon.headingWords.find((e) => words.some((w) => e.words.includes(w)));
  if (entry === undefined) return undefined;
  const others = words.filter((w) => !named.has(w) && !entry.words.includes(w) && !['the', 'a', 'an', 'for', 'of', 'and', 'in', 'with', 'your'].includes(w));
  return others.length <= 2 ? entry : undefined;
}

/**
 * Sections titled "<entity> options" (or features, requirements...): each subsection's heading names one
 * option (feature, prerequisite) of the heading's entity. Only when every subsection names one: a
 * mixed list is not an options list. Options of one thing are also alternatives to each other.
 */
export function subsectionRelations(
  sections: readonly Section[],
  headingOf: (section: Section) => { sentence: Sentence; entities: string[]; texts: string[] } | undefined,
  lexicon: Lexicon,
): StructureStatement[] {
  const out: StructureStatement[] = [];
  const children = new Map<string, Section[]>();
  for (const s of sections) {
    if (s.parent === undefined) continue;
    const key = `${s.docId}#${s.parent}`;
    children.set(key, [...(children.get(key) ?? []), s]);
  }
  for (const section of sections) {
    const parent = headingOf(section);
    const holder = parent?.entities[0];
    if (holder === undefined) continue;
    const entry = headingEntry(section.title, parent!.texts[0] ?? '', lexicon);
    if (entry === undefined) continue;
    const subs = (children.get(`${section.docId}#${section.id}`) ?? []).map((c) => {
      const h = headingOf(c);
      return { heading: h?.sentence, entity: h?.entities.find((e) => e !== holder) };
    });
    if (subs.length < 2 || subs.some((o) => o.entity === undefined || o.heading === undefined)) continue;
    const rule = `heading:${entry.type}`;
    for (const o of subs) {
      const [source, target] = entry.source === 'heading' ? [holder, o.entity!] : [o.entity!, holder];
      out.push({ source, target, type: entry.type, rule, confidence: entry.confidence, sentence: o.heading!, context: section.title });
    }
    if (entry.type === 'option-of') {
      subs.forEach((a, i) => {
        for (const b of subs.slice(i + 1)) out.push({ source: a.entity!, target: b.entity!, type: 'alternative-to', rule: 'heading:alternatives', confidence: entry.confidence * 0.9, sentence: b.heading!, context: section.title });
      });
    }
  }
  return out;
}

/** The table-header entry a header cell's text is ("Requires", "Replaced by", "Included in"). */
export function headerEntry(header: string, lexicon: Lexicon): StructureEntry | undefined {
  const text = header.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
  return lexicon.tableHeaders.find((e) => e.words.includes(text));
}

/** The entity a short text is about, when it is (nearly) only that name: a table's row cell, an item. */
export function soleEntity(text: string, slots: readonly Slot[], maxExtraWords = 2): string | undefined {
  const first = slots[0];
  if (first === undefined) return undefined;
  const rest = (text.slice(0, first.start) + ' ' + text.slice(first.end)).replace(/[^\p{L}\p{N}\s]/gu, ' ').trim();
  const extra = rest === '' ? 0 : rest.split(/\s+/).length;
  return extra <= maxExtraWords ? first.entityId : undefined;
}
