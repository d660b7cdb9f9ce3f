// Site navigation: from TOC.md files when the content has them (the root TOC first, every other
// TOC as a group named after its folder), otherwise from the folder tree.
import type { Root } from 'mdast';
import { posix } from 'node:path';
import { compareStrings } from './slugs.ts';
import { extractNav } from './toc.ts';
import type { LinkRef, NavItem, DocumentInfo, ResolvedLink } from './types.ts';

export function buildNav(
  documents: readonly DocumentInfo[],
  tocs: readonly { path: string; tree: Root }[],
  resolve: (ref: LinkRef) => ResolvedLink,
): { nav: NavItem[]; links: ResolvedLink[] } {
  if (tocs.length === 0) return { nav: folderNav(documents), links: [] };
  const ordered = [...tocs].sort((a, b) => depth(a.path) - depth(b.path) || compareStrings(a.path, b.path));
  const nav: NavItem[] = [];
  const links: ResolvedLink[] = [];
  ordered.forEach((toc, i) => {
    const result = extractNav(toc.tree, toc.path, resolve);
    links.push(...result.links);
    if (i === 0 && depth(toc.path) === 0) nav.push(...result.nav);
    else nav.push({ title: posix.dirname(toc.path) === '.' ? toc.path : posix.dirname(toc.path), children: result.nav });
  });
  return { nav, links };
}

function depth(path: string): number {
  return path.split('/').length - 1;
}

/** One item per folder and per document, sorted by path. */
export function folderNav(documents: readonly DocumentInfo[]): NavItem[] {
  const root: NavItem = { title: '', children: [] };
  const folders = new Map<string, NavItem>([['', root]]);
  const folderOf = (dir: string): NavItem => {
    const existing = folders.get(dir);
    if (existing) return existing;
    const parent = folderOf(posix.dirname(dir) === '.' ? '' : posix.dirname(dir));
    const item: NavItem = { title: posix.basename(dir), children: [] };
    parent.children.push(item);
    folders.set(dir, item);
    return item;
  };
  for (const doc of [...documents].sort((a, b) => compareStrings(a.path, b.path))) {
    const dir = posix.dirname(doc.path);
    folderOf(dir === '.' ? '' : dir).children.push({ title: doc.title, docId: doc.id, children: [] });
  }
  return root.children;
}
