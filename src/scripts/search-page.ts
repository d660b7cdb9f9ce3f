// The /search/ page: reads ?q= (outside input: trimmed, at most 200 characters), shows every result
// page by page with its folded sections, and keeps the URL in step with the box so a view can be shared.
import type { SearchResponse } from '../search/query.ts';
import { siteSearcher } from './search-client.ts';
import { el, entityCardBody, hitBody, hrefOf } from './search-render.ts';

const PAGE = 20;
const form = document.querySelector<HTMLFormElement>('[data-search-page]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('[data-search-page-status]')!;
const results = document.querySelector<HTMLOListElement>('[data-search-page-results]')!;
const card = document.querySelector<HTMLElement>('[data-search-page-card]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-page-more]')!;
let limit = PAGE;

/** The query of a URL: a string of at most 200 characters, or nothing. */
export function queryOf(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim().slice(0, 200);
}

function render(response: SearchResponse): void {
  card.replaceChildren();
  if (response.entity) {
    card.append(el('a', { class: 'search-card search-card-page', href: hrefOf(response.entity.url) }, entityCardBody(response.entity)));
  }
  results.replaceChildren(
    ...response.hits.map((hit) =>
      el(
        'li',
        { class: 'search-hit' },
        el('a', { href: hrefOf(hit.url) }, hitBody(hit)),
        hit.more.length > 0 &&
          el('ul', { class: 'search-more', 'aria-label': `More sections of ${hit.title}` }, ...hit.more.map((m) => el('li', {}, el('a', { href: hrefOf(m.url) }, m.section || hit.title)))),
      ),
    ),
  );
  const q = response.query;
  status.textContent = response.total
    ? `${response.total} ${response.total === 1 ? 'page matches' : 'pages match'} “${q}”${response.total > response.hits.length ? `; showing the first ${response.hits.length}` : ''}.`
    : `No results for “${q}”. Try fewer or other words, or browse the documents and entities.`;
  more.hidden = response.total <= response.hits.length;
}

async function run(q: string): Promise<void> {
  if (!q) {
    status.textContent = 'Type words to search for: titles, product names (old or new), error messages...';
    results.replaceChildren();
    card.replaceChildren();
    more.hidden = true;
    return;
  }
  status.textContent = `Searching for “${q}”…`;
  try {
    render(await siteSearcher().search(q, { limit }));
  } catch (error) {
    status.textContent = 'Search is unavailable right now.';
    console.error(error);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = input.value.trim().slice(0, 200);
  limit = PAGE;
  history.pushState(null, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
  void run(q);
});
more.addEventListener('click', () => {
  limit += PAGE;
  void run(queryOf(location.search));
});
window.addEventListener('popstate', () => {
  input.value = queryOf(location.search);
  void run(input.value);
});

input.value = queryOf(location.search);
void run(input.value);
