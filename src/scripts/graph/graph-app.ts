// The interactive graph (/graph/ and /embed/graph/): cytoscape over graph-view.json with the positions
// computed at build time (preset layout: nothing is laid out in the browser), filters, search, focus
// mode, paths between two nodes, a side panel, a text alternative and keyboard moves. The view lives in
// the URL (src/lib/graph-state.ts) so it can be shared and embedded.
import cytoscape from 'cytoscape';
import type { GraphView, ViewEdge, ViewNode } from '../../outputs/graph-view.ts';
import { formatGraphState, parseGraphState, showsDocuments, withDocuments, type GraphState } from '../../lib/graph-state.ts';
import { nodeLook, shortLabel } from '../../lib/graph-sizing.ts';
import { placeLabels } from './graph-labels.ts';
import { layered, spanningTree } from './graph-layered.ts';
import { neighbourhood, shortestPaths } from '../../lib/graph-paths.ts';
import { relationPhrase } from '../../lib/relations.ts';
import { createModel, UNEVIDENCED, type GraphModel } from './graph-model.ts';
import { graphStyle, labelScale, labelScaleFor, themeColours } from './graph-style.ts';
import { el, relationSentence, renderNodePanel, renderPathPanel, renderRelationList, type PanelContext } from './graph-panel.ts';
import { bindControls, type Controls } from './graph-controls.ts';
import { bindKeyboard } from './graph-keyboard.ts';
import { preventCytoscapeStyleElement } from './csp.ts';
import type { GraphOverview, ViewCluster } from '../../outputs/graph-overview.ts';
import { clusterEdgeElements, clusterNodeElements, createClusters, type Clusters } from './graph-clusters.ts';

export interface GraphApp {
  cy: cytoscape.Core;
  model: GraphModel;
  /** Where a node is drawn, in CSS pixels relative to the page (for scripts and tests that click it). */
  nodePosition(id: string): { x: number; y: number } | undefined;
  apply(state: GraphState): void;
  /** The clustered overview of a big site (absent on a site small enough to load whole). */
  clusters?: Clusters;
}

const MAX_FIT_ZOOM = 1.2;
/** Above this many nodes the graph is drawn with the cheap style (graph-style.ts). */
const BIG_GRAPH = 1500;
/** Edges added per task when the mention and link edges are drawn after the first paint. */
const EDGES_PER_TASK = 800;

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Below this zoom a 13 px label is too small to read. */
const READABLE_ZOOM = 0.7;
/** The zoom a big graph opens at (on its hub) when fitting it whole would be smaller. */
const OVERVIEW_ZOOM = 0.45;
/** Up to this many entities, the whole graph opens at a zoom where every label has its room. */
const SMALL_GRAPH = 80;
/** Relation names are written on the edges of the whole graph up to this many typed edges. */
const EDGE_LABELS_UP_TO = 200;

function nodeData(model: GraphModel, node: ViewNode) {
  // Sized by what is stated about a node (its typed relations), as the build-time layout left room for
  // (src/lib/graph-sizing.ts): a page that many documents name but nothing is stated about stays small.
  const typed = model.edgesOf(node.id).filter((e) => !UNEVIDENCED.has(e.type)).length;
  return { id: node.id, type: node.type, shortLabel: shortLabel(node.label), ...nodeLook(node.type, typed) };
}

function edgeData(model: GraphModel, edge: ViewEdge) {
  return {
    id: model.edgeId(edge),
    source: edge.source,
    target: edge.target,
    type: edge.type,
    weight: edge.weight,
    width: Math.min(5, 1 + Math.log2(edge.weight)),
    phrase: relationPhrase(edge.type),
  };
}

export async function loadView(url: string): Promise<GraphView> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const view = (await response.json()) as GraphView;
  if (view.schemaVersion !== 1 || !Array.isArray(view.nodes) || !Array.isArray(view.edges)) throw new Error(`${url} is not a graph view (schemaVersion 1).`);
  return view;
}

/**
 * `overview`: a big site's clusters (graph-overview.ts); `view` then holds only its entities, and
 * documents join the model and the picture as the reader opens clusters.
 */
export function mountGraph(root: HTMLElement, view: GraphView, overview?: GraphOverview): GraphApp {
  const embed = root.dataset.mode === 'embed';
  const base = root.dataset.base ?? '';
  const canvas = root.querySelector<HTMLElement>('[data-canvas]')!;
  const panel = root.querySelector<HTMLElement>('[data-panel]')!;
  const list = root.querySelector<HTMLElement>('[data-list]')!;
  const message = root.querySelector<HTMLElement>('[data-message]')!;
  const model = createModel(view);

  preventCytoscapeStyleElement();
  // A clustered site grows as clusters open (a 10k site's biggest adds ~800 nodes and 7,000 edges): it
  // is drawn the cheap way from the start, so panning stays smooth whatever is open.
  const big = overview !== undefined || view.nodes.length > BIG_GRAPH;
  // Mentions and page links are most of the edges (4,100 of 4,175 on the corpus) and say little in the
  // whole-graph picture; in a big graph every edge waits. They are drawn after the first paint, a slice
  // per task (addLaterEdges), so the graph is on screen and answers clicks first. Panels, paths and the
  // text list read the data, not the drawing, so they are complete from the start.
  const drawnLater = (e: ViewEdge) => big || UNEVIDENCED.has(e.type);
  const cy = cytoscape({
    container: canvas,
    elements: [
      ...view.nodes.map((n) => ({ group: 'nodes' as const, data: nodeData(model, n), position: { x: n.x, y: n.y } })),
      ...view.edges.filter((e) => !drawnLater(e)).map((e) => ({ group: 'edges' as const, data: edgeData(model, e) })),
      ...(overview ? clusterNodeElements(overview) : []),
    ],
    layout: { name: 'preset', fit: true, padding: 30 },
    style: graphStyle(themeColours(canvas), big, overview !== undefined),
    minZoom: 0.05,
    maxZoom: 4,
    // Big graphs: draw a cached bitmap while panning/zooming instead of every label.
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : 'auto',
    boxSelectionEnabled: false,
    // The WebGL renderer (cytoscape >= 3.31) draws a big graph several times faster than the canvas one
    // (measured: 2,000 nodes 7 s instead of 41 s in headless Chromium); it draws no edge labels, so
    // relations are named in a tooltip on hover instead (showTip below). Not yet in @types/cytoscape.
    ...(big ? ({ webgl: true } as object) : {}),
  });
  // Labels keep a readable size as the reader zooms out (graph-style.ts), and which of them fit is
  // decided again (graph-labels.ts) once the zoom settles: more labels appear as the reader zooms in.
  let settling: ReturnType<typeof setTimeout> | undefined;
  cy.on('zoom', () => {
    clearTimeout(settling);
    settling = setTimeout(() => relabel(), 120);
  });
  // Labels follow the theme: re-read the page colours when it changes.
  const restyle = () => {
    cy.style(graphStyle(themeColours(canvas), big, overview !== undefined));
    placeLabels(cy, { mandatory: new Set(cy.nodes('.near, .on-path').map((n) => n.id())), edgeLabels: cy.edges('.labelled') });
  };
  new MutationObserver(restyle).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', restyle);

  let state: GraphState = parseGraphState('').state;
  let controls: Controls | undefined;
  const clusters =
    overview &&
    createClusters(overview, {
      cy,
      model,
      base,
      nodeElement: (n) => ({ group: 'nodes', data: nodeData(model, n), position: { x: n.x, y: n.y } }),
      edgeElement: (e) => ({ group: 'edges', data: edgeData(model, e) }),
    });
  const labelOf = (id: string) => model.node(id)?.label ?? clusters?.label(id) ?? id;

  const ctx: PanelContext = {
    model,
    href: (url, section) => (url.startsWith('/') ? base + url : url) + (section ? `#${encodeURIComponent(section)}` : ''),
    onNode: (id) => {
      apply({ ...state, focus: id, from: undefined, to: undefined });
      panel.querySelector<HTMLElement>('#graph-panel-title')?.focus({ preventScroll: true });
    },
    ...(embed ? { linkTarget: '_blank' } : {}),
  };

  /** The edges the filters let through (from the data, so edges not drawn yet count too). */
  function visibleEdges(): ViewEdge[] {
    const types = new Set<string>(state.types);
    const rel = new Set<string>(state.rel);
    const shown = (id: string) => types.has(model.node(id)?.type ?? '');
    return model.view.edges.filter((e) => rel.has(e.type) && e.weight >= state.weight && shown(e.source) && shown(e.target));
  }

  /** Hide what the filters leave out; only elements whose state changes are touched (restyling is the cost). */
  function filter(edges: cytoscape.EdgeCollection = cy.edges(), nodes: cytoscape.NodeCollection | null = cy.nodes()): void {
    const types = new Set<string>(state.types);
    const rel = new Set<string>(state.rel);
    // The whole graph without documents opens on what is stated: entities with no typed relation wait
    // for a search, a focus or the documents layer.
    const linked = !state.focus && !(state.from && state.to) && !showsDocuments(state) && !clusters ? new Set(visibleEdges().flatMap((e) => [e.source, e.target])) : undefined;
    const hideNode = (n: cytoscape.NodeSingular) => !types.has(n.data('type')) || (linked !== undefined && !linked.has(n.id()));
    nodes?.forEach((n) => {
      if (n.hasClass('hidden') !== hideNode(n)) n.toggleClass('hidden');
    });
    edges.forEach((e) => {
      const hide = !rel.has(e.data('type')) || e.data('weight') < state.weight || hideNode(e.source()) || hideNode(e.target());
      if (e.hasClass('hidden') !== hide) e.toggleClass('hidden');
    });
  }

  /** Fit a few nodes into view without blowing them up: a two-node path would fill the canvas. */
  function fitTo(set: cytoscape.Collection): void {
    cy.fit(set, 40);
    if (cy.zoom() > MAX_FIT_ZOOM) cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** What is highlighted now, so edges drawn later (addLaterEdges) join the picture the same way. */
  let highlighted: { edgeIds: Set<string>; cls: string } | undefined;

  function highlight(nodeIds: Iterable<string>, edgeIds: Iterable<string>, cls: string): cytoscape.Collection {
    highlighted = { edgeIds: new Set(edgeIds), cls };
    let set = cy.collection();
    for (const id of nodeIds) set = set.union(cy.getElementById(id));
    for (const id of edgeIds) set = set.union(cy.getElementById(id));
    // A focus or a path is drawn on its own: what is outside it leaves the picture (and its labels with it).
    cy.elements().not(set).addClass('outside');
    set.addClass(cls);
    return set;
  }

  function showPaths(from: ViewNode, to: ViewNode): ViewEdge[] {
    const edges = visibleEdges();
    let note: string | undefined;
    let paths = shortestPaths(edges.filter((e) => !UNEVIDENCED.has(e.type)), from.id, to.id);
    if (paths.length === 0 || paths[0]!.length === 0) {
      const loose = shortestPaths(edges, from.id, to.id);
      if (loose.length > 0 && from.id !== to.id) {
        paths = loose;
        note = 'No path through typed relations; this one goes through mentions and links between pages.';
      }
    }
    const hops = paths.flat();
    const set = highlight(
      [from.id, to.id, ...hops.map((h) => h.to)],
      hops.map((h) => model.edgeId(h.edge)),
      'on-path',
    );
    arrange(set, set.nodes().map((n) => n.id()), set.edges());
    renderPathPanel(panel, ctx, from, to, paths, note);
    return [...new Map(hops.map((h) => [model.edgeId(h.edge), h.edge])).values()];
  }

  function showFocus(node: ViewNode): ViewEdge[] {
    const edges = visibleEdges();
    const ids = new Set(neighbourhood(edges, node.id, state.depth));
    const inside = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const set = highlight(ids, inside.map((e) => model.edgeId(e)), 'near');
    cy.getElementById(node.id).select();
    // Name the typed relations of the focused node on the edges; mentions and links would bury them.
    const named = cy
      .edges('.near')
      .filter((e) => !UNEVIDENCED.has(e.data('type')) && (e.source().id() === node.id || e.target().id() === node.id));
    named.addClass('labelled');
    arrange(set, [...ids], named, spine(node.id, inside));
    renderNodePanel(panel, ctx, node);
    return inside;
  }

  /** Whether nodes were moved off their build-time positions (a focus or path is laid out on its own). */
  let rearranged = false;

  /** A focus or a path: laid out as a layered diagram of its own, every node of it labelled. */
  function arrange(set: cytoscape.Collection, labelled: string[], edgeLabels: cytoscape.EdgeCollection, ranks: cytoscape.EdgeCollection = set.edges()): void {
    if (labelScale.value !== 1) {
      labelScale.value = 1;
      cy.style().update();
    }
    layered(set.nodes(), ranks);
    rearranged = true;
    fitTo(set);
    // On a phone a whole diagram would shrink its labels to specks: it keeps them readable and opens on
    // the focus (or the path's start); the reader pans to the rest.
    const centre = cy.getElementById(state.focus ?? state.from ?? '');
    if (cy.zoom() < READABLE_ZOOM && centre.nonempty()) {
      cy.zoom(READABLE_ZOOM);
      cy.center(centre);
    }
    placeLabels(cy, { mandatory: new Set(labelled), edgeLabels });
  }

  /** The layers of a focus: the walk from it through the edges drawn (graph-layered.ts). */
  function spine(focus: string, edges: ViewEdge[]): cytoscape.EdgeCollection {
    return spanningTree(focus, edges).reduce((tree, e) => tree.union(cy.getElementById(model.edgeId(e))), cy.collection()).edges();
  }

  /** The whole graph at its build-time positions, zoomed so that the labels that matter have room. */
  function showWhole(): void {
    if (rearranged) {
      cy.nodes().positions((n) => {
        const home = model.node((n as cytoscape.NodeSingular).id());
        return home ? { x: home.x, y: home.y } : (n as cytoscape.NodeSingular).position();
      });
      rearranged = false;
    }
    const drawn = cy.elements().not('.hidden');
    cy.fit(drawn, 30);
    // A small graph opens at a zoom where every label fits (the layout left it room at scale 1); a
    // phone then pans across it rather than seeing labels drop out.
    if (!big && drawn.nodes().length <= SMALL_GRAPH && cy.zoom() < READABLE_ZOOM) cy.zoom({ level: READABLE_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    else if (!big && cy.zoom() < OVERVIEW_ZOOM) {
      // Hundreds of entities fitted into one canvas leave room for a handful of labels: the graph opens
      // on its best-connected entity at a zoom where its neighbours are named, and zooming out shows all.
      const hub = drawn.nodes().max((n) => n.connectedEdges(':visible').length).ele;
      cy.zoom(OVERVIEW_ZOOM);
      if (hub) cy.center(hub);
    }
    const typed = drawn.edges().filter((e) => !UNEVIDENCED.has(e.data('type')));
    if (typed.length <= EDGE_LABELS_UP_TO) typed.addClass('labelled');
    relabel();
  }

  /** Labels for the whole graph at the current zoom (graph-labels.ts); a focus or path keeps its own. */
  function relabel(): void {
    if (state.focus || (state.from && state.to)) return;
    const next = big ? 1 : labelScaleFor(cy.zoom());
    if (next !== labelScale.value) {
      labelScale.value = next;
      cy.style().update();
    }
    placeLabels(cy, { edgeLabels: cy.edges('.labelled') });
  }

  function resolve(name: string | undefined, what: string, problems: string[], folded: ViewCluster[]): ViewNode | undefined {
    if (!name) return undefined;
    const node = model.node(name) ?? model.find(name, true);
    const cluster = node ? undefined : clusters?.folded(name);
    if (cluster) folded.push(cluster);
    else if (!node) problems.push(`No node “${name}” in the graph (${what}). Search for it by name, or pick one from the list.`);
    return node;
  }

  /**
   * Opens the clusters a view needs (a node inside one, or the cluster itself), then applies the view
   * again. A cluster in focus (a click on it) becomes the whole graph fitted to what it held: focusing its
   * entity instead would light up and label every document of the cluster. A cluster as one end of a
   * path becomes its entity.
   */
  function openThenApply(folded: ViewCluster[], problems: string[]): void {
    message.replaceChildren(el('span', {}, `Opening ${folded.map((c) => c.label).join(', ')}…`));
    message.hidden = false;
    root.dataset.opening = 'true';
    Promise.all(folded.map((c) => clusters!.open(c)))
      .then(() => {
        const anchors = new Map(folded.map((c) => [c.id, c.anchor]));
        const swap = (id?: string) => (id !== undefined && anchors.has(id) ? anchors.get(id) : id);
        delete root.dataset.opening;
        justOpened = folded;
        apply({ ...state, focus: state.focus && anchors.has(state.focus) ? undefined : state.focus, from: swap(state.from), to: swap(state.to) }, problems);
        justOpened = [];
        if (!state.focus && !state.from) fitTo(folded.reduce((set, c) => c.members.reduce((s, m) => s.union(cy.getElementById(m)), set), cy.collection()));
      })
      .catch((error: unknown) => {
        delete root.dataset.opening;
        apply(state, [...problems, `Could not open ${folded.map((c) => c.label).join(', ')}: ${error instanceof Error ? error.message : String(error)}`]);
      });
  }

  function apply(next: GraphState, problems: string[] = []): void {
    state = next;
    const folded: ViewCluster[] = [];
    highlighted = undefined;
    cy.batch(() => {
      cy.$('.dim, .outside, .near, .on-path, .labelled, .candidate').removeClass('dim outside near on-path labelled candidate');
      cy.$(':selected').unselect();
      filter();
    });
    let shown: ViewEdge[];
    const from = resolve(state.from, 'from', problems, folded);
    const to = resolve(state.to, 'to', problems, folded);
    const focus = resolve(state.focus, 'focus', problems, folded);
    if (from && to) shown = showPaths(from, to);
    else if (focus) shown = showFocus(focus);
    else {
      showWhole();
      panel.replaceChildren(...introduction());
      shown = visibleEdges().filter((e) => !UNEVIDENCED.has(e.type));
    }
    renderRelationList(list, ctx, shown);
    message.replaceChildren(...problems.map((p) => el('span', {}, p)));
    message.hidden = problems.length === 0;
    controls?.sync(state);
    const query = formatGraphState(state);
    history.replaceState(history.state, '', query ? `?${query}` : location.pathname);
    if (folded.length) openThenApply(folded, problems);
  }

  /** The clusters opened by the view being applied, named in the panel. */
  let justOpened: ViewCluster[] = [];

  function introduction(): Node[] {
    const folded = clusters?.list() ?? [];
    return [
      el('h2', { id: 'graph-panel-title', tabindex: '-1' }, 'Explore the graph'),
      ...justOpened.map((c) => el('p', { class: 'note', 'data-opened': c.id }, `Opened: ${c.label}. Click one of them for its relations.`)),
      el('p', {}, 'Pick a node to see what it is, how it relates to its neighbours and the sentences that say so.'),
      el(
        'p',
        {},
        `${count(cy.nodes().not('.hidden').length, 'node')} and ${count(visibleEdges().length, 'relation')} are drawn${showsDocuments(state) ? '' : ' (documents, mentions and links are a layer you can turn on)'}; the list below the graph has the same relations as text.`,
      ),
      ...(folded.length ? clusterList(folded) : []),
    ];
  }

  /** The folded clusters as buttons: the way in for keyboards and screen readers (the canvas is one tab stop). */
  function clusterList(folded: ViewCluster[]): Node[] {
    const documents = folded.reduce((n, c) => n + c.documents, 0);
    const terms = folded.reduce((n, c) => n + c.members.length - c.documents, 0);
    return [
      el(
        'p',
        {},
        `${count(documents, 'document')}${terms ? ` and ${count(terms, 'discovered term')}` : ''} ${documents + terms === 1 ? 'is' : 'are'} folded into ${count(folded.length, 'group')}, each drawn as a large square beside the entity its documents mention most. Open a group to see what is in it.`,
      ),
      el(
        'ul',
        { class: 'graph-clusters' },
        ...folded.map((c) => {
          const button = el('button', { type: 'button', 'data-cluster': c.id }, `Open ${c.label}`);
          button.addEventListener('click', () => ctx.onNode(c.id));
          return el('li', {}, button);
        }),
      ),
    ];
  }

  cy.on('tap', 'node', (event) => ctx.onNode(event.target.id()));
  cy.on('tap', (event) => {
    if (event.target === cy) apply({ ...state, focus: undefined, from: undefined, to: undefined });
  });
  const tip = root.querySelector<HTMLElement>('[data-tip]')!;
  /** The name of what the pointer is on: "Azure AD Connect replaces DirSync", or a node's label. */
  function showTip(event: cytoscape.EventObject): void {
    const target = event.target as cytoscape.SingularElementArgument;
    const edge = target.isEdge() ? model.edge(target.id()) : undefined;
    tip.textContent = edge
      ? relationSentence(model, edge)
      : target.isEdge()
        ? `${labelOf(target.data('source'))} ${target.data('phrase')} ${labelOf(target.data('target'))}`
        : labelOf(target.id());
    // CSSOM assignments, not a style attribute: allowed under the CSP.
    tip.style.left = `${Math.round(event.renderedPosition.x + 12)}px`;
    tip.style.top = `${Math.round(event.renderedPosition.y + 12)}px`;
    tip.hidden = false;
    target.addClass('hover');
  }
  cy.on('mouseover', 'node, edge', showTip);
  cy.on('mouseout', 'node, edge', (event) => {
    tip.hidden = true;
    event.target.removeClass('hover');
  });
  // An opened cluster's node goes away under the pointer without a mouseout.
  cy.on('remove', 'node', () => (tip.hidden = true));

  const form = root.querySelector<HTMLFormElement>('[data-controls]');
  if (form) controls = bindControls(form, model, () => state, apply, labelOf);
  bindKeyboard(canvas, root.querySelector<HTMLElement>('[data-announce]')!, cy, labelOf, () => state, (id) => apply({ ...state, focus: id, from: undefined, to: undefined }));

  const { state: parsed, problems } = parseGraphState(location.search);
  // A clustered site's groups are its documents: they are the way into a big site, so they are shown.
  const params = new URLSearchParams(location.search);
  const initial = clusters && !params.has('types') && !params.has('rel') ? withDocuments(parsed, true) : parsed;
  apply(initial, problems);

  // The clusters' summed edges wait too; one whose cluster was opened in the meantime is gone with it.
  const later: cytoscape.ElementDefinition[] = [
    ...view.edges.filter(drawnLater).map((e) => ({ group: 'edges' as const, data: edgeData(model, e) })),
    ...(overview ? clusterEdgeElements(overview) : []),
  ];
  const drawable = (d: cytoscape.ElementDefinition) => cy.getElementById(d.data.source!).nonempty() && cy.getElementById(d.data.target!).nonempty();
  function addLaterEdges(from: number): void {
    const slice = later.slice(from, from + EDGES_PER_TASK).filter(drawable);
    cy.batch(() => {
      const added = cy.add(slice);
      if (highlighted) {
        const { edgeIds, cls } = highlighted;
        added.forEach((e) => {
          e.addClass(edgeIds.has(e.id()) ? cls : 'outside');
        });
      }
      filter(added.edges(), null);
    });
    if (from + EDGES_PER_TASK < later.length) setTimeout(() => addLaterEdges(from + EDGES_PER_TASK));
    else {
      root.dataset.edges = 'complete';
      performance.mark('docgraph:graph-complete');
    }
  }
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => addLaterEdges(0))));

  if (embed && window.parent !== window) {
    const report = () => window.parent.postMessage({ type: 'docgraph:height', height: document.documentElement.scrollHeight }, '*');
    new ResizeObserver(report).observe(document.body);
    report();
  }

  return {
    cy,
    model,
    apply,
    ...(clusters ? { clusters } : {}),
    nodePosition(id) {
      const node = cy.getElementById(id);
      if (node.empty()) return undefined;
      const box = canvas.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };
}
