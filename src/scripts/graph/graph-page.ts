// Entry of /graph/ and /embed/graph/: loads graph-view.json and mounts the graph. Marks
// `docgraph:graph-ready` (performance timeline) once the graph is drawn and answers clicks, which is
// what `npm run bench` measures, and sets data-state on the root for tests and scripts.
import { loadView, mountGraph, type GraphApp } from './graph-app.ts';

declare global {
  interface Window {
    /** The mounted graph, for scripts in the page's own origin (and browser tests). */
    docgraph?: GraphApp;
  }
}

const root = document.querySelector<HTMLElement>('[data-graph]');
if (root) {
  root.dataset.state = 'loading';
  loadView(root.dataset.src!)
    .then((view) => {
      performance.mark('docgraph:graph-data');
      const app = mountGraph(root, view);
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
