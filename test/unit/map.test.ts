// The map of the whole domain (src/outputs/map/): which entities it shows, the layout (no two node or
// label boxes overlap, on the seed graph and on a synthetic one of 40+ entities), and the SVG and
// Mermaid output with hostile labels.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { boxesOverlap, layoutMap, type MapLayout } from '../../src/outputs/map/layout.ts';
import { edgeAnchor, MAP_MAX_NODES, selectMap } from '../../src/outputs/map/select.ts';
import { mapSvg } from '../../src/outputs/map/svg.ts';
import { mapMermaid } from '../../src/outputs/map/mermaid.ts';
import { mapFiles } from '../../src/outputs/map/files.ts';
import { createExporter } from '../../src/outputs/exports/files.ts';
import { oneLine } from '../../src/outputs/exports/text.ts';
import type { GraphEdge, GraphNode, KnowledgeGraph, NodeType, RelationType } from '../../src/pipeline/types.ts';
import { hostileGraph, HOSTILE } from '../fixtures/exports/hostile-graph.ts';
import { mediawikiSvgProblems } from '../helpers/mediawiki-svg.ts';
import { seedGraph } from '../helpers/seed-graph.ts';

const node = (id: string, type: NodeType, label = id): GraphNode => ({ id, type, label, aliases: [], description: '', url: `/entities/${id}/`, origin: type === 'discovered' ? 'discovered' : 'vocabulary' });
const edge = (source: string, type: RelationType, target: string, weight = 1, evidence = 1): GraphEdge => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
  weight,
  origin: 'extracted',
  evidence: Array.from({ length: evidence }, (_, i) => ({ doc: 'doc:a', file: 'a.md', section: 's', line: i + 1, sentence: `${source} ${type} ${target}` })),
});

const TYPES: NodeType[] = ['product', 'tool', 'concept', 'discovered'];
const RELATIONS: RelationType[] = ['replaces', 'renamed-to', 'sets-up', 'requires', 'part-of', 'option-of', 'alternative-to', 'works-with', 'prepares', 'integrates-with'];

/** 70 entities with long and short labels, ~150 relations from a fixed pseudo-random sequence, plus noise. */
function syntheticGraph(): KnowledgeGraph {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = ['Azure', 'Connect', 'Sync', 'Server', 'Online', 'Federation', 'Gateway', 'Directory', 'Policy', 'Hybrid', 'Identity', 'Exchange'];
  const nodes = Array.from({ length: 70 }, (_, i) =>
    node(`e${String(i).padStart(2, '0')}`, TYPES[i % 4]!, Array.from({ length: 1 + (i % 5) }, (_, j) => words[(i * 3 + j) % words.length]).join(' ')),
  );
  const edges = new Map<string, GraphEdge>();
  for (let k = 0; k < 150; k++) {
    // Skewed towards low ids, so there is a core and a periphery.
    const a = Math.floor(next() ** 2 * 70);
    const b = Math.floor(next() * 70);
    if (a === b) continue;
    const e = edge(nodes[a]!.id, RELATIONS[Math.floor(next() * RELATIONS.length)]!, nodes[b]!.id, 1 + Math.floor(next() * 4));
    edges.set(e.id, e);
  }
  const docs = [{ ...node('doc:a', 'document'), url: '/docs/a/' }];
  const noise = [edge('doc:a', 'mentions', 'e69', 500), edge('doc:a', 'links-to', 'e68', 500), { ...edge('e67', 'requires', 'e66', 400), evidence: [] }];
  return { schemaVersion: 1, nodes: [...nodes, ...docs], edges: [...edges.values(), ...noise] };
}

function overlaps(layout: MapLayout): string[] {
  const boxes = [...layout.nodes.map((n) => ({ name: `node ${n.node.id}`, ...n })), ...layout.edges.map((e) => ({ name: `label ${e.anchor}`, ...e.labelBox }))];
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(boxes[i]!, boxes[j]!)) found.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
  return found;
}

/** Lines that pass through a node other than their own two, or through another edge's label. */
function crossings(layout: MapLayout): string[] {
  const found: string[] = [];
  for (const e of layout.edges) {
    const boxes = [...layout.nodes.filter((n) => n.node.id !== e.from && n.node.id !== e.to).map((n) => ({ name: n.node.id, ...n })), ...layout.edges.filter((o) => o !== e).map((o) => ({ name: `label ${o.anchor}`, ...o.labelBox }))];
    for (const b of boxes) if (e.trace.some((p) => p.x > b.x + 1 && p.x < b.x + b.w - 1 && p.y > b.y + 1 && p.y < b.y + b.h - 1)) found.push(`${e.anchor} crosses ${b.name}`);
  }
  return found;
}

const inside = (layout: MapLayout) =>
  [...layout.nodes, ...layout.edges.map((e) => e.labelBox)].every((b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= layout.width && b.y + b.h <= layout.height);

describe('selectMap', () => {
  it('takes at most 40 entities, each related to another one on the map, most central first, the same every time', () => {
    const graph = syntheticGraph();
    const a = selectMap(graph);
    expect(a.nodes).toHaveLength(MAP_MAX_NODES);
    const ids = new Set(a.nodes.map((n) => n.node.id));
    for (const n of a.nodes) expect(a.edges.some((e) => e.edge.source !== e.edge.target && [e.edge.source, e.edge.target].includes(n.node.id)), n.node.id).toBe(true);
    for (const { edge: e } of a.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    // Every relation between two shown entities is shown; mentions, links and unevidenced edges never are.
    const between = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.evidence.length && e.type !== 'mentions' && e.type !== 'links-to');
    expect(a.edges.map((e) => e.edge.id).sort()).toEqual(between.map((e) => e.id).sort());
    expect(ids.has('e69') || ids.has('e68')).toBe(graph.edges.some((e) => ['e69', 'e68'].includes(e.source) && e.type !== 'mentions' && e.type !== 'links-to'));
    expect(a.omitted).toBeGreaterThan(0);
    for (let i = 1; i < a.nodes.length; i++) expect(a.nodes[i - 1]!.score).toBeGreaterThanOrEqual(a.nodes[i]!.score);
    // Input order does not matter.
    const shuffled = { ...graph, nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() };
    const b = selectMap(shuffled);
    expect(b.nodes.map((n) => n.node.id)).toEqual(a.nodes.map((n) => n.node.id));
    expect(b.edges.map((e) => e.anchor)).toEqual(a.edges.map((e) => e.anchor));
  });

  it('shows every related entity when there are fewer than the cap, and prefers vocabulary entities on ties', () => {
    // Two identical stars: a vocabulary centre and a discovered one.
    const nodes = [node('vocab', 'concept'), node('disc', 'discovered'), ...['a', 'b', 'c', 'd'].map((id) => node(id, 'product')), node('lonely', 'tool')];
    const edges = [edge('vocab', 'requires', 'a'), edge('vocab', 'requires', 'b'), edge('disc', 'requires', 'c'), edge('disc', 'requires', 'd')];
    const map = selectMap({ schemaVersion: 1, nodes, edges });
    // The discovered centre counts half: below its own (vocabulary) leaves; equal scores go by id.
    expect(map.nodes.map((n) => n.node.id)).toEqual(['vocab', 'a', 'b', 'c', 'd', 'disc']);
    expect(selectMap({ schemaVersion: 1, nodes, edges }, { max: 3 }).nodes.map((n) => n.node.id)).toEqual(['vocab', 'a', 'b']);
    expect(selectMap({ schemaVersion: 1, nodes, edges: [] }).nodes).toEqual([]);
  });

  it('gives every edge a unique HTML id', () => {
    expect(edgeAnchor({ id: 'azure-ad-connect|replaces|dirsync' })).toBe('map-azure-ad-connect--replaces--dirsync');
    const graph: KnowledgeGraph = { schemaVersion: 1, nodes: [node('a b', 'tool'), node('a_b', 'tool'), node('c', 'tool')], edges: [edge('a b', 'requires', 'c'), edge('a_b', 'requires', 'c')] };
    const anchors = selectMap(graph).edges.map((e) => e.anchor);
    expect(new Set(anchors).size).toBe(2);
    for (const a of anchors) expect(a).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
  });
});

describe('layoutMap', () => {
  it('keeps every node box and edge label box apart on a synthetic graph of 40 entities', () => {
    const layout = layoutMap(selectMap(syntheticGraph()));
    expect(layout.nodes).toHaveLength(40);
    expect(layout.edges.length).toBeGreaterThan(40);
    expect(overlaps(layout)).toEqual([]);
    expect(crossings(layout)).toEqual([]);
    expect(inside(layout)).toBe(true);
    // Deterministic.
    expect(JSON.stringify(layoutMap(selectMap(syntheticGraph())))).toBe(JSON.stringify(layout));
  });

  it('draws old before new and wholes before parts, left to right, with words that read along the arrow', () => {
    const nodes = ['new', 'old', 'whole', 'part'].map((id) => node(id, 'product'));
    const layout = layoutMap(selectMap({ schemaVersion: 1, nodes, edges: [edge('new', 'replaces', 'old'), edge('part', 'part-of', 'whole'), edge('new', 'part-of', 'whole')] }));
    const at = new Map(layout.nodes.map((n) => [n.node.id, n]));
    expect(at.get('old')!.x).toBeLessThan(at.get('new')!.x);
    expect(at.get('whole')!.x).toBeLessThan(at.get('part')!.x);
    const replaces = layout.edges.find((e) => e.edge.type === 'replaces')!;
    expect([replaces.from, replaces.label, replaces.to]).toEqual(['old', 'is replaced by', 'new']);
    // The line ends on the left border of the arrowhead's node, coming in straight.
    const end = replaces.trace.at(-1)!;
    expect(end.x).toBe(at.get('new')!.x);
    expect(Math.abs(end.y - (at.get('new')!.y + at.get('new')!.h / 2))).toBeLessThanOrEqual(0.5);
    expect(replaces.path).toMatch(/^M[\d.]+,[\d.]+( [LC][\d., ]+)+$/);
  });
});

describe('the map of content/', () => {
  let graph: KnowledgeGraph;
  beforeAll(async () => {
    graph = await seedGraph();
  });

  it('shows how DirSync, Azure AD Connect, AD FS, the sign-in options and hybrid fit together, without overlaps', () => {
    const selection = selectMap(graph);
    const related = new Set(graph.edges.filter((e) => e.type !== 'mentions' && e.type !== 'links-to').flatMap((e) => [e.source, e.target]));
    expect(selection.nodes.length).toBe(Math.min(40, related.size));
    expect(selection.nodes.length).toBeGreaterThanOrEqual(25);
    const ids = selection.nodes.map((n) => n.node.id);
    for (const id of ['dirsync', 'azure-ad-connect', 'ad-fs', 'password-hash-sync', 'pass-through-authentication', 'single-sign-on', 'hybrid-environment']) expect(ids).toContain(id);
    expect(selection.edges.map((e) => e.edge.id)).toContain('azure-ad-connect|replaces|dirsync');
    const layout = layoutMap(selection);
    expect(overlaps(layout)).toEqual([]);
    expect(crossings(layout)).toEqual([]);
    expect(inside(layout)).toBe(true);
  });

  it('writes the SVG, PNG (same bytes every time), Mermaid and oEmbed files through the exporter', () => {
    const options = { site: 'https://docs.example.com', base: '/handbook/', title: 'Hybrid <docs>' };
    const files = [...mapFiles(graph, options)];
    expect(files.map((f) => f.path)).toEqual(['embed/map.svg', 'embed/map.png', 'embed/map.mmd', 'embed/map.oembed.json']);
    const exporter = createExporter(graph, options);
    for (const f of files) expect(exporter.file(f.path)?.path).toBe(f.path);
    expect([...exporter.files()].map((f) => f.path)).toContain('embed/map.png');
    const png = files[1] as { bytes: () => Uint8Array };
    const bytes = png.bytes();
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(Buffer.from(png.bytes()).equals(Buffer.from(bytes))).toBe(true);
    const svg = (files[0] as { data: string }).data;
    expect(mediawikiSvgProblems(svg)).toEqual([]);
    expect(svg).toContain('href="https://docs.example.com/handbook/entities/azure-ad-connect/"');
    expect(svg).toContain('href="https://docs.example.com/handbook/map/#map-azure-ad-connect--replaces--dirsync"');
    const oembed = JSON.parse((files[3] as { data: string }).data) as { html: string; title: string };
    expect(oembed.title).toBe('Map of Hybrid <docs>');
    expect(oembed.html).toContain('src="https://docs.example.com/handbook/embed/map/"');
    // Without a site URL: no links at all in the file.
    const relative = (mapFiles(graph, { base: '/', title: 'x' }).next().value as { data: string }).data;
    expect(relative).not.toMatch(/<a\b|href=/);
  });
});

describe('mapSvg and mapMermaid with hostile labels', () => {
  const graph = hostileGraph();
  const layout = layoutMap(selectMap(graph));
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false, htmlEntities: true, alwaysCreateTextNode: true });

  it('keeps every label as text in the file and in the page form', () => {
    expect(layout.nodes.length).toBeGreaterThan(10);
    const file = mapSvg(layout, { mode: 'file', title: HOSTILE[0], nodeHref: (n) => (n.id === 'n3' ? 'javascript:alert(1)' : `https://docs.example.com${n.url}`) });
    const page = mapSvg(layout, { mode: 'page', title: HOSTILE[1], nodeHref: (n) => (n.id === 'n3' ? 'javascript:alert(1)' : n.url), edgeHref: (e) => `#${e.anchor}` });
    for (const svg of [file, page]) {
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).not.toMatch(/<script|<style|<foreignObject|href="javascript:|\son[a-z]+=|style=/i);
      expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      parser.parse(svg);
    }
    expect(mediawikiSvgProblems(file)).toEqual([]);
    expect(page).not.toContain('<?xml');
    expect(page).toContain('href="#map-');
    // The file's title and description carry the labels as text.
    const tree = parser.parse(file) as { svg: { title: { '#text': string }; desc: { '#text': string } } };
    expect(tree.svg.title['#text']).toBe(oneLine(HOSTILE[0]));
    expect(tree.svg.desc['#text']).toContain(oneLine(HOSTILE[1]));
  });

  it('writes Mermaid with quoted, entity-coded labels only', () => {
    const mmd = mapMermaid(layout);
    expect(mmd.startsWith('graph LR\n')).toBe(true);
    for (const line of mmd.trimEnd().split('\n').slice(1)) {
      expect(line).toMatch(/^ {2}(e_[A-Za-z0-9_]+(\{\{"[^"]*"\}\}|\("[^"]*"\)|\["[^"]*"\])|e_[A-Za-z0-9_]+ (-->|---)\|"[^"]*"\| e_[A-Za-z0-9_]+|classDef [a-z]+ [^;]+|class [A-Za-z0-9_,]+ [a-z]+)$/);
    }
    expect(mmd).not.toMatch(/<script|%%|^\s*click /m);
    expect(mmd).toContain('#60;script#62;');
    expect(mmd).toContain('#34;#93;');
  });
});
