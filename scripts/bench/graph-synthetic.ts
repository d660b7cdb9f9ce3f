// A generated graph view for the "5,000-node graph" measurement: nodes of every type and four edges per
// node (a few hubs, like real documentation), laid out with the build's own layout (draft quality at
// this size) so the browser does what it does with a real big site.
import { layoutGraph, seededRandom } from '../../src/outputs/graph-layout.ts';
import type { GraphView, ViewEdge, ViewNode, ViewNodeType } from '../../src/outputs/graph-view.ts';
import { RELATION_TYPES } from '../../src/pipeline/types.ts';

export function syntheticGraphView(nodeCount = 5_000, edgesPerNode = 4): GraphView {
  const random = seededRandom(42);
  const types: ViewNodeType[] = ['document', 'document', 'document', 'discovered', 'concept', 'tool', 'product'];
  const nodes = Array.from({ length: nodeCount }, (_, i) => {
    const type = types[i % types.length]!;
    return { id: `${type === 'document' ? 'doc:' : ''}n${i}`, type, label: `${type} ${i}`, url: type === 'document' ? `/docs/n${i}/` : `/entities/n${i}/` };
  });
  const edges: ViewEdge[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < nodeCount * edgesPerNode; i++) {
    const source = nodes[Math.floor(random() * nodeCount)]!;
    // Square the draw: low indices are hubs.
    const target = nodes[Math.floor(random() ** 2 * nodeCount)]!;
    const type = RELATION_TYPES[Math.floor(random() * RELATION_TYPES.length)]!;
    const id = `${source.id}|${type}|${target.id}`;
    if (source === target || seen.has(id)) continue;
    seen.add(id);
    edges.push({ source: source.id, target: target.id, type, weight: 1 + Math.floor(random() * 3) });
  }
  const positions = layoutGraph({ nodes, edges });
  return {
    schemaVersion: 1,
    nodes: nodes.map((n): ViewNode => ({ ...n, x: positions[n.id]!.x, y: positions[n.id]!.y })),
    edges,
  };
}
