// Names the text defines (src/pipeline/definitions.ts), names relations take as arguments
// (src/pipeline/relations/arguments.ts), and what discovery makes of both.
import { describe, expect, it } from 'vitest';
import { acronymDefinitions, alsoKnownAs } from '../../src/pipeline/definitions.ts';
import { discoverEntities } from '../../src/pipeline/discover.ts';
import { nameOf } from '../../src/pipeline/relations/arguments.ts';
import { lexicon } from '../../src/pipeline/relations/lexicon.ts';
import type { Entity, Sentence } from '../../src/pipeline/types.ts';

describe('acronym definitions', () => {
  it('pairs an acronym with the words whose initials it spells, hyphen parts and small words included', () => {
    expect(acronymDefinitions('Use pass-through authentication (PTA) for sign-in.')).toEqual([['pass-through authentication', 'PTA']]);
    expect(acronymDefinitions('Active Directory Domain Services (AD DS) domains')).toEqual([['Active Directory Domain Services', 'AD DS']]);
    expect(acronymDefinitions('the Routing and Remote Access Service (RRAS) role')).toEqual([['Routing and Remote Access Service', 'RRAS']]);
    // The shortest run that spells it: "Azure" is not part of the long form.
    expect(acronymDefinitions('Azure virtual networks (VNets) host servers')).toEqual([['virtual network', 'VNet']]);
  });

  it('lets a word give its first two or three letters ("EXO", "SACK"), never letters from its middle', () => {
    expect(acronymDefinitions('Connect to Exchange Online (EXO) first.')).toEqual([['Exchange Online', 'EXO']]);
    expect(acronymDefinitions('Selective Acknowledgment (SACK) is another parameter.')).toEqual([['Selective Acknowledgment', 'SACK']]);
    expect(acronymDefinitions('Read the Trust Center (TRC) pages.')).toEqual([['Trust Center', 'TRC']]);
    expect(acronymDefinitions('Open the Trust Center (TUC) pages.')).toEqual([]);
  });

  it('ignores parentheses that spell nothing before them', () => {
    expect(acronymDefinitions('Azure Active Directory (Azure AD) is the directory.')).toEqual([]);
    expect(acronymDefinitions('Install the update (KB123) now.')).toEqual([]);
    expect(acronymDefinitions('Sign in (see Figure 2).')).toEqual([]);
  });

  it('reads "X, also known as Y" after a known name', () => {
    expect(alsoKnownAs('Use Outlook on the web, also known as Outlook Web App, to read mail.', (at) => (at === 22 ? 'Outlook on the web' : undefined))).toEqual([['Outlook on the web', 'Outlook Web App']]);
  });
});

describe('discovery from definitions and arguments', () => {
  const known: Entity[] = [{ id: 'eop', type: 'product', label: 'Exchange Online Protection', aliases: [], formerNames: [], description: '', origin: 'vocabulary' }];
  const s = (doc: string, text: string): Sentence => ({ docId: `doc:${doc}`, sectionId: '', file: `${doc}.md`, line: 1, text, block: 'paragraph' });

  it('gives a known entity the acronym its long form defines, and makes a defined unknown name an entity', () => {
    const result = discoverEntities([s('a', 'Exchange Online Protection (EOP) filters mail.'), s('a', 'Use pass-through authentication (PTA) to sign in.')], known);
    expect(result.aliases.get('eop')).toEqual(['EOP']);
    expect(result.entities.find((e) => e.id === 'pass-through-authentication')).toMatchObject({ label: 'pass-through authentication', aliases: ['PTA'], type: 'concept', origin: 'discovered' });
  });

  it('does not let a heading rename an acronym the corpus uses everywhere ("Information Protection (IP)")', () => {
    const h = (doc: string, text: string): Sentence => ({ ...s(doc, text), block: 'heading' });
    const uses = 'abcdefghijkl'.split('').map((d) => s(d, 'Every device needs an IP address and the IP range of the network.'));
    const result = discoverEntities([h('a', 'Information Protection (IP) Policy'), ...uses], known);
    expect(result.entities.find((e) => e.aliases.includes('IP'))).toBeUndefined();
    // Running text defines it: the acronym is the long form's.
    const defined = discoverEntities([s('a', 'Use Information Protection (IP) for labels.'), ...uses], known);
    expect(defined.entities.find((e) => e.label === 'Information Protection')?.aliases).toContain('IP');
    // A heading defining an acronym the corpus seldom uses still counts.
    expect(discoverEntities([h('a', 'Privileged Identity Management (PIM)')], known).entities.map((e) => e.label)).toContain('Privileged Identity Management');
  });

  it('promotes a name that a relation takes as an argument, once', () => {
    const result = discoverEntities([s('a', 'Exchange Online Protection requires the Contoso Gateway Server.')], known);
    expect(result.entities.map((e) => e.label)).toContain('Contoso Gateway Server');
  });

  it('reads a version after a known name as that name, not a new compound ("SAML 1.1 token format")', () => {
    const saml: Entity = { id: 'saml', type: 'concept', label: 'SAML', aliases: [], formerNames: [], description: '', origin: 'vocabulary' };
    const result = discoverEntities([s('a', 'Exchange Online Protection requires the SAML 1.1 token cache.')], [...known, saml]);
    expect(result.entities.map((e) => e.label)).not.toContain('SAML 1.1 token cache');
    // Without the version the compound is a thing of its own.
    expect(discoverEntities([s('a', 'Exchange Online Protection requires the SAML token cache.')], [...known, saml]).entities.map((e) => e.label)).toContain('SAML token cache');
  });

  it('tells names from generic noun phrases', () => {
    const lex = lexicon();
    expect(nameOf('Office 365 CDN', false, lex)).toBe('Office 365 CDN');
    expect(nameOf('basic authentication', false, lex)).toBe('basic authentication');
    expect(nameOf('Staged migration', true, lex)).toBe('staged migration');
    expect(nameOf('user accounts', false, lex)).toBeUndefined();
    expect(nameOf('Office 365 settings', false, lex)).toBeUndefined();
    expect(nameOf('Advantages', false, lex)).toBeUndefined();
    expect(nameOf('HTTP/2 protocol', false, lex)).toBe('HTTP/2');
    // Lower-case words after a version are a part of that release.
    expect(nameOf('SAML 1.1 token format', false, lex)).toBe('SAML 1.1');
    expect(nameOf('SharePoint 2010 databases', false, lex)).toBe('SharePoint 2010');
    expect(nameOf('Exchange Server 2013 CU19', false, lex)).toBe('Exchange Server 2013 CU19');
  });
});
