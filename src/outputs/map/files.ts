// The map's embed files, written with the other exports (src/outputs/exports/files.ts): the standalone
// SVG, its PNG (rasterized when written), the Mermaid text and the oEmbed answer of /embed/map/.
import type { KnowledgeGraph } from '../../pipeline/types.ts';
import type { ExportFile, ExportOptions } from '../exports/files.ts';
import { svgToPng, svgToPngAsync } from '../exports/png.ts';
import { framedSnippet } from '../exports/snippets.ts';
import { oneLine } from '../exports/text.ts';
import { jsonLdString, publicUrl } from '../../lib/seo.ts';
import { domainMap, MAP_IFRAME_SIZE, MAP_PATHS } from './map.ts';
import { mapMermaid } from './mermaid.ts';
import { mapSvg } from './svg.ts';

export const mapTitle = (siteTitle: string): string => `Map of ${oneLine(siteTitle)}`;

/** The map's iframe, like an entity's (src/outputs/exports/snippets.ts), at the map's size. */
export function mapIframeSnippet(src: string, title: string): string {
  return framedSnippet(src, title, MAP_IFRAME_SIZE);
}

export function* mapFiles(graph: KnowledgeGraph, options: ExportOptions): Generator<ExportFile> {
  const { layout } = domainMap(graph);
  if (!layout.nodes.length) return;
  const url = (path: string): string => publicUrl(path, options.site, options.base);
  // Links only with a known site URL: MediaWiki refuses relative ones, and they break once copied.
  const svg = mapSvg(layout, {
    mode: 'file',
    title: mapTitle(options.title),
    target: '_top',
    nodeHref: options.site ? (n) => url(n.url) : undefined,
    edgeHref: options.site ? (e) => `${url(MAP_PATHS.page)}#${e.anchor}` : undefined,
  });
  yield { path: MAP_PATHS.svg.slice(1), data: svg };
  yield { path: MAP_PATHS.png.slice(1), bytes: () => svgToPng(svg), render: () => svgToPngAsync(svg) };
  yield { path: MAP_PATHS.mermaid.slice(1), data: mapMermaid(layout) };
  const title = mapTitle(options.title);
  const oembed = {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: oneLine(options.title),
    provider_url: url('/'),
    html: mapIframeSnippet(url(MAP_PATHS.iframe), title),
    width: MAP_IFRAME_SIZE.width,
    height: MAP_IFRAME_SIZE.height,
  };
  yield { path: MAP_PATHS.oembed.slice(1), data: `${jsonLdString(oembed)}\n` };
}
