// How the knowledge graph maps onto Neo4j's model, shared by the CSV pair and the Cypher script.
// Labels and relationship types come from these fixed tables, never from content, so no label or
// type can carry syntax; content only ever lands in property values, which each format escapes.
import type { GraphEdge, GraphNode, NodeType, RelationType } from '../../pipeline/types.ts';
import { evidenceText } from './graphml.ts';

/** Every node carries this label, so one uniqueness constraint covers ids. */
export const NODE_LABEL = 'DocgraphNode';

const TYPE_LABELS: Record<NodeType, string[]> = {
  concept: ['Entity', 'Concept'],
  tool: ['Entity', 'Tool'],
  product: ['Entity', 'Product'],
  discovered: ['Entity', 'DiscoveredTerm'],
  document: ['Document'],
  external: ['ExternalPage'],
};

export function neo4jLabels(type: NodeType): string[] {
  return [NODE_LABEL, ...(TYPE_LABELS[type] ?? [])];
}

/** `renamed-to` -> `RENAMED_TO`, Neo4j's convention for relationship types. */
export function neo4jRelationType(type: RelationType): string {
  const name = type.toUpperCase().replace(/-/g, '_');
  if (!/^[A-Z_]+$/.test(name)) throw new Error(`docgraph: relation type ${JSON.stringify(type)} cannot be a Neo4j type`);
  return name;
}

export interface Neo4jNode {
  id: string;
  labels: string[];
  props: { label: string; type: string; url: string; description: string; aliases: string[]; origin: string };
}

export interface Neo4jRelationship {
  start: string;
  end: string;
  type: string;
  props: { id: string; weight: number; origin: string; evidence: string };
}

export function toNeo4jNode(node: GraphNode, url: (siteRelative: string) => string): Neo4jNode {
  return {
    id: node.id,
    labels: neo4jLabels(node.type),
    props: {
      label: node.label,
      type: node.type,
      url: node.url.startsWith('/') ? url(node.url) : node.url,
      description: node.description,
      aliases: node.aliases,
      origin: node.origin,
    },
  };
}

export function toNeo4jRelationship(edge: GraphEdge): Neo4jRelationship {
  return {
    start: edge.source,
    end: edge.target,
    type: neo4jRelationType(edge.type),
    props: { id: edge.id, weight: edge.weight, origin: edge.origin, evidence: evidenceText(edge) },
  };
}
