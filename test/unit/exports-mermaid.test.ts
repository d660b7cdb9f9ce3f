// No light Mermaid parser exists for flowcharts (mermaid itself needs a DOM; @mermaid-js/parser does not
// cover flowcharts yet), so the output is checked against a strict grammar of the few statement kinds
// the exporter may emit: anything else, a directive, a comment or an interaction fails the test.
import { describe, expect, it } from 'vitest';
import { mermaidId, mermaidText, neighbourhoodMermaid } from '../../src/outputs/exports/mermaid.ts';
import { pickNeighbourhood } from '../../src/outputs/exports/neighbourhood.ts';
import { oneLine } from '../../src/outputs/exports/text.ts';
import { hostileGraph, HOSTILE } from '../fixtures/exports/hostile-graph.ts';

const ID = '(e_[A-Za-z0-9_]+)';
const LABEL = '"((?:[\\p{L}\\p{N} .,:/()+_\'?!-]|#\\d+;)*)"';
const STATEMENTS = {
  node: new RegExp(`^  ${ID}(?:\\[${LABEL}\\]|\\(${LABEL}\\)|\\{\\{${LABEL}\\}\\})$`, 'u'),
  link: new RegExp(`^  ${ID} (-->|---)\\|${LABEL}\\| ${ID}$`, 'u'),
  classDef: /^  classDef (product|tool|concept|discovered|centre) [a-z-]+:[#a-z0-9 ]+(,[a-z-]+:[#a-z0-9 ]+)*$/,
  class: /^  class (e_[A-Za-z0-9_]+(?:,e_[A-Za-z0-9_]+)*) (product|tool|concept|discovered|centre)$/,
};

const decode = (text: string) => text.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

function parse(mermaid: string) {
  const [header, ...lines] = mermaid.trimEnd().split('\n');
  expect(header).toBe('graph LR');
  const nodes = new Map<string, string>();
  const links: { from: string; kind: string; label: string; to: string }[] = [];
  for (const line of lines) {
    const node = STATEMENTS.node.exec(line);
    const link = STATEMENTS.link.exec(line);
    if (node) nodes.set(node[1]!, decode(node[2] ?? node[3] ?? node[4]!));
    else if (link) links.push({ from: link[1]!, kind: link[2]!, label: decode(link[3]!), to: link[4]! });
    else expect(STATEMENTS.classDef.test(line) || STATEMENTS.class.test(line), `unexpected statement: ${line}`).toBe(true);
  }
  return { nodes, links };
}

describe('neighbourhoodMermaid', () => {
  const graph = hostileGraph();
  const hood = pickNeighbourhood(graph, 'centre', { limit: 100 })!;
  const mermaid = neighbourhoodMermaid(hood);

  it('emits only graph LR, quoted nodes, labelled links and class lines', () => {
    const { nodes, links } = parse(mermaid);
    expect(nodes.size).toBe(19);
    expect(links).toHaveLength(hood.neighbours.reduce((n, x) => n + x.relations.length, 0));
    for (const l of links) {
      expect(nodes.has(l.from) && nodes.has(l.to)).toBe(true);
      expect(l.kind).toBe(['works-with', 'integrates-with', 'alternative-to'].includes(l.label) ? '---' : '-->');
    }
  });

  it('never lets content become a directive, comment, interaction or markdown string', () => {
    // Labels may say "click" or "javascript:" as text, inside quotes; the grammar above pins the rest.
    expect(mermaid).not.toMatch(/%%|`|<|\{\s*init|#quot/);
    for (const line of mermaid.split('\n')) expect(line).not.toMatch(/^\s*(click|%%|style|linkStyle|subgraph|end)\b/);
    expect(mermaid).not.toContain('\r');
  });

  it('decodes back to every label, on one line', () => {
    const { nodes } = parse(mermaid);
    const labels = [...nodes.values()];
    for (const label of HOSTILE) expect(labels).toContain(oneLine(label));
  });

  it('turns colliding ids into distinct Mermaid ids and relations into edge labels', () => {
    const { nodes, links } = parse(mermaid);
    // a_b comes first (alternative-to sorts before integrates-with), so a-b is numbered.
    expect(nodes.get('e_a_b')).toBe('underscore id');
    expect(nodes.get('e_a_b_2')).toBe('dash id');
    expect(links).toContainEqual({ from: 'e_centre', kind: '---', label: 'integrates-with', to: 'e_a_b_2' });
    expect(links).toContainEqual({ from: 'e_n1', kind: '-->', label: 'requires', to: 'e_centre' });
    expect(mermaidId('end')).toBe('e_end');
  });

  it('escapes everything beyond letters, digits and plain punctuation', () => {
    expect(mermaidText('a "b" <c> #d; `e` %f [g] {h} |i| ;')).toBe(
      'a #34;b#34; #60;c#62; #35;d#59; #96;e#96; #37;f #91;g#93; #123;h#125; #124;i#124; #59;',
    );
    expect(mermaidText('Straße 中文 1.0')).toBe('Straße 中文 1.0');
  });
});
