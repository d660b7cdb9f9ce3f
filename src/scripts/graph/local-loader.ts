// Loads cytoscape for a page's local graph only when the graph scrolls near the viewport, so document
// and entity pages stay light up front.
const slots = [...document.querySelectorAll<HTMLElement>('[data-local-graph]')];
if (slots.length > 0) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void import('./local-graph.ts').then(({ drawLocalGraph }) => drawLocalGraph(entry.target as HTMLElement));
      }
    },
    { rootMargin: '200px' },
  );
  for (const slot of slots) observer.observe(slot);
}
