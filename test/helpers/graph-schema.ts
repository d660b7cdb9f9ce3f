import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from './fixtures.ts';

/** Validates data against the committed src/schema/graph.schema.json (the public contract). */
export function validateGraphJson(data: unknown): string[] {
  const schema = JSON.parse(readFileSync(`${PROJECT_ROOT}/src/schema/graph.schema.json`, 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
