// The model: one typed KnowledgeGraph from documents, entities, mentions, relations and links.
// Statements with the same (source, type, target) merge into one edge whose weight counts them.
// Output is sorted by id everywhere, so the same input always serializes to the same bytes.
import { compareStrings } from './slugs.ts';
import type {
  Entity,
  Evidence,
  GraphEdge,
  GraphNode,
  KnowledgeGraph,
  Mention,
  DocumentInfo,
  Relation,
  RelationOrigin,
  RelationType,
  ResolvedLink,
} from './types.ts';

export interface GraphInput {
  documents: readonly DocumentInfo[];
  entities: readonly Entity[];
  mentions: readonly Mention[];
  relations: readonly Relation[];
  links: readonly ResolvedLink[];
}

export const documentUrl = (slug: string): string => `/docs/${slug}/`;
export const entityUrl = (id: string): string => `/entities/${id}/`;
export const externalNodeId = (url: string): string => `url:${url}`;

type EdgeDraft = { source: string; target: string; type: RelationType; origin: RelationOrigin; weight: number; evidence: Evidence[] };

const ORIGIN_RANK: Record<RelationOrigin, number> = { extracted: 0, structure: 1, vocabulary: 2 };

export function buildGraph(input: GraphInput): KnowledgeGraph {
  const edges = new Map<string, EdgeDraft>();
  const add = (source: string, target: string, type: RelationType, origin: RelationOrigin, evidence: Evidence): EdgeDraft | undefined => {
    if (source === target) return undefined;
    const id = `${source}|${type}|${target}`;
    let edge = edges.get(id);
    if (!edge) {
      edge = { source, target, type, origin, weight: 0, evidence: [] };
      edges.set(id, edge);
    }
    edge.weight++;
    if (ORIGIN_RANK[origin] < ORIGIN_RANK[edge.origin]) edge.origin = origin;
    edge.evidence.push(evidence);
    return edge;
  };

  for (const r of input.relations) {
    const evidence: Evidence = { ...r.evidence };
    if (r.rule !== undefined) evidence.rule = r.rule;
    if (r.confidence !== undefined) evidence.confidence = r.confidence;
    add(r.source, r.target, r.type, r.origin, evidence);
  }
  // A `mentions` edge keeps one sentence per section (the first); its weight still counts every
  // mention. Every mention as evidence would make graph.json grow to hundreds of MB at 10k documents.
  // Looked up by document, then entity: keys of all three ids, built for each of the ~1 million
  // mentions of a 10,000-document set, were most of this function's time.
  const mentioned = new Map<string, Map<string, { sections: Set<string>; edge: EdgeDraft | undefined }>>();
  for (const m of input.mentions) {
    let byEntity = mentioned.get(m.docId);
    if (!byEntity) mentioned.set(m.docId, (byEntity = new Map()));
    const seen = byEntity.get(m.entityId);
    if (seen?.sections.has(m.sectionId)) {
      if (seen.edge) seen.edge.weight++;
      continue;
    }
    const edge = add(m.docId, m.entityId, 'mentions', 'extracted', { doc: m.docId, file: m.file, section: m.sectionId, line: m.line, sentence: m.sentence });
    if (seen) seen.sections.add(m.sectionId);
    else byEntity.set(m.entityId, { sections: new Set([m.sectionId]), edge });
  }
  const externalLabels = new Map<string, Map<string, number>>();
  for (const l of input.links) {
    if (!l.docId) continue; // TOC entries and unused includes belong to no document
    const evidence: Evidence = { doc: l.docId, file: l.file, section: l.sectionId, line: l.line, sentence: l.sentence || l.text };
    if (l.class === 'doc' && l.targetDocId) add(l.docId, l.targetDocId, 'links-to', 'extracted', evidence);
    else if (l.class === 'external' && l.externalUrl && l.kind !== 'image') {
      add(l.docId, externalNodeId(l.externalUrl), 'links-to', 'extracted', evidence);
      const labels = externalLabels.get(l.externalUrl) ?? new Map<string, number>();
      const text = l.text.trim() || l.externalUrl;
      labels.set(text, (labels.get(text) ?? 0) + 1);
      externalLabels.set(l.externalUrl, labels);
    }
  }

  const connected = new Set<string>();
  for (const e of edges.values()) {
    connected.add(e.source);
    connected.add(e.target);
  }
  const nodes: GraphNode[] = [];
  for (const d of input.documents) {
    nodes.push({ id: d.id, type: 'document', label: d.title, aliases: [], description: d.description ?? '', url: documentUrl(d.slug), origin: 'content', path: d.path });
  }
  for (const e of input.entities) {
    // Vocabulary entries the content never touches stay out of the graph (the report lists them).
    if (!connected.has(e.id)) continue;
    nodes.push({ id: e.id, type: e.type, label: e.label, aliases: [...e.aliases], description: e.description, url: entityUrl(e.id), origin: e.origin });
  }
  for (const [url, labels] of externalLabels) {
    nodes.push({ id: externalNodeId(url), type: 'external', label: mostCommon(labels), aliases: [], description: '', url, origin: 'link' });
  }
  const nodeIds = new Set(nodes.map((n) => n.id));

  const edgeList: GraphEdge[] = [];
  for (const [id, e] of edges) {
    if (!nodeIds.has(e.source) || !nodeIds.has(e.target)) continue;
    const evidence = sortEvidence(e.evidence);
    const edge: GraphEdge = { id, source: e.source, target: e.target, type: e.type, weight: e.weight, origin: e.origin, evidence };
    const confidence = combinedConfidence(evidence);
    if (confidence !== undefined) edge.confidence = confidence;
    edgeList.push(edge);
  }
  nodes.sort((a, b) => compareStrings(a.id, b.id));
  edgeList.sort((a, b) => compareStrings(a.id, b.id));
  return { schemaVersion: 1, nodes, edges: edgeList };
}

/**
 * Sorted and de-duplicated: one sentence stated twice in the same place is one piece of evidence (the
 * surer reading of it, when two rules read it).
 */
function sortEvidence(list: Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of list) {
    const key = `${e.doc}\u0000${e.file}\u0000${String(e.line).padStart(9, '0')}\u0000${e.section}\u0000${e.sentence}`;
    const have = seen.get(key);
    if (have === undefined || (e.confidence ?? 0) > (have.confidence ?? 0) || (e.confidence === have.confidence && compareStrings(e.rule ?? '', have.rule ?? '') < 0)) seen.set(key, e);
  }
  return [...seen.entries()].sort((a, b) => compareStrings(a[0], b[0])).map(([, e]) => {
    const out: Evidence = { doc: e.doc, file: e.file, section: e.section, line: e.line, sentence: e.sentence };
    if (e.context !== undefined) out.context = e.context;
    if (e.rule !== undefined) out.rule = e.rule;
    if (e.confidence !== undefined) out.confidence = e.confidence;
    return out;
  });
}

/** Independent statements: the edge is wrong only if every one of them is (rounded to 0.01). */
function combinedConfidence(evidence: readonly Evidence[]): number | undefined {
  let doubt = 1;
  let any = false;
  for (const e of evidence) {
    if (e.confidence === undefined) continue;
    any = true;
    doubt *= 1 - e.confidence;
  }
  return any ? Math.round((1 - doubt) * 100) / 100 : undefined;
}

function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [text, n] of counts) {
    if (n > bestCount || (n === bestCount && compareStrings(text, best) < 0)) {
      best = text;
      bestCount = n;
    }
  }
  return best;
}
