// Pages output: a document's mdast (the same tree the pipeline extracted from) becomes sanitized
// article HTML. Links and images are rewritten to their resolved targets; broken ones become
// visible text with a marker, never dead anchors; raw HTML outside the allow-list is shown as text
// (`<tenant name>` stays readable) and everything else goes through rehype-sanitize.
import type { Element, Root as HastRoot } from 'hast';
import type { Heading, Link, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { posix } from 'node:path';
import dos from 'highlight.js/lib/languages/dos';
import powershell from 'highlight.js/lib/languages/powershell';
import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { explicitAnchor } from '../pipeline/docfx.ts';
import { eachOfType } from '../pipeline/walk.ts';
import { CONTENT_HTML_TAGS } from '../pipeline/html-policy.ts';
import type { ParsedDocument, ResolvedLink } from '../pipeline/types.ts';
import { articleSchema } from './sanitize-schema.ts';

export interface RenderContext {
  /** Section id of every heading node (from extractSections). */
  headingIds: Map<Heading, string>;
  /** The document's resolved links and images. */
  links: readonly ResolvedLink[];
  /** Site-relative URL of a document id (`/docs/x/`). */
  docUrl: (docId: string) => string | undefined;
  /** Resolves a URL written in raw HTML, relative to the document. */
  resolveRawUrl: (url: string, kind: 'link' | 'image') => ResolvedLink;
  /** Base path the site is served under, e.g. `/` or `/docs-site/`. */
  base: string;
}

/** Marks elements whose URL the pipeline resolved (removed before sanitizing). */
const RESOLVED = 'dataDocgraphResolved';

const ALERT_TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', important: 'Important', caution: 'Caution', warning: 'Warning' };

const withRaw = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze();
const withoutRaw = unified().use(remarkRehype).freeze();
// Highlighting runs after sanitizing: it only wraps code text in `hljs-*` classed spans (no inline
// styles, so the CSP's style-src 'self' holds), and the sanitizer need not know those classes.
const finish = unified()
  .use(rehypeSanitize, articleSchema)
  .use(rehypeHighlight, { languages: { ...common, powershell, dos } })
  .use(rehypeStringify)
  .freeze();

export const linkKey = (file: string, line: number, column: number, url: string): string => `${file}\u0000${line}\u0000${column}\u0000${url}`;

/** Renders the document's tree (which it edits in place: rendering is its last use). */
export function renderDocumentHtml(doc: Pick<ParsedDocument, 'path' | 'tree'>, ctx: RenderContext): string {
  const byPosition = new Map(ctx.links.map((l) => [linkKey(l.file, l.line, l.column, l.url), l]));
  let hasRaw = false;
  let afterAnchor = false;
  prepare(doc.tree, doc.path, (node, file) => {
    const wasAfterAnchor = afterAnchor;
    afterAnchor = false;
    if (node.type === 'heading') {
      const id = ctx.headingIds.get(node);
      if (id) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
      return;
    }
    if (node.type === 'link' || node.type === 'image') {
      const resolved = byPosition.get(linkKey(file, node.position?.start.line ?? 1, node.position?.start.column ?? 1, node.url));
      return rewrite(node, resolved, ctx);
    }
    if (node.type === 'html') {
      const anchor = explicitAnchor(node.value);
      if (anchor) {
        afterAnchor = true;
        return { type: 'emphasis', data: { hName: 'a', hProperties: { id: anchor } }, children: [] } as RootContent;
      }
      // The `</a>` that closes `<a name="x">` belongs to the anchor element made above.
      if (wasAfterAnchor && /^<\/a>$/i.test(node.value.trim())) return [];
      const replacement = rawHtml(node.value);
      if (replacement === 'keep') hasRaw = true;
      return replacement === 'keep' ? undefined : replacement;
    }
    if (node.type === 'code' && node.lang) {
      // Fences say `PowerShell` as often as `powershell`; highlight.js names are lower-case.
      node.lang = node.lang.toLowerCase();
      return undefined;
    }
    if (node.type === 'blockquote' && node.data?.alert) {
      const alert = node.data.alert;
      node.data = { ...node.data, hName: 'aside', hProperties: { className: ['callout', `callout-${alert}`], role: 'note', ariaLabel: ALERT_TITLES[alert] } };
      node.children.unshift({ type: 'paragraph', data: { hProperties: { className: ['callout-title'] } }, children: [{ type: 'strong', children: [{ type: 'text', value: ALERT_TITLES[alert] ?? alert }] }] });
    }
    return undefined;
  });
  const hast = (hasRaw ? withRaw : withoutRaw).runSync(doc.tree) as HastRoot;
  rewriteRawUrls(hast, ctx);
  return finish.stringify(finish.runSync(hast) as HastRoot);
}

type Replacement = RootContent | RootContent[] | undefined;

/** Walks the tree depth-first tracking the source file (includes), letting `fn` replace nodes. */
function prepare(tree: Root, file: string, fn: (node: RootContent, file: string) => Replacement): void {
  const walk = (parent: Parent, parentFile: string): void => {
    const out: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      const childFile = child.data?.sourceFile ?? parentFile;
      const replaced = fn(child, childFile);
      const list = replaced === undefined ? [child] : Array.isArray(replaced) ? replaced : [replaced];
      for (const node of list) {
        if ('children' in node) walk(node as Parent, childFile);
        out.push(node);
      }
    }
    parent.children = out as Parent['children'];
  };
  walk(tree, file);
}

function rewrite(node: Link | Extract<RootContent, { type: 'image' }>, resolved: ResolvedLink | undefined, ctx: RenderContext): Replacement {
  const href = resolved ? hrefOf(resolved, ctx) : undefined;
  if (node.type === 'image') {
    if (href && resolved?.class === 'external') {
      // Pages never load anything from another origin (privacy, and the CSP's img-src 'self'):
      // an image hosted elsewhere becomes a link to it, labelled with its alt text.
      return { type: 'link', url: href, data: { hProperties: { className: ['external', 'external-image'], rel: ['noopener', 'noreferrer'], [RESOLVED]: true } }, children: [{ type: 'text', value: `Image: ${node.alt || posix.basename(href)}` }] } as RootContent;
    }
    if (href && resolved?.class !== 'broken') {
      node.url = href;
      node.data = { ...node.data, hProperties: { loading: 'lazy', decoding: 'async', [RESOLVED]: true } };
      return undefined;
    }
    return brokenSpan('broken-image', [{ type: 'text', value: node.alt || posix.basename(node.url) }], `Missing image: ${node.url}`);
  }
  if (!resolved || !href) return brokenSpan('broken-link', node.children, `Broken link: ${node.url}`);
  node.url = href;
  node.data = { ...node.data, hProperties: { [RESOLVED]: true } };
  if (resolved.class === 'external') node.data.hProperties = { ...node.data.hProperties, className: ['external'], rel: ['noopener', 'noreferrer'] };
  if (resolved.class === 'broken') node.data.hProperties = { ...node.data.hProperties, className: ['broken-anchor'], title: `Missing anchor #${resolved.anchor}` };
  return undefined;
}

/** The href a resolved link publishes, or undefined when it must not be a live link. */
export function hrefOf(link: ResolvedLink, ctx: Pick<RenderContext, 'docUrl' | 'base'>): string | undefined {
  const prefix = (path: string): string => `${ctx.base.replace(/\/$/, '')}${path}`;
  switch (link.class) {
    case 'doc': {
      const url = link.targetDocId ? ctx.docUrl(link.targetDocId) : undefined;
      return url ? prefix(url) + (link.anchor ? `#${encodeURIComponent(link.anchor)}` : '') : undefined;
    }
    case 'asset':
      return prefix(`/${link.assetPath!.split('/').map(encodeURIComponent).join('/')}`);
    case 'external':
      return link.externalUrl;
    case 'broken': {
      // A missing anchor on an existing page still leads somewhere useful: the page itself.
      const url = link.reason === 'missing-anchor' && link.targetDocId ? ctx.docUrl(link.targetDocId) : undefined;
      return url ? prefix(url) : undefined;
    }
  }
}

function brokenSpan(className: string, children: PhrasingContent[], title: string): RootContent {
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: [className], title } },
    children: [...children, { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['broken-marker'], ariaLabel: '(broken)' } }, children: [{ type: 'text', value: ' ⚠' }] }],
  } as RootContent;
}

/** Allowed tags stay raw (sanitized later); comments go; anything else becomes visible text. */
function rawHtml(value: string): 'keep' | RootContent | RootContent[] {
  if (/^<!--[\s\S]*-->$/.test(value.trim())) return [];
  // "<br/>" in a table cell, the raw HTML of most documents: the element itself, without re-parsing
  // the whole document through parse5 (rehype-raw) for it.
  if (LINE_BREAK.test(value)) return { type: 'emphasis', data: { hName: 'br' }, children: [] } as RootContent;
  const tags = [...value.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
  if (tags.length > 0 && tags.every((t) => CONTENT_HTML_TAGS.has(t))) return 'keep';
  return { type: 'text', value };
}

const LINE_BREAK = /^<br\s*\/?>$/i;

/** Raw `<a href>` / `<img src>` URLs go through the same resolver as Markdown links. */
function rewriteRawUrls(tree: HastRoot, ctx: RenderContext): void {
  eachOfType<Element>(tree, 'element', (node) => {
    // Markdown links were resolved already; only URLs written in raw HTML remain.
    if (node.properties[RESOLVED] !== undefined) {
      delete node.properties[RESOLVED];
      return;
    }
    const attr = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
    const value = attr ? node.properties[attr] : undefined;
    if (!attr || typeof value !== 'string') return;
    const resolved = ctx.resolveRawUrl(value, attr === 'src' ? 'image' : 'link');
    const href = hrefOf(resolved, ctx);
    if (href && resolved.class !== 'broken') node.properties[attr] = href;
    else {
      delete node.properties[attr];
      node.properties.className = [attr === 'src' ? 'broken-image' : 'broken-link'];
      if (node.tagName === 'a') node.tagName = 'span';
    }
    if (resolved.class === 'external' && node.tagName === 'img') {
      const alt = typeof node.properties.alt === 'string' && node.properties.alt ? node.properties.alt : href ?? '';
      node.tagName = 'a';
      node.properties = { href, className: ['external', 'external-image'], rel: ['noopener', 'noreferrer'] };
      node.children = [{ type: 'text', value: `Image: ${alt}` }];
      return;
    }
    if (resolved.class === 'external' && node.tagName === 'a') {
      node.properties.className = ['external'];
      node.properties.rel = ['noopener', 'noreferrer'];
    }
  });
}

