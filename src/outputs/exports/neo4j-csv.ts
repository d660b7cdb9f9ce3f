// The knowledge graph as the CSV pair `neo4j-admin database import full` reads (Neo4j 5):
//   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
//     --multiline-fields=true neo4j
// Every value is quoted (RFC 4180: quotes doubled), so commas, quotes, newlines and backslashes in
// content stay inside their field. Arrays (`:LABEL`, aliases) use neo4j-admin's default `;` delimiter;
// a `;` inside an alias is written as `,` so it cannot split the alias (the one lossy step).
import type { KnowledgeGraph } from '../../pipeline/types.ts';
import { toNeo4jNode, toNeo4jRelationship } from './neo4j.ts';
import { xmlSafeChars } from './text.ts';

export const NODE_HEADER = ['id:ID', ':LABEL', 'label', 'type', 'url', 'description', 'aliases:string[]', 'origin'];
export const RELATIONSHIP_HEADER = [':START_ID', ':END_ID', ':TYPE', 'id', 'weight:int', 'origin', 'evidence'];

/** One CSV field, always quoted; control characters no text needs are dropped. */
export function csvField(value: string | number): string {
  return `"${xmlSafeChars(String(value)).replace(/"/g, '""')}"`;
}

const row = (values: (string | number)[]): string => values.map(csvField).join(',');

export interface Neo4jCsv {
  nodes: string;
  relationships: string;
}

export function toNeo4jCsv(graph: KnowledgeGraph, options: { url?: (siteRelative: string) => string } = {}): Neo4jCsv {
  return { nodes: [...neo4jNodeRows(graph, options)].join('\n'), relationships: [...neo4jRelationshipRows(graph)].join('\n') };
}

/** nodes.csv row by row, ending with an empty row (a 10,000-document graph is too big for one string). */
export function* neo4jNodeRows(graph: KnowledgeGraph, options: { url?: (siteRelative: string) => string } = {}): Generator<string> {
  const url = options.url ?? ((u: string) => u);
  yield NODE_HEADER.join(',');
  for (const n of graph.nodes) {
    const { id, labels, props } = toNeo4jNode(n, url);
    const aliases = props.aliases.map((a) => a.replace(/;/g, ',')).join(';');
    yield row([id, labels.join(';'), props.label, props.type, props.url, props.description, aliases, props.origin]);
  }
  yield '';
}

/** relationships.csv row by row, ending with an empty row. */
export function* neo4jRelationshipRows(graph: KnowledgeGraph): Generator<string> {
  yield RELATIONSHIP_HEADER.join(',');
  for (const e of graph.edges) {
    const { start, end, type, props } = toNeo4jRelationship(e);
    yield row([start, end, type, props.id, props.weight, props.origin, props.evidence]);
  }
  yield '';
}
