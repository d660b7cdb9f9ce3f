import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseVocabulary, verifyCitations } from '../../src/pipeline/vocabulary.ts';
import type { Sentence } from '../../src/pipeline/types.ts';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/vocabulary/${name}`, import.meta.url)), 'utf8');

describe('parseVocabulary', () => {
  it('reports each bad entry at its file:line:column and keeps the good ones', () => {
    const { entities, relations, diagnostics } = parseVocabulary(fixture('invalid.yaml'), 'vocabulary.yaml');
    expect(entities.map((e) => e.id)).toEqual(['azure-ad-connect', 'clone', 'lync-online', 'dirsync']);
    const at = diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(at).toEqual([
      'vocabulary-schema@7:9', // Bad_Id
      'vocabulary-schema@12:11', // type: gadget
      'duplicate-entity@15:9', // second azure-ad-connect
      'duplicate-alias@22:15', // "aad connect" belongs to azure-ad-connect
      'vocabulary-schema@28:5', // unknown key colour
      'unknown-entity@33:16', // renamedTo skype-online
      'vocabulary-schema@44:11', // relation type mentions
      'unknown-entity@49:13', // target nowhere
      'vocabulary-schema@51:5', // relation without citation
    ]);
    expect(diagnostics.every((d) => d.file === 'vocabulary.yaml' && d.severity === 'error' && (d.hint ?? '').length > 0)).toBe(true);
    expect(diagnostics[1]!.hint).toContain('concept, tool, product');
    expect(diagnostics[4]!.message).toContain('"colour"');
    // The clone keeps its other alias; only the stolen one is dropped.
    expect(entities.find((e) => e.id === 'clone')!.aliases).toEqual(['Clone Tool']);
    expect(relations).toEqual([
      expect.objectContaining({ source: 'azure-ad-connect', type: 'replaces', target: 'dirsync', line: 39, column: 5 }),
    ]);
  });

  it('names the position of a YAML syntax error', () => {
    const { entities, diagnostics } = parseVocabulary('entities:\n  - id: a\n    type: tool: x\n', 'v.yaml');
    expect(entities).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'vocabulary-yaml', file: 'v.yaml', severity: 'error', line: 3, column: 11 }),
    ]);
    const dup = parseVocabulary('entities:\n  - id: a\n    type: tool\n    type: concept\n', 'v.yaml');
    expect(dup.diagnostics[0]).toMatchObject({ code: 'vocabulary-yaml', line: 4, column: 5 });
  });

  it('rejects unknown top-level keys and a missing entities list', () => {
    const { diagnostics } = parseVocabulary('entities: []\nextras: 1\n', 'v.yaml');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'vocabulary-schema', line: 2, column: 1 })]);
    const missing = parseVocabulary('relations: []\n', 'v.yaml');
    expect(missing.diagnostics[0]).toMatchObject({ code: 'vocabulary-schema', line: 1 });
  });

  it('merges formerNames into aliases, resolves caseSensitive and emits renamed-to', () => {
    const { entities, relations, diagnostics } = parseVocabulary(fixture('valid.yaml'), 'vocabulary.yaml');
    expect(diagnostics).toEqual([]);
    const sfb = entities.find((e) => e.id === 'skype-for-business-online')!;
    expect(sfb).toMatchObject({
      aliases: ['SfB Online', 'Lync 2013 Online'],
      formerNames: ['Lync 2013 Online'],
      caseSensitive: ['SfB Online'],
      origin: 'vocabulary',
      source: { file: 'vocabulary.yaml', line: 7 },
    });
    expect(relations[0]).toMatchObject({
      source: 'lync-online',
      type: 'renamed-to',
      target: 'skype-for-business-online',
      statement: 'Lync Online was renamed Skype for Business Online.',
    });
    expect(relations.map((r) => r.type)).toEqual(['renamed-to', 'part-of', 'works-with', 'requires']);
  });

  it('loads the project vocabulary without a single diagnostic', () => {
    const text = readFileSync(fileURLToPath(new URL('../../content/vocabulary.yaml', import.meta.url)), 'utf8');
    const { entities, relations, diagnostics } = parseVocabulary(text, 'vocabulary.yaml');
    expect(diagnostics).toEqual([]);
    expect(entities.length).toBeGreaterThanOrEqual(50);
    const ids = new Set(entities.map((e) => e.id));
    for (const id of ['dirsync', 'azure-ad-sync', 'azure-ad-connect', 'ad-fs', 'azure-ad', 'password-hash-sync', 'pass-through-authentication',
      'single-sign-on', 'hybrid-environment', 'directory-synchronization', 'federated-authentication', 'idfix', 'active-directory',
      'on-premises-directory', 'office-365', 'exchange-server', 'skype-for-business-server-2015', 'sharepoint-server-2013']) {
      expect(ids.has(id), id).toBe(true);
    }
    for (const r of relations) expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
  });
});

describe('verifyCitations', () => {
  const sentence = (text: string, line: number): Sentence => ({
    docId: 'doc:guide', sectionId: 'intro', file: 'guide.md', line, text, block: 'paragraph',
  });
  const { relations: declared } = parseVocabulary(fixture('valid.yaml'), 'vocabulary.yaml');
  const sentences = [sentence('Welcome.', 3), sentence('Skype for Business Online is part of Office 365.', 7)];
  const { relations, diagnostics } = verifyCitations(declared, sentences, new Map([['guide.md', 'doc:guide']]));

  it('points found quotes at the sentence (case/whitespace-insensitive)', () => {
    expect(relations[1]).toEqual({
      source: 'skype-for-business-online', target: 'lync-online', type: 'part-of', origin: 'vocabulary',
      evidence: { doc: 'doc:guide', file: 'guide.md', section: 'intro', line: 7, sentence: 'Skype for Business Online is part of Office 365.' },
      rule: 'vocabulary', confidence: 1,
    });
  });

  it('keeps unverifiable relations, with warnings', () => {
    expect(relations[2]!.evidence).toEqual({ doc: '', file: 'missing.md', section: '', line: 0, sentence: 'Lync works with Skype.' });
    expect(relations[3]!.evidence).toEqual({ doc: '', file: 'guide.md', section: '', line: 0, sentence: 'This sentence is not in the guide.' });
    expect(diagnostics.map((d) => `${d.severity}:${d.code}@${d.line}`)).toEqual([
      'warning:citation-unverified@19', 'warning:citation-not-found@23',
    ]);
  });

  it('gives renamed-to the vocabulary statement as evidence', () => {
    expect(relations[0]).toMatchObject({
      type: 'renamed-to', origin: 'vocabulary',
      evidence: { doc: '', file: 'vocabulary.yaml', line: 6, sentence: 'Lync Online was renamed Skype for Business Online.' },
    });
  });
});
