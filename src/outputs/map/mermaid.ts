// The map as Mermaid text (/embed/map.mmd) for wikis that draw Mermaid themselves. The same entities,
// relations and reading direction as the SVG (`graph LR`, replacements and wholes first); Mermaid does
// its own layout. Content never becomes syntax: ids are [A-Za-z0-9_] and labels go through mermaidText,
// as in the entity embeds (src/outputs/exports/mermaid.ts).
import type { GraphNode } from '../../pipeline/types.ts';
import { mermaidId, mermaidText } from '../exports/mermaid.ts';
import { SYMMETRIC_RELATIONS } from '../exports/neighbourhood.ts';
import type { MapLayout } from './layout.ts';

const CLASS_STYLES: Record<string, string> = {
  product: 'fill:#dbeafe,stroke:#1d4ed8,color:#111827',
  tool: 'fill:#dcfce7,stroke:#15803d,color:#111827',
  concept: 'fill:#fef3c7,stroke:#b45309,color:#111827',
  discovered: 'fill:#f3f4f6,stroke:#4b5563,color:#111827,stroke-dasharray:5 3',
};

function nodeStatement(id: string, node: GraphNode): string {
  const label = `"${mermaidText(node.label)}"`;
  if (node.type === 'tool') return `${id}{{${label}}}`;
  if (node.type === 'concept') return `${id}(${label})`;
  return `${id}[${label}]`;
}

export function mapMermaid(layout: MapLayout): string {
  const nodes = [...layout.nodes].map((n) => n.node).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const node of nodes) {
    let id = mermaidId(node.id);
    for (let i = 2; used.has(id); i++) id = `${mermaidId(node.id)}_${i}`;
    used.add(id);
    ids.set(node.id, id);
  }
  const lines = ['graph LR'];
  for (const node of nodes) lines.push(`  ${nodeStatement(ids.get(node.id)!, node)}`);
  for (const e of layout.edges) {
    const link = SYMMETRIC_RELATIONS.has(e.edge.type) ? '---' : '-->';
    lines.push(`  ${ids.get(e.from)} ${link}|"${mermaidText(e.label)}"| ${ids.get(e.to)}`);
  }
  const byClass = new Map<string, string[]>();
  for (const node of nodes) {
    if (!CLASS_STYLES[node.type]) continue;
    byClass.set(node.type, [...(byClass.get(node.type) ?? []), ids.get(node.id)!]);
  }
  for (const [type, members] of [...byClass].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  classDef ${type} ${CLASS_STYLES[type]}`, `  class ${members.join(',')} ${type}`);
  return lines.join('\n') + '\n';
}
