// The graph page's controls: find a node, paths between two nodes, filters by node and relation type,
// minimum weight and focus depth. Each control turns into a new view state; `sync` writes a state back
// into the controls (after a URL was opened, or a node was clicked).
import { DEFAULT_STATE, showsDocuments, withDocuments, type GraphState } from '../../lib/graph-state.ts';
import type { ViewNodeType } from '../../outputs/graph-view.ts';
import type { RelationType } from '../../pipeline/types.ts';
import type { GraphModel } from './graph-model.ts';
import { el } from './graph-panel.ts';

export interface Controls {
  sync(state: GraphState): void;
}

/** `nameOf`: a node's name for the inputs (a folded cluster has one too, though it is not in the model). */
export function bindControls(
  root: HTMLElement,
  model: GraphModel,
  current: () => GraphState,
  apply: (state: GraphState, problems?: string[]) => void,
  nameOf: (id: string) => string = (id) => model.node(id)?.label ?? id,
): Controls {
  const find = root.querySelector<HTMLFormElement>('[data-find]')!;
  const path = root.querySelector<HTMLFormElement>('[data-path]')!;
  const filters = root.querySelector<HTMLElement>('[data-filters]')!;
  const names = root.querySelector<HTMLDataListElement>('datalist')!;
  const input = (form: HTMLElement, name: string) => form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;

  // Suggestions: every label and alias (entities first: the model's order).
  names.replaceChildren(...[...new Set(model.view.nodes.filter((n) => n.type !== 'document').flatMap((n) => [n.label, ...(n.aliases ?? [])]))].sort().map((name) => el('option', { value: name })));

  find.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input(find, 'q').value;
    const node = model.find(query);
    if (node) apply({ ...current(), focus: node.id, from: undefined, to: undefined });
    else apply(current(), [`Nothing in the graph is called “${query}”.`]);
  });

  path.addEventListener('submit', (event) => {
    event.preventDefault();
    const names = ['from', 'to'].map((n) => input(path, n).value);
    const [from, to] = names.map((n) => model.find(n));
    const problems = names.flatMap((n, i) => ([from, to][i] ? [] : [`Nothing in the graph is called “${n}”.`]));
    if (from && to) apply({ ...current(), from: from.id, to: to.id, focus: undefined });
    else apply(current(), problems);
  });

  const checked = <T extends string>(name: string) => [...filters.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value as T);
  filters.addEventListener('change', () => {
    const types = checked<ViewNodeType>('types');
    const rel = checked<RelationType>('rel');
    const weight = Math.max(1, Math.floor(Number(input(filters, 'weight').value) || 1));
    const depth = Number(input(filters, 'depth').value) || 1;
    apply({ ...current(), types: types.length ? types : current().types, rel: rel.length ? rel : current().rel, weight, depth });
  });

  root.querySelector('[data-reset]')?.addEventListener('click', () =>
    apply({ ...current(), focus: undefined, from: undefined, to: undefined, weight: 1, depth: 1, types: [...DEFAULT_STATE.types], rel: [...DEFAULT_STATE.rel] }),
  );
  const layer = root.querySelector<HTMLInputElement>('[data-layer]');
  layer?.addEventListener('change', () => apply(withDocuments(current(), layer.checked)));

  return {
    sync(state) {
      for (const box of filters.querySelectorAll<HTMLInputElement>('input[name="types"]')) box.checked = state.types.includes(box.value as ViewNodeType);
      for (const box of filters.querySelectorAll<HTMLInputElement>('input[name="rel"]')) box.checked = state.rel.includes(box.value as RelationType);
      if (layer) layer.checked = showsDocuments(state);
      input(filters, 'weight').value = String(state.weight);
      input(filters, 'depth').value = String(state.depth);
      const label = (id?: string) => (id ? nameOf(id) : '');
      if (state.from && state.to) {
        input(path, 'from').value = label(state.from);
        input(path, 'to').value = label(state.to);
      }
      if (state.focus) input(find, 'q').value = label(state.focus);
    },
  };
}
