// "How do these fit together?": the shortest evidenced paths between two nodes of the graph. Edges are
// walked in both directions (DirSync <-replaces- Azure AD Connect -sets-up-> single sign-on is one path),
// and every hop keeps the edge it uses so the page can quote the sentence that states it.

export interface PathEdge {
  source: string;
  target: string;
  type: string;
}

export interface PathHop<E extends PathEdge = PathEdge> {
  from: string;
  to: string;
  edge: E;
  /** True when the hop walks the edge from its target to its source. */
  reversed: boolean;
}

export interface PathOptions {
  /** At most this many paths (all of the shortest length), in a stable order. */
  maxPaths?: number;
  /** Give up beyond this many hops. */
  maxHops?: number;
}

/**
 * Every shortest path from `from` to `to` over `edges` (undirected), up to `maxPaths`, ordered by the
 * sequence of edge positions in `edges` (so the result is the same for the same graph). Empty when there
 * is no path; a single empty path when `from === to`.
 */
export function shortestPaths<E extends PathEdge>(edges: readonly E[], from: string, to: string, options: PathOptions = {}): PathHop<E>[][] {
  const maxPaths = options.maxPaths ?? 3;
  const maxHops = options.maxHops ?? 8;
  if (from === to) return [[]];
  const adjacent = new Map<string, PathHop<E>[]>();
  const add = (hop: PathHop<E>) => {
    const list = adjacent.get(hop.from) ?? [];
    list.push(hop);
    adjacent.set(hop.from, list);
  };
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    add({ from: edge.source, to: edge.target, edge, reversed: false });
    add({ from: edge.target, to: edge.source, edge, reversed: true });
  }
  // Breadth-first from `from`, remembering every hop that reaches a node at its shortest distance.
  const distance = new Map<string, number>([[from, 0]]);
  const arrivals = new Map<string, PathHop<E>[]>();
  let frontier = [from];
  while (frontier.length > 0 && !distance.has(to)) {
    const depth = distance.get(frontier[0]!)! + 1;
    if (depth > maxHops) break;
    const next: string[] = [];
    for (const node of frontier) {
      for (const hop of adjacent.get(node) ?? []) {
        const seen = distance.get(hop.to);
        if (seen === undefined) {
          distance.set(hop.to, depth);
          next.push(hop.to);
        }
        if (seen !== undefined && seen !== depth) continue;
        const list = arrivals.get(hop.to);
        if (list) list.push(hop);
        else arrivals.set(hop.to, [hop]);
      }
    }
    frontier = next;
  }
  if (!distance.has(to)) return [];
  // Walk back from `to` over the recorded arrivals; the first paths found are the first in edge order.
  const paths: PathHop<E>[][] = [];
  const walk = (node: string, suffix: PathHop<E>[]) => {
    if (paths.length >= maxPaths) return;
    if (node === from) {
      paths.push(suffix);
      return;
    }
    for (const hop of arrivals.get(node) ?? []) walk(hop.from, [hop, ...suffix]);
  };
  walk(to, []);
  return paths;
}

/**
 * The nodes within `depth` hops of `focus` (edges walked both ways), nearest first. With `maxNodes`, the
 * walk stops adding nodes once that many are in (the focus counts), taking `edges` in the order given,
 * so callers put the edges they care about most first.
 */
export function neighbourhood(edges: readonly PathEdge[], focus: string, depth: number, maxNodes = Infinity): string[] {
  return neighbourhoodIn(adjacency(edges), focus, depth, maxNodes);
}

/** Each node's neighbours in edge order (both directions): built once when many neighbourhoods are taken. */
export function adjacency(edges: readonly PathEdge[]): Map<string, string[]> {
  const adjacent = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = adjacent.get(from);
    if (list) list.push(to);
    else adjacent.set(from, [to]);
  };
  for (const edge of edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  return adjacent;
}

/** `neighbourhood` over a prebuilt `adjacency`. */
export function neighbourhoodIn(adjacent: ReadonlyMap<string, readonly string[]>, focus: string, depth: number, maxNodes = Infinity): string[] {
  const seen = new Set([focus]);
  let frontier = [focus];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const other of adjacent.get(node) ?? []) {
        if (seen.size >= maxNodes) return [...seen];
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return [...seen];
}
