// Pages data: what the Astro pages need beyond graph.json — each document's sections, the entities
// it mentions and its backlinks — derived from the pipeline result, sorted for stable output.
import type { PipelineResult } from '../pipeline/index.ts';
import { compareStrings } from '../pipeline/slugs.ts';
import { groupBy } from '../pipeline/collections.ts';
import { documentUrl } from '../pipeline/graph.ts';
import type { SiteBacklink, SiteData, SiteDocument, SiteSettings } from './site-data.ts';
import type { ContentConfig, NavSetting } from '../config.ts';
import type { NavItem } from '../pipeline/types.ts';

/** Where buildData writes the accentColor stylesheet (site-relative). */
export const ACCENT_CSS = '/_settings/accent.css';

/** A content path as a site URL: each segment URL-encoded (spaces, #, ? in file names). */
export const contentUrl = (path: string): string => `/${path.split('/').map(encodeURIComponent).join('/')}`;

/** The content files docgraph.yaml names that the site serves (the logo, customCss). */
export function settingsAssets(config: ContentConfig): string[] {
  const logo = config.logo === undefined ? [] : [typeof config.logo === 'string' ? config.logo : config.logo.src];
  return [...logo, ...(config.customCss ?? [])];
}

export function siteSettings(config: ContentConfig): SiteSettings {
  const logo: { src: string; alt?: string; replacesTitle?: boolean } | undefined = typeof config.logo === 'string' ? { src: config.logo } : config.logo;
  return {
    ...(logo ? { logo: { src: contentUrl(logo.src), alt: logo.alt ?? '', replacesTitle: logo.replacesTitle ?? false } } : {}),
    ...(config.accentColor ? { accentCss: ACCENT_CSS } : {}),
    customCss: (config.customCss ?? []).map(contentUrl),
    footer: config.footer ?? [],
  };
}

/** docgraph.yaml `nav`: documents by content path and labelled groups, in the given order (paths of no document are left out). */
export function navFromSetting(entries: readonly NavSetting[], documents: readonly { id: string; path: string; title: string }[]): NavItem[] {
  const byPath = new Map(documents.map((d) => [d.path, d]));
  return entries.flatMap((entry): NavItem[] => {
    if (typeof entry !== 'string') return [{ title: entry.label, children: navFromSetting(entry.items, documents) }];
    const doc = byPath.get(entry);
    return doc ? [{ title: doc.title, docId: doc.id, children: [] }] : [];
  });
}

export interface SiteDataOptions {
  config?: ContentConfig;
  /** `lastUpdated: git`: content path -> ISO date (src/build/git-dates.ts). */
  lastUpdated?: ReadonlyMap<string, string>;
}

export const htmlFileName = (slug: string): string => `${slug.replace(/\//g, '__')}.html`;

export function buildSiteData(result: Pick<PipelineResult, 'documents' | 'sections' | 'mentions' | 'links' | 'nav'>, contentDir: string, options: SiteDataOptions = {}): SiteData {
  const config = options.config ?? {};
  // A base without its final slash still means the folder.
  const editBase = config.editUrl && (config.editUrl.endsWith('/') ? config.editUrl : `${config.editUrl}/`);
  const sectionsByDoc = groupBy(result.sections, (s) => s.docId);
  const mentionCounts = new Map<string, Map<string, number>>();
  for (const m of result.mentions) {
    const counts = mentionCounts.get(m.docId) ?? new Map<string, number>();
    counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    mentionCounts.set(m.docId, counts);
  }
  const backlinks = new Map<string, SiteBacklink[]>();
  for (const l of result.links) {
    if (l.class !== 'doc' || !l.targetDocId || !l.docId || l.targetDocId === l.docId) continue;
    const list = backlinks.get(l.targetDocId) ?? [];
    list.push({ docId: l.docId, sectionId: l.sectionId, line: l.line, sentence: l.sentence || l.text });
    backlinks.set(l.targetDocId, list);
  }
  const documents: SiteDocument[] = result.documents.map((d) => ({
    id: d.id,
    path: d.path,
    slug: d.slug,
    url: documentUrl(d.slug),
    format: d.format,
    title: d.title,
    ...(d.description ? { description: d.description } : {}),
    sections: (sectionsByDoc.get(d.id) ?? []).map((s) => ({ id: s.id, anchors: s.anchors, depth: s.depth, title: s.title, line: s.line })),
    ...(d.format === 'md' ? { htmlFile: htmlFileName(d.slug) } : {}),
    entities: [...(mentionCounts.get(d.id) ?? new Map<string, number>())]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || compareStrings(a.id, b.id)),
    backlinks: (backlinks.get(d.id) ?? []).sort((a, b) => compareStrings(a.docId, b.docId) || a.line - b.line),
    ...(editBase ? { editUrl: editBase + contentUrl(d.path).slice(1) } : {}),
    ...(options.lastUpdated?.has(d.path) ? { lastUpdated: options.lastUpdated.get(d.path) } : {}),
  }));
  documents.sort((a, b) => compareStrings(a.path, b.path));
  const nav = config.nav ? navFromSetting(config.nav, documents) : result.nav;
  return { contentDir, documents, nav, settings: siteSettings(config) };
}
