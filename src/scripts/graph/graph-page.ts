// Entry of /graph/ and /embed/graph/: loads graph-view.json (or, on a big site, the clustered overview
// named by data-overview: src/outputs/graph-overview.ts) and mounts the graph. Marks
// `docgraph:graph-ready` (performance timeline) once the graph is drawn and answers clicks, which is
// what `npm run bench` measures, and sets data-state on the root for tests and scripts.
import { loadView, mountGraph, type GraphApp } from './graph-app.ts';
import { loadOverview } from './graph-clusters.ts';

declare global {
  interface Window {
    /** The mounted graph, for scripts in the page's own origin (and browser tests). */
    docgraph?: GraphApp;
  }
}

const root = document.querySelector<HTMLElement>('[data-graph]');
if (root) {
  root.dataset.state = 'loading';
  const overviewUrl = root.dataset.overview;
  (overviewUrl
    ? loadOverview(overviewUrl).then((overview) => ({ view: { schemaVersion: 1 as const, nodes: overview.nodes, edges: overview.edges }, overview }))
    : loadView(root.dataset.src!).then((view) => ({ view, overview: undefined }))
  )
    .then(({ view, overview }) => {
      performance.mark('docgraph:graph-data');
      const app = mountGraph(root, view, overview);
      performance.mark('docgraph:graph-mounted');
      window.docgraph = app;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          root.dataset.state = 'ready';
          performance.mark('docgraph:graph-ready');
        }),
      );
    })
    .catch((error: unknown) => {
      root.dataset.state = 'failed';
      const message = root.querySelector<HTMLElement>('[data-message]');
      if (message) {
        message.hidden = false;
        message.textContent = `The graph could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      }
      console.error(error);
    });
}
