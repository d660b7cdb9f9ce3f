// The pipeline: parse -> extract (sections, prose, links) -> resolve -> entities -> relations ->
// model -> report. Pure: a ContentSnapshot in, typed data out; the CLI does the I/O.
//
// Documents stream through parse and extract one at a time, each handed to an optional renderer
// while its tree is alive and then dropped, so memory grows with the extracted data, not with the
// syntax trees. Links are resolved as each document is parsed (every document and asset is known
// from the file list); only anchors into documents not parsed yet wait for the final resolution,
// which then tells the renderer what changed.
import { countLowerCase, discoverFromScans, properWords } from './discover.ts';
import { planContent, unusedIncludes, type ContentPlan, type ParseCache } from './documents.ts';
import { processDocument, type ProcessedDocument, type RenderDocument, type RenderedDocument } from './process.ts';
import { buildGraph } from './graph.ts';
import type { ContentSnapshot } from './load.ts';
import { createMentionMatcher } from './mentions.ts';
import { buildNav } from './nav.ts';
import { cachedPerDocument, documentCandidates, documentMentions, documentRelations, type DocumentWork, type StageCache } from './per-document.ts';
import { analyseRelations, compareRelations, type RelationExplanation } from './relations.ts';
import { buildReport, type BuildReport } from './report.ts';
import { diagnoseLink, indexTargets, resolveLink, resolveLinks, type LinkIndex } from './resolve.ts';
import { extractSections } from './sections.ts';
import { extractProse } from './sentences.ts';
import type { Diagnostic, DocumentInfo, Entity, KnowledgeGraph, LinkRef, Mention, NavItem, ParsedDocument, Relation, ResolvedLink, Section, Sentence } from './types.ts';
import { parseVocabulary, verifyCitations } from './vocabulary.ts';

/** Renders each document while its tree is alive (pages output), keeps the HTML, then patches the final link changes. */
export interface DocumentRenderer {
  render: RenderDocument;
  /** Called instead when `render` threw (a tree too deep for a tree walker): a plain-text page at least. */
  renderFailed?(doc: ParsedDocument, error: Error): RenderedDocument;
  /** Keeps a document's output (fresh, or from the cache). */
  store(doc: { id: string; path: string }, output: RenderedDocument): void;
  /** Links whose resolution changed once every document was parsed (anchors, failed targets). */
  relink(docId: string, changes: readonly { before: ResolvedLink; after: ResolvedLink }[]): void;
}

export interface PipelineOptions {
  vocabulary?: { file: string; text: string };
  externalDocsBase?: string;
  /** Minimum number of documents a name must appear in to be promoted to a discovered entity. */
  discoverMinDocs?: number;
  renderer?: DocumentRenderer;
  /**
   * Leave `sentences` and `relations` out of the result (empty arrays): the graph holds what the
   * outputs need, and at 10,000 documents they are a third of the heap.
   */
  lean?: boolean;
  /** Per-document results by content hash: unchanged documents are not parsed again. */
  cache?: DocumentCache;
  /** Threads that process some of the documents the cache does not have. */
  helpers?: DocumentHelpers;
  onStage?: (stage: string, ms: number) => void;
  /** A content path: the result explains, for each of its sentences that names two entities, why it gave its edges or none. */
  explain?: string;
}

export interface DocumentCache {
  /** The cache key of a planned document (its content, its includes, the file list, the code). */
  key(planned: ContentPlan['documents'][number]): string;
  /** Whether `get` will find an entry (without reading it). */
  has(key: string): boolean;
  get(key: string): ProcessedDocument | undefined;
  set(key: string, value: ProcessedDocument): void;
  /** Include and TOC trees by content. */
  parsed?: ParseCache;
  /**
   * The per-document results of a later stage (src/pipeline/per-document.ts), valid while the
   * stage's shared input `context` is unchanged.
   */
  stage?(name: string, context: string): StageCache;
}

/** The documents to process, for helpers that work on them beside the pipeline's own loop. */
export interface HelperWork {
  /** Position in the plan's document order, and the document. */
  documents: { index: number; planned: ContentPlan['documents'][number] }[];
  includeTrees: ContentPlan['includeTrees'];
  targets: LinkIndex;
}

/**
 * Other threads that process documents while the loop does (src/build/document-pool.ts). `take`
 * either hands back a helper's result for a document or leaves it to the loop: the result is the same
 * either way, since a document's processing depends on nothing but its own input.
 */
export interface DocumentHelpers {
  start(work: HelperWork): void;
  /**
   * The result for the document at `index` if a helper has it; undefined to process it here. While it
   * waits, it may call `processHere` for later documents (their results come back from `take` later).
   */
  take(index: number, processHere: (index: number) => ProcessedDocument): ProcessedDocument | undefined;
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
  /** Document id -> its content-hash cache key (empty without a cache): later outputs cache per document too. */
  cacheKeys: ReadonlyMap<string, string>;
  /** With `options.explain`: the explained sentences of that file. */
  explanations: RelationExplanation[];
}

export function runPipeline(snapshot: ContentSnapshot, options: PipelineOptions = {}): PipelineResult {
  const diagnostics: Diagnostic[] = [...snapshot.diagnostics];
  const timer = stageTimer(options.onStage);

  const plan = planContent(snapshot.files, options.cache?.parsed);
  // Item by item: spreading 100,000 diagnostics into push() would overflow the stack.
  for (const item of plan.diagnostics) diagnostics.push(item);
  const failedFiles = [...plan.failedFiles];
  const anchors = new Map<string, Set<string>>();
  const otherMarkdown = new Set([...plan.includes, ...plan.tocs.map((t) => t.path)]);
  const targets = { otherMarkdown, assets: new Set(snapshot.assets), anchors, externalDocsBase: options.externalDocsBase };
  const provisional = indexTargets({ ...targets, docs: new Map(plan.documents.map((d) => [d.file.path, d.id])) });
  timer.lap('parse');

  const documents: DocumentInfo[] = [];
  const work: DocumentWork[] = [];
  const sections: Section[] = [];
  const sentences: Sentence[] = [];
  const linkRefs: LinkRef[] = [];
  const provisionalLinks: ResolvedLink[] = [];
  const used = new Set<string>();
  let includeReferences = 0;
  const keys = plan.documents.map((planned) => options.cache?.key(planned));
  options.helpers?.start({
    documents: plan.documents.flatMap((planned, index) => (keys[index] !== undefined && options.cache!.has(keys[index]) ? [] : [{ index, planned }])),
    includeTrees: plan.includeTrees,
    targets: provisional,
  });
  for (let index = 0; index < plan.documents.length; index++) {
    const key = keys[index];
    const cached = key === undefined ? undefined : options.cache!.get(key);
    const here = (i: number) => processDocument(plan.documents[i]!, plan, provisional, options.renderer, timer.lap);
    const helped = cached ? undefined : options.helpers?.take(index, here);
    if (helped) timer.lap('parse');
    const processed = cached ?? helped ?? here(index);
    if (!cached && key !== undefined) options.cache!.set(key, processed);
    timer.lap('cache');
    for (const item of processed.diagnostics) diagnostics.push(item);
    if (processed.failed) failedFiles.push(processed.failed);
    for (const p of processed.included) used.add(p);
    includeReferences += processed.included.length;
    const info = processed.info;
    if (!info) continue;
    for (const s of processed.sections) sections.push(s);
    anchors.set(info.id, new Set(processed.anchors));
    for (const s of processed.sentences) sentences.push(s);
    for (const l of processed.links) linkRefs.push(l);
    for (const l of processed.provisional) provisionalLinks.push(l);
    if (processed.rendered) options.renderer?.store(info, processed.rendered);
    documents.push(info);
    work.push({ id: info.id, key, sentences: processed.sentences, sections: processed.sections });
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
  const knownMatcher = lazy(() => createMentionMatcher(vocabulary.entities));
  const scanCache = options.cache?.stage?.('candidates', JSON.stringify(vocabulary.entities));
  const scans = work.map((doc) => ({ docId: doc.id, scan: documentCandidates(doc, knownMatcher, scanCache) }));
  // A lone capitalised word is a name when the corpus seldom writes it in lower case: one more pass
  // over the sentences, for those words only (per document, cached while the words stay the same).
  const proper = properWords(scans);
  const properSet = new Set(proper);
  const lowerCache = options.cache?.stage?.('lower-case', JSON.stringify(proper));
  const lowerCase = new Map<string, number>();
  for (const doc of work) {
    for (const [w, n] of Object.entries(cachedPerDocument(lowerCache, doc.key, () => countLowerCase(doc.sentences, properSet)))) lowerCase.set(w, (lowerCase.get(w) ?? 0) + n);
  }
  const discovered = discoverFromScans(scans, vocabulary.entities, { minDocs: options.discoverMinDocs ?? 5, lowerCase });
  // Aliases the text defines ("Exchange Online Protection (EOP)") join their vocabulary entries.
  const known = vocabulary.entities.map((e) => {
    const more = discovered.aliases.get(e.id);
    return more === undefined ? e : { ...e, aliases: [...e.aliases, ...more] };
  });
  const entities = [...known, ...discovered.entities];
  // Mentions and relations of a document depend on its sentences and on the whole entity list.
  // Only what matching and relations read: a description ("Discovered in 12 documents.") that one
  // edited document changes must not make every document's mentions and relations stale.
  const entityContext = options.cache?.stage ? JSON.stringify(entities.map((e) => [e.id, e.type, e.label, e.aliases, e.caseSensitive ?? null])) : '';
  const matcher = lazy(() => createMentionMatcher(entities));
  const mentionCache = options.cache?.stage?.('mentions', entityContext);
  const mentionsOf = work.map((doc) => documentMentions(doc, matcher, mentionCache));
  const mentions: Mention[] = [];
  for (const list of mentionsOf) for (const m of list) mentions.push(m);
  timer.lap('entities');

  const relationCache = options.cache?.stage?.('relations', entityContext);
  const relations: Relation[] = [];
  work.forEach((doc, i) => {
    for (const r of documentRelations(doc, mentionsOf[i]!, entities, relationCache)) relations.push(r);
  });
  relations.sort(compareRelations);
  const explanations: RelationExplanation[] = [];
  if (options.explain !== undefined) {
    work.forEach((doc, i) => {
      if (!doc.sentences.some((s) => s.file === options.explain)) return;
      const analysis = analyseRelations({ sentences: doc.sentences, sections: doc.sections, mentions: mentionsOf[i]!, entities }, { explain: true });
      for (const e of analysis.explanations) if (e.file === options.explain) explanations.push(e);
    });
  }
  const cited = verifyCitations(vocabulary.relations, sentences, new Map(documents.map((d) => [d.path, d.id])));
  for (const item of cited.relations) relations.push(item);
  for (const item of cited.diagnostics) diagnostics.push(item);
  timer.lap('relations');

  const lean = options.lean ?? false;
  const cacheKeys = new Map(work.flatMap((d) => (d.key === undefined ? [] : [[d.id, d.key] as const])));
  if (lean) {
    // Every sentence the graph needs is in its mentions and relations: the rest (about a million
    // objects at 10,000 documents) goes before the graph is built, where the pipeline peaks.
    sentences.length = 0;
    work.length = 0;
  }
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
  return { documents, sections, sentences: lean ? [] : sentences, links, entities, mentions, relations: lean ? [] : relations, nav: navResult.nav, graph, report, diagnostics: report.diagnostics, cacheKeys, explanations };
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

/** Made on first use: a rebuild that finds every document in the cache never builds the automaton. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
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
