import { describe, expect, it } from 'vitest';
import { discoverEntities } from '../../src/pipeline/discover.ts';
import type { Entity, Sentence } from '../../src/pipeline/types.ts';

const known: Entity[] = [
  { id: 'ad-fs', type: 'product', label: 'AD FS', aliases: ['Active Directory Federation Services'], formerNames: [], description: '', origin: 'vocabulary' },
  { id: 'office-365', type: 'product', label: 'Office 365', aliases: [], formerNames: [], description: '', origin: 'vocabulary' },
  { id: 'expressroute', type: 'product', label: 'ExpressRoute', aliases: [], formerNames: [], description: '', origin: 'vocabulary' },
];

const s = (doc: string, text: string, block: Sentence['block'] = 'paragraph'): Sentence => ({
  docId: `doc:${doc}`, sectionId: '', file: `${doc}.md`, line: 1, text, block,
});

// Three documents name OneDrive, Multi-Geo, the CDN and Cloud App Security; fragments and
// furniture appear too and must not surface.
const sentences: Sentence[] = [
  s('a', 'Users store files in OneDrive and use Multi-Geo through a CDN with AD FS.'),
  s('a', 'NOTE: Turn on Cloud App Security in the portal.'),
  s('a', 'Important Step For Admins', 'heading'),
  s('b', 'OneDrive syncs files; CDNs cache them and Multi-Geo moves them with ExpressRoute.'),
  s('b', 'We recommend Cloud App Security for Office 365 tenants.'),
  s('b', 'Microsoft Intune manages devices.'),
  s('c', 'Open OneDrive, see Multi-Geo, check the CDN and the TIP here.'),
  s('c', 'Admins also enable Cloud App Security here.'),
  s('c', 'The IdFix tool runs once.'),
  s('d', 'The IdFix tool runs twice.'),
];

describe('discoverEntities', () => {
  const result = discoverEntities(sentences, known);

  it('counts CamelCase, hyphenated, acronym and multi-word names per document', () => {
    const byName = new Map(result.candidates.map((c) => [c.name, c]));
    expect(byName.get('OneDrive')).toMatchObject({ kind: 'camel', mentions: 3, documents: 3 });
    expect(byName.get('Multi-Geo')).toMatchObject({ kind: 'hyphenated', mentions: 3, documents: 3 });
    expect(byName.get('CDN')).toMatchObject({ kind: 'acronym', mentions: 3, documents: 3, variants: ['CDNs'] });
    expect(byName.get('Cloud App Security')).toMatchObject({ kind: 'multiword', mentions: 3, documents: 3 });
    expect(byName.get('IdFix')).toMatchObject({ documents: 2 });
  });

  it('skips known names and their fragments, admonitions, headings and sentence-initial capitals', () => {
    const names = result.candidates.map((c) => c.name);
    for (const bad of ['AD', 'FS', 'AD FS', 'ExpressRoute', 'Office', 'NOTE', 'TIP', 'Important Step', 'Admins', 'Microsoft Intune', 'Users']) {
      expect(names, bad).not.toContain(bad);
    }
    // At sentence start the first word is dropped: only "Intune" is left, a single plain word.
    expect(names).not.toContain('Intune');
  });

  it('promotes names found in at least minDocs documents, deterministically', () => {
    // IdFix is in only two documents, but "the IdFix tool" says what it is: a tool, promoted.
    expect(result.entities.map((e) => e.id)).toEqual(['cdn', 'cloud-app-security', 'multi-geo', 'onedrive', 'idfix']);
    expect(result.entities[0]).toEqual({
      id: 'cdn', type: 'product', label: 'CDN', aliases: ['CDNs'], formerNames: [],
      description: 'Discovered in 3 documents.', origin: 'discovered',
    });
    expect(result.entities.find((e) => e.id === 'idfix')?.type).toBe('tool');
    expect(discoverEntities([...sentences].reverse(), known)).toEqual(discoverEntities(sentences, known));
    expect(discoverEntities(sentences, known, { minDocs: 2 }).entities.map((e) => e.id)).toContain('idfix');
  });
});

describe('discoverEntities: lone capitalised words', () => {
  // Outlook recurs mid-sentence in three documents and is never written "outlook"; Settings is
  // written "settings" as often; Save is what a button shows; Fabrikam is capitalised only at
  // sentence starts; Microsoft is the maker; Europe is a place.
  const docs = ['a', 'b', 'c'];
  const sentences: Sentence[] = docs.flatMap((d) => [
    s(d, 'Users read mail in Outlook on their phones.'),
    s(d, 'Change the Settings of the mailbox, then click Save to keep the settings.'),
    s(d, 'Fabrikam stores data in Europe and buys licenses from Microsoft.'),
    s(d, 'Review your settings and sign in.'),
  ]);
  const result = discoverEntities(sentences, known);

  it('promotes a word the corpus writes only capitalised, matched only as written', () => {
    const outlook = result.entities.find((e) => e.id === 'outlook');
    expect(outlook).toMatchObject({ label: 'Outlook', origin: 'discovered', caseSensitive: ['Outlook'] });
  });

  it('does not promote words written in lower case too, screen labels, sentence starts, makers or places', () => {
    const ids = result.entities.map((e) => e.id);
    for (const bad of ['settings', 'save', 'fabrikam', 'microsoft', 'europe']) expect(ids, bad).not.toContain(bad);
    // Without the corpus's lower-case counts no lone word is promoted.
    expect(discoverEntities(sentences, known, { lowerCase: new Map([['outlook', 9]]) }).entities.map((e) => e.id)).not.toContain('outlook');
  });

  it('needs three documents', () => {
    const two = sentences.filter((x) => x.docId !== 'doc:c');
    expect(discoverEntities(two, known).entities.map((e) => e.id)).not.toContain('outlook');
  });
});

describe('discoverEntities: names spelled around known ones', () => {
  it('gives a known name the spelling with its maker in front ("Microsoft Office 365")', () => {
    const result = discoverEntities([s('a', 'SharePoint Online is part of Microsoft Office 365 for most plans.')], known);
    expect(result.aliases.get('office-365')).toEqual(['Microsoft Office 365']);
    // Not any capitalised word: "Contoso Office 365" is not Office 365 by another name.
    expect(discoverEntities([s('a', 'Contoso Office 365 tenants sign in.')], known).aliases.get('office-365')).toBeUndefined();
  });

  it('keeps a defined name\'s every spelling as an alias ("Exchange Web Service" of "Exchange Web Services (EWS)")', () => {
    const result = discoverEntities([
      s('a', 'Outlook clients call Exchange Web Services (EWS) for free/busy data.'),
      s('b', 'The server contains the Exchange Web Service and an archive.'),
    ], known);
    const ews = result.entities.find((e) => e.label === 'Exchange Web Services');
    expect(ews?.aliases).toEqual(expect.arrayContaining(['EWS', 'Exchange Web Service']));
  });

  it('extends a known name by the capitals a relation takes right after it ("Premium P2"), not a name of its own', () => {
    const premium: Entity = { id: 'azure-ad-premium', type: 'product', label: 'Azure AD Premium', aliases: [], formerNames: [], description: '', origin: 'vocabulary' };
    const result = discoverEntities([s('a', 'AD FS is included with Azure AD Premium P2.')], [...known, premium]);
    const labels = result.entities.map((e) => e.label);
    expect(labels).toContain('Azure AD Premium P2');
    expect(labels).not.toContain('P2');
  });
});

describe('discoverEntities: Title Case names of kind words', () => {
  it('matches a known name and a kind word ("Office 365 Service") only as written, so "Office 365 services" still names Office 365', () => {
    const result = discoverEntities(['a', 'b', 'c'].map((d) => s(d, 'Check the Office 365 Service status and the Office 365 Portal daily.')), known);
    expect(result.entities.find((e) => e.label === 'Office 365 Service')?.caseSensitive).toEqual(['Office 365 Service']);
    // "portal" is a term head: "Office 365 portal" in lower case is still that portal.
    expect(result.entities.find((e) => e.label === 'Office 365 Portal')?.caseSensitive).toBeUndefined();
  });

  it('matches "Online Service" only as written ("an online service" is any)', () => {
    const result = discoverEntities(['a', 'b', 'c'].map((d) => s(d, 'Users reach the Online Service and the Contoso Gateway Server daily.')), known);
    expect(result.entities.find((e) => e.label === 'Online Service')?.caseSensitive).toEqual(['Online Service']);
    expect(result.entities.find((e) => e.label === 'Contoso Gateway Server')?.caseSensitive).toBeUndefined();
  });
});

describe('discoverEntities: capitals before a known name', () => {
  const powershell: Entity = { id: 'powershell', type: 'tool', label: 'PowerShell', aliases: [], formerNames: [], description: '', origin: 'vocabulary' };
  const withPs = [...known, powershell];

  it('makes "Remote PowerShell" and "Office 365 PowerShell" names of their own', () => {
    const result = discoverEntities([
      s('a', 'Admins connect with Remote PowerShell to the service.'),
      s('b', 'You can use Remote PowerShell or Office 365 PowerShell for this.'),
      s('c', 'Then Office 365 PowerShell lists the users.'),
    ], withPs);
    expect(result.entities.map((e) => e.label)).toEqual(expect.arrayContaining(['Remote PowerShell', 'Office 365 PowerShell']));
  });

  it('not verbs of a title, sentence starts, or a maker before the name', () => {
    const result = discoverEntities([
      s('a', 'For details, read Deploying Office 365 and Managing Office 365 today.'),
      s('b', 'For details, read Deploying Office 365 and Managing Office 365 today.'),
      s('a', 'Remote PowerShell is one way.'),
      s('b', 'Remote PowerShell is another way.'),
      s('c', 'Buy it from Microsoft PowerShell experts or Microsoft PowerShell partners.'),
    ], withPs);
    const labels = result.entities.map((e) => e.label);
    for (const bad of ['Deploying Office 365', 'Managing Office 365', 'Remote PowerShell', 'Microsoft PowerShell']) expect(labels, bad).not.toContain(bad);
  });
});

describe('discoverEntities: versions', () => {
  it('finds a versioned name after a lower-case word, never the tail of a longer name or a date', () => {
    const result = discoverEntities([
      s('a', 'Office 2010 (including Word 2010 and Outlook 2010) ends on Oct 13 this year.'),
      s('b', 'The host runs Windows Server 2016, and Word 2010 opens it.'),
    ], known);
    const names = result.candidates.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Word 2010', 'Outlook 2010', 'Office 2010']));
    for (const bad of ['Server 2016', 'Oct 13']) expect(names, bad).not.toContain(bad);
  });

  it('promotes a brand\'s name with a release number seen once, not one after a maker\'s name', () => {
    const result = discoverEntities([s('a', 'You can keep SQL Server 2014 and Microsoft Outlook 2010 in use, and Contoso Portal 2014 too.')], known);
    const labels = result.entities.map((e) => e.label);
    expect(labels).toContain('SQL Server 2014');
    for (const bad of ['Microsoft Outlook 2010', 'Contoso Portal 2014']) expect(labels, bad).not.toContain(bad);
  });
});

describe('discoverEntities: the full stop after a name', () => {
  it('is not part of a name that ends the sentence ("Project Server 2013.", "PowerShell ISE."), an abbreviation keeps its dots', () => {
    const powershell: Entity = { id: 'powershell', type: 'tool', label: 'PowerShell', aliases: [], formerNames: [], description: '', origin: 'vocabulary' };
    const result = discoverEntities([
      s('a', 'Migrate your data to Project Server 2013.'),
      s('b', 'Run the block in the PowerShell ISE.'),
      s('c', 'Office 365 U.S. Government is a cloud.'),
    ], [...known, powershell]);
    const names = result.candidates.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Project Server 2013', 'PowerShell ISE', 'Office 365 U.S. Government']));
    expect(names.filter((n) => n.endsWith('.'))).toEqual([]);
    // An abbreviation that ends the sentence keeps its own dots.
    expect(discoverEntities([s('a', 'It is hosted in Office 365 U.S.')], known).candidates.map((c) => c.name)).toContain('Office 365 U.S.');
  });
});

describe('discoverEntities: lower-case terms', () => {
  it('reads the term before a head out of a longer lower-case run, stopping at stop words and verbs', () => {
    const result = discoverEntities([
      s('a', 'Admins can configure lean popouts for all users.'),
      s('a', 'To enable lean popouts for everyone, run the cmdlet.'),
      s('b', 'When lean popouts are on, pages load faster.'),
    ], known);
    expect(result.entities.map((e) => e.label)).toContain('lean popouts');
    const names = result.candidates.map((c) => c.name);
    for (const bad of ['configure lean popouts', 'enable lean popouts', 'lean popouts for']) expect(names, bad).not.toContain(bad);
  });

  it('does not promote a term seen once', () => {
    const result = discoverEntities([s('a', 'It uses a few hundred mailboxes and a blob cache.')], known);
    expect(result.entities.map((e) => e.label)).not.toContain('blob cache');
    expect(result.candidates.map((c) => c.name)).not.toContain('few hundred mailboxes');
  });
});
