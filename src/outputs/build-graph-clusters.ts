// Folds a big graph view into clusters (types in graph-overview.ts). A document belongs to the entity it
// mentions most (ties: the smaller id), which is also where the layout put it (build-graph-view.ts
// places documents on a spiral around that entity): a cluster is "the documents about X", it opens
// where its documents are drawn, and the reader can tell why a document is in it. Groups bigger than
// MAX_CLUSTER_DOCUMENTS are split in id order (ids follow folders) so no one cluster is the whole site.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { GraphView, ViewEdge, ViewNode } from './graph-view.ts';
import { OVERVIEW_URL, type ClusterEdge, type ClusterView, type GraphOverview, type ViewCluster } from './graph-overview.ts';
import { LAYOUT_DOCUMENTS_UP_TO } from './build-graph-view.ts';
import { groupBy } from '../pipeline/collections.ts';

/** Above this many documents /graph/ opens on clusters; below, on the whole graph-view.json. */
export const CLUSTER_DOCUMENTS_ABOVE = LAYOUT_DOCUMENTS_UP_TO;
export const MAX_CLUSTER_DOCUMENTS = 500;
/** A cluster's strongest edges in the overview: enough to see what it is about, not 2,000 lines each. */
const EDGES_PER_CLUSTER = 12;
/** How far from its entity a cluster node sits (px at zoom 1), so the two do not cover each other. */
const CLUSTER_OFFSET = 110;
/**
 * A document's strongest mention edges in its cluster file (a page of the 10k set mentions ~30 entities):
 * the picture around an opened cluster stays readable and its file small. Links and typed relations are
 * all kept; the document's own page lists every mention.
 */
export const MENTIONS_PER_DOCUMENT = 8;
const NONE = '(none)';

export interface ClusteredGraph {
  overview: GraphOverview;
  clusters: ClusterView[];
}

/** The entity each document mentions most (ties: the smaller id); documents that mention none are left out. */
export function documentAnchors(view: GraphView): Map<string, string> {
  const types = new Map(view.nodes.map((n) => [n.id, n.type]));
  const best = new Map<string, { entity: string; weight: number }>();
  for (const e of view.edges) {
    if (e.type !== 'mentions' || types.get(e.source) !== 'document') continue;
    const t = types.get(e.target);
    if (!t || t === 'document') continue;
    const now = best.get(e.source);
    if (!now || e.weight > now.weight || (e.weight === now.weight && e.target < now.entity)) best.set(e.source, { entity: e.target, weight: e.weight });
  }
  return new Map([...best].map(([doc, b]) => [doc, b.entity]));
}

/** A file name for an entity id: the id itself when it is a plain slug, else a hash of it. */
function fileStem(anchor: string): string {
  if (anchor === NONE) return '_none';
  return /^[a-z0-9][a-z0-9-]{0,80}$/.test(anchor) ? anchor : `h-${createHash('sha1').update(anchor).digest('hex').slice(0, 16)}`;
}

function split<T>(items: T[], max: number): T[][] {
  const parts = Math.ceil(items.length / max);
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function clusterGraphView(view: GraphView, maxClusterDocuments = MAX_CLUSTER_DOCUMENTS): ClusteredGraph {
  const nodeById = new Map(view.nodes.map((n) => [n.id, n]));
  const anchors = documentAnchors(view);
  const groups = new Map<string, string[]>();
  for (const n of view.nodes) {
    if (n.type !== 'document') continue;
    const anchor = anchors.get(n.id) ?? NONE;
    groups.get(anchor)?.push(n.id) ?? groups.set(anchor, [n.id]);
  }
  const parts = new Map<string, { anchor: string; part: number; of: number; documents: string[] }>();
  const clusterOf = new Map<string, string>();
  for (const anchor of [...groups.keys()].sort()) {
    const pieces = split(groups.get(anchor)!.sort(), maxClusterDocuments);
    pieces.forEach((documents, i) => {
      const id = `cluster:${anchor}${pieces.length > 1 ? `:${i + 1}` : ''}`;
      parts.set(id, { anchor, part: i, of: pieces.length, documents });
      for (const d of documents) clusterOf.set(d, id);
    });
  }
  const terms = foldTerms(view, clusterOf, new Set(anchors.values()));
  for (const [term, cluster] of terms) clusterOf.set(term, cluster);
  const clusters: ViewCluster[] = [];
  const files: ClusterView[] = [];
  const mentions = strongestMentions(view.edges, clusterOf);
  // Each cluster's folded terms and edges, found in one pass: filtering every edge once per cluster
  // was 3.5 s of a 10,000-document build (200 clusters x 400,000 edges).
  const foldedOf = groupBy([...terms], ([, c]) => c);
  const edgesOf = new Map<string, ViewEdge[]>();
  for (const e of view.edges) {
    const from = clusterOf.get(e.source);
    const to = clusterOf.get(e.target);
    if (e.type === 'mentions' && from !== undefined && !mentions.has(e)) continue;
    for (const c of from === to ? [from] : [from, to]) if (c !== undefined) edgesOf.get(c)?.push(e) ?? edgesOf.set(c, [e]);
  }
  for (const [id, { anchor, part, of, documents }] of parts) {
    const entity = nodeById.get(anchor);
    const folded = (foldedOf.get(id) ?? []).map(([t]) => t).sort();
    const about = entity ? `about ${entity.label}` : documents.length === 1 ? 'that mentions no entity' : 'that mention no entity';
    const centre = clusterCentre(entity, documents.map((d) => nodeById.get(d)!));
    const cluster: ViewCluster = {
      id,
      label: `${count(documents.length, 'document')}${folded.length ? ` and ${count(folded.length, 'term')}` : ''} ${about}${of > 1 ? ` (part ${part + 1} of ${of})` : ''}`,
      ...(entity ? { anchor } : {}),
      ...(entity ? besideEntity(entity, part, of) : centre),
      file: `/graph-view/c/${fileStem(anchor)}${of > 1 ? `.${part + 1}` : ''}.json`,
      documents: documents.length,
      members: [...documents, ...folded].sort(),
    };
    clusters.push(cluster);
    files.push({
      schemaVersion: 1,
      cluster: id,
      nodes: [...documents.map((d) => nodeById.get(d)!), ...ringAround(centre, documents.map((d) => nodeById.get(d)!), folded.map((t) => nodeById.get(t)!), part, of)].sort(byId),
      edges: (edgesOf.get(id) ?? []).sort(byEdgeKey),
    });
  }
  const folded = (id: string) => clusterOf.has(id);
  return {
    overview: {
      schemaVersion: 1,
      nodes: view.nodes.filter((n) => !folded(n.id)).sort(byId),
      edges: view.edges.filter((e) => !folded(e.source) && !folded(e.target)).sort(byEdgeKey),
      clusters,
      clusterEdges: aggregateEdges(view.edges, clusterOf),
    },
    clusters: files,
  };
}

/**
 * Discovered terms are most of a big site's entities (2,000 of 2,060 in the 10k set) and each is named by
 * a few pages: they go into the cluster whose documents mention them most (ties: the smaller cluster id).
 * A term stays in the overview when documents are about it (it anchors a cluster), when it has a relation
 * with another entity, or when no document mentions it.
 */
function foldTerms(view: GraphView, clusterOf: ReadonlyMap<string, string>, anchors: ReadonlySet<string>): Map<string, string> {
  const types = new Map(view.nodes.map((n) => [n.id, n.type]));
  const related = new Set<string>();
  for (const e of view.edges) if (types.get(e.source) !== 'document' && types.get(e.target) !== 'document') related.add(e.source).add(e.target);
  const foldable = (id: string) => types.get(id) === 'discovered' && !anchors.has(id) && !related.has(id);
  const weights = new Map<string, Map<string, number>>();
  for (const e of view.edges) {
    const cluster = clusterOf.get(e.source);
    if (e.type !== 'mentions' || !cluster || !foldable(e.target)) continue;
    const byCluster = weights.get(e.target) ?? weights.set(e.target, new Map()).get(e.target)!;
    byCluster.set(cluster, (byCluster.get(cluster) ?? 0) + e.weight);
  }
  const home = new Map<string, string>();
  for (const [term, byCluster] of weights) {
    const [best] = [...byCluster].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
    home.set(term, best![0]);
  }
  return home;
}

/** Each document's MENTIONS_PER_DOCUMENT strongest mention edges (ties: the smaller entity id). */
function strongestMentions(edges: ViewEdge[], clusterOf: ReadonlyMap<string, string>): Set<ViewEdge> {
  const byDocument = new Map<string, ViewEdge[]>();
  for (const e of edges) if (e.type === 'mentions' && clusterOf.has(e.source)) byDocument.get(e.source)?.push(e) ?? byDocument.set(e.source, [e]);
  const kept = new Set<ViewEdge>();
  for (const list of byDocument.values()) {
    list.sort((a, b) => b.weight - a.weight || compare(a.target, b.target));
    for (const e of list.slice(0, MENTIONS_PER_DOCUMENT)) kept.add(e);
  }
  return kept;
}

/** A cluster node sits beside its entity (the parts of a split group around it), so the two do not cover each other. */
function besideEntity(entity: ViewNode, part: number, parts: number): { x: number; y: number } {
  const angle = Math.PI / 4 + (part * 2 * Math.PI) / parts;
  return { x: Math.round(entity.x + CLUSTER_OFFSET * Math.cos(angle)), y: Math.round(entity.y + CLUSTER_OFFSET * Math.sin(angle)) };
}

/** Where a cluster's documents are: around its entity, or (documents about nothing) at their middle. */
function clusterCentre(entity: ViewNode | undefined, documents: ViewNode[]): { x: number; y: number } {
  if (entity) return { x: entity.x, y: entity.y };
  const sum = documents.reduce((s, m) => ({ x: s.x + m.x, y: s.y + m.y }), { x: 0, y: 0 });
  return { x: Math.round(sum.x / documents.length), y: Math.round(sum.y / documents.length) };
}

/**
 * Folded terms are drawn on a ring just outside their cluster's documents (their place in the whole
 * layout comes from a handful of edges and says little); the parts of a split group share the ring.
 */
function ringAround(centre: { x: number; y: number }, documents: ViewNode[], terms: ViewNode[], part: number, parts: number): ViewNode[] {
  const radius = Math.max(0, ...documents.map((d) => Math.hypot(d.x - centre.x, d.y - centre.y))) + 80;
  const slice = (2 * Math.PI) / parts;
  return terms.map((t, i) => {
    const angle = part * slice + ((i + 0.5) * slice) / terms.length;
    return { ...t, x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) };
  });
}

/** Edges with a document end, moved to its cluster and summed; each cluster keeps its strongest few. */
function aggregateEdges(edges: ViewEdge[], clusterOf: ReadonlyMap<string, string>): ClusterEdge[] {
  const sums = new Map<string, ClusterEdge>();
  for (const e of edges) {
    const source = clusterOf.get(e.source) ?? e.source;
    const target = clusterOf.get(e.target) ?? e.target;
    if ((source === e.source && target === e.target) || source === target) continue;
    const key = `${source}|${e.type}|${target}`;
    const sum = sums.get(key);
    if (sum) sum.weight += e.weight;
    else sums.set(key, { source, target, type: e.type, weight: e.weight });
  }
  const byCluster = new Map<string, ClusterEdge[]>();
  for (const e of sums.values()) {
    for (const end of new Set([e.source, e.target])) if (end.startsWith('cluster:')) byCluster.get(end)?.push(e) ?? byCluster.set(end, [e]);
  }
  const kept = new Set<ClusterEdge>();
  for (const list of byCluster.values()) {
    list.sort((a, b) => b.weight - a.weight || byEdgeKey(a, b));
    for (const e of list.slice(0, EDGES_PER_CLUSTER)) kept.add(e);
  }
  return [...kept].sort(byEdgeKey);
}

// Plain code-unit order (not localeCompare): the same on every machine, so the same bytes.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => compare(a.id, b.id);
const edgeKey = (e: ClusterEdge) => `${e.source}|${e.type}|${e.target}`;
const byEdgeKey = (a: ClusterEdge, b: ClusterEdge) => compare(edgeKey(a), edgeKey(b));

/**
 * The clustered graph's files under the site root, above `clusterAbove` documents (none below): the
 * overview and one file per cluster, as values to write as JSON (graph-view.json itself is written
 * beside them, always). Keys and arrays in a fixed order: the same graph gives the same bytes.
 */
export function clusterFiles(view: GraphView, clusterAbove = CLUSTER_DOCUMENTS_ABOVE): { path: string; value: GraphOverview | ClusterView }[] {
  if (!isClustered(view, clusterAbove)) return [];
  const { overview, clusters } = clusterGraphView(view);
  const fileOf = new Map(overview.clusters.map((c) => [c.id, c.file]));
  return [{ path: OVERVIEW_URL.slice(1), value: overview }, ...clusters.map((c) => ({ path: fileOf.get(c.cluster)!.slice(1), value: c }))];
}

/** Whether the graph pages open on the clustered overview: more than `clusterAbove` documents. */
export function isClustered(view: GraphView, clusterAbove = CLUSTER_DOCUMENTS_ABOVE): boolean {
  return view.nodes.filter((n) => n.type === 'document').length > clusterAbove;
}

/**
 * DOCGRAPH_GRAPH_CLUSTER_ABOVE: a lower threshold, so a small site can be built clustered (tests, trying
 * the clustered page out). A whole number; anything else is an error that names the variable.
 */
export function clusterThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DOCGRAPH_GRAPH_CLUSTER_ABOVE;
  if (raw === undefined || raw === '') return CLUSTER_DOCUMENTS_ABOVE;
  const parsed = z.coerce.number().int().min(0).safeParse(raw);
  if (!parsed.success) throw new Error(`DOCGRAPH_GRAPH_CLUSTER_ABOVE=${JSON.stringify(raw)}: expected a whole number of documents (0 or more).`);
  return parsed.data;
}
