// Pages data: what the Astro pages need beyond graph.json — each document's sections, the entities
// it mentions and its backlinks — derived from the pipeline result, sorted for stable output.
import type { PipelineResult } from '../pipeline/index.ts';
import { compareStrings } from '../pipeline/slugs.ts';
import { groupBy } from '../pipeline/collections.ts';
import { documentUrl } from '../pipeline/graph.ts';
import type { SiteBacklink, SiteData, SiteDocument } from './site-data.ts';

export const htmlFileName = (slug: string): string => `${slug.replace(/\//g, '__')}.html`;

export function buildSiteData(result: Pick<PipelineResult, 'documents' | 'sections' | 'mentions' | 'links' | 'nav'>, contentDir: string): SiteData {
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
  }));
  documents.sort((a, b) => compareStrings(a.path, b.path));
  return { contentDir, documents, nav: result.nav };
}
