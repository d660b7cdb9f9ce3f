// The sidebar tree: the whole tree for sets of normal size; for big sets only the way to the page,
// so page size and build time do not grow with the number of documents.
import { describe, expect, it } from 'vitest';
import { FULL_TREE_LIMIT, navIndex, prevNext, renderNavTree } from '../../src/components/nav/doc-nav.ts';
import type { SiteData, SiteDocument } from '../../src/outputs/site-data.ts';
import type { NavItem } from '../../src/pipeline/types.ts';

function site(groups: number, perGroup: number): SiteData {
  const documents: SiteDocument[] = [];
  const nav: NavItem[] = [];
  for (let g = 0; g < groups; g++) {
    const children: NavItem[] = [];
    for (let d = 0; d < perGroup; d++) {
      const slug = `g${g}/d${d}`;
      documents.push({ id: `doc:${slug}`, path: `${slug}.md`, slug, url: `/docs/${slug}/`, format: 'md', title: `Doc ${g}.${d}`, sections: [], entities: [], backlinks: [] });
      children.push({ title: `Doc ${g}.${d}`, docId: `doc:${slug}`, children: [] });
    }
    nav.push({ title: `Group ${g}`, children });
  }
  return { contentDir: '/c', documents, nav, settings: { customCss: [], footer: [] } };
}

const links = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

describe('renderNavTree', () => {
  it('renders every entry when the tree is small', () => {
    const data = site(10, 20);
    const html = renderNavTree(navIndex(data), 'doc:g3/d4', (u) => u);
    expect(links(html)).toHaveLength(200);
    expect(html).toContain('<a href="/docs/g3/d4/" aria-current="page">');
  });

  it('renders only the way to the page in a big tree, and every closed group still leads somewhere', () => {
    const data = site(60, 40);
    const nav = navIndex(data);
    expect(nav.size).toBeGreaterThan(FULL_TREE_LIMIT);
    const html = renderNavTree(nav, 'doc:g7/d5', (u) => u);
    const hrefs = links(html);
    // The page's own group in full, and one link per other group (to its first page).
    expect(hrefs).toHaveLength(40 + 59);
    expect(hrefs).toContain('/docs/g7/d39/');
    expect(hrefs).toContain('/docs/g12/d0/');
    expect(hrefs).not.toContain('/docs/g12/d1/');
    expect(html).toContain('aria-current="page"');
    // Other pages' sidebars have the same bounded size.
    expect(links(renderNavTree(nav, 'doc:g59/d39', (u) => u))).toHaveLength(99);
  });

  it('finds previous and next in constant time per page', () => {
    const nav = navIndex(site(3, 2));
    expect(prevNext(nav, 'doc:g1/d0')).toMatchObject({ prev: { id: 'doc:g0/d1' }, next: { id: 'doc:g1/d1' } });
    expect(prevNext(nav, 'doc:g0/d0').prev).toBeUndefined();
  });
});
