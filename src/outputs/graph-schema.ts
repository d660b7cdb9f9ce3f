// The public contract of graph.json (schemaVersion 1), as a zod schema. The JSON Schema in
// src/schema/graph.schema.json is generated from it (`npm run schema`) and a test keeps the two equal.
import { z } from 'zod';
import { RELATION_TYPES } from '../pipeline/types.ts';

const evidence = z.strictObject({
  doc: z.string().describe('Document node id the sentence is in ("" when a vocabulary citation could not be verified)'),
  file: z.string().describe('Source file, relative to the content folder (an include when the sentence came from one)'),
  section: z.string().describe('Section (heading) id within the document; "" for text before the first heading'),
  line: z.int().min(0).describe('1-based source line (0 when unknown)'),
  sentence: z.string().describe('The sentence that states the edge'),
  context: z.string().optional().describe('Typed relations: the lead-in, table header or heading the sentence is read with, when it does not stand alone'),
  rule: z.string().optional().describe('Typed relations: the lexicon entry or structure that read the statement, e.g. "verb:replace", "list:verb:require", "heading:option-of", "vocabulary"'),
  confidence: z.number().min(0).max(1).optional().describe('Typed relations: how sure the reading is (0-1; 1 for vocabulary relations)'),
});

export const graphNodeSchema = z.strictObject({
  id: z.string().min(1),
  type: z.enum(['concept', 'tool', 'product', 'discovered', 'document', 'external']),
  label: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  url: z.string().describe('Site-relative URL without the base path, or an absolute URL for external nodes'),
  origin: z.enum(['vocabulary', 'discovered', 'content', 'link']),
  path: z.string().optional().describe('Documents only: source path relative to the content folder'),
});

export const graphEdgeSchema = z.strictObject({
  id: z.string().describe('"source|type|target"'),
  source: z.string(),
  target: z.string(),
  type: z.enum(RELATION_TYPES),
  weight: z.int().min(1).describe('Number of statements (or mentions) behind the edge'),
  origin: z.enum(['extracted', 'structure', 'vocabulary']),
  evidence: z.array(evidence).min(1),
  confidence: z.number().min(0).max(1).optional().describe('Typed relations: the combined confidence of the evidence, 1 - the product of (1 - confidence) over its statements'),
});

export const knowledgeGraphSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    nodes: z.array(graphNodeSchema),
    edges: z.array(graphEdgeSchema),
  })
  .describe('docgraph knowledge graph (graph.json)');

export function graphJsonSchema(): object {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...z.toJSONSchema(knowledgeGraphSchema, { target: 'draft-2020-12' }) };
}
