// How big a node and its label are drawn, shared by the build-time layout (which must leave room for
// every label) and the browser (which draws them). Sizes follow typed relations, not mentions: a hub
// that many pages name but nothing is stated about stays small.
import type { ViewNodeType } from '../outputs/graph-view.ts';

export interface NodeLook {
  /** Body diameter, px at zoom 1. */
  size: number;
  fontSize: number;
}

export function nodeLook(type: ViewNodeType, typedDegree: number): NodeLook {
  if (type === 'document') return { size: 10, fontSize: 12 };
  const minor = type === 'discovered';
  return {
    size: Math.round(Math.min(minor ? 26 : 40, (minor ? 12 : 16) + Math.sqrt(typedDegree) * 3)),
    fontSize: Math.round(Math.min(18, (minor ? 12 : 13) + Math.sqrt(typedDegree) * 0.8)),
  };
}

/** Labels longer than this are cut with an ellipsis (the full name is in the panel and the tooltip). */
export function shortLabel(label: string, max = 32): string {
  return label.length > max ? `${label.slice(0, max - 2)}…` : label;
}

/**
 * A label's width by estimate (no font metrics at build time): average advance of a sans-serif, on the
 * wide side so the room left is enough for the font the reader has.
 */
export function estimateLabelWidth(label: string, fontSize: number): number {
  let units = 0;
  for (const ch of label) units += /[ilIjtf.,;:'|!()\s]/.test(ch) ? 0.32 : /[mwMW@]/.test(ch) ? 0.86 : /[A-Z0-9#%&]/.test(ch) ? 0.68 : 0.56;
  return Math.ceil(units * fontSize);
}
