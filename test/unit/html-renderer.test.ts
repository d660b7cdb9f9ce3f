import { describe, expect, it } from 'vitest';
import { createHtmlRenderer } from '../../src/outputs/html-renderer.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import type { SourceFile } from '../../src/pipeline/types.ts';

function build(files: SourceFile[]) {
  const renderer = createHtmlRenderer({ docUrl: (id) => `/docs/${id.slice(4)}/`, base: '/' });
  const result = runPipeline({ root: '/virtual', files, assets: [], diagnostics: [] }, { renderer });
  return { result, html: (id: string) => renderer.pages.get(id)! };
}

describe('pages rendered while documents stream through the pipeline', () => {
  it('patches links into documents parsed later once their anchors are known', () => {
    const { html, result } = build([
      { path: 'a.md', text: '# A\n\nSee [part](b.md#PART), [gone](b.md#nope), [fine](b.md#part) and [bad mdx](c.mdx).\n\n<a href="b.md#nope">raw</a>\n' },
      { path: 'b.md', text: '# B\n\n## Part\n\nText with a link back to [A](a.md#missing).\n' },
      { path: 'c.mdx', text: '# C\n\n<Unclosed>\n' },
    ]);
    const a = html('doc:a');
    expect(a).toContain('<a href="/docs/b/#part">part</a>');
    expect(a).toContain('<a href="/docs/b/#part">fine</a>');
    expect(a).toContain('<a href="/docs/b/" class="broken-anchor" title="Missing anchor #nope">gone</a>');
    expect(a).toContain('<a href="/docs/b/" class="broken-anchor" title="Missing anchor #nope">raw</a>');
    expect(a).toMatch(/<span class="broken-link" title="Broken link: c.mdx">bad mdx<span class="broken-marker"/);
    expect(html('doc:b')).toContain('<a href="/docs/a/" class="broken-anchor" title="Missing anchor #missing">A</a>');
    // The final resolution agrees with what the pages show.
    expect(result.report.broken.map((b) => `${b.file}:${b.reason}:${b.url}`)).toEqual(['a.md:missing-anchor:b.md#nope', 'a.md:missing-file:c.mdx', 'a.md:missing-anchor:b.md#nope', 'b.md:missing-anchor:a.md#missing']);
    expect(result.report.failedFiles.map((f) => f.file)).toEqual(['c.mdx']);
  });

  it('keeps no syntax trees in the result', () => {
    const { result } = build([{ path: 'a.md', text: '# A\n' }]);
    expect(result.documents[0]).not.toHaveProperty('tree');
  });
});
