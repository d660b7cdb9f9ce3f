// Look-ups over the knowledge graph for pages: pure functions over the data the CLI wrote.
import { entityRouteId } from '../outputs/exports/snippets.ts';
import type { SiteDocument, SiteSection } from '../outputs/site-data.ts';
import type { Evidence, GraphEdge, GraphNode, KnowledgeGraph, RelationType } from '../pipeline/types.ts';

/** Node types that get an entity page. */
export const ENTITY_NODE_TYPES = ['concept', 'tool', 'product', 'discovered'] as const;
export type EntityNodeType = (typeof ENTITY_NODE_TYPES)[number];

export function isEntityNode(node: GraphNode): boolean {
  return (ENTITY_NODE_TYPES as readonly string[]).includes(node.type);
}

/** An entity page quotes the sentences of this many documents that mention it (most mentions first). */
export const QUOTED_MENTIONS = 50;

/**
 * The graph as the site's pages read it (`<data>/site-graph.json`): graph.json without the evidence no
 * page shows, i.e. the sentences of links and of mentions beyond an entity's first QUOTED_MENTIONS
 * documents. Pages come out the same; at 10,000 documents it is a fraction of graph.json's 330 MB.
 */
export function siteGraph(graph: KnowledgeGraph, documents: SiteDocument[]): KnowledgeGraph {
  const index = indexGraph(graph, documents);
  const quoted = new Set<GraphEdge>();
  for (const node of graph.nodes) {
    if (isEntityNode(node)) for (const { edge } of index.mentionsOf(node.id).slice(0, QUOTED_MENTIONS)) quoted.add(edge);
  }
  const shown = (e: GraphEdge): boolean => (e.type !== 'mentions' && e.type !== 'links-to') || quoted.has(e) || e.evidence.length === 0;
  return { ...graph, edges: graph.edges.map((e) => (shown(e) ? e : { ...e, evidence: [] })) };
}

/** Edges that are not statements between entities. */
const NON_RELATIONS: ReadonlySet<RelationType> = new Set(['mentions', 'links-to']);

export interface RelationGroup {
  type: RelationType;
  edges: GraphEdge[];
}

export interface DocumentMention {
  doc: SiteDocument;
  edge: GraphEdge;
}

export interface GraphIndex {
  graph: KnowledgeGraph;
  node(id: string): GraphNode | undefined;
  entities(): GraphNode[];
  /** Every relation edge touching the entity (not mentions or links), grouped by type in a stable order. */
  relationsOf(entityId: string): RelationGroup[];
  /** Documents that mention the entity, most mentions first. */
  mentionsOf(entityId: string): DocumentMention[];
  document(id: string): SiteDocument | undefined;
  /** Every edge with the node at either end, in graph.json order. */
  edgesOf(id: string): GraphEdge[];
  section(docId: string, sectionId: string): SiteSection | undefined;
  /** The document URL of an evidence sentence (site-relative, without the base path). */
  evidenceDocUrl(evidence: Evidence): string | undefined;
  /** The last path segment of an entity page URL (`/entities/<x>/`): the route parameter. */
  entityRouteId(node: GraphNode): string;
  /** How many typed relations (not mentions or links) the node has; counted once per node. */
  relationDegree(id: string): number;
}

const byLabel = (a: GraphNode, b: GraphNode) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' });

export function indexGraph(graph: KnowledgeGraph, documents: SiteDocument[]): GraphIndex {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const docs = new Map(documents.map((d) => [d.id, d]));
  const edgesOf = new Map<string, GraphEdge[]>();
  const degrees = new Map<string, number>();
  for (const edge of graph.edges) {
    for (const end of new Set([edge.source, edge.target])) {
      const list = edgesOf.get(end) ?? [];
      list.push(edge);
      edgesOf.set(end, list);
    }
  }
  const label = (id: string) => nodes.get(id)?.label ?? id;

  return {
    graph,
    node: (id) => nodes.get(id),
    edgesOf: (id) => edgesOf.get(id) ?? [],
    entities: () => graph.nodes.filter(isEntityNode).sort(byLabel),
    relationsOf(entityId) {
      const groups = new Map<RelationType, GraphEdge[]>();
      for (const edge of edgesOf.get(entityId) ?? []) {
        if (NON_RELATIONS.has(edge.type)) continue;
        const list = groups.get(edge.type) ?? [];
        list.push(edge);
        groups.set(edge.type, list);
      }
      return [...groups]
        .map(([type, edges]) => ({
          type,
          edges: edges.sort(
            (a, b) =>
              b.weight - a.weight ||
              label(a.source).localeCompare(label(b.source)) ||
              label(a.target).localeCompare(label(b.target)),
          ),
        }))
        .sort((a, b) => a.type.localeCompare(b.type));
    },
    mentionsOf(entityId) {
      return (edgesOf.get(entityId) ?? [])
        .filter((e) => e.type === 'mentions' && e.target === entityId)
        .flatMap((edge) => {
          const doc = docs.get(edge.source);
          return doc ? [{ doc, edge }] : [];
        })
        .sort((a, b) => b.edge.weight - a.edge.weight || a.doc.title.localeCompare(b.doc.title));
    },
    document: (id) => docs.get(id),
    section: (docId, sectionId) => docs.get(docId)?.sections.find((s) => s.id === sectionId),
    evidenceDocUrl: (evidence) => docs.get(evidence.doc)?.url ?? nodes.get(evidence.doc)?.url,
    entityRouteId,
    relationDegree(id) {
      let degree = degrees.get(id);
      if (degree === undefined) {
        // A page asks for each entity it mentions; at 10,000 documents an entity has thousands of
        // mention edges, so counting them again on every page made page generation quadratic.
        degree = (edgesOf.get(id) ?? []).filter((e) => !NON_RELATIONS.has(e.type)).length;
        degrees.set(id, degree);
      }
      return degree;
    },
  };
}
