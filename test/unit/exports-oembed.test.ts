import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { entityOEmbed } from '../../src/outputs/exports/oembed.ts';
import { embedPaths, iframeSnippet, markdownImageSnippet, markdownText, mediawikiImageSnippet, mermaidSnippet } from '../../src/outputs/exports/snippets.ts';
import { jsonLdString } from '../../src/lib/seo.ts';
import { HOSTILE } from '../fixtures/exports/hostile-graph.ts';
import type { Element } from 'hast';

const iframeOf = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  expect(tree.children).toHaveLength(1);
  return tree.children[0] as Element;
};

describe('embed snippets', () => {
  it('builds the embed URLs of an entity from its id and route', () => {
    expect(embedPaths('azure-ad-connect', 'azure-ad-connect')).toEqual({
      iframe: '/embed/graph/?focus=azure-ad-connect&depth=1&theme=light',
      svg: '/embed/svg/azure-ad-connect.svg',
      png: '/embed/png/azure-ad-connect.png',
      mermaid: '/embed/mermaid/azure-ad-connect.mmd',
      oembed: '/oembed/azure-ad-connect.json',
    });
    expect(embedPaths('a b&c', 'a b').iframe).toBe('/embed/graph/?focus=a%20b%26c&depth=1&theme=light');
  });

  it('links the PNG to the page as a MediaWiki external image, whatever the route id holds', () => {
    const png = `https://docs.example.com${embedPaths('x', 'a ]b[ c').png}`;
    expect(mediawikiImageSnippet(png, 'https://docs.example.com/entities/x/')).toBe('[https://docs.example.com/entities/x/ https://docs.example.com/embed/png/a%20%5Db%5B%20c.png]');
  });

  it.each(HOSTILE)('an iframe with a hostile title is still one iframe element: %j', (label) => {
    const el = iframeOf(iframeSnippet('https://docs.example.com/embed/graph/?focus=x&depth=1', label));
    expect(el.tagName).toBe('iframe');
    expect(el.children).toEqual([]);
    expect(Object.keys(el.properties).sort()).toEqual(['height', 'loading', 'src', 'style', 'title', 'width']);
    expect(el.properties.src).toBe('https://docs.example.com/embed/graph/?focus=x&depth=1');
  });

  it('escapes Markdown syntax in the alt text and keeps the link destinations whole', () => {
    expect(markdownText('a [b](c) <d> `e` *f*')).toBe('a \\[b\\]\\(c\\) \\<d\\> \\`e\\` \\*f\\*');
    expect(markdownImageSnippet('/embed/svg/x (1).svg', '/entities/x/', 'X')).toBe('[![X: relations](/embed/svg/x%20%281%29.svg)](/entities/x/)');
    expect(markdownImageSnippet('/s.svg', '/p/', HOSTILE[5])).not.toContain('\n');
    expect(mermaidSnippet('graph LR\n')).toBe('```mermaid\ngraph LR\n```');
  });
});

describe('entityOEmbed', () => {
  it('answers a rich oEmbed with the iframe, size, title and provider', () => {
    const o = entityOEmbed({ label: 'Azure AD Connect', iframeUrl: 'https://d.example/embed/graph/?focus=a&depth=1&theme=light', providerName: 'docgraph', providerUrl: 'https://d.example/' });
    expect(o).toMatchObject({ version: '1.0', type: 'rich', title: 'Azure AD Connect', provider_name: 'docgraph', provider_url: 'https://d.example/', width: 640, height: 480 });
    expect(iframeOf(o.html).properties.src).toBe('https://d.example/embed/graph/?focus=a&depth=1&theme=light');
  });

  it.each(HOSTILE)('stays the same JSON value with no raw markup when the label is %j', (label) => {
    const o = entityOEmbed({ label, iframeUrl: '/embed/graph/?focus=x', providerName: label, providerUrl: '/' });
    const text = jsonLdString(o);
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual(o);
    expect(o.title).not.toMatch(/[\n\r]/);
    expect(iframeOf(o.html).tagName).toBe('iframe');
  });
});
