// Keeps the "Embed this view" snippet on /graph/ in step with the view: the page's current URL
// parameters (the graph app keeps its state there) go to /embed/graph/, as an absolute URL.
import { iframeSnippet } from '../outputs/exports/snippets.ts';

for (const root of document.querySelectorAll<HTMLDetailsElement>('[data-view-embed]')) {
  const code = root.querySelector('code')!;
  const button = root.querySelector<HTMLButtonElement>('[data-view-embed-copy]')!;
  const status = root.querySelector<HTMLElement>('[data-view-embed-status]')!;
  const refresh = () => {
    const url = new URL(root.dataset.embedUrl ?? '/embed/graph/', window.location.href);
    url.search = window.location.search;
    code.textContent = iframeSnippet(url.href, 'docgraph graph');
  };
  refresh();
  root.addEventListener('toggle', () => {
    if (root.open) refresh();
  });
  button.hidden = false;
  button.addEventListener('click', () => {
    refresh();
    const text = code.textContent ?? '';
    const done = (copied: boolean) => {
      status.textContent = copied ? 'Snippet copied.' : 'Snippet selected: press Ctrl+C (⌘C) to copy.';
      if (!copied) window.getSelection()?.selectAllChildren(code);
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(() => done(true), () => done(false));
    else done(false);
  });
  root.dataset.ready = '';
}
