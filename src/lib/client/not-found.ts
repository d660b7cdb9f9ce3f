// The 404 page's suggestions (404.astro): fetch the small title list the build emits and show the pages
// whose titles best match the words of the address that was not found.
import type { NotFoundEntry } from '../overview.ts';
import { suggest } from '../suggest.ts';

class NotFoundSuggestions extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const url = this.dataset.index;
    const section = this.querySelector<HTMLElement>('.suggestions');
    const list = this.querySelector<HTMLUListElement>('.suggestion-list');
    if (!url || !section || !list) return;
    let entries: NotFoundEntry[];
    try {
      const response = await fetch(url);
      if (!response.ok) return;
      entries = (await response.json()) as NotFoundEntry[];
    } catch {
      return; // The indexes below still work.
    }
    const base = this.dataset.base ?? '/';
    const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length - 1) : location.pathname;
    const found = suggest(path, entries);
    if (found.length === 0) return;
    list.replaceChildren(
      ...found.map(({ entry }) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = entry.u;
        a.textContent = entry.t;
        const kind = document.createElement('span');
        kind.className = 'muted';
        kind.textContent = entry.k === 'd' ? ' document' : ' entity';
        li.append(a, kind);
        return li;
      }),
    );
    section.hidden = false;
    this.dataset.ready = 'true';
  }
}

if (!customElements.get('not-found-suggestions')) customElements.define('not-found-suggestions', NotFoundSuggestions);
