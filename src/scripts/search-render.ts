// DOM for search results, shared by the header popup and the /search/ page. Everything from the
// index is set as text (textContent), never parsed as HTML: content cannot inject markup here.
import type { EntityCard, SearchHit } from '../search/query.ts';
import type { Excerpt } from '../search/excerpt.ts';
import { siteUrl } from './search-client.ts';

type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

/** The excerpt with its matched words in <mark>. */
export function excerptNode(excerpt: Excerpt): HTMLElement {
  const p = el('span', { class: 'search-excerpt' });
  let at = 0;
  for (const [start, end] of excerpt.marks) {
    p.append(excerpt.text.slice(at, start), el('mark', {}, excerpt.text.slice(start, end)));
    at = end;
  }
  p.append(excerpt.text.slice(at));
  return p;
}

export function hitBody(hit: SearchHit): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(el('span', { class: 'search-hit-title' }, hit.title));
  if (hit.section) f.append(el('span', { class: 'search-hit-section' }, hit.section));
  if (hit.excerpt.text) f.append(excerptNode(hit.excerpt));
  return f;
}

export function entityCardBody(card: EntityCard): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(
    el('span', { class: 'search-card-title' }, el('strong', {}, card.label), el('span', { class: 'search-card-type' }, card.type)),
    card.summary ? el('span', { class: 'search-card-summary' }, card.summary) : '',
    card.names.length ? el('span', { class: 'search-card-names' }, `Also called ${card.names.slice(0, 4).join(', ')}`) : '',
  );
  return f;
}

export const hrefOf = (url: string): string => siteUrl(url);
