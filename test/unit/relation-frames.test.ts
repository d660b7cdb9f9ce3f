// The frames of the sentence analysis (src/pipeline/relations/clauses.ts) and the structures around
// sentences (lead-ins, tables, headings), on sentences written for each case, with the project's vocabulary.
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/pipeline/mentions.ts';
import { analyseRelations } from '../../src/pipeline/relations.ts';
import { parseLexicon } from '../../src/pipeline/relations/lexicon.ts';
import { entities, matcher, one, relationsOfMarkdown as fromMarkdown, rules, sentence, triples } from '../helpers/relations.ts';

describe('sentence frames', () => {
  it('reads active and passive voice with the roles of the lexicon entry', () => {
    expect(one('Azure AD Connect requires Active Directory.')).toEqual(['azure-ad-connect requires active-directory']);
    expect(one('Active Directory is required by Azure AD Connect.')).toEqual(['azure-ad-connect requires active-directory']);
    expect(one('DirSync has been replaced by Azure AD Connect.')).toEqual(['azure-ad-connect replaces dirsync']);
    expect(one('Exchange Online is included in Office 365.')).toEqual(['exchange-online part-of office-365']);
    expect(one('Office 365 includes Exchange Online and SharePoint Online.')).toEqual(['exchange-online part-of office-365', 'sharepoint-online part-of office-365']);
  });

  it('coordinates on both sides: "A and B are required for C and D" is four statements', () => {
    expect(one('Active Directory and Azure AD are required for password hash sync and pass-through authentication.')).toEqual([
      'pass-through-authentication requires active-directory', 'pass-through-authentication requires azure-ad',
      'password-hash-sync requires active-directory', 'password-hash-sync requires azure-ad',
    ]);
  });

  it('reads purpose clauses: "use X to configure Y", "To set up Y, use X", "X is used to deploy Y"', () => {
    expect(one('Use Azure AD Connect to configure single sign-on.')).toEqual(['azure-ad-connect sets-up single-sign-on']);
    expect(one('To set up directory synchronization, use Azure AD Connect.')).toEqual(['azure-ad-connect sets-up directory-synchronization']);
    expect(one('Azure AD Connect is used to deploy AD FS.')).toEqual(['azure-ad-connect sets-up ad-fs']);
    expect(rules('Use Azure AD Connect to configure single sign-on.')).toEqual(['purpose:configure']);
  });

  it('reads nouns and adjectives after the copula or in an apposition', () => {
    expect(one('Password hash sync is a feature of Azure AD Connect.')).toEqual(['password-hash-sync part-of azure-ad-connect']);
    expect(one('Seamless SSO, a feature of Azure AD Connect, signs users in.')).toEqual(['seamless-sso part-of azure-ad-connect']);
    expect(one('AD FS is a prerequisite for federated authentication.')).toEqual(['federated-authentication requires ad-fs']);
    expect(one('IdFix is compatible with Active Directory.')).toEqual(['idfix works-with active-directory']);
  });

  it('reads markers: instead of, formerly, either-or, between, upgrade from-to', () => {
    expect(one('Choose pass-through authentication instead of password hash sync.')).toEqual(['pass-through-authentication alternative-to password-hash-sync']);
    expect(one('Skype for Business Online (formerly Lync Online) is a service.')).toEqual(['lync-online renamed-to skype-for-business-online']);
    expect(one('You can use either password hash sync or pass-through authentication.')).toEqual(['pass-through-authentication alternative-to password-hash-sync']);
    expect(one('Configure hybrid connectivity between Exchange Server and Exchange Online.')).toEqual(['exchange-server integrates-with exchange-online']);
    expect(one('Upgrade from DirSync to Azure AD Connect.')).toEqual(['azure-ad-connect replaces dirsync']);
  });

  it('keeps the name before a place phrase as the subject: "A in the B works with C" is about A', () => {
    expect(one('Password hash sync in the Azure AD Connect wizard works with Seamless SSO.')).toEqual(['password-hash-sync works-with seamless-sso']);
  });

  it('reads an instrument after a comma and a connecting tool after "with"', () => {
    expect(one('Set up and configure directory synchronization, using either Azure AD Connect or DirSync.')).toEqual([
      'azure-ad-connect alternative-to dirsync', 'azure-ad-connect sets-up directory-synchronization', 'dirsync sets-up directory-synchronization',
    ]);
    expect(one('Connect to Exchange Online with the Hybrid Configuration Wizard.')).toEqual(['hybrid-configuration-wizard works-with exchange-online']);
  });

  it('takes "data" and "databases" after a name for the name ("upgrade SharePoint Server 2013 databases to SharePoint Online")', () => {
    expect(one('Upgrade your SharePoint Server 2013 databases to SharePoint Online.')).toEqual(['sharepoint-online replaces sharepoint-server-2013']);
  });

  it('makes the names after "services such as" parts of the name before', () => {
    expect(one('Office 365 services such as Exchange Online and SharePoint Online are global.')).toEqual(['exchange-online part-of office-365', 'sharepoint-online part-of office-365']);
  });

  it('yields nothing for negation, questions, conditions, hypotheticals and pointers, and says why', () => {
    for (const text of [
      'Azure AD Connect does not require AD FS.',
      'Does Azure AD Connect require AD FS?',
      'If Azure AD Connect requires AD FS, install it first.',
      'Azure AD Connect would replace DirSync.',
      'For more information about Azure AD Connect and AD FS, see the overview.',
      'Learn more about how Azure AD Connect replaces DirSync.',
    ]) expect(one(text), text).toEqual([]);
    const explained = analyseRelations({ sentences: [sentence('Azure AD Connect does not require AD FS.')], sections: [], mentions: findMentions([sentence('Azure AD Connect does not require AD FS.')], matcher), entities }, { explain: true });
    expect(explained.explanations[0]).toMatchObject({ line: 1, edges: [], reasons: ['negated: require'] });
  });

  it('does not take a name that only modifies a longer noun phrase for an argument', () => {
    // "Active Directory schema extensions" are not Active Directory.
    expect(one('Exchange Online requires Active Directory schema extensions.')).toEqual([]);
    expect(one('Exchange Online requires Azure AD Connect.')).toEqual(['exchange-online requires azure-ad-connect']);
  });

  it('reads the section topic for "It ..." and for fragments in list items that describe it', () => {
    const rels = fromMarkdown('# Azure AD Connect\n\nIt replaces DirSync.\n\n- Requires Active Directory.\n- Configure AD FS.\n');
    expect(triples(rels)).toEqual(['azure-ad-connect replaces dirsync', 'azure-ad-connect requires active-directory']);
    expect(rels.find((r) => r.type === 'replaces')?.confidence).toBeLessThan(1);
  });

  it('reads a bold paragraph that names one entity as the topic of what follows it, up to the next heading', () => {
    const md = '# Azure AD Connect\n\n**IdFix (a tool)**\n\nDescription:\n\n- Requires Active Directory.\n\n**Choices**\n\n- Requires Azure AD.\n\n## DirSync\n\n- Requires Office 365.\n';
    expect(triples(fromMarkdown(md))).toEqual(['azure-ad-connect requires azure-ad', 'dirsync requires office-365', 'idfix requires active-directory']);
    // Bold words inside a sentence are emphasis, not a heading.
    expect(triples(fromMarkdown('# Azure AD Connect\n\nUse **IdFix** first.\n\n- Requires Active Directory.\n'))).toEqual(['azure-ad-connect requires active-directory']);
  });
});

describe('structure', () => {
  it('reads a lead-in sentence with its list: each item is evidence, read with the lead-in', () => {
    const rels = fromMarkdown('# Setup\n\nThe following are required for Azure AD Connect:\n\n- Active Directory\n- An Azure AD tenant with a verified domain\n');
    expect(triples(rels)).toEqual(['azure-ad-connect requires active-directory', 'azure-ad-connect requires azure-ad-tenant']);
    const item = rels.find((r) => r.target === 'active-directory')!;
    expect(item).toMatchObject({ origin: 'structure', rule: 'list:verb:require', evidence: { line: 5, sentence: 'Active Directory', context: 'The following are required for Azure AD Connect:' } });
  });

  it('reads "label: A; B; and C" items as their names after the colon', () => {
    const rels = fromMarkdown('# Modern authentication\n\nModern authentication includes:\n\n- **Methods**: multi-factor authentication; certificate-based authentication.\n');
    expect(triples(rels)).toEqual(['certificate-based-authentication part-of modern-authentication', 'multi-factor-authentication part-of modern-authentication']);
  });

  it('reads table cells under a header that names a relation, and the row name as the cells\' topic', () => {
    const rels = fromMarkdown('# Tools\n\n| Tool | Requires | Notes |\n| --- | --- | --- |\n| IdFix | Active Directory | It prepares the on-premises directory. |\n');
    expect(triples(rels)).toEqual(['idfix prepares on-premises-directory', 'idfix requires active-directory']);
    expect(rels.find((r) => r.type === 'requires')).toMatchObject({ rule: 'table:requires', evidence: { context: 'Requires' } });
  });

  it('leaves a name after "from" or "than" in a table cell out of the row\'s items', () => {
    const rels = fromMarkdown('# Versions\n\n| Version | Features |\n| --- | --- |\n| Azure AD Connect | Features from DirSync and Seamless SSO |\n');
    expect(triples(rels)).toEqual(['seamless-sso part-of azure-ad-connect']);
  });

  it('reads "<entity> options" sections whose subsections each name one option', () => {
    const rels = fromMarkdown('# Sign-in\n\n## Single sign-on options\n\n### Use AD FS\n\nText.\n\n### Use seamless SSO\n\nText.\n');
    expect(triples(rels)).toEqual(['ad-fs option-of single-sign-on', 'seamless-sso option-of single-sign-on']);
    expect(rels.every((r) => r.rule === 'heading:option-of')).toBe(true);
  });

  it('reads a link title of another article as one opaque name, and navigation lists not at all', () => {
    expect(triples(fromMarkdown('See [Integrating Office 365 with Azure AD](x.md) for details.\n'))).toEqual([]);
    expect(triples(fromMarkdown('- [Azure AD Connect replaces DirSync](x.md)\n'))).toEqual([]);
    // A lower-case link text is the sentence's own words.
    expect(triples(fromMarkdown('You can [use Azure AD Connect to configure single sign-on](x.md).\n'))).toEqual(['azure-ad-connect sets-up single-sign-on']);
  });
});

describe('the lexicon', () => {
  it('is checked with a schema that names the entry at fault', () => {
    expect(() => parseLexicon('verbs: [{ id: x, lemmas: [], type: replaces, source: agent, confidence: 2 }]')).toThrow(/relation lexicon: .*verbs\.0/);
  });
});
