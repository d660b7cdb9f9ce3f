// DocFX `TOC.md` navigation files: nested headings (or nested lists) of links become a NavItem
// tree. Their links go through the same resolver as document links, so a broken TOC entry is
// reported like any other broken link.
import type { Link, List, RootContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LinkRef, NavItem, ResolvedLink } from './types.ts';

export function isTocPath(path: string): boolean {
  return /(^|\/)toc\.md$/i.test(path);
}

export function extractNav(tree: Root, file: string, resolve: (ref: LinkRef) => ResolvedLink): { nav: NavItem[]; links: ResolvedLink[] } {
  const links: ResolvedLink[] = [];
  const entry = (node: RootContent): NavItem => {
    const link = firstLink(node);
    const item: NavItem = { title: toString(link ?? node).trim() || toString(node).trim(), children: [] };
    if (link) {
      const resolved = resolve({ docId: '', file, line: link.position?.start.line ?? 1, column: link.position?.start.column ?? 1, kind: 'link', url: link.url, text: item.title, sectionId: '', sentence: '' });
      links.push(resolved);
      if (resolved.class === 'doc') item.docId = resolved.targetDocId;
      else if (resolved.class === 'external') item.href = resolved.externalUrl;
    }
    return item;
  };

  const roots: NavItem[] = [];
  const stack: { depth: number; item: NavItem }[] = [];
  const place = (item: NavItem, depth: number): void => {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    (stack[stack.length - 1]?.item.children ?? roots).push(item);
    stack.push({ depth, item });
  };
  const fromList = (list: List, parent: NavItem[]): void => {
    for (const li of list.children) {
      const para = li.children.find((c) => c.type === 'paragraph');
      if (!para) continue;
      const item = entry(para);
      parent.push(item);
      for (const sub of li.children) if (sub.type === 'list') fromList(sub, item.children);
    }
  };
  for (const node of tree.children) {
    if (node.type === 'heading') place(entry(node), node.depth);
    else if (node.type === 'list') {
      const holder: NavItem[] = [];
      fromList(node, holder);
      const parent = stack[stack.length - 1]?.item.children ?? roots;
      parent.push(...holder);
    }
  }
  return { nav: roots, links };
}

function firstLink(node: RootContent): Link | undefined {
  if (node.type === 'link') return node;
  if ('children' in node) {
    for (const c of node.children as RootContent[]) {
      const found = firstLink(c);
      if (found) return found;
    }
  }
  return undefined;
}
