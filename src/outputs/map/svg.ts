// The map as SVG, in two forms from one drawing. On the /map/ page it is inlined: classes let the
// site's stylesheet (src/styles/map.css) recolour it for the dark theme, node links are site-relative
// and every edge links to its evidence item (#anchor) under the map. As a file (/embed/map.svg, and the
// PNG made from it) it stands alone: presentation attributes only, no script or stylesheet, and links
// only when they are absolute http(s) URLs (MediaWiki refuses an upload with any other link). Labels come
// from documents anyone can write: every text and attribute is escaped.
import { relationPhrase } from '../../lib/relations.ts';
import type { GraphEdge, GraphNode } from '../../pipeline/types.ts';
// One look for every static picture: the entity embeds' colours and font (text stays #111827 on every fill).
import { FALLBACK_STYLE, FONT, shape, TYPE_STYLES, styleOf, textWidth } from '../exports/svg.ts';
import { escapeXml, oneLine } from '../exports/text.ts';
import { EDGE_FONT, NODE_FONT, type LaidEdge, type LaidNode, type MapLayout } from './layout.ts';

const LEGEND_H = 34;

/** Class-safe type name (types are fixed words, but the class attribute must never carry content). */
const typeClass = (type: string): string => (TYPE_STYLES[type] ? type : 'other');

export interface MapSvgOptions {
  /** `page`: inlined into a page of the site (classes, relative links); `file`: a standalone picture. */
  mode: 'page' | 'file';
  /** The picture's name, e.g. "Map of docgraph". */
  title: string;
  /** A node's link; in `file` mode only absolute http(s) URLs are kept. */
  nodeHref?: (node: GraphNode) => string | undefined;
  /** An edge's link (its evidence item); in `file` mode only absolute http(s) URLs are kept. */
  edgeHref?: (edge: LaidEdge) => string | undefined;
  /** `target` of every link (`_blank` in the iframe page, `_top` in the file: a wiki frames it). */
  target?: string;
  /** Prefix of the ids inside the SVG, so it can sit in a page beside other SVGs. */
  idPrefix?: string;
}

/** "Azure AD Connect replaces DirSync": the relation as the evidence list states it. */
export function edgeSentence(edge: GraphEdge, label: (id: string) => string): string {
  return `${oneLine(label(edge.source))} ${relationPhrase(edge.type)} ${oneLine(label(edge.target))}`;
}

function linkOpen(href: string | undefined, options: MapSvgOptions, attrs: string): string | undefined {
  if (!href) return undefined;
  if (options.mode === 'file' && !/^https?:\/\//i.test(href)) return undefined;
  if (options.mode === 'page' && !/^(https?:\/\/|\/(?!\/)|#)/i.test(href)) return undefined;
  // `target` first: MediaWiki refuses a file whose first KB holds the text `<a href`.
  return `<a${options.target ? ` target="${escapeXml(options.target)}"` : ''} href="${escapeXml(href)}"${attrs}>`;
}

function nodeMarkup(n: LaidNode, options: MapSvgOptions): string {
  const style = styleOf(n.node.type);
  const body =
    `<title>${escapeXml(`${oneLine(n.node.label)} (${style.name})`)}</title>` +
    shape(n, style, 1.25, 'class="map-shape" ') +
    `<text class="map-node-text" x="${n.x + n.w / 2}" y="${n.y + n.h / 2}" dy="0.35em" text-anchor="middle" font-size="${NODE_FONT}" fill="#111827">${escapeXml(n.label)}</text>`;
  const cls = ` class="map-node map-node--${typeClass(n.node.type)}" data-node="${escapeXml(n.node.id)}"`;
  const open = linkOpen(options.nodeHref?.(n.node), options, cls);
  return open ? `${open}${body}</a>` : `<g${cls}>${body}</g>`;
}

export function mapSvg(layout: MapLayout, options: MapSvgOptions): string {
  const prefix = options.idPrefix ?? 'docgraph-map';
  const labels = new Map(layout.nodes.map((n) => [n.node.id, n.node.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const types = new Set(layout.nodes.map((n) => typeClass(n.node.type)));
  const legendItems = [...Object.keys(TYPE_STYLES), 'other']
    .filter((t) => types.has(t))
    .map((t) => ({ t, s: TYPE_STYLES[t] ?? FALLBACK_STYLE, w: 26 + textWidth((TYPE_STYLES[t] ?? FALLBACK_STYLE).name, 11) + 14 }));
  const legendW = legendItems.reduce((w, i) => w + i.w, 0) - 14;
  const width = Math.max(layout.width, legendW + 32, 320);
  const height = layout.height + LEGEND_H;

  const edgeParts = layout.edges.map((e) => {
    const sentence = edgeSentence(e.edge, labelOf);
    const href = options.edgeHref?.(e);
    const line = `<path class="map-edge-line" d="${e.path}" marker-end="url(#${prefix}-arrow)"/>`;
    // The line links too (out of the tab order: its label is the same link, and is what is read out).
    const lineOpen = linkOpen(href, options, ' class="map-edge" tabindex="-1" aria-hidden="true"');
    const { x, y, w, h } = e.labelBox;
    const label =
      `<title>${escapeXml(sentence)}</title>` +
      `<rect class="map-label-bg" x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="#ffffff" fill-opacity="0.92"/>` +
      `<text class="map-label-text" x="${x + w / 2}" y="${y + h / 2}" dy="0.35em" text-anchor="middle" font-size="${EDGE_FONT}" fill="#374151">${escapeXml(e.label)}</text>`;
    const attrs = ` class="map-label" data-edge="${escapeXml(e.anchor)}"`;
    const labelOpen = linkOpen(href, options, `${attrs} aria-label="${escapeXml(`${sentence}: evidence`)}"`);
    return { line: lineOpen ? `${lineOpen}${line}</a>` : line, label: labelOpen ? `${labelOpen}${label}</a>` : `<g${attrs}>${label}</g>` };
  });

  let lx = (width - legendW) / 2;
  const ly = layout.height + LEGEND_H / 2 - 4;
  const legend = legendItems.map(({ t, s, w }) => {
    const item =
      `<g class="map-legend-item map-node--${t}">` +
      `<rect class="map-shape" x="${lx}" y="${ly - 7}" width="18" height="14" rx="3" fill="${s.fill}" stroke="${s.stroke}"${s.dash ? ' stroke-dasharray="3 2"' : ''}/>` +
      `<text class="map-legend-text" x="${lx + 24}" y="${ly}" dy="0.35em" font-size="11" fill="#374151">${escapeXml(s.name)}</text></g>`;
    lx += w;
    return item;
  });

  const desc = `${layout.nodes.length} entities and ${layout.edges.length} relations: ${layout.edges.map((e) => edgeSentence(e.edge, labelOf)).join('; ')}.`;
  const file = options.mode === 'file';
  return [
    file ? '<?xml version="1.0" encoding="UTF-8"?>' : '',
    `<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${file ? 'role="img" ' : ''}aria-labelledby="${prefix}-title${file ? ` ${prefix}-desc` : ''}" font-family="${escapeXml(FONT)}">`,
    `<title id="${prefix}-title">${escapeXml(oneLine(options.title))}</title>`,
    file ? `<desc id="${prefix}-desc">${escapeXml(desc)}</desc>` : '',
    `<defs><marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path class="map-arrow" d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>`,
    file ? `<rect width="${width}" height="${height}" fill="#ffffff"/>` : '',
    // Every line under every node and label, so no line is drawn across a label.
    `<g class="map-edges" fill="none" stroke="#6b7280" stroke-width="1.25">${edgeParts.map((p) => p.line).join('')}</g>`,
    `<g class="map-nodes">${layout.nodes.map((n) => nodeMarkup(n, options)).join('')}</g>`,
    `<g class="map-labels">${edgeParts.map((p) => p.label).join('')}</g>`,
    `<g class="map-legend">${legend.join('')}</g>`,
    '</svg>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
