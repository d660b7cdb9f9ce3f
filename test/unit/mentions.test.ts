import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMentionMatcher, findMentions, isCaseSensitiveByDefault } from '../../src/pipeline/mentions.ts';
import type { Entity, Sentence } from '../../src/pipeline/types.ts';

const entity = (id: string, label: string, aliases: string[] = [], extra: Partial<Entity> = {}): Entity => ({
  id, type: 'concept', label, aliases, formerNames: [], description: '', origin: 'vocabulary', ...extra,
});

const ENTITIES: Entity[] = [
  entity('azure-ad', 'Azure AD', ['Azure Active Directory', 'AAD']),
  entity('azure-ad-connect', 'Azure AD Connect', ['Azure Active Directory Connect']),
  entity('active-directory', 'Active Directory', ['AD', 'on-premises Active Directory', 'AD DS']),
  entity('ad-fs', 'AD FS', ['ADFS', 'Active Directory Federation Services']),
  entity('pta', 'pass-through authentication', ['PTA']),
  entity('sso', 'single sign-on', ['SSO']),
  entity('hybrid', 'hybrid environment', ['hybrid']),
  entity('multi-geo', 'Multi-Geo'),
  entity('idp', 'identity provider', ['IdP'], { caseSensitive: ['IdP'] }),
  entity('office-365', 'Office 365'),
];
const matcher = createMentionMatcher(ENTITIES);
const found = (text: string): string[] => matcher.match(text).map((m) => `${m.entityId}:${m.matched}`);

describe('mention matcher', () => {
  it('prefers the longest alias and never overlaps', () => {
    expect(found('Use Azure AD Connect with on-premises Active Directory Federation Services.')).toEqual([
      'azure-ad-connect:Azure AD Connect', 'ad-fs:Active Directory Federation Services',
    ]);
    expect(found('Sync on-premises Active Directory to Azure AD.')).toEqual([
      'active-directory:on-premises Active Directory', 'azure-ad:Azure AD',
    ]);
  });

  it('joins two overlapping names of one entity into one mention, never names of two', () => {
    const m = createMentionMatcher([...ENTITIES, entity('expressroute', 'ExpressRoute', ['Azure ExpressRoute', 'ExpressRoute for Office 365']), entity('azure', 'Azure')]);
    const list = (text: string): string[] => m.match(text).map((x) => `${x.entityId}:${x.matched}`);
    expect(list('Use Azure ExpressRoute for Office 365 today.')).toEqual(['expressroute:Azure ExpressRoute for Office 365']);
    expect(list('Use Azure ExpressRoute with Office 365.')).toEqual(['expressroute:Azure ExpressRoute', 'office-365:Office 365']);
    // Different entities overlapping: the longest still wins alone.
    expect(list('Sync Azure AD Connect now.')).toEqual(['azure-ad-connect:Azure AD Connect']);
  });

  it('matches short acronyms only as written, longer names in any case', () => {
    expect(isCaseSensitiveByDefault('PTA')).toBe(true);
    expect(isCaseSensitiveByDefault('AD FS')).toBe(true);
    expect(isCaseSensitiveByDefault('AADSync')).toBe(false);
    expect(isCaseSensitiveByDefault('ExpressRoute')).toBe(false);
    expect(found('PTA and SSO, but not pta, sso or an ad.')).toEqual(['pta:PTA', 'sso:SSO']);
    expect(found('PASS-THROUGH AUTHENTICATION and Single Sign-On')).toEqual([
      'pta:PASS-THROUGH AUTHENTICATION', 'sso:Single Sign-On',
    ]);
    expect(found('An IdP, not an idp.')).toEqual(['idp:IdP']);
  });

  it('is word-bounded; hyphens separate words except inside an alias', () => {
    expect(found('ADX, READ, AD_FS, SSO2 and PTAs1')).toEqual([]);
    expect(found('non-AD accounts, Multi-Geo tenants, multi-geo-enabled')).toEqual([
      'active-directory:AD', 'multi-geo:Multi-Geo', 'multi-geo:multi-geo',
    ]);
    expect(found('Office 3650 is not Office 365.')).toEqual(['office-365:Office 365']);
  });

  it('tolerates plurals and possessives', () => {
    expect(found("hybrid environments, Office 365's admin, two SSOs")).toEqual([
      'hybrid:hybrid environments', 'office-365:Office 365', 'sso:SSOs',
    ]);
  });

  it('treats non-breaking spaces like spaces and reports offsets in the original text', () => {
    const text = 'Turn on Azure\u00a0AD now.';
    const [m] = matcher.match(text);
    expect(m).toMatchObject({ entityId: 'azure-ad', start: 8, end: 16 });
    expect(text.slice(m!.start, m!.end)).toBe('Azure\u00a0AD');
  });

  it('turns sentences into mentions with sentence context', () => {
    const s: Sentence = { docId: 'doc:a', sectionId: 'x', file: 'a.md', line: 4, text: 'Use AD FS for SSO.', block: 'paragraph' };
    expect(findMentions([s], matcher)).toEqual([
      { entityId: 'ad-fs', docId: 'doc:a', sectionId: 'x', file: 'a.md', line: 4, matched: 'AD FS', sentence: s.text, start: 4, end: 9 },
      { entityId: 'sso', docId: 'doc:a', sectionId: 'x', file: 'a.md', line: 4, matched: 'SSO', sentence: s.text, start: 14, end: 17 },
    ]);
  });

  it('scales: one pass over a long text with many aliases', () => {
    const many = Array.from({ length: 5000 }, (_, i) => entity(`e${i}`, `Product ${i} Server`));
    const big = createMentionMatcher([...ENTITIES, ...many]);
    const text = Array.from({ length: 2000 }, (_, i) => `We run Product ${i * 2} Server with AD FS.`).join(' ');
    const t0 = performance.now();
    const matches = big.match(text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(matches.length).toBe(4000);
  });
});

// --- properties ---------------------------------------------------------------------------------
const WORD = /[\p{L}\p{N}_]/u;
const FILLER = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'elit', 'sed', 'do', 'tempor', 'Magna', 'ALIQUA', 'x1'];
const ALIASES = ENTITIES.flatMap((e) => [e.label, ...e.aliases].map((alias) => ({ alias, id: e.id })));
const PUNCT = [' ', ', ', '. ', ' (', ') ', '; ', ' - ', '\n'];

describe('mention matcher properties', () => {
  it('finds every alias inserted at a word boundary of random text, exactly there', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FILLER), { minLength: 0, maxLength: 12 }),
        fc.array(fc.constantFrom(...PUNCT), { minLength: 13, maxLength: 13 }),
        fc.nat(),
        fc.constantFrom(...ALIASES),
        (words, seps, at, { alias, id }) => {
          const pos = words.length === 0 ? 0 : at % (words.length + 1);
          const left = words.slice(0, pos).map((w, i) => w + seps[i]!).join('');
          const right = words.slice(pos).map((w, i) => seps[pos + i]! + w).join('');
          const text = left + alias + right;
          const ms = matcher.match(text);
          expect(ms).toEqual([{ entityId: id, matched: alias, start: left.length, end: left.length + alias.length }]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns sorted, non-overlapping, word-bounded matches for arbitrary text', () => {
    const piece = fc.oneof(
      fc.constantFrom(...ALIASES.map((a) => a.alias), ...FILLER, ...PUNCT, '-', 's', "'s", '_', '9'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const ms = matcher.match(text);
        let last = 0;
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(text.slice(m.start, m.end)).toBe(m.matched);
          const before = text[m.start - 1];
          const after = text[m.end];
          expect(before !== undefined && WORD.test(before) && WORD.test(text[m.start]!)).toBe(false);
          expect(after !== undefined && WORD.test(after)).toBe(false);
          last = m.end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('lower-cases every BMP character but İ, Σ and surrogates one unit for one unit, alone or in a string', () => {
    // The matcher folds such text in one toLowerCase call (mentions.ts foldShaped) and must find the
    // same offsets as a per-character fold.
    let all = '';
    for (let c = 0; c < 0x10000; c++) {
      if (c === 0x130 || c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff)) continue;
      const ch = String.fromCharCode(c);
      expect(ch.toLowerCase().length, `U+${c.toString(16)}`).toBe(1);
      all += ch;
    }
    expect(all.toLowerCase()).toBe([...all].map((ch) => ch.toLowerCase()).join(''));
  });

  it('matches the same in text that takes the slow fold (İ, Σ, astral characters)', () => {
    const m = createMentionMatcher([entity('sigma', 'ΣIGMA Sync'), entity('office-365', 'Office 365')]);
    expect(m.match('İ use ΣIGMA Sync 😀 with Office 365.').map((x) => `${x.entityId}:${x.matched}:${x.start}`)).toEqual(['sigma:ΣIGMA Sync:6', 'office-365:Office 365:25']);
    expect(m.match('σigma sync and office 365').map((x) => x.entityId)).toEqual(['sigma', 'office-365']);
  });
});
