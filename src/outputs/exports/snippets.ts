// The copy-ready snippets of the Embed button and the oEmbed answer. Labels go into HTML attributes
// (escaped), Markdown alt text (punctuation backslash-escaped) and Mermaid (already escaped there);
// URLs are built by the site from route ids, never taken from content.
import { escapeXml, oneLine } from './text.ts';

/** Width and height of the framed graph view; wikis scale it down on narrow pages. */
export const IFRAME_SIZE = { width: 640, height: 480 } as const;

/** The entity page's URL segment (its id, or the id its page is published under). */
export function entityRouteId(node: { id: string; url: string }): string {
  const match = /^\/entities\/([^/]+)\/?$/.exec(node.url);
  return match?.[1] ? decodeURIComponent(match[1]) : node.id;
}

/** Where an entity's embeds live, site-relative (without base); `routeId` is the entity page's URL segment. */
export function embedPaths(entityId: string, routeId: string) {
  const file = encodeURIComponent(routeId);
  return {
    iframe: `/embed/graph/?focus=${encodeURIComponent(entityId)}&depth=1&theme=light`,
    svg: `/embed/svg/${file}.svg`,
    png: `/embed/png/${file}.png`,
    mermaid: `/embed/mermaid/${file}.mmd`,
    oembed: `/oembed/${file}.json`,
  };
}

/** An iframe of any framed view (an entity's graph, the map), with its title for screen readers. */
export function framedSnippet(src: string, title: string, size: { width: number; height: number }): string {
  return `<iframe src="${escapeXml(src)}" width="${size.width}" height="${size.height}" title="${escapeXml(oneLine(title))}" loading="lazy" style="border:0"></iframe>`;
}

/** An entity's framed graph view: `title` "<label>: relations". */
export function iframeSnippet(src: string, label: string): string {
  return framedSnippet(src, `${oneLine(label)}: relations`, IFRAME_SIZE);
}

/** Markdown text with every character CommonMark could read as syntax backslash-escaped. */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()<>#+!|~&"']/g, (ch) => `\\${ch}`);
}

/** A link destination that cannot end early: spaces, parentheses and angle brackets percent-encoded. */
const markdownUrl = (url: string): string =>
  url.replace(/[()<>\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** A picture linked to its page: `[![alt](svg)](page)`. */
export function pictureSnippet(svgUrl: string, pageUrl: string, alt: string): string {
  return `[![${markdownText(alt)}](${markdownUrl(svgUrl)})](${markdownUrl(pageUrl)})`;
}

/** An entity's picture, linked to the entity page: `[![X: relations](svg)](page)`. */
export function markdownImageSnippet(svgUrl: string, pageUrl: string, label: string): string {
  return pictureSnippet(svgUrl, pageUrl, `${label}: relations`);
}

/**
 * MediaWiki: an external link whose text is an image URL shows the image, linked (needs
 * $wgAllowExternalImages or a matching $wgAllowExternalImagesFrom). A PNG, since MediaWiki inlines only
 * gif/png/jpg/jpeg URLs; `[`, `]` and spaces cannot occur in the URLs (route ids are percent-encoded).
 */
export function mediawikiImageSnippet(pngUrl: string, pageUrl: string): string {
  return `[${pageUrl} ${pngUrl}]`;
}

/** A fenced Mermaid block (GitLab, GitHub); Azure DevOps wikis use `::: mermaid` ... `:::` instead. */
export function mermaidSnippet(mermaid: string): string {
  return '```mermaid\n' + mermaid + '```';
}
