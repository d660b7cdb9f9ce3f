// A static picture of an entity's neighbourhood for wikis that cannot frame a page: plain SVG with no
// script and no stylesheet (presentation attributes only), so it reads the same as an <img>, opened on
// its own, or with CSS stripped. Layout: the entity in the middle; entities that point at it on the left,
// entities it points at on the right (so every row reads as a sentence, left to right); symmetric
// relations fill whichever side is shorter. Text is measured by estimate: no font metrics at build time.
// Only SVG 1.1 features that rasterizers (librsvg in MediaWiki, resvg) also draw: text is centred with
// `dy`, not `dominant-baseline`; ids are prefixed so the SVG can be inlined into a page.
import type { GraphNode, NodeType } from '../../pipeline/types.ts';
import { SYMMETRIC_RELATIONS, type Neighbour, type Neighbourhood } from './neighbourhood.ts';
import { escapeXml, oneLine } from './text.ts';

export interface SvgOptions {
  /** The absolute http(s) link of a node; nodes without one (or with any other URL) are not links. */
  href?: (node: GraphNode) => string | undefined;
}

export interface TypeStyle {
  name: string;
  fill: string;
  stroke: string;
  dash?: string;
}

/** Colours chosen for contrast on white: text stays #111827 on every fill (WCAG AAA). */
export const TYPE_STYLES: Record<string, TypeStyle> = {
  product: { name: 'product', fill: '#dbeafe', stroke: '#1d4ed8' },
  tool: { name: 'tool', fill: '#dcfce7', stroke: '#15803d' },
  concept: { name: 'concept', fill: '#fef3c7', stroke: '#b45309' },
  discovered: { name: 'discovered term', fill: '#f3f4f6', stroke: '#4b5563', dash: '5 3' },
};
export const FALLBACK_STYLE: TypeStyle = { name: 'other', fill: '#f3f4f6', stroke: '#4b5563' };
export const styleOf = (type: NodeType): TypeStyle => TYPE_STYLES[type] ?? FALLBACK_STYLE;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const FONT_SIZE = 13;
const BOX_H = 30;
const CENTRE_H = 40;
const ROW = 44;
const MARGIN = 20;
const MAX_LABEL_PX = 240;
const LEGEND_H = 34;

/**
 * Rough advance widths of a sans-serif, on the wide side (DejaVu Sans, the Linux fallback) so text fits
 * whatever font the reader has: good enough to size boxes without a font engine at build time.
 */
export function textWidth(text: string, size = FONT_SIZE, bold = false): number {
  let units = 0;
  for (const ch of text) {
    if (/[ilIjtf.,;:'|!()[\]\s]/.test(ch)) units += 0.3;
    else if (/[mwMW@]/.test(ch)) units += 0.85;
    else if (/[A-Z0-9#%&]/.test(ch)) units += 0.66;
    else if (/[\u0000-\u024F]/.test(ch)) units += 0.53;
    else units += 1; // CJK and other wide scripts
  }
  return Math.ceil(units * size * (bold ? 1.15 : 1.08));
}

/** Cuts a label to fit `max` pixels, ending in an ellipsis; the full label stays in the node's <title>. */
export function fitLabel(label: string, max = MAX_LABEL_PX, size = FONT_SIZE, bold = false): string {
  const clean = oneLine(label);
  if (textWidth(clean, size, bold) <= max) return clean;
  let cut = [...clean];
  while (cut.length > 1 && textWidth(cut.join('') + '…', size, bold) > max) cut = cut.slice(0, -1);
  return cut.join('').trimEnd() + '…';
}

interface Placed {
  entry?: Neighbour;
  node: GraphNode;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Hexagons (tools) lose width to their slanted sides: they get more padding. */
const boxWidth = (label: string, type: NodeType, size = FONT_SIZE, bold = false) =>
  Math.max(80, textWidth(label, size, bold) + (type === 'tool' ? 36 : 24));

/** Left: entities whose strongest relation points at the centre; right: the rest. Symmetric ones balance. */
export function splitSides(neighbours: readonly Neighbour[]): { left: Neighbour[]; right: Neighbour[] } {
  const left: Neighbour[] = [];
  const right: Neighbour[] = [];
  const symmetric: Neighbour[] = [];
  for (const n of neighbours) {
    const main = n.relations[0]!;
    if (SYMMETRIC_RELATIONS.has(main.type)) symmetric.push(n);
    else (main.outgoing ? right : left).push(n);
  }
  for (const n of symmetric) (left.length < right.length ? left : right).push(n);
  return { left, right };
}

/** The words on an edge: its relation types, strongest first; `←` marks one that runs right to left. */
function edgeLabel(entry: Neighbour, side: 'left' | 'right'): string {
  return entry.relations
    .map((r) => {
      const leftward = SYMMETRIC_RELATIONS.has(r.type) ? false : side === 'left' ? r.outgoing : !r.outgoing;
      return leftward ? `← ${r.type}` : r.type;
    })
    .join(', ');
}

/** A node's box in its type's shape and colours; `attrs` (e.g. a class) go first. Also the map's (map/svg.ts). */
export function shape(p: { x: number; y: number; w: number; h: number; node: { type: NodeType } }, style: TypeStyle, strokeWidth: number, attrs = ''): string {
  const common = `${attrs}fill="${style.fill}" stroke="${style.stroke}" stroke-width="${strokeWidth}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}`;
  if (p.node.type === 'tool') {
    // A hexagon: tools are things you run.
    const i = 10;
    const pts = [
      [p.x + i, p.y],
      [p.x + p.w - i, p.y],
      [p.x + p.w, p.y + p.h / 2],
      [p.x + p.w - i, p.y + p.h],
      [p.x + i, p.y + p.h],
      [p.x, p.y + p.h / 2],
    ];
    return `<polygon points="${pts.map(([a, b]) => `${a},${b}`).join(' ')}" ${common}/>`;
  }
  const rx = p.node.type === 'concept' ? p.h / 2 : 4;
  return `<rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="${rx}" ${common}/>`;
}

function nodeMarkup(p: Placed, options: SvgOptions, centre: boolean): string {
  const style = styleOf(p.node.type);
  const size = centre ? 15 : FONT_SIZE;
  const tooltip = `${oneLine(p.node.label)} (${style.name})`;
  const body =
    `<title>${escapeXml(tooltip)}</title>` +
    shape(p, style, centre ? 2.5 : 1.25) +
    `<text x="${p.x + p.w / 2}" y="${p.y + p.h / 2}" text-anchor="middle" dy="0.35em" font-size="${size}"${centre ? ' font-weight="700"' : ''} fill="#111827">${escapeXml(p.label)}</text>`;
  const href = options.href?.(p.node);
  // Absolute http(s) only: MediaWiki refuses an upload with any other link (uploaded-href-attribute-svg),
  // and a relative one breaks once the file is copied elsewhere. `target` first: MediaWiki also refuses
  // a file whose first KB holds the text `<a href` (UploadBase::detectScript's HTML sniffing).
  return href && /^https?:\/\//i.test(href) ? `<a target="_top" href="${escapeXml(href)}">${body}</a>` : `<g>${body}</g>`;
}

/** Room kept between a relation label and the arrowhead or box at the end of its lane. */
const LABEL_PAD = 8;
const ARROW_ROOM = 12;
const EDGE_FONT = 11;
const MAX_EDGE_LABEL_PX = 200;
/** Width of the curves between the lanes and the centre. */
const FAN = 150;

interface Edge {
  path: string;
  label: string;
  /** The full label, when it had to be cut. */
  full: string;
  box: { x: number; y: number; w: number; h: number };
}

/**
 * An edge runs straight along its row for a lane as wide as the longest label of its side, then curves
 * to the centre. Its label sits just above the straight part: other edges reach that column only on
 * their own rows (44 px apart), and the curves stay between the lanes and the centre (x is monotone on
 * them), so no edge crosses another's label and labels of different rows never overlap, however many
 * neighbours there are. A label at the middle of a curve, as before, was crossed by its neighbours.
 */
function edgeOf(p: Placed, centre: Placed, side: 'left' | 'right', lane: number): Edge {
  const entry = p.entry!;
  const symmetric = SYMMETRIC_RELATIONS.has(entry.relations[0]!.type);
  const y = p.y + p.h / 2;
  const cy = centre.y + centre.h / 2;
  const full = edgeLabel(entry, side);
  const label = fitLabel(full, MAX_EDGE_LABEL_PX, EDGE_FONT);
  const w = textWidth(label, EDGE_FONT) + 6;
  const box = { x: 0, y: y - 17, w, h: 14 };
  let d: string;
  if (side === 'left') {
    const [x1, xl, cx] = [p.x + p.w, p.x + p.w + lane, centre.x];
    const mid = (xl + cx) / 2;
    d = `M${x1},${y} L${xl},${y} C${mid},${y} ${mid},${cy} ${cx},${cy}`;
    box.x = x1 + LABEL_PAD - 3;
  } else {
    const [cx, xl, x2] = [centre.x + centre.w, p.x - lane, p.x];
    const mid = (cx + xl) / 2;
    d = `M${cx},${cy} C${mid},${cy} ${mid},${y} ${xl},${y} L${x2},${y}`;
    box.x = x2 - ARROW_ROOM - w + 3;
  }
  const arrow = symmetric ? '' : ' marker-end="url(#docgraph-arrow)"';
  return { path: `<path class="docgraph-edge" d="${d}"${arrow}/>`, label, full, box };
}

/** The lane a side needs for its longest label. */
const laneOf = (items: readonly Placed[], side: 'left' | 'right'): number =>
  Math.max(40, ...items.map((p) => textWidth(fitLabel(edgeLabel(p.entry!, side), MAX_EDGE_LABEL_PX, EDGE_FONT), EDGE_FONT) + LABEL_PAD + ARROW_ROOM));

function labelMarkup(e: Edge): string {
  const { x, y, w, h } = e.box;
  const title = e.full === e.label ? '' : `<title>${escapeXml(e.full)}</title>`;
  return (
    `<g class="docgraph-label">${title}<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="2" fill="#ffffff" fill-opacity="0.9"/>` +
    `<text x="${x + 3}" y="${y + h - 3.5}" font-size="${EDGE_FONT}" fill="#374151">${escapeXml(e.label)}</text></g>`
  );
}

function describe(hood: Neighbourhood): string {
  const centre = oneLine(hood.centre.label);
  if (!hood.neighbours.length) return `${centre} (${styleOf(hood.centre.type).name}) has no recorded relations to other entities.`;
  const parts = hood.neighbours.map((n) =>
    n.relations.map((r) => (r.outgoing ? `${centre} ${r.type} ${oneLine(n.node.label)}` : `${oneLine(n.node.label)} ${r.type} ${centre}`)).join('; '),
  );
  const more = hood.omitted ? ` ${hood.omitted} more related ${hood.omitted === 1 ? 'entity is' : 'entities are'} not shown.` : '';
  return `Relations of ${centre} (${styleOf(hood.centre.type).name}): ${parts.join('; ')}.${more}`;
}

/** The SVG document (with XML declaration) of one neighbourhood. Deterministic for the same input. */
export function neighbourhoodSvg(hood: Neighbourhood, options: SvgOptions = {}): string {
  const { left, right } = splitSides(hood.neighbours);
  const place = (entry: Neighbour): Placed => {
    const label = fitLabel(entry.node.label);
    return { entry, node: entry.node, label, x: 0, y: 0, w: boxWidth(label, entry.node.type), h: BOX_H };
  };
  const lefts = left.map(place);
  const rights = right.map(place);
  const centreLabel = fitLabel(hood.centre.label, 280, 15, true);
  const centre: Placed = { node: hood.centre, label: centreLabel, x: 0, y: 0, w: boxWidth(centreLabel, hood.centre.type, 15, true), h: CENTRE_H };

  const leftW = Math.max(0, ...lefts.map((p) => p.w));
  const rightW = Math.max(0, ...rights.map((p) => p.w));
  const rows = Math.max(1, lefts.length, rights.length);
  const bodyH = rows * ROW;
  const top = MARGIN;
  const [leftLane, rightLane] = [laneOf(lefts, 'left'), laneOf(rights, 'right')];
  centre.x = MARGIN + (lefts.length ? leftW + leftLane + FAN : 0);
  centre.y = top + (bodyH - CENTRE_H) / 2;
  const column = (items: Placed[], x: (p: Placed) => number) => {
    const offset = top + (bodyH - items.length * ROW) / 2 + (ROW - BOX_H) / 2;
    items.forEach((p, i) => {
      p.x = x(p);
      p.y = offset + i * ROW;
    });
  };
  column(lefts, (p) => MARGIN + leftW - p.w);
  column(rights, () => centre.x + centre.w + FAN + rightLane);

  const present = [...new Set([hood.centre, ...hood.neighbours.map((n) => n.node)].map((n) => styleOf(n.type)))];
  const more = hood.omitted ? `+${hood.omitted} more on the site` : '';
  const legendW = present.reduce((w, s) => w + 26 + textWidth(s.name, 11) + 14, 0) + (more ? textWidth(more, 11) + 6 : 0) - 14;
  const contentW = centre.x + centre.w + (rights.length ? FAN + rightLane + rightW : 0) + MARGIN;
  const width = Math.max(contentW, legendW + 2 * MARGIN, 320);
  const height = top + bodyH + 8 + LEGEND_H;
  // Centre the drawing when the legend is wider than it.
  const shift = Math.round((width - contentW) / 2);

  const title = `${oneLine(hood.centre.label)}: relations`;
  const edges = [...lefts.map((p) => edgeOf(p, centre, 'left', leftLane)), ...rights.map((p) => edgeOf(p, centre, 'right', rightLane))];
  const nodes = [...lefts, ...rights].map((p) => nodeMarkup(p, options, false));
  let lx = (width - legendW) / 2;
  const ly = top + bodyH + 8 + LEGEND_H / 2;
  const legend = present.map((s) => {
    const item =
      `<rect x="${lx}" y="${ly - 7}" width="18" height="14" rx="3" fill="${s.fill}" stroke="${s.stroke}"${s.dash ? ` stroke-dasharray="3 2"` : ''}/>` +
      `<text x="${lx + 24}" y="${ly}" dy="0.35em" font-size="11" fill="#374151">${escapeXml(s.name)}</text>`;
    lx += 26 + textWidth(s.name, 11) + 14;
    return item;
  });
  // After the legend, in the same row, so the two never overlap.
  const omitted = more ? `<text x="${lx + 6}" y="${ly}" dy="0.35em" font-size="11" fill="#4b5563">${more}</text>` : '';
  const empty = hood.neighbours.length
    ? ''
    : `<text x="${width / 2}" y="${centre.y + CENTRE_H + 18}" text-anchor="middle" font-size="12" fill="#4b5563">No relations to other entities yet</text>`;

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="docgraph-title docgraph-desc" font-family="${escapeXml(FONT)}">`,
    `<title id="docgraph-title">${escapeXml(title)}</title>`,
    `<desc id="docgraph-desc">${escapeXml(describe(hood))}</desc>`,
    '<defs><marker id="docgraph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g transform="translate(${shift},0)">`,
    // Every edge under every label, so no later edge is drawn across an earlier label.
    edges.length ? `<g fill="none" stroke="#6b7280" stroke-width="1.25">${edges.map((e) => e.path).join('')}</g>` : '',
    ...nodes,
    nodeMarkup(centre, options, true),
    ...edges.map(labelMarkup),
    empty,
    '</g>',
    ...legend,
    omitted,
    '</svg>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
