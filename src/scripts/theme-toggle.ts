// The theme button in the header: switches between light and dark and remembers the choice
// (localStorage 'docgraph-theme', read before first paint by theme-init.js). Without a stored choice
// the page follows prefers-color-scheme, and the button's pressed state follows it too.
const KEY = 'docgraph-theme';
const root = document.documentElement;
const system = window.matchMedia('(prefers-color-scheme: dark)');

function effectiveTheme(): 'light' | 'dark' {
  const chosen = root.getAttribute('data-theme');
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return system.matches ? 'dark' : 'light';
}

function sync(button: HTMLButtonElement): void {
  button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  sync(button);
  button.addEventListener('click', () => {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    root.setAttribute('data-theme', next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    sync(button);
  });
  system.addEventListener('change', () => sync(button));
  // This module loads after the page; the marker says the button now works (tests wait for it).
  button.setAttribute('data-ready', '');
}
