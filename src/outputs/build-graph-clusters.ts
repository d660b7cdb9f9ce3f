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

/** Above this many documents /graph/ opens on clusters; below, on the whole graph-view.json. */
export const CLUSTER_DOCUMENTS_ABOVE = LAYOUT_DOCUMENTS_UP_TO;
export const MAX_CLUSTER_DOCUMENTS = 500;
/** A cluster's strongest edges in the overview: enough to see what it is about, not 2,000 lines each. */
const EDGES_PER_CLUSTER = 24;
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

const documents = (n: number) => `${n} ${n === 1 ? 'document' : 'documents'}`;

export function clusterGraphView(view: GraphView, maxClusterDocuments = MAX_CLUSTER_DOCUMENTS): ClusteredGraph {
  const nodeById = new Map(view.nodes.map((n) => [n.id, n]));
  const anchors = documentAnchors(view);
  const groups = new Map<string, string[]>();
  for (const n of view.nodes) {
    if (n.type !== 'document') continue;
    const anchor = anchors.get(n.id) ?? NONE;
    groups.get(anchor)?.push(n.id) ?? groups.set(anchor, [n.id]);
  }
  const clusters: ViewCluster[] = [];
  const clusterOf = new Map<string, string>();
  for (const anchor of [...groups.keys()].sort()) {
    const parts = split(groups.get(anchor)!.sort(), maxClusterDocuments);
    const entity = nodeById.get(anchor);
    parts.forEach((members, i) => {
      const id = `cluster:${anchor}${parts.length > 1 ? `:${i + 1}` : ''}`;
      const about = entity ? `about ${entity.label}` : members.length === 1 ? 'that mentions no entity' : 'that mention no entity';
      const part = parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : '';
      for (const m of members) clusterOf.set(m, id);
      clusters.push({
        id,
        label: `${documents(members.length)} ${about}${part}`,
        ...(entity ? { anchor } : {}),
        ...clusterPosition(entity, members.map((m) => nodeById.get(m)!), i, parts.length),
        file: `/graph-view/c/${fileStem(anchor)}${parts.length > 1 ? `.${i + 1}` : ''}.json`,
        members,
      });
    });
  }
  const isDocument = (id: string) => clusterOf.has(id);
  return {
    overview: {
      schemaVersion: 1,
      nodes: view.nodes.filter((n) => n.type !== 'document').sort(byId),
      edges: view.edges.filter((e) => !isDocument(e.source) && !isDocument(e.target)).sort(byEdgeKey),
      clusters,
      clusterEdges: aggregateEdges(view.edges, clusterOf),
    },
    clusters: clusters.map((c) => {
      const inside = new Set(c.members);
      return {
        schemaVersion: 1,
        cluster: c.id,
        nodes: c.members.map((m) => nodeById.get(m)!),
        edges: strongestMentions(view.edges.filter((e) => inside.has(e.source) || inside.has(e.target)), clusterOf).sort(byEdgeKey),
      };
    }),
  };
}

/** Keeps each document's MENTIONS_PER_DOCUMENT strongest mention edges (ties: the smaller entity id), in input order. */
function strongestMentions(edges: ViewEdge[], clusterOf: ReadonlyMap<string, string>): ViewEdge[] {
  const byDocument = new Map<string, ViewEdge[]>();
  for (const e of edges) if (e.type === 'mentions' && clusterOf.has(e.source)) byDocument.get(e.source)?.push(e) ?? byDocument.set(e.source, [e]);
  const dropped = new Set<ViewEdge>();
  for (const list of byDocument.values()) {
    list.sort((a, b) => b.weight - a.weight || compare(a.target, b.target));
    for (const e of list.slice(MENTIONS_PER_DOCUMENT)) dropped.add(e);
  }
  return edges.filter((e) => !dropped.has(e));
}

/** Beside its entity (parts of a split group around it), or at the middle of its documents when it has none. */
function clusterPosition(entity: ViewNode | undefined, members: ViewNode[], part: number, parts: number): { x: number; y: number } {
  if (!entity) {
    const sum = members.reduce((s, m) => ({ x: s.x + m.x, y: s.y + m.y }), { x: 0, y: 0 });
    return { x: Math.round(sum.x / members.length), y: Math.round(sum.y / members.length) };
  }
  const angle = Math.PI / 4 + (part * 2 * Math.PI) / parts;
  return { x: Math.round(entity.x + CLUSTER_OFFSET * Math.cos(angle)), y: Math.round(entity.y + CLUSTER_OFFSET * Math.sin(angle)) };
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
 * The graph files under the site root: graph-view.json always; above `clusterAbove` documents also the
 * overview and one file per cluster. JSON without spaces, in a fixed order: same graph, same bytes.
 */
export function graphViewFiles(view: GraphView, clusterAbove = CLUSTER_DOCUMENTS_ABOVE): { path: string; data: string }[] {
  const json = (value: unknown) => `${JSON.stringify(value)}\n`;
  const files = [{ path: 'graph-view.json', data: json(view) }];
  if (view.nodes.filter((n) => n.type === 'document').length <= clusterAbove) return files;
  const { overview, clusters } = clusterGraphView(view);
  const fileOf = new Map(overview.clusters.map((c) => [c.id, c.file]));
  return [
    ...files,
    { path: OVERVIEW_URL.slice(1), data: json(overview) },
    ...clusters.map((c) => ({ path: fileOf.get(c.cluster)!.slice(1), data: json(c) })),
  ];
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
