// The same neighbourhood as the SVG, as Mermaid text for wikis that render Mermaid themselves (GitLab,
// Azure DevOps, GitHub). Content never reaches Mermaid as syntax: node ids are made from [A-Za-z0-9_]
// only, every label is quoted with anything beyond letters, digits and plain punctuation written as a
// Mermaid entity code (`#60;`), so a label cannot close its quotes, start a directive (`%%{init}%%`),
// a comment or a `click` interaction. Only `graph LR`, nodes, links and classDef/class lines are emitted,
// a subset old Mermaid versions (Azure DevOps) read too.
import type { GraphNode } from '../../pipeline/types.ts';
import { SYMMETRIC_RELATIONS, type Neighbourhood } from './neighbourhood.ts';
import { oneLine } from './text.ts';

const CLASS_STYLES: Record<string, string> = {
  product: 'fill:#dbeafe,stroke:#1d4ed8,color:#111827',
  tool: 'fill:#dcfce7,stroke:#15803d,color:#111827',
  concept: 'fill:#fef3c7,stroke:#b45309,color:#111827',
  discovered: 'fill:#f3f4f6,stroke:#4b5563,color:#111827,stroke-dasharray:5 3',
};

/** Label text inside `"..."`: letters, digits, spaces and harmless punctuation pass; the rest become `#code;`. */
export function mermaidText(text: string): string {
  return [...oneLine(text)].map((ch) => (/^[\p{L}\p{N} .,:/()+_'?!-]$/u.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('');
}

/** A Mermaid node id for a graph id: `e_` + [A-Za-z0-9_], so no id is a keyword (`end`, `click`, `graph`). */
export function mermaidId(id: string): string {
  return `e_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The node statement: a shape per type (tools hexagons, concepts rounded, the rest boxes). */
function nodeStatement(id: string, node: GraphNode): string {
  const label = `"${mermaidText(node.label)}"`;
  if (node.type === 'tool') return `${id}{{${label}}}`;
  if (node.type === 'concept') return `${id}(${label})`;
  return `${id}[${label}]`;
}

export function neighbourhoodMermaid(hood: Neighbourhood): string {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const node of [hood.centre, ...hood.neighbours.map((n) => n.node)]) {
    // Two graph ids can clean to the same Mermaid id (`a-b`, `a_b`): number the later ones.
    let id = mermaidId(node.id);
    for (let i = 2; used.has(id); i++) id = `${mermaidId(node.id)}_${i}`;
    used.add(id);
    ids.set(node.id, id);
  }
  const centre = ids.get(hood.centre.id)!;
  const lines = ['graph LR', `  ${nodeStatement(centre, hood.centre)}`];
  for (const n of hood.neighbours) lines.push(`  ${nodeStatement(ids.get(n.node.id)!, n.node)}`);
  for (const n of hood.neighbours) {
    const other = ids.get(n.node.id)!;
    for (const r of n.relations) {
      const link = SYMMETRIC_RELATIONS.has(r.type) ? '---' : '-->';
      const [from, to] = r.outgoing ? [centre, other] : [other, centre];
      lines.push(`  ${from} ${link}|"${mermaidText(r.type)}"| ${to}`);
    }
  }
  const byClass = new Map<string, string[]>();
  for (const node of [hood.centre, ...hood.neighbours.map((n) => n.node)]) {
    if (!CLASS_STYLES[node.type]) continue;
    byClass.set(node.type, [...(byClass.get(node.type) ?? []), ids.get(node.id)!]);
  }
  for (const [type, members] of [...byClass].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  classDef ${type} ${CLASS_STYLES[type]}`, `  class ${members.join(',')} ${type}`);
  }
  lines.push('  classDef centre stroke-width:3px,font-weight:bold', `  class ${centre} centre`);
  return lines.join('\n') + '\n';
}
