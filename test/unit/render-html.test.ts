import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from '../../src/outputs/render-html.ts';
import { parseContent } from '../../src/pipeline/documents.ts';
import { indexTargets, resolveLink, resolveLinks } from '../../src/pipeline/resolve.ts';
import { anchorSet, extractSections } from '../../src/pipeline/sections.ts';
import { extractProse } from '../../src/pipeline/sentences.ts';
import type { SourceFile } from '../../src/pipeline/types.ts';

/** Runs the real stages on in-memory files and renders the first document. */
function render(text: string, extra: SourceFile[] = [], base = '/'): string {
  const content = parseContent([{ path: 'page.md', text }, ...extra]);
  const doc = content.parsed.find((d) => d.path === 'page.md')!;
  const { sections, headingIds } = extractSections(doc);
  const index = indexTargets({
    docs: new Map(content.parsed.map((d) => [d.path, d.id])),
    otherMarkdown: new Set(),
    assets: new Set(['media/pic.png']),
    anchors: new Map([[doc.id, anchorSet(sections)], ['doc:other', new Set(['part'])]]),
  });
  const { links } = resolveLinks(extractProse(doc, headingIds).links, index);
  return renderDocumentHtml(doc, {
    headingIds,
    links,
    docUrl: (id) => `/docs/${id.slice(4)}/`,
    resolveRawUrl: (url, kind) => resolveLink({ docId: doc.id, file: doc.path, line: 0, column: 0, kind, url, text: '', sectionId: '', sentence: '' }, index),
    base,
  });
}

describe('renderDocumentHtml', () => {
  it('gives headings the pipeline section ids and keeps explicit anchors', () => {
    const html = render('# Title\n\n## Same\n\n## Same\n\n<a name="legacy"></a>\n## Next\n\n<span id="_Ref1" class="anchor"></span>\n');
    expect(html).toContain('<h1 id="title">');
    expect(html).toContain('<h2 id="same">');
    expect(html).toContain('<h2 id="same-1">');
    expect(html).toContain('<a id="legacy"></a>');
    expect(html).toContain('id="_Ref1"');
  });

  it('rewrites links to document URLs under the base path and marks external ones', () => {
    const html = render('See [other](other.md#part), [ext](https://example.com/x) and ![pic](Media/pic.png).', [{ path: 'other.md', text: '# Other\n\n## Part\n' }], '/site/');
    expect(html).toContain('href="/site/docs/other/#part"');
    expect(html).toMatch(/<a href="https:\/\/example.com\/x" class="external" rel="noopener noreferrer">ext<\/a>/);
    expect(html).toContain('src="/site/media/pic.png"');
  });

  it('renders broken links and images as visible text with a marker, never as anchors', () => {
    const html = render('A [gone link](gone.md) and ![missing alt](media/none.png) and [js](javascript:alert(1)).');
    expect(html).toContain('<span class="broken-link" title="Broken link: gone.md">gone link<span class="broken-marker"');
    expect(html).toContain('<span class="broken-image" title="Missing image: media/none.png">missing alt');
    expect(html).not.toContain('href="gone.md"');
    expect(html).not.toMatch(/javascript:/i.source ? /href="javascript/i : /x/);
  });

  it('keeps placeholders like <tenant name> visible as text', () => {
    const html = render('Replace <tenant name> and <user> in the URL.');
    expect(html).toContain('Replace &#x3C;tenant name> and &#x3C;user> in the URL.');
  });

  it('makes script and event handlers inert', () => {
    const html = render('<script>alert(1)</script>\n\nText <img src="x" onerror="alert(1)"> and <svg onload="alert(1)"></svg> and <iframe src="https://evil.example"></iframe>.\n\n<a href="javascript:alert(1)">click</a> <div style="background:url(javascript:alert(1))">styled</div>\n\n```html\n<script>alert(2)</script>\n```\n');
    const elements: Element[] = [];
    visit(fromHtml(html, { fragment: true }), 'element', (el: Element) => void elements.push(el));
    expect(elements.map((e) => e.tagName)).not.toEqual(expect.arrayContaining(['script']));
    for (const el of elements) {
      expect(['script', 'svg', 'iframe', 'style', 'object', 'embed']).not.toContain(el.tagName);
      for (const [name, value] of Object.entries(el.properties)) {
        expect(name).not.toMatch(/^on|^style$/i);
        expect(String(value)).not.toMatch(/^\s*javascript:/i);
      }
    }
    // Script written in content stays readable as text, in prose and in code blocks alike.
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('<code class="hljs language-html"><span class="hljs-tag">&#x3C;<span class="hljs-name">script</span>></span>alert(2)');
    expect(html).toContain('<span class="broken-link">click</span>');
  });

  it('renders DocFX alerts as labelled callouts', () => {
    const html = render('> [!WARNING]\n> Back up first.\n');
    expect(html).toMatch(/<aside class="callout callout-warning" role="note" aria-label="Warning">\s*<p class="callout-title"><strong>Warning<\/strong><\/p>/);
    expect(html).toContain('Back up first.');
  });

  it('resolves Markdown images once even when the paragraph also has raw HTML', () => {
    const html = render('Step</br></br>\n![shot](Media/pic.png) and <img src="media/pic.png" alt="raw">');
    expect(html.match(/src="\/media\/pic.png"/g), html).toHaveLength(2);
    expect(html).not.toContain('data-docgraph');
  });

  it('keeps the safe subset of raw HTML', () => {
    const html = render('Line one<br>line two<sup>1</sup>\n\n<table><tr><td>cell</td></tr></table>\n\n<details><summary>More</summary>Hidden</details>\n');
    expect(html).toContain('<br>');
    expect(html).toContain('<sup>1</sup>');
    expect(html).toContain('<td>cell</td>');
    expect(html).toContain('<details><summary>More</summary>Hidden</details>');
  });

  it('writes line breaks alone the way it writes them beside other raw HTML', () => {
    const cells = '| Service | Notes |\n| --- | --- |\n| Exchange <br/> | One<BR>two <br /> |\n';
    const alone = render(cells);
    expect(alone).toContain('<td>Exchange <br></td>');
    expect(alone).toContain('<td>One<br>two <br></td>');
    // The same cells in a document that also has other raw HTML (parsed with rehype-raw).
    expect(render(`${cells}\nSee <sup>1</sup>.\n`)).toContain(alone.slice(0, alone.indexOf('</table>')));
  });
});

describe('code highlighting', () => {
  it('highlights fenced code with classes only, whatever the fence letter case', () => {
    const html = render('```PowerShell\nGet-MsolUser -All # list users\n```\n');
    expect(html).toContain('<code class="hljs language-powershell"><span class="hljs-built_in">Get-MsolUser</span>');
    expect(html).toContain('<span class="hljs-comment"># list users</span>');
    expect(html).not.toContain('style=');
  });

  it('leaves code in unknown languages as plain, escaped text', () => {
    const html = render('```defaults\n<b>not bold</b>\n```\n');
    expect(html).toContain('<code class="hljs language-defaults">&#x3C;b>not bold&#x3C;/b>');
  });
});

describe('images hosted elsewhere', () => {
  it('become links to the image, so a page never loads from another origin', () => {
    const html = render('![Exchange icon](https://docs.example.com/icon.png) and <img src="https://cdn.example.com/x.png" alt="raw icon">');
    expect(html).not.toMatch(/<img[^>]+src="https?:/);
    expect(html).toContain('<a href="https://docs.example.com/icon.png" class="external external-image" rel="noopener noreferrer">Image: Exchange icon</a>');
    expect(html).toContain('<a href="https://cdn.example.com/x.png" class="external external-image" rel="noopener noreferrer">Image: raw icon</a>');
  });
});
