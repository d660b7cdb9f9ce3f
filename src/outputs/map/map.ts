// The map of the whole domain, once per graph: the selection (select.ts) laid out (layout.ts). The
// /map/ and /embed/map/ pages and the files (files.ts: /embed/map.svg, .png, .mmd and the oEmbed
// answer) all draw this one object, so they never disagree.
import type { KnowledgeGraph } from '../../pipeline/types.ts';
import { layoutMap, type MapLayout } from './layout.ts';
import { selectMap, type MapSelection } from './select.ts';

export interface DomainMap {
  selection: MapSelection;
  layout: MapLayout;
}

const maps = new WeakMap<KnowledgeGraph, DomainMap>();

export function domainMap(graph: KnowledgeGraph): DomainMap {
  let map = maps.get(graph);
  if (!map) {
    const selection = selectMap(graph);
    map = { selection, layout: layoutMap(selection) };
    maps.set(graph, map);
  }
  return map;
}

/** Where the map and its embeds live, site-relative (without base). */
export const MAP_PATHS = {
  page: '/map/',
  iframe: '/embed/map/',
  svg: '/embed/map.svg',
  png: '/embed/map.png',
  mermaid: '/embed/map.mmd',
  oembed: '/embed/map.oembed.json',
} as const;

/** Size of the framed map: wide, since it reads left to right; it scrolls inside the frame. */
export const MAP_IFRAME_SIZE = { width: 960, height: 640 } as const;
