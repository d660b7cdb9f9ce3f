// What the home page, the indexes, the sitemap and the 404 suggestions list: pure functions over the
// graph index and the site data (no graph facts are computed here, only orderings and groupings).
import type { SiteDocument } from '../outputs/site-data.ts';
import type { GraphNode } from '../pipeline/types.ts';
import type { GraphIndex } from './graph.ts';

const RELATION_EDGE = (type: string) => type !== 'mentions' && type !== 'links-to';
const en = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

export interface RankedEntity {
  node: GraphNode;
  relations: number;
  mentions: number;
}

/**
 * Entities by how connected they are: number of typed relations, then number of mentions. Concepts,
 * tools and products come before discovered terms (the vocabulary's names are the reliable ones).
 */
export function rankEntities(graph: GraphIndex): RankedEntity[] {
  const relations = new Map<string, number>();
  const mentions = new Map<string, number>();
  for (const e of graph.graph.edges) {
    if (e.type === 'mentions') mentions.set(e.target, (mentions.get(e.target) ?? 0) + e.weight);
    else if (RELATION_EDGE(e.type)) {
      relations.set(e.source, (relations.get(e.source) ?? 0) + 1);
      if (e.target !== e.source) relations.set(e.target, (relations.get(e.target) ?? 0) + 1);
    }
  }
  return graph
    .entities()
    .map((node) => ({ node, relations: relations.get(node.id) ?? 0, mentions: mentions.get(node.id) ?? 0 }))
    .sort(
      (a, b) =>
        Number(a.node.type === 'discovered') - Number(b.node.type === 'discovered') ||
        b.relations - a.relations ||
        b.mentions - a.mentions ||
        en(a.node.label, b.node.label),
    );
}

/** How many pages link to each document (links-to edges between documents, each linking page once). */
export function inboundLinks(graph: GraphIndex): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of graph.graph.edges) {
    if (e.type !== 'links-to' || e.source === e.target || graph.node(e.target)?.type !== 'document') continue;
    counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
  }
  return counts;
}

const OVERVIEW_NAME = /^(overview|introduction|intro|index|readme|getting-started|start-here)\.mdx?$/i;

/** The overview page, if the set has one: a top-most file named like an overview, else a title saying so. */
export function findOverview(documents: readonly SiteDocument[]): SiteDocument | undefined {
  const depth = (d: SiteDocument) => d.path.split('/').length;
  const byName = documents.filter((d) => OVERVIEW_NAME.test(d.path.split('/').pop() ?? '')).sort((a, b) => depth(a) - depth(b) || en(a.path, b.path));
  if (byName[0]) return byName[0];
  return documents.find((d) => /\boverview\b/i.test(d.title));
}

/** "Start here": the overview first, then the most linked-to documents (then most entities mentioned). */
export function startHere(graph: GraphIndex, documents: readonly SiteDocument[], max = 5): SiteDocument[] {
  const overview = findOverview(documents);
  const inbound = inboundLinks(graph);
  const rest = documents
    .filter((d) => d !== overview)
    .sort(
      (a, b) =>
        (inbound.get(b.id) ?? 0) - (inbound.get(a.id) ?? 0) ||
        b.entities.length - a.entities.length ||
        en(a.title, b.title),
    );
  return [...(overview ? [overview] : []), ...rest].slice(0, max);
}

export interface FolderGroup {
  /** Folder path relative to the content folder; '' for the top level. */
  folder: string;
  documents: SiteDocument[];
}

/** Documents grouped by folder (top level first, then folders by path), each sorted by path. */
export function documentsByFolder(documents: readonly SiteDocument[]): FolderGroup[] {
  const groups = new Map<string, SiteDocument[]>();
  for (const d of documents) {
    const folder = d.path.includes('/') ? d.path.slice(0, d.path.lastIndexOf('/')) : '';
    groups.set(folder, [...(groups.get(folder) ?? []), d]);
  }
  return [...groups]
    .map(([folder, docs]) => ({ folder, documents: docs.sort((a, b) => en(a.path, b.path)) }))
    .sort((a, b) => (a.folder === '' ? -1 : b.folder === '' ? 1 : en(a.folder, b.folder)));
}

/** The letter an entity is filed under in the A–Z index: A–Z, or `#` for anything else. */
export function indexLetter(label: string): string {
  const first = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

export const TYPE_TITLES = { concept: 'Concepts', tool: 'Tools', product: 'Products', discovered: 'Discovered terms' } as const;

/** Every page the site publishes (site-relative, without base), for the sitemap. Redirect pages are left out. */
export function sitePages(graph: GraphIndex, documents: readonly SiteDocument[]): string[] {
  return [
    '/',
    '/documents/',
    '/entities/',
    '/map/',
    '/report/',
    ...[...documents].map((d) => d.url).sort(),
    ...graph.entities().map((n) => `/entities/${encodeURIComponent(graph.entityRouteId(n))}/`).sort(),
  ];
}

/** One entry of `/404-index.json`: short keys, since the list ships to the browser. */
export interface NotFoundEntry {
  /** Title. */
  t: string;
  /** URL with the base path. */
  u: string;
  /** `d` document, `e` entity. */
  k: 'd' | 'e';
  /** Other words to match: path, aliases. */
  w: string;
}
