import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTargets, resolveLink } from '../../src/pipeline/resolve.ts';
import { isSafeExternalUrl } from '../../src/pipeline/urls.ts';
import type { LinkRef } from '../../src/pipeline/types.ts';

const index = indexTargets({
  docs: new Map([
    ['index.md', 'doc:index'],
    ['guide/setup.md', 'doc:guide/setup'],
  ]),
  otherMarkdown: new Set(['includes/note.md', 'TOC.md']),
  assets: new Set(['Media/pic.png', 'guide/media/x.png']),
  anchors: new Map([
    ['doc:index', new Set(['intro'])],
    ['doc:guide/setup', new Set(['install', 'BKMK_Config'])],
  ]),
});
const withBase = indexTargets({ ...index, externalDocsBase: 'https://learn.example.com/en-us/enterprise/' });

const ref = (url: string, file = 'guide/setup.md', kind: LinkRef['kind'] = 'link'): LinkRef => ({ docId: 'doc:guide/setup', file, line: 3, column: 5, kind, url, text: 't', sectionId: '', sentence: '' });

describe('resolveLink', () => {
  it.each([
    ['../index.md', { class: 'doc', targetDocId: 'doc:index' }],
    ['../index.md#intro', { class: 'doc', targetDocId: 'doc:index', anchor: 'intro' }],
    ['./setup', { class: 'doc', targetDocId: 'doc:guide/setup' }],
    ['#install', { class: 'doc', targetDocId: 'doc:guide/setup', anchor: 'install' }],
    ['#bkmk_config', { class: 'doc', anchor: 'BKMK_Config', caseMismatch: true }],
    ['SETUP.md', { class: 'doc', targetDocId: 'doc:guide/setup', caseMismatch: true }],
    ['setup.md?view=1#install', { class: 'doc', anchor: 'install' }],
    ['../media/pic.png', { class: 'asset', assetPath: 'Media/pic.png', caseMismatch: true }],
    ['media/x%2Epng', { class: 'asset', assetPath: 'guide/media/x.png' }],
    ['https://example.com/a', { class: 'external', externalUrl: 'https://example.com/a' }],
    ['mailto:a@example.com', { class: 'external' }],
    ['../index.md#nope', { class: 'broken', reason: 'missing-anchor', targetDocId: 'doc:index' }],
    ['gone.md', { class: 'broken', reason: 'missing-file' }],
    ['../includes/note.md', { class: 'broken', reason: 'missing-file' }],
    ['../../etc/passwd', { class: 'broken', reason: 'outside-content' }],
    ['/etc/passwd', { class: 'broken', reason: 'outside-content' }],
    ['javascript:alert(1)', { class: 'broken', reason: 'unsafe-url' }],
    ['java\tscript:alert(1)', { class: 'broken', reason: 'unsafe-url' }],
    ['JAVASCRIPT:alert(1)', { class: 'broken', reason: 'unsafe-url' }],
    ['data:text/html,<script>alert(1)</script>', { class: 'broken', reason: 'unsafe-url' }],
    ['vbscript:msgbox', { class: 'broken', reason: 'unsafe-url' }],
    ['file:///etc/passwd', { class: 'broken', reason: 'unsafe-url' }],
    ['//evil.example.com/x', { class: 'broken', reason: 'unsafe-url' }],
    ['C:\\Windows\\win.ini', { class: 'broken', reason: 'unsafe-url' }],
  ])('%s', (url, expected) => {
    expect(resolveLink(ref(url), index)).toMatchObject(expected);
  });

  it('reports a missing image as missing-image', () => {
    expect(resolveLink(ref('media/none.png', 'guide/setup.md', 'image'), index)).toMatchObject({ class: 'broken', reason: 'missing-image' });
  });

  it('resolves docs outside the folder against externalDocsBase', () => {
    expect(resolveLink(ref('../../other/page.md#a'), withBase)).toMatchObject({ class: 'external', externalUrl: 'https://learn.example.com/en-us/other/page#a' });
    expect(resolveLink(ref('sibling.md'), withBase)).toMatchObject({ class: 'external', externalUrl: 'https://learn.example.com/en-us/enterprise/guide/sibling' });
    expect(resolveLink(ref('/azure/active-directory/x?toc=1'), withBase)).toMatchObject({ class: 'external', externalUrl: 'https://learn.example.com/azure/active-directory/x?toc=1' });
    expect(resolveLink(ref('javascript:alert(1)'), withBase)).toMatchObject({ class: 'broken', reason: 'unsafe-url' });
  });

  it('never throws, and never publishes an unsafe URL or a path outside the folder (property)', () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', 'guide', 'setup.md', 'index.md', 'Media', 'pic.png', '%2e%2e', '', 'a b'), fc.string());
    const url = fc.oneof(
      fc.array(segment, { maxLength: 6 }).map((s) => s.join('/')),
      fc.tuple(fc.constantFrom('javascript:', 'JaVa\nScRiPt:', 'data:', 'vbscript:', 'file:', '//', '\\\\', 'http://', 'https://', 'mailto:', ' javascript:', '&#106;'), fc.string()).map(([a, b]) => a + b),
      fc.string(),
    );
    fc.assert(
      fc.property(url, fc.boolean(), (u, base) => {
        const r = resolveLink(ref(u), base ? withBase : index);
        if (r.class === 'external') expect(isSafeExternalUrl(r.externalUrl!)).toBe(true);
        if (r.class === 'asset') expect(index.assets.has(r.assetPath!)).toBe(true);
        if (r.class === 'doc') expect([...index.docs.values()]).toContain(r.targetDocId);
      }),
      { numRuns: 2000 },
    );
  });
});
