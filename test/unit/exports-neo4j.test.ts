import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cypherString, toCypher } from '../../src/outputs/exports/cypher.ts';
import { NODE_HEADER, RELATIONSHIP_HEADER, toNeo4jCsv } from '../../src/outputs/exports/neo4j-csv.ts';
import { evidenceText } from '../../src/outputs/exports/graphml.ts';
import { xmlSafeChars } from '../../src/outputs/exports/text.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { hostileGraph, HOSTILE } from '../fixtures/exports/hostile-graph.ts';
import { seedGraph } from '../helpers/seed-graph.ts';

const url = (u: string) => `https://docs.example.com${u}`;

describe('toNeo4jCsv', () => {
  function expectRoundTrip(graph: KnowledgeGraph) {
    const csv = toNeo4jCsv(graph, { url });
    const nodes = parse(csv.nodes, { relax_quotes: false }) as string[][];
    const rels = parse(csv.relationships, { relax_quotes: false }) as string[][];
    expect(nodes[0]).toEqual(NODE_HEADER);
    expect(rels[0]).toEqual(RELATIONSHIP_HEADER);
    expect(nodes).toHaveLength(graph.nodes.length + 1);
    expect(rels).toHaveLength(graph.edges.length + 1);
    graph.nodes.forEach((n, i) => {
      const [id, labels, label, type, , description, aliases] = nodes[i + 1]!;
      expect([id, label, type, description]).toEqual([n.id, xmlSafeChars(n.label), n.type, xmlSafeChars(n.description)]);
      expect(labels!.split(';')[0]).toBe('DocgraphNode');
      expect(labels).toMatch(/^[A-Za-z]+(;[A-Za-z]+)*$/);
      expect(aliases!.split(';')).toHaveLength(n.aliases.length || 1);
    });
    graph.edges.forEach((e, i) => {
      const [start, end, type, id, weight, , evidence] = rels[i + 1]!;
      expect([start, end, id, Number(weight)]).toEqual([e.source, e.target, e.id, e.weight]);
      expect(type).toMatch(/^[A-Z_]+$/);
      expect(evidence).toBe(xmlSafeChars(evidenceText(e)));
    });
    const ids = new Set(nodes.slice(1).map((r) => r[0]));
    for (const r of rels.slice(1)) expect(ids.has(r[0]) && ids.has(r[1])).toBe(true);
  }

  it('reads back with the counts and ids of the seed graph and neo4j-admin headers', async () => {
    expectRoundTrip(await seedGraph());
  });

  it('keeps hostile values inside their fields', () => {
    expectRoundTrip(hostileGraph());
  });
});

/**
 * A strict reader for the script's statement shapes: literals are single-quoted with backslash escapes
 * and nothing else may appear between the fixed parts. A label that broke out of its string would
 * leave text the shapes do not allow.
 */
const STRING = String.raw`'(?:[^'\\\n\r]|\\[\\'"nrt]|\\u[0-9a-f]{4})*'`;
const VALUE = String.raw`(?:${STRING}|\d+|\[(?:${STRING}(?:, ${STRING})*)?\])`;
const MAP = String.raw`\{[a-z][A-Za-z]*: ${VALUE}(?:, [a-z][A-Za-z]*: ${VALUE})*\}`;
const NODE = new RegExp(String.raw`^MERGE \(n:DocgraphNode \{id: ${STRING}\}\) SET (?:n(?::[A-Za-z]+)+, )?n \+= ${MAP};$`);
const REL = new RegExp(
  String.raw`^MATCH \(a:DocgraphNode \{id: ${STRING}\}\), \(b:DocgraphNode \{id: ${STRING}\}\) MERGE \(a\)-\[r:[A-Z_]+ \{id: ${STRING}\}\]->\(b\) SET r \+= ${MAP};$`,
);

const unescape = (literal: string): string =>
  literal.slice(1, -1).replace(/\\(u[0-9a-f]{4}|.)/g, (_, e: string) =>
    e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e,
  );
const literals = (line: string) => [...line.matchAll(new RegExp(STRING, 'g'))].map((m) => unescape(m[0]));

describe('toCypher', () => {
  function expectStatements(graph: KnowledgeGraph) {
    const lines = toCypher(graph, { url }).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\/\/ /);
    expect(lines[1]).toBe('CREATE CONSTRAINT docgraph_node_id IF NOT EXISTS FOR (n:DocgraphNode) REQUIRE n.id IS UNIQUE;');
    const nodes = lines.slice(2, 2 + graph.nodes.length);
    const rels = lines.slice(2 + graph.nodes.length);
    expect(rels).toHaveLength(graph.edges.length);
    graph.nodes.forEach((n, i) => {
      expect(nodes[i]).toMatch(NODE);
      const values = literals(nodes[i]!);
      expect(values[0]).toBe(n.id);
      expect(values).toContain(n.label);
      expect(values).toContain(n.description);
      for (const alias of n.aliases) expect(values).toContain(alias);
    });
    graph.edges.forEach((e, i) => {
      expect(rels[i]).toMatch(REL);
      expect(literals(rels[i]!).slice(0, 3)).toEqual([e.source, e.target, e.id]);
      expect(literals(rels[i]!)).toContain(evidenceText(e));
    });
  }

  it('writes one statement per node and edge of the seed graph', async () => {
    expectStatements(await seedGraph());
  });

  it('keeps hostile labels inside string literals, exactly', () => {
    expectStatements(hostileGraph());
  });

  it('escapes quotes, backslashes, newlines and control characters', () => {
    expect(cypherString(HOSTILE[2])).toBe(String.raw`'\'}) DETACH DELETE n //'`);
    expect(cypherString('a\\b\n"c"\u0000\u2028')).toBe(String.raw`'a\\b\n\"c\"\u0000\u2028'`);
    for (const value of HOSTILE) expect(unescape(cypherString(value))).toBe(value);
  });
});
