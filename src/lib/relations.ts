// Plain-language sentences for graph edges: "Azure AD Connect replaces DirSync".
import type { RelationType } from '../pipeline/types.ts';

/** The verb phrase between source and target, read as "<source> <phrase> <target>". */
export const RELATION_PHRASES: Record<RelationType, string> = {
  replaces: 'replaces',
  'renamed-to': 'was renamed to',
  'sets-up': 'sets up',
  requires: 'requires',
  'part-of': 'is part of',
  'option-of': 'is an option of',
  'alternative-to': 'is an alternative to',
  'works-with': 'works with',
  prepares: 'prepares',
  'integrates-with': 'integrates with',
  mentions: 'mentions',
  'links-to': 'links to',
};

/** Group headings on entity pages; neutral, since the entity can be either end of the relation. */
export const RELATION_TITLES: Record<RelationType, string> = {
  replaces: 'Replacement',
  'renamed-to': 'Renaming',
  'sets-up': 'Setup',
  requires: 'Requirements',
  'part-of': 'Parts',
  'option-of': 'Options',
  'alternative-to': 'Alternatives',
  'works-with': 'Works with',
  prepares: 'Preparation',
  'integrates-with': 'Integration',
  mentions: 'Mentions',
  'links-to': 'Links',
};

export function relationPhrase(type: RelationType): string {
  return RELATION_PHRASES[type] ?? type.replace(/-/g, ' ');
}
