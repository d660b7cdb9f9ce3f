// The knowledge graph as a Cypher script for teams without neo4j-admin access:
//   cypher-shell -u neo4j -p <password> -f graph.cypher
// One statement per line. Content only appears inside single-quoted string literals, escaped with
// backslashes (quote, backslash, every control character and the Unicode line separators), so a label
// like `'}) DETACH DELETE n //` stays a string; labels and relationship types come from fixed tables.
// MERGE makes the script safe to run again over the same database.
import type { KnowledgeGraph } from '../../pipeline/types.ts';
import { NODE_LABEL, toNeo4jNode, toNeo4jRelationship } from './neo4j.ts';

/** A Cypher string literal. */
export function cypherString(value: string): string {
  const escaped = value.replace(/[\\'"\u0000-\u001F\u007F\u2028\u2029]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

function cypherValue(value: string | number | string[]): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(cypherString).join(', ')}]`;
  return cypherString(value);
}

function cypherMap(props: Record<string, string | number | string[]>): string {
  // Keys are ours (fixed property names), checked anyway: a key is an identifier, not a string.
  return `{${Object.entries(props)
    .map(([k, v]) => {
      if (!/^[a-z][A-Za-z]*$/.test(k)) throw new Error(`docgraph: ${k} is not a plain property name`);
      return `${k}: ${cypherValue(v)}`;
    })
    .join(', ')}}`;
}

const identifier = (name: string): string => {
  if (!/^[A-Za-z_]+$/.test(name)) throw new Error(`docgraph: ${name} is not a plain Neo4j identifier`);
  return name;
};

export function toCypher(graph: KnowledgeGraph, options: { url?: (siteRelative: string) => string } = {}): string {
  return [...cypherLines(graph, options)].join('\n');
}

/** The Cypher script line by line, ending with an empty line (a 10,000-document graph is too big for one string). */
export function* cypherLines(graph: KnowledgeGraph, options: { url?: (siteRelative: string) => string } = {}): Generator<string> {
  const url = options.url ?? ((u: string) => u);
  yield '// docgraph knowledge graph for Neo4j 5. Run: cypher-shell -u neo4j -p <password> -f graph.cypher';
  yield `CREATE CONSTRAINT docgraph_node_id IF NOT EXISTS FOR (n:${NODE_LABEL}) REQUIRE n.id IS UNIQUE;`;
  for (const node of graph.nodes) {
    const { id, labels, props } = toNeo4jNode(node, url);
    const extra = labels.filter((l) => l !== NODE_LABEL).map(identifier);
    yield `MERGE (n:${NODE_LABEL} {id: ${cypherString(id)}}) SET ${extra.length ? `n:${extra.join(':')}, ` : ''}n += ${cypherMap(props)};`;
  }
  for (const edge of graph.edges) {
    const { start, end, type, props } = toNeo4jRelationship(edge);
    yield `MATCH (a:${NODE_LABEL} {id: ${cypherString(start)}}), (b:${NODE_LABEL} {id: ${cypherString(end)}}) ` +
      `MERGE (a)-[r:${identifier(type)} {id: ${cypherString(props.id)}}]->(b) SET r += ${cypherMap({ weight: props.weight, origin: props.origin, evidence: props.evidence })};`;
  }
  yield '';
}
