// The header search as a combobox (WAI-ARIA 1.2 pattern with a listbox popup): results update as you
// type (debounced), arrows move the active option, Enter opens it (the first result when none is
// active), Escape closes the popup and then clears the box. A polite live region announces counts.
import type { SearchResponse } from '../search/query.ts';
import { siteSearcher } from './search-client.ts';
import { el, entityCardBody, hitBody, hrefOf } from './search-render.ts';

const DEBOUNCE_MS = 120;
const LIMIT = 6;

export function attach(input: HTMLInputElement): void {
  const form = input.closest<HTMLFormElement>('[data-site-search]')!;
  const popup = form.querySelector<HTMLElement>('[data-search-popup]')!;
  const list = form.querySelector<HTMLElement>('[data-search-list]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const searcher = siteSearcher();
  let options: HTMLAnchorElement[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  /** The query whose results are shown. */
  let rendered = '';

  const open = (show: boolean) => {
    popup.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  };

  function setActive(index: number): void {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function option(id: string, href: string, className: string, body: Node): HTMLAnchorElement {
    // Each option is itself the link (a link inside an option would nest interactive controls);
    // keyboard focus stays in the input, which points at the active option.
    const a = el('a', { id, href, role: 'option', 'aria-selected': 'false', tabindex: '-1', class: className }, body);
    a.addEventListener('mousedown', (event) => event.preventDefault());
    return a;
  }

  function render(response: SearchResponse): void {
    const q = response.query.trim();
    rendered = q;
    options = [];
    if (response.entity) options.push(option('search-opt-entity', hrefOf(response.entity.url), 'search-card', entityCardBody(response.entity)));
    response.hits.forEach((hit, i) => options.push(option(`search-opt-${i}`, hrefOf(hit.url), 'search-hit', hitBody(hit))));
    const all = `${hrefOf('/search/')}?q=${encodeURIComponent(q)}`;
    const more = response.total > response.hits.length ? `All ${response.total} results for “${q}”` : `Open the search page for “${q}”`;
    if (response.hits.length === 0) options.push(option('search-opt-none', all, 'search-none', el('span', {}, `No results for “${q}”. Try other words, or open the search page`)));
    else options.push(option('search-opt-all', all, 'search-all', el('span', {}, more)));
    list.replaceChildren(...options);
    list.dataset.query = q;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    status.textContent = response.hits.length
      ? `${response.total} ${response.total === 1 ? 'page' : 'pages'} found${response.entity ? `, and the entity ${response.entity.label}` : ''}. Use the arrow keys to choose.`
      : `No results for ${q}.`;
    open(true);
  }

  async function run(): Promise<void> {
    const q = input.value.trim();
    const ticket = ++latest;
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    try {
      const response = await searcher.search(q, { limit: LIMIT, prefix: !/\s$/.test(input.value) });
      if (ticket === latest) render(response);
    } catch (error) {
      if (ticket !== latest) return;
      list.replaceChildren(el('span', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', class: 'search-none' }, 'Search is unavailable right now.'));
      status.textContent = 'Search is unavailable right now.';
      open(true);
      console.error(error);
    }
  }

  const go = (option: HTMLAnchorElement | undefined) => {
    const href = option?.getAttribute('href');
    if (href) window.location.assign(href);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (popup.hidden) {
        if (options.length) open(true);
        else return;
      }
      event.preventDefault();
      // Past either end the input itself is active again (-1), as in the APG combobox examples.
      const next = active + (event.key === 'ArrowDown' ? 1 : -1);
      setActive(next >= options.length ? -1 : next < -1 ? options.length - 1 : next);
    } else if (event.key === 'Enter') {
      if (!input.value.trim()) return;
      event.preventDefault();
      if (active >= 0 && rendered === input.value.trim()) return go(options[active]);
      // Results may still be on their way: wait for them so Enter never opens stale ones.
      clearTimeout(timer);
      void run().then(() => go(options.find((o) => o.classList.contains('search-hit')) ?? options.at(-1)));
    } else if (event.key === 'Escape') {
      if (!popup.hidden) {
        event.preventDefault();
        open(false);
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
      } else input.blur();
    }
  });
  input.addEventListener('focus', () => {
    if (options.length && input.value.trim()) open(true);
  });
  document.addEventListener('pointerdown', (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  // Focus arrived before the island: search what was typed meanwhile.
  if (input.value.trim()) void run();
}
