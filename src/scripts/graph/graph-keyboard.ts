// Keyboard moves on the graph canvas (a canvas has no focusable parts of its own): with the canvas
// focused, the arrow keys step through the neighbours of the current node (shown with a dashed ring and
// announced in a live region), Enter moves the focus there, Escape leaves focus mode. The list of
// relations under the graph is the other way in: every node in it is a button.
import type cytoscape from 'cytoscape';
import type { GraphState } from '../../lib/graph-state.ts';
import { relationPhrase } from '../../lib/relations.ts';

/** `label`: a node's name (an entity, a document or a folded cluster of documents). */
export function bindKeyboard(canvas: HTMLElement, announce: HTMLElement, cy: cytoscape.Core, label: (id: string) => string, current: () => GraphState, focus: (id: string | undefined) => void): void {
  let index = -1;
  let candidates: { id: string; text: string }[] = [];
  const say = (text: string) => (announce.textContent = text);

  function neighbours(id: string) {
    return cy
      .getElementById(id)
      .connectedEdges()
      .filter((e) => !e.hasClass('hidden'))
      .map((e: cytoscape.EdgeSingular) => {
        const other = e.source().id() === id ? e.target().id() : e.source().id();
        const phrase = relationPhrase(e.data('type'));
        const text = e.source().id() === id ? `${label(id)} ${phrase} ${label(other)}` : `${label(other)} ${phrase} ${label(id)}`;
        return { id: other, text };
      })
      .sort((a, b) => label(a.id).localeCompare(label(b.id)));
  }

  /** Where the walk starts: the focused node, else the node with most relations. */
  function start(): string | undefined {
    const state = current();
    if (state.focus && cy.getElementById(state.focus).nonempty()) return state.focus;
    const nodes = cy.nodes().filter((n) => !n.hasClass('hidden'));
    return nodes.max((n) => (n as cytoscape.NodeSingular).degree(false)).ele?.id();
  }

  canvas.addEventListener('focus', () => {
    const id = start();
    if (id && !current().focus) say(`Graph. Press Enter to focus ${label(id)}; arrow keys step through its neighbours.`);
  });

  canvas.addEventListener('keydown', (event) => {
    const here = start();
    if (!here) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight' || event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
      event.preventDefault();
      if (!current().focus) {
        focus(here);
        index = -1;
      }
      candidates = neighbours(current().focus ?? here);
      if (candidates.length === 0) return say('No neighbours.');
      const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : -1;
      index = (index + step + candidates.length) % candidates.length;
      const pick = candidates[index]!;
      cy.nodes('.candidate').removeClass('candidate');
      cy.getElementById(pick.id).addClass('candidate');
      say(`${index + 1} of ${candidates.length}: ${pick.text}. Enter to go there.`);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pick = index >= 0 ? candidates[index] : undefined;
      const target = pick?.id ?? here;
      index = -1;
      focus(target);
      say(`${label(target)}: ${neighbours(target).length} neighbours. Arrow keys step through them.`);
    } else if (event.key === 'Escape') {
      index = -1;
      focus(undefined);
      say('Whole graph.');
    }
  });
}
