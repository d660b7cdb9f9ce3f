// Relations stated by coordination ("either A or B", "add A or B", "A and B require synchronization")
// and by structure (tables, lists under a topic), on sentences written for each case, with the
// project's vocabulary: each reading with its direction, and the sentences that must stay silent.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMentionMatcher, findMentions } from '../../src/pipeline/mentions.ts';
import { extractRelations } from '../../src/pipeline/relations.ts';
import type { Relation, Sentence } from '../../src/pipeline/types.ts';
import { parseVocabulary } from '../../src/pipeline/vocabulary.ts';

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const { entities } = parseVocabulary(read('../../content/vocabulary.yaml'), 'vocabulary.yaml');
const matcher = createMentionMatcher(entities);

const sentence = (text: string): Sentence => ({ docId: 'doc:t', sectionId: 's', file: 't.md', line: 1, text, block: 'paragraph' });
const run = (sentences: Sentence[]): Relation[] => extractRelations({ sentences, sections: [], mentions: findMentions(sentences, matcher), entities });
const triples = (rs: Relation[]): string[] => [...new Set(rs.map((r) => `${r.source} ${r.type} ${r.target}`))].sort();
const one = (text: string): string[] => triples(run([sentence(text)]));
const withRules = (text: string): string[] => [...new Set(run([sentence(text)]).map((r) => `${r.source} ${r.type} ${r.target} (${r.rule})`))].sort();

describe('choices between coordinated names', () => {
  it('reads "either the A or the B" across determiners', () => {
    expect(withRules('Install either the Azure AD Connect or the Azure AD Sync.')).toEqual(['azure-ad-connect alternative-to azure-ad-sync (marker:either-or)']);
  });

  it('reads an "or" pair after a verb of choosing, also as "either use A or B"', () => {
    expect(one('You can also add password hash sync or pass-through authentication.')).toEqual(['pass-through-authentication alternative-to password-hash-sync']);
    expect(one('You can either use synchronized identity or federated authentication.')).toEqual(['federated-authentication alternative-to synchronized-identity']);
  });

  it('states no choice for a slash compound, a noun "use", a condition or a hypothetical', () => {
    for (const text of [
      'You must select the right Exchange Online/SharePoint Online path.',
      'Traffic is sent regardless of the use of ExpressRoute or Azure AD.',
      'If you use password hash sync or pass-through authentication, users sign in with one password.',
      'You could add password hash sync or pass-through authentication.',
      'You cannot add password hash sync or pass-through authentication.',
      'See password hash sync or pass-through authentication.',
    ]) expect(one(text), text).toEqual([]);
  });
});
