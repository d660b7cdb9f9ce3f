// The vocabulary: hand-written entities and the relations the prose states too loosely to extract.
// It is our own file, so its schema is strict (unknown keys are errors), but one bad entry must not
// cost the others: every problem becomes a Diagnostic at file:line:column and the entry is skipped.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import {
  ENTITY_TYPES,
  RELATION_TYPES,
  type Diagnostic,
  type Entity,
  type Relation,
  type RelationType,
  type Sentence,
} from './types.ts';
import { yamlValue } from './yaml-value.ts';

/** A relation declared in the vocabulary, before its citation is checked against the content. */
export interface VocabularyRelation {
  source: string;
  target: string;
  type: RelationType;
  /** The content document and words that justify it; absent for `renamedTo` declarations. */
  citation?: { doc: string; quote: string };
  /** Evidence text when there is no citation (e.g. "Lync Online was renamed Skype for Business Online."). */
  statement?: string;
  /** Where the vocabulary declares it. */
  file: string;
  line: number;
  column: number;
}

// `mentions` and `links-to` are computed from the content; declaring them by hand would only lie.
const DECLARABLE = RELATION_TYPES.filter((t) => t !== 'mentions' && t !== 'links-to') as [
  RelationType,
  ...RelationType[],
];

const kebab = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits, single hyphens)');
const text = z.string().trim().min(1, 'must not be empty');

const EntitySchema = z.strictObject({
  id: kebab,
  type: z.enum(ENTITY_TYPES),
  label: text,
  aliases: z.array(text).default([]),
  formerNames: z.array(text).default([]),
  description: text,
  caseSensitive: z.union([z.boolean(), z.array(text)]).optional(),
  renamedTo: kebab.optional(),
});

const RelationSchema = z.strictObject({
  source: kebab,
  type: z.enum(DECLARABLE),
  target: kebab,
  citation: z.strictObject({ doc: text, quote: text }),
});

const FileSchema = z.strictObject({
  entities: z.array(z.unknown()),
  relations: z.array(z.unknown()).optional(),
});

export interface VocabularyResult {
  entities: Entity[];
  relations: VocabularyRelation[];
  diagnostics: Diagnostic[];
}

/** Parse `vocabulary.yaml`. Never throws: broken parts come back as diagnostics. */
export function parseVocabulary(source: string, file: string): VocabularyResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const at = (node: YamlNode | null | undefined, fallback?: YamlNode | null): { line: number; column: number } => {
    const offset = node?.range?.[0] ?? fallback?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const report = (
    severity: Diagnostic['severity'],
    code: string,
    where: { line: number; column: number },
    message: string,
    hint: string,
  ): void => {
    diagnostics.push({ severity, code, file, ...where, message, hint });
  };

  // A syntax error makes the rest of the tree unreliable: report and stop.
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const pos = lineCounter.linePos(err.pos[0]);
      report('error', 'vocabulary-yaml', { line: pos.line, column: pos.col }, err.message.split('\n')[0] ?? err.message,
        'Fix the YAML syntax (indentation, quotes, colons) at this position.');
    }
    return { entities: [], relations: [], diagnostics };
  }

  const root = doc.contents;
  const converted = yamlValue(doc);
  if ('error' in converted) {
    report('error', 'vocabulary-yaml', { line: 1, column: 1 }, converted.error.split('\n')[0] ?? converted.error, 'Define every anchor (&name) before its alias (*name), and do not nest aliases.');
    return { entities: [], relations: [], diagnostics };
  }
  const top = FileSchema.safeParse(converted.value);
  if (!top.success) {
    for (const issue of top.error.issues) {
      report('error', 'vocabulary-schema', at(issueNode(root, issue), root), describeIssue(issue),
        'The file needs an `entities:` list and may have a `relations:` list; nothing else.');
    }
    if (!isMap(root) || !isSeq(root.get('entities', true))) return { entities: [], relations: [], diagnostics };
  }
  const entityNodes = seqItems(isMap(root) ? root.get('entities', true) : undefined);
  const relationNodes = seqItems(isMap(root) ? root.get('relations', true) : undefined);

  // --- entities ---------------------------------------------------------------------------
  const entities: Entity[] = [];
  const renames: { from: Entity; to: string; node: YamlNode }[] = [];
  const byId = new Map<string, Entity>();
  // Every name (label or alias), case-folded, to the entity that owns it: one name, one entity,
  // or the mention matcher would have to guess.
  const owner = new Map<string, string>();

  for (const node of entityNodes) {
    const value = yamlValue(node);
    if ('error' in value) {
      report('error', 'vocabulary-yaml', at(node), value.error.split('\n')[0] ?? value.error, 'Write the values out instead of using anchors and aliases.');
      continue;
    }
    const parsed = EntitySchema.safeParse(value.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        report('error', 'vocabulary-schema', at(issueNode(node, issue), node), `entity: ${describeIssue(issue)}`,
          hintFor(issue.path, 'entity'));
      }
      continue;
    }
    const e = parsed.data;
    const where = at(node);
    if (byId.has(e.id)) {
      report('error', 'duplicate-entity', at(nodeAt(node, ['id']), node), `Duplicate entity id "${e.id}".`,
        `Merge this entry into the first "${e.id}" or give it another id.`);
      continue;
    }
    const labelOwner = owner.get(e.label.toLowerCase());
    if (labelOwner !== undefined) {
      report('error', 'duplicate-alias', at(nodeAt(node, ['label']), node),
        `Label "${e.label}" is already a name of entity "${labelOwner}".`,
        'Each name may belong to one entity only: rename it or merge the two entities.');
      continue;
    }
    // formerNames are aliases too (the matcher must find old names), listed once.
    const names = [...e.aliases, ...e.formerNames.filter((n) => !e.aliases.includes(n))];
    const aliases: string[] = [];
    const seen = new Set([e.label.toLowerCase()]);
    names.forEach((alias, i) => {
      const key = alias.toLowerCase();
      if (seen.has(key)) return; // repeated inside one entity: harmless
      const other = owner.get(key);
      if (other !== undefined) {
        const path = i < e.aliases.length ? ['aliases', i] : ['formerNames', e.formerNames.indexOf(alias)];
        report('error', 'duplicate-alias', at(nodeAt(node, path), node),
          `Alias "${alias}" of "${e.id}" is already a name of entity "${other}"; ignored here.`,
          'Each name may belong to one entity only: remove it from one of the two.');
        return;
      }
      seen.add(key);
      aliases.push(alias);
    });
    for (const name of [e.label, ...aliases]) owner.set(name.toLowerCase(), e.id);

    const exact = e.caseSensitive === true ? [e.label, ...aliases] : e.caseSensitive === false ? [] : (e.caseSensitive ?? []);
    (Array.isArray(e.caseSensitive) ? e.caseSensitive : []).forEach((name, i) => {
      if (name !== e.label && !aliases.includes(name)) {
        report('warning', 'vocabulary-schema', at(nodeAt(node, ['caseSensitive', i]), node),
          `caseSensitive "${name}" is neither the label nor an alias of "${e.id}".`,
          'List only names that appear in label or aliases, spelled the same.');
      }
    });

    const entity: Entity = {
      id: e.id,
      type: e.type,
      label: e.label,
      aliases,
      formerNames: e.formerNames.filter((n) => aliases.includes(n)),
      description: e.description,
      origin: 'vocabulary',
      source: { file, line: where.line },
      ...(exact.length > 0 ? { caseSensitive: exact } : {}),
    };
    entities.push(entity);
    byId.set(entity.id, entity);
    if (e.renamedTo !== undefined) renames.push({ from: entity, to: e.renamedTo, node });
  }

  // --- relations --------------------------------------------------------------------------
  const relations: VocabularyRelation[] = [];
  for (const { from, to, node } of renames) {
    const target = byId.get(to);
    const where = at(nodeAt(node, ['renamedTo']), node);
    if (target === undefined) {
      report('error', 'unknown-entity', where, `renamedTo "${to}" of "${from.id}" is not an entity id.`,
        'Point renamedTo at the id of an entity declared in this file, or declare that entity.');
      continue;
    }
    if (target.id === from.id) {
      report('error', 'vocabulary-schema', where, `Entity "${from.id}" is renamed to itself.`, 'Remove renamedTo.');
      continue;
    }
    relations.push({
      source: from.id,
      target: target.id,
      type: 'renamed-to',
      statement: `${from.label} was renamed ${target.label}.`,
      file,
      ...where,
    });
  }

  for (const node of relationNodes) {
    const value = yamlValue(node);
    if ('error' in value) {
      report('error', 'vocabulary-yaml', at(node), value.error.split('\n')[0] ?? value.error, 'Write the values out instead of using anchors and aliases.');
      continue;
    }
    const parsed = RelationSchema.safeParse(value.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        report('error', 'vocabulary-schema', at(issueNode(node, issue), node), `relation: ${describeIssue(issue)}`,
          hintFor(issue.path, 'relation'));
      }
      continue;
    }
    const r = parsed.data;
    const missing = (['source', 'target'] as const).filter((k) => !byId.has(r[k]));
    for (const k of missing) {
      report('error', 'unknown-entity', at(nodeAt(node, [k]), node), `Relation ${k} "${r[k]}" is not an entity id.`,
        'Use the id of an entity declared under `entities:` (ids are kebab-case).');
    }
    if (missing.length > 0) continue;
    if (r.source === r.target) {
      report('error', 'vocabulary-schema', at(nodeAt(node, ['target']), node), `Relation from "${r.source}" to itself.`,
        'A relation needs two different entities.');
      continue;
    }
    relations.push({ source: r.source, target: r.target, type: r.type, citation: r.citation, file, ...at(node) });
  }

  return { entities, relations, diagnostics };
}

/**
 * Turn declared relations into graph relations, checking each citation against the content's
 * sentences so the evidence points at a real line. A citation we cannot check still yields the
 * relation (the vocabulary is trusted), but with a warning, so a moved or reworded quote is noticed.
 */
export function verifyCitations(
  relations: VocabularyRelation[],
  sentences: Sentence[],
  docIdByPath: Map<string, string>,
): { relations: Relation[]; diagnostics: Diagnostic[] } {
  // Only the cited documents' sentences: normalizing all of them was 1.3 s at 10,000 documents.
  const cited = new Set(relations.flatMap((r) => (r.citation === undefined ? [] : [docIdByPath.get(r.citation.doc)])));
  const byDoc = new Map<string, { sentence: Sentence; norm: string }[]>();
  for (const s of sentences) {
    if (!cited.has(s.docId)) continue;
    const list = byDoc.get(s.docId) ?? [];
    list.push({ sentence: s, norm: normalize(s.text) });
    byDoc.set(s.docId, list);
  }
  const out: Relation[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const r of relations) {
    const base = { source: r.source, target: r.target, type: r.type, origin: 'vocabulary' as const, rule: 'vocabulary', confidence: 1 };
    if (r.citation === undefined) {
      out.push({ ...base, evidence: { doc: '', file: r.file, section: '', line: r.line, sentence: r.statement ?? '' } });
      continue;
    }
    const { doc: path, quote } = r.citation;
    const unverified = { doc: '', file: path, section: '', line: 0, sentence: quote };
    const docId = docIdByPath.get(path);
    if (docId === undefined) {
      diagnostics.push({
        severity: 'warning', code: 'citation-unverified', file: r.file, line: r.line, column: r.column,
        message: `Cited document "${path}" is not in the content set; ${r.source} ${r.type} ${r.target} is kept unverified.`,
        hint: 'Add the document to the content folder or cite one that is there.',
      });
      out.push({ ...base, evidence: unverified });
      continue;
    }
    const q = normalize(quote);
    const candidates = byDoc.get(docId) ?? [];
    // A quote may be a phrase inside a sentence, or a whole sentence that the sentence splitter cut
    // differently (e.g. at "e.g."): accept a long sentence fully contained in the quote too.
    const hit =
      candidates.find((c) => c.norm.includes(q)) ??
      candidates.find((c) => c.norm.length >= 30 && q.includes(c.norm));
    if (hit === undefined) {
      diagnostics.push({
        severity: 'warning', code: 'citation-not-found', file: r.file, line: r.line, column: r.column,
        message: `Quote not found in "${path}": "${quote}".`,
        hint: 'Copy the sentence exactly as the document writes it (without Markdown), or update the citation.',
      });
      out.push({ ...base, evidence: unverified });
      continue;
    }
    const s = hit.sentence;
    out.push({ ...base, evidence: { doc: s.docId, file: s.file, section: s.sectionId, line: s.line, sentence: s.text } });
  }
  return { relations: out, diagnostics };
}

/** Case- and whitespace-insensitive form, with typographic quotes made plain. */
function normalize(s: string): string {
  return s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

function seqItems(node: unknown): YamlNode[] {
  return isSeq(node) ? (node.items.filter((n) => n !== null && typeof n === 'object') as YamlNode[]) : [];
}

/** Where a zod issue is: the offending key itself for unknown keys, else the value at its path. */
function issueNode(node: unknown, issue: z.core.$ZodIssue): YamlNode | undefined {
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    return nodeAt(node, [...issue.path, issue.keys[0]], true);
  }
  return nodeAt(node, issue.path);
}

/** The YAML node at a path (the closest existing ancestor when the path ends early). */
function nodeAt(node: unknown, path: readonly PropertyKey[], keyOfLast = false): YamlNode | undefined {
  let cur: unknown = node;
  for (const [i, seg] of path.entries()) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (pair === undefined) return cur as YamlNode;
      cur = keyOfLast && i === path.length - 1 ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(cur) && typeof seg === 'number') {
      cur = cur.items[seg];
    } else {
      return undefined;
    }
  }
  return cur !== null && typeof cur === 'object' && 'range' in cur ? (cur as YamlNode) : undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') return `${where}unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${where}${issue.message}`;
}

function hintFor(path: readonly PropertyKey[], kind: 'entity' | 'relation'): string {
  const key = path[0];
  if (key === 'type') {
    return kind === 'entity'
      ? `Use one of: ${ENTITY_TYPES.join(', ')}.`
      : `Use one of: ${DECLARABLE.join(', ')}.`;
  }
  if (key === 'id' || key === 'source' || key === 'target' || key === 'renamedTo') return 'Ids are kebab-case, e.g. azure-ad-connect.';
  if (key === 'citation') return 'A citation is {doc: path relative to the content folder, quote: exact words from it}.';
  return kind === 'entity'
    ? 'Entity keys: id, type, label, aliases, formerNames, description, caseSensitive, renamedTo.'
    : 'Relation keys: source, type, target, citation.';
}
