// The pipeline: parse -> extract (sections, prose, links) -> resolve -> entities -> relations ->
// model -> report. Pure: a ContentSnapshot in, typed data out; the CLI does the I/O.
//
// Documents stream through parse and extract one at a time, each handed to an optional renderer
// while its tree is alive and then dropped, so memory grows with the extracted data, not with the
// syntax trees. Links are resolved as each document is parsed (every document and asset is known
// from the file list); only anchors into documents not parsed yet wait for the final resolution,
// which then tells the renderer what changed.
import { discoverEntities } from './discover.ts';
import { parseDocument, planContent, unusedIncludes } from './documents.ts';
import { buildGraph } from './graph.ts';
import type { ContentSnapshot } from './load.ts';
import { createMentionMatcher, findMentions } from './mentions.ts';
import { buildNav } from './nav.ts';
import { extractRelations } from './relations.ts';
import { buildReport, type BuildReport } from './report.ts';
import { diagnoseLink, indexTargets, resolveLink, resolveLinks } from './resolve.ts';
import { anchorSet, extractSections, type SectionIndex } from './sections.ts';
import { extractProse } from './sentences.ts';
import type { Diagnostic, DocumentInfo, Entity, KnowledgeGraph, LinkRef, Mention, NavItem, ParsedDocument, Relation, ResolvedLink, Section, Sentence } from './types.ts';
import { parseVocabulary, verifyCitations } from './vocabulary.ts';

/** Receives each document while its tree is alive (pages output), then the final link changes. */
export interface DocumentRenderer {
  render(doc: ParsedDocument, extracted: { headingIds: SectionIndex['headingIds']; links: readonly ResolvedLink[]; resolveRaw: (ref: LinkRef) => ResolvedLink }): void;
  /** Called instead when `render` threw (a tree too deep for a tree walker): a plain-text page at least. */
  renderFailed?(doc: ParsedDocument, error: Error): void;
  /** Links whose resolution changed once every document was parsed (anchors, failed targets). */
  relink(docId: string, changes: readonly { before: ResolvedLink; after: ResolvedLink }[]): void;
}

export interface PipelineOptions {
  vocabulary?: { file: string; text: string };
  externalDocsBase?: string;
  /** Minimum number of documents a name must appear in to be promoted to a discovered entity. */
  discoverMinDocs?: number;
  renderer?: DocumentRenderer;
  onStage?: (stage: string, ms: number) => void;
}

export interface PipelineResult {
  documents: DocumentInfo[];
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
  const timer = stageTimer(options.onStage);

  const plan = planContent(snapshot.files);
  // Item by item: spreading 100,000 diagnostics into push() would overflow the stack.
  for (const item of plan.diagnostics) diagnostics.push(item);
  const failedFiles = [...plan.failedFiles];
  const anchors = new Map<string, Set<string>>();
  const otherMarkdown = new Set([...plan.includes, ...plan.tocs.map((t) => t.path)]);
  const targets = { otherMarkdown, assets: new Set(snapshot.assets), anchors, externalDocsBase: options.externalDocsBase };
  const provisional = indexTargets({ ...targets, docs: new Map(plan.documents.map((d) => [d.file.path, d.id])) });
  timer.lap('parse');

  const documents: DocumentInfo[] = [];
  const sections: Section[] = [];
  const sentences: Sentence[] = [];
  const linkRefs: LinkRef[] = [];
  const provisionalLinks: ResolvedLink[] = [];
  const used = new Set<string>();
  let includeReferences = 0;
  for (const planned of plan.documents) {
    const parsed = parseDocument(planned, plan);
    for (const item of parsed.diagnostics) diagnostics.push(item);
    if (parsed.failed) failedFiles.push(parsed.failed);
    for (const p of parsed.included) used.add(p);
    includeReferences += parsed.included.length;
    timer.lap('parse');
    const doc = parsed.doc;
    if (!doc) continue;
    const index = extractSections(doc);
    for (const s of index.sections) sections.push(s);
    anchors.set(doc.id, anchorSet(index.sections));
    const prose = extractProse(doc, index.headingIds);
    for (const s of prose.sentences) sentences.push(s);
    const resolved = prose.links.map((l) => resolveLink(l, provisional));
    for (const l of prose.links) linkRefs.push(l);
    for (const l of resolved) provisionalLinks.push(l);
    timer.lap('extract');
    try {
      options.renderer?.render(doc, { headingIds: index.headingIds, links: resolved, resolveRaw: (ref) => resolveLink(ref, provisional) });
    } catch (error) {
      // One page that defeats the renderer must not stop the build of the others.
      const reason = error instanceof Error ? error : new Error(String(error));
      diagnostics.push({ severity: 'error', code: 'render-error', file: doc.path, line: 1, column: 1, message: `The page could not be rendered (${reason.message}); it shows the text only.`, hint: 'Simplify the structure (very deep nesting, huge tables) of this file.' });
      options.renderer?.renderFailed?.(doc, reason);
    }
    timer.lap('render');
    const { tree: _dropped, ...info } = doc;
    documents.push(info);
  }
  // Unused includes are not pages, but their links are still checked (edges need a document).
  const unused = unusedIncludes(plan, used);
  for (const item of unused.diagnostics) diagnostics.push(item);
  for (const inc of unused.includes) {
    const pseudo = { id: '', path: inc.path, tree: inc.tree };
    for (const l of extractProse(pseudo, extractSections(pseudo).headingIds).links) linkRefs.push(l);
  }
  timer.lap('extract');

  const final = indexTargets({ ...targets, docs: new Map(documents.map((d) => [d.path, d.id])) });
  const resolved = resolveLinks(linkRefs, final);
  for (const item of resolved.diagnostics) diagnostics.push(item);
  if (options.renderer) relinkChanged(options.renderer, provisionalLinks, resolved.links);
  const navResult = buildNav(documents, plan.tocs, (ref) => resolveLink(ref, final));
  for (const l of navResult.links) {
    const d = diagnoseLink(l);
    if (d) diagnostics.push(d);
  }
  const links = [...resolved.links, ...navResult.links];
  timer.lap('resolve');

  const vocabulary = options.vocabulary ? parseVocabulary(options.vocabulary.text, options.vocabulary.file) : { entities: [], relations: [], diagnostics: [] };
  for (const item of vocabulary.diagnostics) diagnostics.push(item);
  // Five documents keeps one-off section titles and names out; the report still lists every candidate.
  const discovered = discoverEntities(sentences, vocabulary.entities, { minDocs: options.discoverMinDocs ?? 5 });
  const entities = [...vocabulary.entities, ...discovered.entities];
  const mentions = findMentions(sentences, createMentionMatcher(entities));
  timer.lap('entities');

  const relations = extractRelations({ sentences, sections, mentions, entities });
  const cited = verifyCitations(vocabulary.relations, sentences, new Map(documents.map((d) => [d.path, d.id])));
  for (const item of cited.relations) relations.push(item);
  for (const item of cited.diagnostics) diagnostics.push(item);
  timer.lap('relations');

  const graph = buildGraph({ documents, entities, mentions, relations, links: resolved.links });
  timer.lap('model');

  const promoted = new Set(discovered.entities.map((e) => e.label));
  const report = buildReport({
    fileCount: snapshot.files.length + snapshot.assets.length,
    documentCount: documents.length,
    includeCount: plan.includes.length,
    includeReferences,
    tocCount: plan.tocs.length,
    assetCount: snapshot.assets.length,
    failedFiles,
    sections,
    mentionCount: mentions.length,
    links,
    graph,
    vocabulary: vocabulary.entities,
    candidates: discovered.candidates.map((c) => ({ name: c.name, mentions: c.mentions, documents: c.documents, promoted: promoted.has(c.name) })),
    diagnostics,
  });
  timer.lap('report');
  timer.flush();
  return { documents, sections, sentences, links, entities, mentions, relations, nav: navResult.nav, graph, report, diagnostics: report.diagnostics };
}

/** Both lists are in the same order (one entry per link reference of a document). */
function relinkChanged(renderer: DocumentRenderer, before: readonly ResolvedLink[], after: readonly ResolvedLink[]): void {
  const changes = new Map<string, { before: ResolvedLink; after: ResolvedLink }[]>();
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!;
    const a = after[i]!;
    if (b.class === a.class && b.targetDocId === a.targetDocId && b.anchor === a.anchor) continue;
    const list = changes.get(b.docId) ?? [];
    list.push({ before: b, after: a });
    changes.set(b.docId, list);
  }
  for (const [docId, list] of changes) renderer.relink(docId, list);
}

/** Accumulates time per stage across the streaming loop and reports each stage once. */
function stageTimer(onStage?: (stage: string, ms: number) => void): { lap: (stage: string) => void; flush: () => void } {
  const totals = new Map<string, number>();
  let t = performance.now();
  return {
    lap(stage) {
      const now = performance.now();
      totals.set(stage, (totals.get(stage) ?? 0) + now - t);
      t = now;
    },
    flush() {
      for (const [stage, ms] of totals) onStage?.(stage, ms);
    },
  };
}
