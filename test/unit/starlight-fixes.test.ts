// The fixes the bench applies to its copy of the corpus before Starlight builds it.
import { describe, expect, it } from 'vitest';
import { ensureTitle, fixImages, isNonPage } from '../../scripts/bench/starlight-fixes.ts';

describe('starlight fixes', () => {
  it('treats DocFX TOC.md files and include partials as non-pages', () => {
    expect(isNonPage('TOC.md')).toBe(true);
    expect(isNonPage('powershell/toc.md')).toBe(true);
    expect(isNonPage('includes/endpoints.md')).toBe(true);
    expect(isNonPage('toc-and-more.md')).toBe(false);
    expect(isNonPage('powershell/index.md')).toBe(false);
  });

  it('adds a title only where front matter has none, from the first heading, else the file name', () => {
    expect(ensureTitle('---\ntitle: Kept\n---\n# Other\n', 'a.md')).toBeUndefined();
    expect(ensureTitle('---\n  redirect_url: /x\n---\n', 'powershell/index.md')).toBe('---\nredirect_url: /x\ntitle: index\n---\n');
    expect(ensureTitle('\uFEFF# Hello *there*\n\ntext\n', 'b.md')).toBe('---\ntitle: "Hello *there*"\n---\n# Hello *there*\n\ntext\n');
    expect(ensureTitle('---\n---\nbody\n', 'c.md')).toBe('---\ntitle: "c"\n---\nbody\n');
  });

  it('points images at the file under its real letter case and turns missing ones into their alt text', () => {
    const files = new Map([['docs/media/o365-cdn/flow.svg', 'docs/Media/O365-CDN/flow.svg'], ['docs/media/ok.png', 'docs/media/ok.png']]);
    const resolveCase = (p: string): string | undefined => files.get(p.toLowerCase());
    const text = '![ok](media/ok.png) ![flow](media/O365-CDN/flow.svg "t") [![gone](missing.png)](x.pdf) `![code](no.png)` ![web](https://x/y.png)\n';
    const fixed = fixImages(text, 'docs/a.md', resolveCase);
    expect(fixed).toEqual({
      text: '![ok](media/ok.png) ![flow](<Media/O365-CDN/flow.svg>) [gone](x.pdf) `![code](no.png)` ![web](https://x/y.png)\n',
      recased: 1,
      dropped: 1,
    });
  });
});
