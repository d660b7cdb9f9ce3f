// The words beside the graph: the side panel (a node's description, its relations as sentences with their
// evidence, links to the cited sections), the paths between two nodes hop by hop, and the list of
// relations that is the text alternative of the current view. Every piece of content goes in through
// textContent: labels and sentences come from the documentation and are never parsed as HTML.
import type { ViewEdge, ViewEvidence, ViewNode } from '../../outputs/graph-view.ts';
import type { PathHop } from '../../lib/graph-paths.ts';
import { relationPhrase } from '../../lib/relations.ts';
import { NODE_LOOK } from '../../lib/graph-palette.ts';
import { UNEVIDENCED, type GraphModel } from './graph-model.ts';

export interface PanelContext {
  model: GraphModel;
  /** Site-relative URL -> href (adds the base path). */
  href(url: string, section?: string): string;
  /** Called when the reader picks a node in the text (a button). */
  onNode(id: string): void;
  /** `_blank` in embeds: links leave the frame for a new tab. */
  linkTarget?: string;
}

type Child = Node | string | undefined | false | '';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** The children that are there (conditional parts are `false`, `''` or undefined). */
function present(...children: Child[]): (Node | string)[] {
  return children.filter((c): c is Node | string => Boolean(c));
}

function link(ctx: PanelContext, href: string, ...children: Child[]): HTMLAnchorElement {
  const a = el('a', { href }, ...children);
  if (ctx.linkTarget) {
    a.target = ctx.linkTarget;
    a.rel = 'noopener';
  }
  return a;
}

function nodeButton(ctx: PanelContext, id: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'node-ref', 'data-node': id }, ctx.model.node(id)?.label ?? id);
  button.addEventListener('click', () => ctx.onNode(id));
  return button;
}

export function relationSentence(model: GraphModel, edge: ViewEdge): string {
  const label = (id: string) => model.node(id)?.label ?? id;
  return `${label(edge.source)} ${relationPhrase(edge.type)} ${label(edge.target)}`;
}

function evidenceItem(ctx: PanelContext, ev: ViewEvidence): HTMLLIElement {
  const where = ev.heading && ev.heading !== ev.doc ? `${ev.doc} § ${ev.heading}` : ev.doc;
  return el(
    'li',
    { class: 'evidence' },
    el('blockquote', {}, el('p', {}, ev.sentence)),
    ev.url ? link(ctx, ctx.href(ev.url, ev.section), where) : el('span', { class: 'muted' }, `${where} (not part of this site)`),
  );
}

function evidenceList(ctx: PanelContext, edge: ViewEdge): HTMLUListElement | undefined {
  if (!edge.evidence?.length) return undefined;
  return el('ul', { class: 'evidence-list' }, ...edge.evidence.map((ev) => evidenceItem(ctx, ev)));
}

/** "<button>Azure AD Connect</button> replaces <button>DirSync</button>" with the evidence under it. */
function relationItem(ctx: PanelContext, edge: ViewEdge, withEvidence: boolean): HTMLLIElement {
  return el(
    'li',
    { 'data-edge': ctx.model.edgeId(edge) },
    el('span', { class: 'relation' }, nodeButton(ctx, edge.source), ` ${relationPhrase(edge.type)} `, nodeButton(ctx, edge.target)),
    withEvidence && evidenceList(ctx, edge),
  );
}

export function renderNodePanel(panel: HTMLElement, ctx: PanelContext, node: ViewNode): void {
  const edges = ctx.model.edgesOf(node.id);
  const relations = edges.filter((e) => !UNEVIDENCED.has(e.type)).sort((a, b) => b.weight - a.weight || a.type.localeCompare(b.type));
  const pages = edges.filter((e) => UNEVIDENCED.has(e.type));
  const pageLabel = node.type === 'document' ? 'Open page' : `Open the page about ${node.label}`;
  panel.replaceChildren(
    ...present(
    el('p', { class: 'panel-kicker' }, NODE_LOOK[node.type].name),
    el('h2', { id: 'graph-panel-title', tabindex: '-1' }, node.label),
    node.description && el('p', {}, node.description),
    el('p', {}, link(ctx, ctx.href(node.url), pageLabel)),
    relations.length > 0 && el('h3', {}, 'Relations'),
    relations.length > 0 && el('ul', { class: 'relations' }, ...relations.map((e) => relationItem(ctx, e, true))),
    relations.length === 0 && el('p', { class: 'muted' }, 'No typed relation; only mentions and links.'),
    // Documents are folded into their entity: the graph draws knowledge, the list opens on demand.
    pages.length > 0 &&
      el(
        'details',
        { class: 'panel-pages' },
        el('summary', {}, node.type === 'document' ? `Mentions and links (${pages.length})` : `Mentioned in ${pages.length} document${pages.length === 1 ? '' : 's'}`),
        el('ul', { class: 'relations compact' }, ...pages.slice(0, 30).map((e) => relationItem(ctx, e, false))),
        pages.length > 30 && el('p', { class: 'muted' }, `and ${pages.length - 30} more.`),
      ),
    ),
  );
}

/** Path text: each hop as "A —replaces→ B" in the walking direction, then the sentence that states it. */
export function renderPathPanel(panel: HTMLElement, ctx: PanelContext, from: ViewNode, to: ViewNode, paths: PathHop<ViewEdge>[][], note?: string): void {
  const hop = (h: PathHop<ViewEdge>) => {
    const phrase = relationPhrase(h.edge.type);
    return el(
      'li',
      { class: 'hop', 'data-edge': ctx.model.edgeId(h.edge) },
      el(
        'p',
        { class: 'hop-line' },
        nodeButton(ctx, h.from),
        h.reversed ? ` ←${phrase}— ` : ` —${phrase}→ `,
        nodeButton(ctx, h.to),
      ),
      el('p', { class: 'hop-sentence' }, `${relationSentence(ctx.model, h.edge)}.`),
      evidenceList(ctx, h.edge),
    );
  };
  panel.replaceChildren(
    ...present(
    el('p', { class: 'panel-kicker' }, 'How do these fit together?'),
    el('h2', { id: 'graph-panel-title', tabindex: '-1' }, `${from.label} → ${to.label}`),
    note && el('p', { class: 'note' }, note),
    paths.length === 0
      ? el('p', {}, `No path connects ${from.label} and ${to.label} in the graph.`)
      : el('p', {}, `${paths.length === 1 ? 'The shortest path has' : `${paths.length} shortest paths have`} ${paths[0]!.length} ${paths[0]!.length === 1 ? 'hop' : 'hops'}.`),
    ...paths.map((path, i) => el('section', { class: 'path', 'aria-label': `Path ${i + 1}` }, paths.length > 1 && el('h3', {}, `Path ${i + 1}`), el('ol', { class: 'hops' }, ...path.map(hop)))),
    ),
  );
}

/** The text alternative: the relations drawn in the current view, as sentences with buttons to move to a node. */
export function renderRelationList(list: HTMLElement, ctx: PanelContext, edges: ViewEdge[], max = 150): void {
  const sorted = [...edges].sort((a, b) => Number(UNEVIDENCED.has(a.type)) - Number(UNEVIDENCED.has(b.type)) || b.weight - a.weight);
  list.replaceChildren(
    el('p', { class: 'muted' }, `${edges.length} ${edges.length === 1 ? 'relation' : 'relations'} in this view${edges.length > max ? `; the first ${max}` : ''}.`),
    el('ul', { class: 'relations compact' }, ...sorted.slice(0, max).map((e) => relationItem(ctx, e, false))),
  );
}
