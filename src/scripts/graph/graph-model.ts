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
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

export function edgeId(edge: ViewEdge): string {
  return `${edge.source}|${edge.type}|${edge.target}`;
}

export function createModel(view: GraphView): GraphModel {
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const edges = new Map(view.edges.map((e) => [edgeId(e), e]));
  const edgesOf = new Map<string, ViewEdge[]>();
  for (const edge of view.edges) {
    for (const end of [edge.source, edge.target]) {
      const list = edgesOf.get(end);
      if (list) list.push(edge);
      else edgesOf.set(end, [edge]);
    }
  }
  // Entities before documents, then by degree: "AD FS" should find the entity, not a page titled so.
  const rank = (n: ViewNode) => (n.type === 'document' ? 1 : 0);
  const names = view.nodes
    .flatMap((n) => [n.id, n.label, ...(n.aliases ?? [])].map((name) => ({ name: fold(name), node: n })))
    .sort((a, b) => rank(a.node) - rank(b.node) || (edgesOf.get(b.node.id)?.length ?? 0) - (edgesOf.get(a.node.id)?.length ?? 0));
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
  };
}
