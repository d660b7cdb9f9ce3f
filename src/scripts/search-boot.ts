// Always on every page, and tiny: nothing of search is fetched until the box is focused or `/` or
// Ctrl/Cmd-K is pressed; then the island (flexsearch + ranking) loads.
const input = document.querySelector<HTMLInputElement>('[data-search-input]');

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

if (input) {
  let island: Promise<unknown> | undefined;
  const load = () => (island ??= import('./search-ui.ts').then((m) => m.attach(input)));
  input.addEventListener('focus', () => void load());
  document.addEventListener('keydown', (event) => {
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target);
    const palette = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!slash && !palette) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  // Tests (and styles) can tell that the shortcuts work.
  input.form?.setAttribute('data-ready', '');
}
