// The Embed panels (src/components/SnippetPanel.astro: an entity's, the map's) in the browser. Without a configured site
// URL the build can only write site-relative URLs, which would break once pasted into a wiki: the
// snippets are rebuilt here with the page's own address, by the same functions the build uses.
// Copy buttons are shown only when this runs; they copy the snippet and say so in a live region.
// Without the async Clipboard API (plain http from another host) the text is selected instead.
import { framedSnippet, mediawikiImageSnippet, pictureSnippet } from '../outputs/exports/snippets.ts';

function absolutize(root: HTMLElement): void {
  const { frameTitle = '', frameWidth = '', frameHeight = '', pictureAlt = '', iframeUrl = '', svgUrl = '', pngUrl = '', pageUrl = '' } = root.dataset;
  const size = { width: Number(frameWidth), height: Number(frameHeight) };
  const abs = (url: string) => new URL(url, window.location.href).href;
  const set = (name: string, text: string) => {
    const pre = root.querySelector(`[data-snippet="${name}"] pre code`);
    if (pre) pre.textContent = text;
  };
  set('iframe', framedSnippet(abs(iframeUrl), frameTitle, size));
  set('markdown', pictureSnippet(abs(svgUrl), abs(pageUrl), pictureAlt));
  set('mediawiki', mediawikiImageSnippet(abs(pngUrl), abs(pageUrl)));
}

function wireCopy(root: HTMLElement): void {
  const status = root.querySelector<HTMLElement>('[data-copy-status]');
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const target = document.getElementById(button.dataset.copy ?? '');
    if (!target) continue;
    button.hidden = false;
    const show = (copied: boolean) => {
      button.textContent = copied ? 'Copied' : 'Copy';
      button.toggleAttribute('data-copied', copied);
      if (status) status.textContent = copied ? 'Snippet copied.' : 'Snippet selected: press Ctrl+C (⌘C) to copy.';
      window.setTimeout(() => {
        button.textContent = 'Copy';
        button.removeAttribute('data-copied');
      }, 2000);
    };
    const select = () => {
      const range = document.createRange();
      range.selectNodeContents(target);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      show(false);
    };
    button.addEventListener('click', () => {
      const text = target.textContent ?? '';
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(() => show(true), select);
      else select();
    });
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-embed-snippets]')) {
  if ('relative' in root.dataset) absolutize(root);
  wireCopy(root);
}
