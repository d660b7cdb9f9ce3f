// Scoring a graph against judged statements (test/relations/judged-set.ts), on a small judged set and
// a hand-made graph: what counts as found, as correct, and as a false positive.
import { describe, expect, it } from 'vitest';
import { canonicalIds, loadJudgedSet, misplacedLabels, nameResolver, producedStatements, scoreHalf } from '../relations/judged-set.ts';
import type { Entity, GraphEdge, KnowledgeGraph } from '../../src/pipeline/types.ts';

const entity = (id: string, label: string, aliases: string[] = []): Entity => ({ id, type: 'product', label, aliases, formerNames: [], description: '', origin: 'vocabulary' });
const entities = [entity('aadc', 'Azure AD Connect'), entity('dirsync', 'DirSync'), entity('adfs', 'AD FS', ['Active Directory Federation Services']), entity('azure-ad', 'Azure AD'), entity('tenant', 'Azure AD tenant'), entity('o365', 'Office 365')];

const split = 'halves:\n  a.md: tune\n  b.md: measure\n';
const part = `
documents: [a.md, b.md]
positives:
  - { file: a.md, line: 3, quote: "Azure AD Connect replaces DirSync today", source: Azure AD Connect, type: replaces, target: DirSync, via: sentence }
  - { file: a.md, line: 5, quote: "AD FS or Azure AD can be", source: AD FS, type: alternative-to, target: Azure AD, via: sentence }
  - { file: a.md, line: 7, quote: "Office 365 uses the Azure AD tenant", source: Office 365, type: requires, target: Azure AD, accept: [works-with], via: sentence }
  - { file: a.md, line: 9, quote: "It needs a Contoso relay", source: Azure AD Connect, type: requires, target: Contoso relay, via: sentence }
negatives:
  - { file: a.md, line: 11, quote: "does not require AD FS", names: [Azure AD Connect, AD FS], why: negation }
`;
const source = ['', '', 'Azure AD Connect replaces DirSync today.', '', 'AD FS or Azure AD can be used.', '', 'Office 365 uses the Azure AD tenant.', '', 'It needs a Contoso relay.', '', 'Azure AD Connect does not require AD FS.'].join('\n');

function edge(source: string, type: GraphEdge['type'], target: string, line: number, rule = 'verb:x'): GraphEdge {
  return { id: `${source}|${type}|${target}`, source, target, type, weight: 1, origin: 'extracted', evidence: [{ doc: 'doc:a', file: 'a.md', section: '', line, sentence: source, rule, confidence: 0.9 }] };
}

describe('the judged set', () => {
  const set = loadJudgedSet(split, new Map([['part-0.yaml', part]]));

  it('loads labels with their half, and finds every quote at its line', () => {
    expect(set.positives.map((p) => p.half)).toEqual(['tune', 'tune', 'tune', 'tune']);
    expect(misplacedLabels(set, () => source)).toEqual([]);
    const moved = loadJudgedSet(split, new Map([['p.yaml', part.replace('line: 3,', 'line: 9,')]]));
    expect(misplacedLabels(moved, () => source)).toHaveLength(1);
  });

  it('refuses a label for an article the split does not know, naming the file and entry', () => {
    expect(() => loadJudgedSet(split, new Map([['p.yaml', part.replace('file: a.md, line: 3', 'file: c.md, line: 3')]]))).toThrow(/p\.yaml: positives\.0: c\.md/);
  });

  it('scores recall over statements and precision over what was produced at judged sentences', () => {
    const graph: KnowledgeGraph = {
      schemaVersion: 1,
      nodes: [],
      edges: [
        edge('aadc', 'replaces', 'dirsync', 3),
        // symmetric type, the other direction: found
        edge('azure-ad', 'alternative-to', 'adfs', 5),
        // an accepted other type, and the "tenant" name counts as Azure AD: found
        edge('o365', 'works-with', 'tenant', 7),
        // from a negative sentence: a false positive
        edge('aadc', 'requires', 'adfs', 11),
        // at no judged sentence: not counted
        edge('aadc', 'requires', 'o365', 40),
        { ...edge('o365', 'part-of', 'azure-ad', 3, 'vocabulary'), origin: 'vocabulary' },
      ],
    };
    const resolve = nameResolver(entities);
    const score = scoreHalf(set, 'tune', producedStatements(graph), resolve, canonicalIds(entities, resolve));
    expect(score).toMatchObject({ statements: 4, found: 3, produced: 4, correct: 3, recall: 0.75, precision: 0.75 });
    expect(score.misses.map((m) => m.why)).toEqual(['no entity for "Contoso relay"']);
    expect(score.falsePositives).toEqual([expect.objectContaining({ negative: true, produced: expect.objectContaining({ source: 'aadc', target: 'adfs' }) })]);
    expect(score.byRule['verb:x']).toEqual({ produced: 4, correct: 3 });
  });

  it('resolves a name by its aliases, ignoring generic words and versions around it', () => {
    const resolve = nameResolver(entities);
    expect(resolve('Active Directory Federation Services')).toBe('adfs');
    expect(resolve('the AD FS servers')).toBe('adfs');
    expect(resolve('Office 365 2016')).toBe('o365');
    expect(resolve('Office 365 Germany')).toBeUndefined();
  });
});
