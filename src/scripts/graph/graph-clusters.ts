// The clustered graph of a big site (src/outputs/graph-overview.ts): cluster nodes in the picture, and
// opening one: fetch its file, check it, put its documents where the build laid them out (around the
// entity they are about) and draw their edges. An edge to a document in a cluster still folded waits
// until that cluster is opened too.
import type cytoscape from 'cytoscape';
import { z } from 'zod';
import { graphOverviewSchemas, type ClusterEdge, type GraphOverview, type ViewCluster } from '../../outputs/graph-overview.ts';
import type { ViewEdge, ViewNode } from '../../outputs/graph-view.ts';
import { relationPhrase } from '../../lib/relations.ts';
import type { GraphModel } from './graph-model.ts';

export interface Clusters {
  /** The folded cluster a node id names or holds (a cluster id, or a document inside one). */
  folded(id: string): ViewCluster | undefined;
  /** Every cluster still folded, biggest first. */
  list(): ViewCluster[];
  label(id: string): string | undefined;
  /** Opens a cluster; resolves with the nodes and edges it added to the picture. */
  open(cluster: ViewCluster): Promise<cytoscape.Collection>;
}

// The page's CSP (script-src 'self') forbids eval: zod must not try to compile its parsers with `new
// Function` (it would, for object schemas, and the attempt alone is reported as a violation).
z.config({ jitless: true });
const schemas = graphOverviewSchemas();

export async function loadOverview(url: string): Promise<GraphOverview> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const parsed = schemas.overview.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${url} is not a graph overview: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** The cytoscape nodes of the folded clusters. */
export function clusterNodeElements(overview: GraphOverview): cytoscape.ElementDefinition[] {
  return overview.clusters.map((c) => ({
    group: 'nodes' as const,
    // Typed as documents, so the node-type filter hides them with the documents they stand for.
    data: { id: c.id, type: 'document', cluster: true, label: c.label, shortLabel: c.label, size: Math.round(Math.min(90, 24 + Math.sqrt(c.documents) * 3)), fontSize: 16 },
    position: { x: c.x, y: c.y },
    classes: 'cluster',
  }));
}

/** The clusters' summed edges (drawn after the first paint, with the other edges). */
export function clusterEdgeElements(overview: GraphOverview): cytoscape.ElementDefinition[] {
  return overview.clusterEdges.map((e: ClusterEdge) => ({
    group: 'edges' as const,
    data: { id: `${e.source}|${e.type}|${e.target}`, source: e.source, target: e.target, type: e.type, weight: e.weight, width: Math.min(6, 1 + Math.log2(e.weight) / 2), phrase: relationPhrase(e.type) },
    classes: 'cluster-edge',
  }));
}

export interface ClusterHost {
  cy: cytoscape.Core;
  model: GraphModel;
  base: string;
  nodeElement(node: ViewNode): cytoscape.ElementDefinition;
  edgeElement(edge: ViewEdge): cytoscape.ElementDefinition;
}

export function createClusters(overview: GraphOverview, host: ClusterHost): Clusters {
  const { cy, model } = host;
  const folded = new Map(overview.clusters.map((c) => [c.id, c]));
  const holder = new Map(overview.clusters.flatMap((c) => c.members.map((m) => [m, c] as const)));
  const labels = new Map(overview.clusters.map((c) => [c.id, c.label]));
  /** Edges read from opened clusters whose other end is still folded. */
  const waiting = new Map<string, ViewEdge>();
  const opening = new Map<string, Promise<cytoscape.Collection>>();

  async function fetchCluster(cluster: ViewCluster): Promise<cytoscape.Collection> {
    const url = host.base + cluster.file;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const parsed = schemas.cluster.safeParse(await response.json());
    if (!parsed.success || parsed.data.cluster !== cluster.id) throw new Error(`${url} is not the file of ${cluster.label}.`);
    const file = parsed.data;
    folded.delete(cluster.id);
    const incoming = new Set(file.nodes.map((n) => n.id));
    const present = (id: string) => incoming.has(id) || model.node(id) !== undefined;
    const ready: ViewEdge[] = [];
    for (const e of [...waiting.values(), ...file.edges]) {
      const id = model.edgeId(e);
      if (model.edge(id)) continue;
      if (present(e.source) && present(e.target)) {
        ready.push(e);
        waiting.delete(id);
      } else waiting.set(id, e);
    }
    const unique = [...new Map(ready.map((e) => [model.edgeId(e), e])).values()];
    model.add(file.nodes, unique);
    let added = cy.collection();
    cy.batch(() => {
      cy.getElementById(cluster.id).remove();
      added = cy.add([...file.nodes.map(host.nodeElement), ...unique.map(host.edgeElement)]);
    });
    return added;
  }

  return {
    folded: (id) => folded.get(id) ?? (holder.get(id) && folded.has(holder.get(id)!.id) ? holder.get(id) : undefined),
    list: () => [...folded.values()].sort((a, b) => b.documents - a.documents || (a.id < b.id ? -1 : 1)),
    label: (id) => labels.get(id),
    open(cluster) {
      let pending = opening.get(cluster.id);
      if (!pending) {
        pending = fetchCluster(cluster).finally(() => opening.delete(cluster.id));
        opening.set(cluster.id, pending);
      }
      return pending;
    },
  };
}
