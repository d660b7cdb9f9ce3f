// The checks docgraph reports, by their stable code (Diagnostic.code): the rule catalogue of the
// SARIF output and the titles of GitHub annotations. A code missing here still reports (its code is
// its description); test/unit/check-formats.test.ts keeps the table in step with the pipeline.
export interface Rule {
  /** The severity the pipeline gives it (a few checks, e.g. vocabulary-schema, also report the other). */
  level: 'error' | 'warning';
  text: string;
}

export const RULES: Readonly<Record<string, Rule>> = {
  'broken-link': { level: 'error', text: 'A link points to a document or file that does not exist.' },
  'broken-anchor': { level: 'error', text: 'A link points to a heading or anchor that the target document does not have.' },
  'broken-image': { level: 'error', text: 'An image points to a file that does not exist.' },
  'case-mismatch': { level: 'warning', text: 'A link matches its target only when letter case is ignored.' },
  'citation-not-found': { level: 'warning', text: 'A vocabulary relation cites a quote its document does not contain.' },
  'citation-unverified': { level: 'warning', text: 'A vocabulary relation cites a document that could not be checked.' },
  'deep-nesting': { level: 'warning', text: 'Lists or block quotes are nested too deep to render.' },
  'duplicate-alias': { level: 'error', text: 'Two vocabulary entities share a name or alias.' },
  'duplicate-entity': { level: 'error', text: 'Two vocabulary entities share an id.' },
  'empty-file': { level: 'warning', text: 'A document is empty.' },
  'front-matter': { level: 'error', text: 'The front matter is not valid YAML or has invalid values.' },
  'include-cycle': { level: 'error', text: 'Includes include each other in a cycle.' },
  'invalid-utf8': { level: 'warning', text: 'A file is not valid UTF-8.' },
  'mdx-attribute': { level: 'error', text: 'An MDX attribute that content may not use.' },
  'mdx-element': { level: 'error', text: 'An MDX element that content may not use.' },
  'mdx-esm': { level: 'error', text: 'An MDX import or export statement in content.' },
  'mdx-expression': { level: 'error', text: 'An MDX JavaScript expression in content.' },
  'missing-include': { level: 'error', text: 'An [!INCLUDE] points to a file that does not exist.' },
  'missing-title': { level: 'warning', text: 'A document has no title in its front matter.' },
  'parse-error': { level: 'error', text: 'A file could not be parsed, so it could not become a page.' },
  'render-error': { level: 'error', text: 'A page could not be rendered and shows its text only.' },
  'slug-collision': { level: 'warning', text: 'Two files would be published at the same URL.' },
  'unknown-entity': { level: 'error', text: 'A vocabulary entry refers to an entity id that does not exist.' },
  'unparsable-file': { level: 'error', text: 'A file could not become a page.' },
  'unsafe-html': { level: 'warning', text: 'Raw HTML that is removed from the page for safety.' },
  'unused-include': { level: 'warning', text: 'An include file that no document includes.' },
  'vocabulary-schema': { level: 'error', text: 'A vocabulary entry has invalid or unknown fields.' },
  'vocabulary-yaml': { level: 'error', text: 'The vocabulary file is not valid YAML.' },
};

export function ruleOf(code: string): Rule {
  return RULES[code] ?? { level: 'error', text: code };
}
