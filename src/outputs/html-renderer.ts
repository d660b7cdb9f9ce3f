// The pages output as a pipeline renderer: article HTML for every Markdown document, rendered while
// its tree is alive. Links into documents parsed later were rendered with their anchor unchecked;
// `relink` patches the few whose final resolution differs (a missing anchor, a letter-case fix, a
// target that failed to parse). Patches only touch elements this renderer serialized itself.
import type { Element, ElementContent } from 'hast';
import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import type { DocumentRenderer } from '../pipeline/index.ts';
import type { LinkRef, ResolvedLink } from '../pipeline/types.ts';
import { documentUrl } from '../pipeline/graph.ts';
import { mdxPlainText, mdxSource } from './mdx-source.ts';
import { hrefOf, renderDocumentHtml } from './render-html.ts';

/** Where rendered pages go: memory by default; the build passes one backed by files, so 10,000 pages never sit in memory together. */
export interface PageStore {
  get(docId: string): string | undefined;
  set(docId: string, html: string): void;
}

export interface HtmlRenderer extends DocumentRenderer {
  /** Document id -> article HTML. */
  readonly pages: PageStore;
}

/** Receives the cleaned MDX source of each MDX document, by content path (Astro compiles it). */
export interface MdxStore {
  set(path: string, source: string): void;
}

export function createHtmlRenderer(options: { docUrl: (docId: string) => string | undefined; base: string; store?: PageStore; mdx?: MdxStore }): HtmlRenderer {
  const pages: PageStore = options.store ?? new Map<string, string>();
  const ctx = { docUrl: options.docUrl, base: options.base };
  return {
    pages,
    render(doc, extracted) {
      const rawRef = (url: string, kind: LinkRef['kind']): LinkRef => ({ docId: doc.id, file: doc.path, line: 0, column: 0, kind, url, text: '', sectionId: '', sentence: '' });
      // MDX documents are compiled by Astro, from the cleaned tree written back as MDX.
      if (doc.format === 'mdx') return { mdx: mdxSource(doc.tree, { ...ctx, resolve: (url, kind) => extracted.resolveRaw(rawRef(url, kind)) }) };
      return { html: renderDocumentHtml(doc, { ...ctx, headingIds: extracted.headingIds, links: extracted.links, resolveRawUrl: (url, kind) => extracted.resolveRaw(rawRef(url, kind)) }) };
    },
    renderFailed(doc) {
      if (doc.format === 'mdx') return { mdx: mdxPlainText(plainText(doc.tree)) };
      return { html: toHtml({ type: 'element', tagName: 'pre', properties: { className: ['render-failed'] }, children: [{ type: 'text', value: plainText(doc.tree) }] }) };
    },
    store(doc, output) {
      if (output.html !== undefined) pages.set(doc.id, output.html);
      if (output.mdx !== undefined) options.mdx?.set(doc.path, output.mdx);
    },
    relink(docId, changes) {
      let html = pages.get(docId);
      if (html === undefined) return;
      for (const { before, after } of changes) html = patchLink(html, before, after, ctx);
      pages.set(docId, html);
    },
  };
}

/** The renderer of the site's article pages (links to documents are `/docs/<slug>/` under `base`). */
export function createArticleRenderer(base: string, stores: { store?: PageStore; mdx?: MdxStore } = {}): HtmlRenderer {
  return createHtmlRenderer({ docUrl: (id) => (id.startsWith('doc:') ? documentUrl(id.slice('doc:'.length)) : undefined), base, ...stores });
}

/** The document's text without walking its tree recursively (it may be too deep to walk). */
function plainText(tree: Root): string {
  const out: string[] = [];
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { value?: unknown; children?: unknown[] };
    if (typeof node.value === 'string') out.push(node.value);
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out.join('\n');
}

function patchLink(html: string, before: ResolvedLink, after: ResolvedLink, ctx: Parameters<typeof hrefOf>[1]): string {
  const oldHref = hrefOf(before, ctx);
  if (!oldHref) return html;
  // The opening tag exactly as the serializer wrote it (same attribute escaping).
  const opening = toHtml({ type: 'element', tagName: 'a', properties: { href: oldHref }, children: [] }).replace(/<\/a>$/, '').replace(/>$/, '');
  const pattern = new RegExp(`${escapeRegExp(opening)}(?=[\\s>])[^>]*>([\\s\\S]*?)</a>`, 'g');
  const newHref = hrefOf(after, ctx);
  return html.replace(pattern, (_match, inner: string) => {
    const children: ElementContent[] = [{ type: 'raw', value: inner } as unknown as ElementContent];
    const element: Element = newHref
      ? { type: 'element', tagName: 'a', properties: { href: newHref, ...(after.class === 'broken' ? { className: ['broken-anchor'], title: `Missing anchor #${after.anchor ?? ''}` } : {}) }, children }
      : { type: 'element', tagName: 'span', properties: { className: ['broken-link'], title: `Broken link: ${after.url}` }, children: [...children, { type: 'element', tagName: 'span', properties: { className: ['broken-marker'], ariaLabel: '(broken)' }, children: [{ type: 'text', value: ' ⚠' }] }] };
    return toHtml(element, { allowDangerousHtml: true });
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
