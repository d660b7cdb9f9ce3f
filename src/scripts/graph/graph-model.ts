// The graph-view.json data in the browser: look-ups by id, by name (label or alias) and by neighbour.
import type { GraphView, ViewEdge, ViewNode } from '../../outputs/graph-view.ts';
import type { RelationType } from '../../pipeline/types.ts';

/** Relations that are statements with evidence; mentions and links only say that a page names or links. */
export const UNEVIDENCED: ReadonlySet<RelationType> = new Set(['mentions', 'links-to']);

export interface GraphModel {
  view: GraphView;
  node(id: string): ViewNode | undefined;
  edgeId(edge: ViewEdge): string;
  edge(id: string): ViewEdge | undefined;
  edgesOf(id: string): ViewEdge[];
  degree(id: string): number;
  /**
   * The node a reader means by a name: id, label or alias; exact first, then (unless `exact`) prefix,
   * then substring.
   */
  find(name: string, exact?: boolean): ViewNode | undefined;
  /** Adds the nodes and edges of an opened cluster (graph-clusters.ts); ids already there are skipped. */
  add(nodes: ViewNode[], edges: ViewEdge[]): void;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

export function edgeId(edge: ViewEdge): string {
  return `${edge.source}|${edge.type}|${edge.target}`;
}

export function createModel(initial: GraphView): GraphModel {
  // A copy: opening a cluster adds to it, and the caller's view stays as loaded.
  const view: GraphView = { ...initial, nodes: [...initial.nodes], edges: [...initial.edges] };
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const edges = new Map(view.edges.map((e) => [edgeId(e), e]));
  const edgesOf = new Map<string, ViewEdge[]>();
  const index = (edge: ViewEdge) => {
    for (const end of [edge.source, edge.target]) {
      const list = edgesOf.get(end);
      if (list) list.push(edge);
      else edgesOf.set(end, [edge]);
    }
  };
  view.edges.forEach(index);
  // Entities before documents, then by degree: "AD FS" should find the entity, not a page titled so.
  const rank = (n: ViewNode) => (n.type === 'document' ? 1 : 0);
  const nameEntries = (list: ViewNode[]) => list.flatMap((n) => [n.id, n.label, ...(n.aliases ?? [])].map((name) => ({ name: fold(name), node: n })));
  let names = nameEntries(view.nodes);
  const sortNames = () => names.sort((a, b) => rank(a.node) - rank(b.node) || (edgesOf.get(b.node.id)?.length ?? 0) - (edgesOf.get(a.node.id)?.length ?? 0));
  sortNames();
  return {
    view,
    node: (id) => nodes.get(id),
    edgeId,
    edge: (id) => edges.get(id),
    edgesOf: (id) => edgesOf.get(id) ?? [],
    degree: (id) => edgesOf.get(id)?.length ?? 0,
    find(name, exact = false) {
      const q = fold(name);
      if (!q) return undefined;
      const found = nodes.get(name.trim()) ?? names.find((n) => n.name === q)?.node;
      if (found || exact) return found;
      return (
        names.find((n) => n.name.startsWith(q))?.node ??
        names.find((n) => n.name.includes(q))?.node
      );
    },
    add(newNodes, newEdges) {
      const fresh = newNodes.filter((n) => !nodes.has(n.id));
      for (const n of fresh) nodes.set(n.id, n);
      view.nodes.push(...fresh);
      for (const e of newEdges) {
        if (edges.has(edgeId(e))) continue;
        edges.set(edgeId(e), e);
        view.edges.push(e);
        index(e);
      }
      names = names.concat(nameEntries(fresh));
      sortNames();
    },
  };
}
