// Marks the section being read in the page's "On this page" list (aria-current="location"), and
// closes the list's popover (narrow screens) after a jump.
// An IntersectionObserver watches the headings crossing the top third of the viewport; the current
// section is the last heading above that line (none while the reader is above the first one).
const toc = document.querySelector<HTMLElement>('[data-page-toc]');
if (toc && 'IntersectionObserver' in window) {
  const links = [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const targets = links.flatMap((link) => {
    const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return heading ? [{ link, heading }] : [];
  });
  let active: HTMLAnchorElement | undefined;

  const update = (): void => {
    const line = window.innerHeight / 3;
    let current: (typeof targets)[number] | undefined;
    for (const target of targets) {
      if (target.heading.getBoundingClientRect().top <= line) current = target;
      else break;
    }
    // At the very bottom the last sections may never reach the line: the last visible heading wins.
    if (window.scrollY > 0 && window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
      const visible = targets.filter((t) => t.heading.getBoundingClientRect().top < window.innerHeight);
      current = visible[visible.length - 1] ?? current;
    }
    if (current?.link === active) return;
    active?.removeAttribute('aria-current');
    active = current?.link;
    active?.setAttribute('aria-current', 'location');
  };

  // In the popover (narrow screens), a jump to a section closes it.
  const panel = toc.querySelector<HTMLElement>('[popover]');
  toc.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a') && panel?.matches(':popover-open')) panel.hidePopover();
  });

  const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -66% 0px' });
  for (const { heading } of targets) observer.observe(heading);
  update();
}
