import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, slugifyPath } from '../../src/pipeline/slugs.ts';

describe('document slugs', () => {
  it('lower-cases and slugs each path segment', () => {
    expect(slugifyPath('docs/Office 365 Integration.md')).toBe('docs/office-365-integration');
    expect(slugifyPath('powershell/office-365-u.s.-government.mdx')).toBe('powershell/office-365-us-government');
    expect(slugifyPath('中文/页面.md')).toBe('中文/页面');
    expect(slugifyPath('!!!.md')).toBe('untitled');
  });

  it('numbers colliding slugs deterministically and warns', () => {
    const { slugs, diagnostics } = assignSlugs(['dup slug.md', 'Dup-Slug.md', 'dup-slug.md']);
    expect([...slugs.entries()].sort()).toEqual([
      ['Dup-Slug.md', 'dup-slug'],
      ['dup slug.md', 'dup-slug-1'],
      ['dup-slug.md', 'dup-slug-2'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['slug-collision', 'dup slug.md'],
      ['slug-collision', 'dup-slug.md'],
    ]);
  });

  it('never lets a numbered slug take another file\'s natural slug', () => {
    const { slugs } = assignSlugs(['a.md', 'A.md', 'a-1.md']);
    expect(slugs.get('a-1.md')).toBe('a-1');
    expect(new Set(slugs.values()).size).toBe(3);
  });

  it('gives unique, URL-safe slugs that do not depend on listing order (property)', () => {
    const name = fc.oneof(fc.constantFrom('a', 'A', 'a b', 'a-b', 'A_B', 'ü', '..', 'x.y'), fc.string({ minLength: 1, maxLength: 12 }));
    const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => `${parts.map((p) => p.replace(/[/\\]/g, '_')).join('/')}.md`);
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 12 }), (paths) => {
        const forward = assignSlugs(paths).slugs;
        const backward = assignSlugs([...paths].reverse()).slugs;
        expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
        expect(new Set(forward.values()).size).toBe(paths.length);
        for (const slug of forward.values()) {
          expect(slug).toBe(slug.toLowerCase());
          expect(slug).not.toMatch(/(^|\/)\.\.?(\/|$)|[\s?#%<>"'\\]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
