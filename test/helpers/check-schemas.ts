// The published schemas `docgraph check`'s machine formats are validated against (sources and
// licences in test/fixtures/check/README.md).
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import { fixture } from './fixtures.ts';

const sarifSchema = JSON.parse(readFileSync(fixture('check', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new AjvDraft04({ allErrors: true, strict: false });
addFormats(ajv);
const sarifValidator = ajv.compile(sarifSchema);

/** The SARIF 2.1.0 schema's complaints about `log` (none: valid). */
export function sarifErrors(log: unknown): string[] {
  if (sarifValidator(log)) return [];
  return (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const junitSchema = readFileSync(fixture('check', 'junit-10.xsd'), 'utf8');

/** xmllint's complaints about `xml` against the JUnit schema (none: valid). */
export async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema: { fileName: 'junit-10.xsd', contents: junitSchema } });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
