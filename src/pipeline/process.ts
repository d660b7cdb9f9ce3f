// Everything the pipeline does to one document on its own: parse, extract sections, prose and links,
// resolve the links against the file list, render. The result holds no syntax tree and is plain
// data (JSON-safe), so it can be cached by content hash and computed in another thread.
import { parseDocument, type ContentPlan, type FailedFile } from './documents.ts';
import { resolveLink, type LinkIndex } from './resolve.ts';
import { anchorSet, extractSections, type SectionIndex } from './sections.ts';
import { extractProse } from './sentences.ts';
import type { Diagnostic, DocumentInfo, LinkRef, ParsedDocument, ResolvedLink, Section, Sentence } from './types.ts';

/** What the pages output makes of a document: article HTML (Markdown) or cleaned source (MDX, compiled by Astro). */
export interface RenderedDocument {
  html?: string;
  mdx?: string;
}

/** Turns a document's tree into its page output while the tree is alive. */
export type RenderDocument = (
  doc: ParsedDocument,
  extracted: { headingIds: SectionIndex['headingIds']; links: readonly ResolvedLink[]; resolveRaw: (ref: LinkRef) => ResolvedLink },
) => RenderedDocument;

export interface Renderer {
  render: RenderDocument;
  renderFailed?(doc: ParsedDocument, error: Error): RenderedDocument;
}

export interface ProcessedDocument {
  info?: DocumentInfo;
  failed?: FailedFile;
  /** Includes spliced in (once per reference). */
  included: string[];
  diagnostics: Diagnostic[];
  sections: Section[];
  /** Every anchor that lands in the document. */
  anchors: string[];
  sentences: Sentence[];
  links: LinkRef[];
  /** `links` resolved against the file list, before the other documents' anchors are known. */
  provisional: ResolvedLink[];
  rendered?: RenderedDocument;
}

export function processDocument(
  planned: ContentPlan['documents'][number],
  plan: Pick<ContentPlan, 'includeTrees'>,
  targets: LinkIndex,
  renderer?: Renderer,
  /** Called after each step with its name, for stage timings. */
  lap: (stage: 'parse' | 'extract' | 'render') => void = () => {},
): ProcessedDocument {
  const parsed = parseDocument(planned, plan);
  lap('parse');
  const empty = { included: parsed.included, diagnostics: parsed.diagnostics, sections: [], anchors: [], sentences: [], links: [], provisional: [] };
  const doc = parsed.doc;
  if (!doc) return { ...empty, ...(parsed.failed ? { failed: parsed.failed } : {}) };
  const index = extractSections(doc);
  const prose = extractProse(doc, index.headingIds);
  // Only the document's own anchors are checked here, so the result depends on nothing but the
  // document and the file list (cacheable, order-free); anchors into other documents are checked by
  // the final resolution, and the renderer patches what it changes.
  const anchors = anchorSet(index.sections);
  const own: LinkIndex = { ...targets, anchors: new Map([[doc.id, anchors]]), anchorsLower: new Map() };
  const provisional = prose.links.map((l) => resolveLink(l, own));
  lap('extract');
  let rendered: RenderedDocument | undefined;
  try {
    rendered = renderer?.render(doc, { headingIds: index.headingIds, links: provisional, resolveRaw: (ref) => resolveLink(ref, own) });
  } catch (error) {
    // One page that defeats the renderer must not stop the build of the others.
    const reason = error instanceof Error ? error : new Error(String(error));
    parsed.diagnostics.push({ severity: 'error', code: 'render-error', file: doc.path, line: 1, column: 1, message: `The page could not be rendered (${reason.message}); it shows the text only.`, hint: 'Simplify the structure (very deep nesting, huge tables) of this file.' });
    rendered = renderer?.renderFailed?.(doc, reason);
  }
  lap('render');
  const { tree: _dropped, ...info } = doc;
  return {
    ...empty,
    info,
    ...(parsed.failed ? { failed: parsed.failed } : {}),
    sections: index.sections,
    anchors: [...anchors],
    sentences: prose.sentences,
    links: prose.links,
    provisional,
    ...(rendered === undefined ? {} : { rendered }),
  };
}
