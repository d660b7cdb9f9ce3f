// Keeps the "Embed this view" snippet on /graph/ in step with the view: the page's current URL
// parameters (the graph app keeps its state there) go to /embed/graph/, as an absolute URL. Copying
// is embed-copy.ts's job, as on entity pages; any use of the panel refreshes the snippet first
// (pointerdown and focus come before the copy button's click).
import { iframeSnippet } from '../outputs/exports/snippets.ts';

for (const root of document.querySelectorAll<HTMLDetailsElement>('[data-view-embed]')) {
  const code = root.querySelector('pre code')!;
  const refresh = () => {
    const url = new URL(root.dataset.embedUrl ?? '/embed/graph/', window.location.href);
    url.search = window.location.search;
    code.textContent = iframeSnippet(url.href, 'docgraph graph');
  };
  refresh();
  root.addEventListener('toggle', () => {
    if (root.open) refresh();
  });
  root.addEventListener('pointerdown', refresh);
  root.addEventListener('focusin', refresh);
  root.dataset.ready = '';
}
