// The document pages' navigation, computed from SiteData.nav (TOC.md, else the folder tree): the
// sidebar tree as HTML, the breadcrumb trail and previous/next in nav order. The tree is indexed once
// per SiteData (a build reads one), so each page only walks the path to its own entry; the sidebar HTML
// is a plain string (the corpus TOC has ~235 entries: an Astro component per entry would be slow and
// the markup would carry scoped-style attributes on every node).
import type { SiteData, SiteDocument } from '../../outputs/site-data.ts';
import type { NavItem } from '../../pipeline/types.ts';

export interface NavEntry {
  item: NavItem;
  /** Position in depth-first order. */
  index: number;
  parent?: NavEntry;
  children: NavEntry[];
}

export interface Crumb {
  title: string;
  /** Site URL with the base path, or an external URL; absent for folders and groups without a page. */
  href?: string;
  external?: boolean;
}

export interface NavIndex {
  roots: NavEntry[];
  /** Number of entries in the whole tree. */
  size: number;
  docs: Map<string, SiteDocument>;
  /** The first entry of each document in depth-first order (a TOC may list a page twice). */
  entryOf: Map<string, NavEntry>;
  /** Document ids in nav order, each once. */
  order: string[];
  orderIndex: Map<string, number>;
}

/**
 * Above this many entries a page's sidebar shows only the way to the page: the top level, and the
 * siblings of the page and of each of its ancestors. The full tree on every page would make a
 * 10,000-document site's pages grow with the set (and its build quadratic).
 */
export const FULL_TREE_LIMIT = 500;

const cache = new WeakMap<SiteData, NavIndex>();

export function navIndex(site: SiteData): NavIndex {
  const cached = cache.get(site);
  if (cached) return cached;
  const docs = new Map(site.documents.map((d) => [d.id, d]));
  const entryOf = new Map<string, NavEntry>();
  const order: string[] = [];
  let index = 0;
  const walk = (items: NavItem[], parent?: NavEntry): NavEntry[] =>
    items.map((item) => {
      const entry: NavEntry = { item, index: index++, parent, children: [] };
      if (item.docId && docs.has(item.docId) && !entryOf.has(item.docId)) {
        entryOf.set(item.docId, entry);
        order.push(item.docId);
      }
      entry.children = walk(item.children, entry);
      return entry;
    });
  const roots = walk(site.nav ?? []);
  const result: NavIndex = { roots, size: index, docs, entryOf, order, orderIndex: new Map(order.map((id, i) => [id, i])) };
  cache.set(site, result);
  return result;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' })[c]};`);
}

/** Only http(s) and site-relative URLs become links; anything else (javascript:, data:) stays text. */
function safeExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

/**
 * The sidebar tree: nested lists; an entry with children is a <details> (open on the path to the current
 * page), whose <summary> is the entry's title, or a small disclosure button next to the entry's link.
 */
export function renderNavTree(
  nav: NavIndex,
  currentDocId: string | undefined,
  withBase: (url: string) => string,
): string {
  const current = currentDocId ? nav.entryOf.get(currentDocId) : undefined;
  const open = new Set<NavEntry>();
  for (let e = current; e; e = e.parent) open.add(e);
  const pruned = nav.size > FULL_TREE_LIMIT;
  /** A branch left closed in a pruned tree links to its first page instead of listing them. */
  const firstDoc = (entry: NavEntry): SiteDocument | undefined => {
    const doc = entry.item.docId ? nav.docs.get(entry.item.docId) : undefined;
    if (doc) return doc;
    for (const child of entry.children) {
      const found = firstDoc(child);
      if (found) return found;
    }
    return undefined;
  };

  const label = (entry: NavEntry): string => {
    const { item } = entry;
    const title = escapeHtml(item.title);
    const doc = item.docId ? nav.docs.get(item.docId) : undefined;
    if (doc) {
      return `<a href="${escapeHtml(withBase(doc.url))}"${entry === current ? ' aria-current="page"' : ''}>${title}</a>`;
    }
    if (item.href && safeExternal(item.href)) {
      return `<a class="ext" href="${escapeHtml(item.href)}" rel="noopener">${title}<span class="visually-hidden"> (external)</span></a>`;
    }
    return '';
  };

  const list = (entries: NavEntry[]): string => {
    let html = '<ul>';
    for (const entry of entries) {
      const link = label(entry);
      if (entry.children.length === 0) {
        html += `<li>${link || `<span class="nav-text">${escapeHtml(entry.item.title)}</span>`}</li>`;
        continue;
      }
      if (pruned && !open.has(entry)) {
        const first = link ? undefined : firstDoc(entry);
        html += `<li class="nav-closed">${link || (first ? `<a href="${escapeHtml(withBase(first.url))}">${escapeHtml(entry.item.title)}</a>` : `<span class="nav-text">${escapeHtml(entry.item.title)}</span>`)}</li>`;
        continue;
      }
      const details = open.has(entry) ? '<details open>' : '<details>';
      html += link
        ? `<li class="nav-branch">${link}${details}<summary><span class="visually-hidden">${escapeHtml(entry.item.title)}: pages</span></summary>`
        : `<li class="nav-group">${details}<summary>${escapeHtml(entry.item.title)}</summary>`;
      html += list(entry.children) + '</details></li>';
    }
    return html + '</ul>';
  };
  return list(nav.roots);
}

/** The nav path to the page (excluding the page), else its folders. */
export function breadcrumbs(nav: NavIndex, doc: SiteDocument, withBase: (url: string) => string): Crumb[] {
  const entry = nav.entryOf.get(doc.id);
  if (!entry) {
    const folders = doc.path.split('/').slice(0, -1);
    return folders.map((title) => ({ title }));
  }
  const trail: Crumb[] = [];
  for (let e = entry.parent; e; e = e.parent) {
    const { item } = e;
    const target = item.docId ? nav.docs.get(item.docId) : undefined;
    if (target) trail.unshift({ title: item.title, href: withBase(target.url) });
    else if (item.href && safeExternal(item.href)) trail.unshift({ title: item.title, href: item.href, external: true });
    else trail.unshift({ title: item.title });
  }
  return trail;
}

/** The documents before and after this one in nav order (each document counted once). */
export function prevNext(nav: NavIndex, docId: string): { prev?: SiteDocument; next?: SiteDocument } {
  const at = nav.orderIndex.get(docId) ?? -1;
  if (at < 0) return {};
  const prev = at > 0 ? nav.docs.get(nav.order[at - 1]!) : undefined;
  const next = at < nav.order.length - 1 ? nav.docs.get(nav.order[at + 1]!) : undefined;
  return { prev, next };
}
