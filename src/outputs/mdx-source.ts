// MDX documents are compiled by Astro (their components are Astro components), but never from the
// file as written: the pipeline's tree, already cleaned by pipeline/mdx-policy.ts, is written back
// as MDX with every link and image resolved the way Markdown pages resolve them. Links that must
// not be live (javascript:, traversal, missing files) become their text; front matter is dropped
// (titles come from site.json, and a broken one would stop Astro's build).
import type { Parent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { ResolvedLink } from '../pipeline/types.ts';
import { hrefOf, type RenderContext } from './render-html.ts';

const stringifier = unified().use(remarkMdx).use(remarkGfm).use(remarkStringify).freeze();

export interface MdxSourceContext extends Pick<RenderContext, 'docUrl' | 'base'> {
  /** Resolves a URL written in the document, relative to it. */
  resolve: (url: string, kind: 'link' | 'image') => ResolvedLink;
}

/** The MDX Astro compiles for a document (edits `tree` in place: this is its last use). */
export function mdxSource(tree: Root, ctx: MdxSourceContext): string {
  const definitions = new Map<string, string>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(normalize(node.identifier), node.url);
  const href = (url: string, kind: 'link' | 'image'): { href: string; link: ResolvedLink } | undefined => {
    const link = ctx.resolve(url, kind);
    const value = link.class === 'broken' && link.reason !== 'missing-anchor' ? undefined : hrefOf(link, ctx);
    return value ? { href: value, link } : undefined;
  };
  const walk = (parent: Parent): void => {
    const out: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      for (const node of rewrite(child, definitions, href)) {
        if ('children' in node) walk(node as Parent);
        out.push(node);
      }
    }
    parent.children = out as Parent['children'];
  };
  walk(tree);
  return stringifier.stringify(tree);
}

/** A document shown as its text in a code block (when its tree could not be rendered). */
export function mdxPlainText(text: string): string {
  return stringifier.stringify({ type: 'root', children: [{ type: 'code', value: text }] });
}

type Href = (url: string, kind: 'link' | 'image') => { href: string; link: ResolvedLink } | undefined;

function rewrite(node: RootContent, definitions: Map<string, string>, href: Href): RootContent[] {
  switch (node.type) {
    case 'yaml':
    case 'definition':
      return [];
    case 'link':
    case 'linkReference': {
      const url = node.type === 'link' ? node.url : definitions.get(normalize(node.identifier));
      const target = url === undefined ? undefined : href(url, 'link');
      return target ? [{ type: 'link', url: target.href, children: node.children }] : (node.children as RootContent[]);
    }
    case 'image':
    case 'imageReference': {
      const url = node.type === 'image' ? node.url : definitions.get(normalize(node.identifier));
      const alt = node.alt ?? '';
      const target = url === undefined ? undefined : href(url, 'image');
      if (!target) return alt ? [{ type: 'text', value: alt }] : [];
      // Pages load nothing from other origins: an image hosted elsewhere becomes a link to it.
      if (target.link.class === 'external') return [{ type: 'link', url: target.href, children: [{ type: 'text', value: `Image: ${alt || target.href}` }] }];
      return [{ type: 'image', url: target.href, alt }];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return rewriteJsx(node, href);
    default:
      return [node];
  }
}

/** `<a href>` and `<img src>` written as JSX: resolved like Markdown links, dropped when unsafe. */
function rewriteJsx(node: MdxJsxFlowElement | MdxJsxTextElement, href: Href): RootContent[] {
  const attr = node.name === 'a' ? 'href' : node.name === 'img' ? 'src' : undefined;
  if (!attr) return [node];
  const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === attr);
  const target = typeof attribute?.value === 'string' ? href(attribute.value, attr === 'src' ? 'image' : 'link') : undefined;
  if (node.name === 'img' && target?.link.class === 'external') {
    const alt = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'alt')?.value;
    return [{ type: 'link', url: target.href, children: [{ type: 'text', value: `Image: ${typeof alt === 'string' && alt ? alt : target.href}` }] } as RootContent];
  }
  node.attributes = node.attributes.filter((a) => a !== attribute);
  if (target) node.attributes.push({ type: 'mdxJsxAttribute', name: attr, value: target.href });
  else if (node.name === 'a') node.name = 'span';
  else return [];
  return [node];
}

/** Reference identifiers match case-insensitively with collapsed whitespace (CommonMark). */
function normalize(identifier: string): string {
  return identifier.replace(/\s+/g, ' ').trim().toLowerCase();
}
