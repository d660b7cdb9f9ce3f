// The harness of the relation unit tests: sentences written for each case, read with the project's
// vocabulary through the real mention matcher, parser and sentence extractor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMentionMatcher, findMentions } from '../../src/pipeline/mentions.ts';
import { parseMarkdown } from '../../src/pipeline/parse.ts';
import { extractRelations } from '../../src/pipeline/relations.ts';
import { extractSections } from '../../src/pipeline/sections.ts';
import { extractSentences } from '../../src/pipeline/sentences.ts';
import type { Relation, Sentence } from '../../src/pipeline/types.ts';
import { parseVocabulary } from '../../src/pipeline/vocabulary.ts';
import { PROJECT_ROOT } from './fixtures.ts';

export const { entities } = parseVocabulary(readFileSync(join(PROJECT_ROOT, 'content', 'vocabulary.yaml'), 'utf8'), 'vocabulary.yaml');
export const matcher = createMentionMatcher(entities);

export const sentence = (text: string, block: Sentence['block'] = 'paragraph', sectionId = 's'): Sentence => ({ docId: 'doc:t', sectionId, file: 't.md', line: 1, text, block });
export const run = (sentences: Sentence[]): Relation[] => extractRelations({ sentences, sections: [], mentions: findMentions(sentences, matcher), entities });
/** `source type target` of each relation, once each, sorted. */
export const triples = (rs: Relation[]): string[] => [...new Set(rs.map((r) => `${r.source} ${r.type} ${r.target}`))].sort();
export const one = (text: string, block: Sentence['block'] = 'paragraph'): string[] => triples(run([sentence(text, block)]));
/** The rules that read the sentence, once each, sorted. */
export const rules = (text: string): string[] => [...new Set(run([sentence(text)]).map((r) => r.rule ?? ''))].sort();
/** `source type target (rule)` of each relation, once each, sorted. */
export const withRules = (text: string): string[] => [...new Set(run([sentence(text)]).map((r) => `${r.source} ${r.type} ${r.target} (${r.rule})`))].sort();

/** A Markdown document through the real parser and sentence extractor. */
export function relationsOfMarkdown(md: string): Relation[] {
  const tree = parseMarkdown(md, 'md');
  const doc = { id: 'doc:t', path: 't.md', tree };
  const { sections, headingIds } = extractSections(doc);
  const sentences = extractSentences(doc, headingIds);
  return extractRelations({ sentences, sections, mentions: findMentions(sentences, matcher), entities });
}
