import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMentionMatcher, findMentions } from '../../src/pipeline/mentions.ts';
import { parseMarkdown } from '../../src/pipeline/parse.ts';
import { extractRelations } from '../../src/pipeline/relations.ts';
import { extractSections } from '../../src/pipeline/sections.ts';
import { extractSentences } from '../../src/pipeline/sentences.ts';
import type { Relation, Section, Sentence } from '../../src/pipeline/types.ts';
import { parseVocabulary, verifyCitations } from '../../src/pipeline/vocabulary.ts';

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const { entities, relations: declared } = parseVocabulary(read('../../content/vocabulary.yaml'), 'vocabulary.yaml');
const matcher = createMentionMatcher(entities);

const DOC = 'doc:office-365-integration';
const FILE = 'office-365-integration.md';
const sentence = (line: number, sectionId: string, text: string, block: Sentence['block'] = 'paragraph'): Sentence => ({
  docId: DOC, sectionId, file: FILE, line, text, block,
});
const section = (id: string, title: string, depth: number, line: number, parent?: string): Section => ({
  docId: DOC, id, anchors: [], depth, title, text: '', file: FILE, line, ...(parent ? { parent } : {}),
});

function run(sentences: Sentence[], sections: Section[] = []): Relation[] {
  return extractRelations({ sentences, sections, mentions: findMentions(sentences, matcher), entities });
}
const triples = (rs: Relation[]): string[] => [...new Set(rs.map((r) => `${r.source} ${r.type} ${r.target}`))].sort();

// The seed article's sentences, as the sentence extractor yields them (Markdown and links removed).
const seedSentences: Sentence[] = [
  sentence(23, 'office-365-integration-with-on-premises-environments', 'Office 365 integration with on-premises environments', 'heading'),
  sentence(25, 'office-365-integration-with-on-premises-environments', 'You can integrate Office 365 with your existing directory services and with an on-premises installation of Exchange Server, Skype for Business Server 2015, or SharePoint Server 2013.'),
  sentence(27, 'office-365-integration-with-on-premises-environments', 'You can also add password hash synchronization or single sign-on (SSO) so users can log on to both environments with their on-premises credentials.', 'listItem'),
  sentence(28, 'office-365-integration-with-on-premises-environments', 'When you integrate with on-premises server products, you create a hybrid environment.', 'listItem'),
  sentence(41, 'integrate-office-365-with-directory-services', 'Integrate Office 365 with directory services', 'heading'),
  sentence(42, 'integrate-office-365-with-directory-services', 'Directory synchronization helps you mirror those accounts between your online and on-premises environments.'),
  sentence(42, 'integrate-office-365-with-directory-services', 'You will need to prepare your on-premises directory for directory synchronization, you can do this manually or use the IdFix tool (IdFix tool only works with Active Directory).'),
  sentence(52, 'directory-synchronization-with-or-without-password-hash-synchronization-or-pass-through-authentication', 'Directory synchronization with or without password hash synchronization or pass-through authentication', 'heading'),
  sentence(53, 'directory-synchronization-with-or-without-password-hash-synchronization-or-pass-through-authentication', 'When you add password hash sync or pass-through authentication, the user has the same password for both environments, but will have to provide those credentials again when logging on to Office 365.'),
  sentence(53, 'directory-synchronization-with-or-without-password-hash-synchronization-or-pass-through-authentication', 'Directory synchronization with password hash sync is the most commonly used directory sync scenario.'),
  sentence(55, 'directory-synchronization-with-or-without-password-hash-synchronization-or-pass-through-authentication', 'To set up directory synchronization, use Azure Active Directory Connect.'),
  sentence(59, 'directory-synchronization-with-sso', 'Directory synchronization with SSO', 'heading'),
  sentence(62, 'directory-synchronization-with-sso', 'To set up SSO you also use Azure AD Connect.'),
  sentence(66, 'azure-ad-connect', 'Azure AD Connect', 'heading'),
  sentence(67, 'azure-ad-connect', 'Azure AD Connect replaces older versions of identity integration tools such as DirSync and Azure AD Sync.'),
  sentence(67, 'azure-ad-connect', 'If you want to update from Azure Active Directory Sync to Azure AD Connect, see the upgrade instructions.'),
];

/** What the seed must yield, with the vocabulary's declared relations. */
const REQUIRED = [
  'azure-ad-connect replaces dirsync',
  'azure-ad-connect replaces azure-ad-sync',
  'azure-ad-connect sets-up directory-synchronization',
  'azure-ad-connect sets-up single-sign-on',
  'idfix prepares on-premises-directory',
  'idfix works-with active-directory',
  'password-hash-sync option-of directory-synchronization',
  'pass-through-authentication option-of directory-synchronization',
];

describe('extractRelations on the seed article', () => {
  const rels = run(seedSentences);

  it('finds the required relations', () => {
    expect(triples(rels)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('finds exactly these edges and nothing greedier', () => {
    expect(triples(rels)).toEqual([
      'azure-ad-connect replaces azure-ad-sync',
      'azure-ad-connect replaces dirsync',
      'azure-ad-connect sets-up directory-synchronization',
      'azure-ad-connect sets-up single-sign-on',
      'idfix prepares on-premises-directory',
      'idfix works-with active-directory',
      'office-365 integrates-with directory-services',
      'office-365 integrates-with exchange-server',
      'office-365 integrates-with sharepoint-server-2013',
      'office-365 integrates-with skype-for-business-server-2015',
      'pass-through-authentication alternative-to password-hash-sync',
      'pass-through-authentication option-of directory-synchronization',
      // "You can also add password hash synchronization or single sign-on (SSO)": the two choices.
      'password-hash-sync alternative-to single-sign-on',
      'password-hash-sync option-of directory-synchronization',
      'single-sign-on option-of directory-synchronization',
    ]);
    expect(rels.some((r) => r.type === 'mentions' || r.type === 'links-to' || r.source === r.target)).toBe(false);
  });

  it('cites the sentence and marks heading-derived edges as structure', () => {
    const replaces = rels.find((r) => r.source === 'azure-ad-connect' && r.target === 'dirsync')!;
    expect(replaces).toEqual({
      source: 'azure-ad-connect', target: 'dirsync', type: 'replaces', origin: 'extracted',
      evidence: { doc: DOC, file: FILE, section: 'azure-ad-connect', line: 67, sentence: seedSentences[14]!.text },
      rule: 'verb:replace', confidence: expect.any(Number),
    });
    expect(replaces.confidence).toBeGreaterThan(0.5);
    const option = rels.find((r) => r.type === 'option-of' && r.source === 'password-hash-sync')!;
    expect(option.origin).toBe('structure');
    expect(option.evidence.line).toBe(52);
    // Both the "replaces" sentence and the "update from ... to" sentence back the Azure AD Sync edge.
    expect(rels.filter((r) => r.source === 'azure-ad-connect' && r.target === 'azure-ad-sync').map((r) => r.evidence.sentence)).toHaveLength(2);
  });

  it('adds the vocabulary edges (hybrid environment, AD FS) with verified seed citations', () => {
    const { relations, diagnostics } = verifyCitations(declared, seedSentences, new Map([[FILE, DOC]]));
    const hybrid = relations.filter((r) => r.target === 'hybrid-environment');
    expect(hybrid.map((r) => r.source).sort()).toEqual(['exchange-server', 'office-365', 'sharepoint-server-2013', 'skype-for-business-server-2015']);
    for (const r of hybrid) expect(r).toMatchObject({ type: 'part-of', origin: 'vocabulary', evidence: { doc: DOC, line: 28 } });
    expect(triples(relations)).toEqual(expect.arrayContaining(['ad-fs option-of single-sign-on', 'ad-fs option-of federated-authentication']));
    // Citations of corpus articles that are not in this content set stay, with a warning each.
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === 'citation-unverified' && d.severity === 'warning')).toBe(true);
  });
});

describe('extractRelations patterns', () => {
  const one = (text: string, block: Sentence['block'] = 'paragraph'): string[] => triples(run([sentence(1, 's', text, block)]));

  it('reads passive and migration phrasings of replaces, only between things of one kind', () => {
    expect(one('DirSync and Azure AD Sync have been replaced by Azure AD Connect.')).toEqual([
      'azure-ad-connect replaces azure-ad-sync', 'azure-ad-connect replaces dirsync',
    ]);
    expect(one('Upgrade from Lync Server 2013 to Skype for Business Server 2015 first.')).toEqual([
      'skype-for-business-server-2015 replaces lync-server-2013',
    ]);
    // A concept and a product are not predecessor and successor.
    expect(one('Move from directory synchronization to Azure AD Connect.')).toEqual([]);
  });

  it('reads requires, part-of and works-with with the subject right before the verb', () => {
    expect(one('Azure AD Connect requires Active Directory.')).toEqual(['azure-ad-connect requires active-directory']);
    expect(one('AD FS is required for single sign-on.')).toEqual(['single-sign-on requires ad-fs']);
    expect(one('Exchange Online and SharePoint Online are part of Office 365.')).toEqual([
      'exchange-online part-of office-365', 'sharepoint-online part-of office-365',
    ]);
    expect(one('Office 365 includes Exchange Online, SharePoint Online, and Skype for Business Online.')).toEqual([
      'exchange-online part-of office-365', 'sharepoint-online part-of office-365', 'skype-for-business-online part-of office-365',
    ]);
    expect(one('IdFix is supported only with Active Directory.')).toEqual(['idfix works-with active-directory']);
  });

  it('does not take an object of a preposition for a subject, nor cross a clause', () => {
    // Only the synchronization "between" the two joins them; neither is the subject of "requires".
    expect(one('Successful directory synchronization between your on-premises directory and Office 365 requires that your on-premises directory attributes are correct.')).toEqual(['on-premises-directory integrates-with office-365']);
    expect(one('When integrating SharePoint 2013 with Azure Active Directory, an Azure service is used.')).toEqual([
      'sharepoint-server-2013 integrates-with azure-ad',
    ]);
  });

  it('reads alternatives from "instead of" and from headings or list items that are an "or" list', () => {
    expect(one('Use password hash sync instead of AD FS.')).toEqual([]); // concept vs product: not alternatives
    expect(one('Choose pass-through authentication instead of password hash sync.')).toEqual([
      'pass-through-authentication alternative-to password-hash-sync',
    ]);
    expect(one('Password hash sync or pass-through authentication', 'heading')).toEqual([
      'pass-through-authentication alternative-to password-hash-sync',
    ]);
    // In running prose the same words are not an options list, only the two choices "add" offers.
    expect(one('You can also add password hash synchronization or single sign-on (SSO) so users can log on.', 'listItem')).toEqual([
      'password-hash-sync alternative-to single-sign-on',
    ]);
  });

  it('reads "X with Y" headings as options only for a specific approach', () => {
    expect(one('Federated identity with Active Directory Federation Services (AD FS)', 'heading')).toEqual([
      'ad-fs option-of federated-authentication',
    ]);
    expect(one('Exchange Server with Lync Online', 'heading')).toEqual([]);
    expect(one('Hybrid with Office 365', 'heading')).toEqual([]);
  });

  it('turns an "... options" section into options of its entity and alternatives of each other', () => {
    const sections = [
      section('sign-in', 'Sign-in', 1, 1),
      section('single-sign-on-options', 'Single sign-on options', 2, 3, 'sign-in'),
      section('use-ad-fs', 'Use AD FS', 3, 5, 'single-sign-on-options'),
      section('use-seamless-sso', 'Use seamless SSO', 3, 9, 'single-sign-on-options'),
    ];
    const sentences = [
      sentence(3, 'single-sign-on-options', 'Single sign-on options', 'heading'),
      sentence(5, 'use-ad-fs', 'Use AD FS', 'heading'),
      sentence(9, 'use-seamless-sso', 'Use seamless SSO', 'heading'),
    ];
    const rels = run(sentences, sections);
    expect(triples(rels)).toEqual(['ad-fs option-of single-sign-on', 'seamless-sso option-of single-sign-on']);
    // AD FS (a product) and seamless SSO (a concept) are not declared alternatives: kinds differ.
    expect(rels.every((r) => r.origin === 'structure')).toBe(true);
    // A section whose subsections do not all name an option yields nothing.
    const partial = [...sentences.slice(0, 2), sentence(9, 'use-seamless-sso', 'Something else', 'heading')];
    expect(run(partial, sections)).toEqual([]);
  });
});

describe('integration: the real sentence extractor on the seed', () => {
  it('yields the required relations from content/office-365-integration.md', () => {
    const tree = parseMarkdown(read('../../content/office-365-integration.md'), 'md');
    const doc = { id: DOC, path: FILE, tree };
    const { sections, headingIds } = extractSections(doc);
    const sentences = extractSentences(doc, headingIds);
    const rels = run(sentences, sections);
    expect(triples(rels)).toEqual(expect.arrayContaining(REQUIRED));
    const { relations } = verifyCitations(declared, sentences, new Map([[FILE, DOC]]));
    const hybrid = relations.filter((r) => r.target === 'hybrid-environment');
    expect(hybrid).toHaveLength(4);
    for (const r of hybrid) expect(r.evidence.doc).toBe(DOC);
  });
});
