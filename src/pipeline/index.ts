// The pipeline: parse -> extract (sections, prose, links) -> resolve -> entities -> relations ->
// model -> report. Pure: a ContentSnapshot in, typed data out; the CLI does the I/O.
import { discoverEntities } from './discover.ts';
import { parseContent } from './documents.ts';
import { buildGraph } from './graph.ts';
import type { ContentSnapshot } from './load.ts';
import { createMentionMatcher, findMentions } from './mentions.ts';
import { buildNav } from './nav.ts';
import { extractRelations } from './relations.ts';
import { buildReport, type BuildReport } from './report.ts';
import { diagnoseLink, indexTargets, resolveLink, resolveLinks } from './resolve.ts';
import { anchorSet, extractSections } from './sections.ts';
import { extractProse } from './sentences.ts';
import type { Diagnostic, Entity, KnowledgeGraph, LinkRef, Mention, NavItem, ParsedDocument, Relation, ResolvedLink, Section, Sentence } from './types.ts';
import { parseVocabulary, verifyCitations } from './vocabulary.ts';

export interface PipelineOptions {
  vocabulary?: { file: string; text: string };
  externalDocsBase?: string;
  /** Minimum number of documents a name must appear in to be promoted to a discovered entity. */
  discoverMinDocs?: number;
  onStage?: (stage: string, ms: number) => void;
}

export interface PipelineResult {
  documents: ParsedDocument[];
  sections: Section[];
  sentences: Sentence[];
  links: ResolvedLink[];
  entities: Entity[];
  mentions: Mention[];
  relations: Relation[];
  nav: NavItem[];
  graph: KnowledgeGraph;
  report: BuildReport;
  diagnostics: Diagnostic[];
}

export function runPipeline(snapshot: ContentSnapshot, options: PipelineOptions = {}): PipelineResult {
  const diagnostics: Diagnostic[] = [...snapshot.diagnostics];
  let t = performance.now();
  const stage = (name: string): void => {
    const now = performance.now();
    options.onStage?.(name, now - t);
    t = now;
  };

  const content = parseContent(snapshot.files);
  diagnostics.push(...content.diagnostics);
  const documents = content.documents;
  stage('parse');

  const sections: Section[] = [];
  const sentences: Sentence[] = [];
  const linkRefs: LinkRef[] = [];
  const anchors = new Map<string, Set<string>>();
  for (const doc of documents) {
    const index = extractSections(doc);
    sections.push(...index.sections);
    anchors.set(doc.id, anchorSet(index.sections));
    const prose = extractProse(doc, index.headingIds);
    for (const s of prose.sentences) sentences.push(s);
    for (const l of prose.links) linkRefs.push(l);
  }
  // Unused includes are not pages, but their links are still checked (graph edges need a document).
  for (const inc of content.unusedIncludes) {
    const pseudo = { id: '', path: inc.path, tree: inc.tree };
    for (const l of extractProse(pseudo, extractSections(pseudo).headingIds).links) linkRefs.push(l);
  }
  stage('extract');

  const otherMarkdown = new Set([...content.includes, ...content.tocs.map((t) => t.path)]);
  const linkIndex = indexTargets({
    docs: new Map(documents.map((d) => [d.path, d.id])),
    otherMarkdown,
    assets: new Set(snapshot.assets),
    anchors,
    externalDocsBase: options.externalDocsBase,
  });
  const resolved = resolveLinks(linkRefs, linkIndex);
  diagnostics.push(...resolved.diagnostics);
  const navResult = buildNav(documents, content.tocs, (ref) => resolveLink(ref, linkIndex));
  for (const l of navResult.links) {
    const d = diagnoseLink(l);
    if (d) diagnostics.push(d);
  }
  const links = [...resolved.links, ...navResult.links];
  stage('resolve');

  const vocabulary = options.vocabulary ? parseVocabulary(options.vocabulary.text, options.vocabulary.file) : { entities: [], relations: [], diagnostics: [] };
  diagnostics.push(...vocabulary.diagnostics);
  // Five documents keeps one-off section titles and names out; the report still lists every candidate.
  const discovered = discoverEntities(sentences, vocabulary.entities, { minDocs: options.discoverMinDocs ?? 5 });
  const entities = [...vocabulary.entities, ...discovered.entities];
  const mentions = findMentions(sentences, createMentionMatcher(entities));
  stage('entities');

  const relations = extractRelations({ sentences, sections, mentions, entities });
  const cited = verifyCitations(vocabulary.relations, sentences, new Map(documents.map((d) => [d.path, d.id])));
  relations.push(...cited.relations);
  diagnostics.push(...cited.diagnostics);
  stage('relations');

  const graph = buildGraph({ documents, entities, mentions, relations, links: resolved.links });
  stage('model');

  const promoted = new Set(discovered.entities.map((e) => e.label));
  const report = buildReport({
    fileCount: snapshot.files.length + snapshot.assets.length,
    documentCount: documents.length,
    includeCount: content.includes.length,
    includeReferences: content.includeReferences,
    tocCount: content.tocs.length,
    assetCount: snapshot.assets.length,
    failedFiles: content.failedFiles,
    sections,
    mentionCount: mentions.length,
    links,
    graph,
    vocabulary: vocabulary.entities,
    candidates: discovered.candidates.map((c) => ({ name: c.name, mentions: c.mentions, documents: c.documents, promoted: promoted.has(c.name) })),
    diagnostics,
  });
  stage('report');
  return { documents, sections, sentences, links, entities, mentions, relations, nav: navResult.nav, graph, report, diagnostics: report.diagnostics };
}
