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
