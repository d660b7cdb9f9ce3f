// The SVG and PNG embeds as wikis take them: MediaWiki's upload checks (test/helpers/mediawiki-svg.ts)
// with and without a site URL, no edge drawn across another edge's relation label (seed content and a
// 36-neighbour view), rendering by librsvg (MediaWiki's renderer) and PNGs that are the same every build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExports } from '../../src/build/data-files.ts';
import { isEntityNode } from '../../src/lib/graph.ts';
import { exportFiles } from '../../src/outputs/exports/files.ts';
import type { Neighbour, Neighbourhood } from '../../src/outputs/exports/neighbourhood.ts';
import { PNG_ZOOM, svgToPng } from '../../src/outputs/exports/png.ts';
import { entityRouteId } from '../../src/outputs/exports/snippets.ts';
import { neighbourhoodSvg } from '../../src/outputs/exports/svg.ts';
import { RELATION_TYPES, type GraphNode, type KnowledgeGraph, type NodeType } from '../../src/pipeline/types.ts';
import { hostileGraph } from '../fixtures/exports/hostile-graph.ts';
import { mediawikiSvgProblems } from '../helpers/mediawiki-svg.ts';
import { seedGraph } from '../helpers/seed-graph.ts';
import { tempDir } from '../helpers/temp.ts';

const SITE = 'https://docs.example.com';
let seed: KnowledgeGraph;
beforeAll(async () => {
  seed = await seedGraph();
}, 120_000);

const svgsOf = (graph: KnowledgeGraph, site?: string) =>
  [...exportFiles(graph, { site, base: '/handbook/', title: 'docgraph' })].filter((f): f is { path: string; data: string } => f.path.startsWith('embed/svg/') && 'data' in f);

const node = (id: string, type: NodeType, label: string): GraphNode => ({ id, type, label, aliases: [], description: '', url: `/entities/${id}/`, origin: 'vocabulary' });

/** 36 neighbours, some with several relations (long labels), both directions and symmetric ones. */
function busyHood(): Neighbourhood {
  const types: NodeType[] = ['product', 'tool', 'concept', 'discovered'];
  const neighbours: Neighbour[] = Array.from({ length: 36 }, (_, i) => ({
    node: node(`n${i}`, types[i % 4]!, `Neighbour number ${i} ${'with a long name '.repeat(i % 3)}`),
    relations: Array.from({ length: 1 + (i % 3) }, (_, k) => ({ type: RELATION_TYPES[(i + k * 5) % RELATION_TYPES.length]!, outgoing: (i + k) % 2 === 0, weight: 3 - k })),
    weight: 3,
  }));
  return { centre: node('hub', 'product', 'Busy hub'), neighbours, omitted: 4 };
}

describe('MediaWiki upload checks', () => {
  it('flag what MediaWiki refuses (the checker is not vacuous)', () => {
    const svg = (body: string) => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
    expect(mediawikiSvgProblems(svg('<a target="_top" href="/entities/x/"><text>x</text></a>'))[0]).toMatch(/^uploaded-href-attribute-svg/);
    expect(mediawikiSvgProblems(svg('<script>alert(1)</script>'))).toContain('uploaded-script-svg: <script>');
    expect(mediawikiSvgProblems(svg('<rect onclick="x()"/>'))[0]).toMatch(/^uploaded-event-handler/);
    expect(mediawikiSvgProblems(svg('<style>rect{fill:url(https://evil/x)}</style>'))[0]).toMatch(/^uploaded-hostile-svg/);
    expect(mediawikiSvgProblems(svg('<a href="https://x/"><text>x</text></a>'))[0]).toMatch(/<a href in the first KB/);
    expect(mediawikiSvgProblems(svg('<a target="_top" href="https://x/"><rect marker-end="url(#m)"/></a>'))).toEqual([]);
  });

  for (const site of [SITE, undefined]) {
    it(`pass for every SVG of the seed content and the hostile graph, ${site ? 'with absolute links' : 'without links when the site URL is unknown'}`, () => {
      for (const graph of [seed, hostileGraph()]) {
        for (const { path, data } of svgsOf(graph, site)) {
          expect(mediawikiSvgProblems(data), path).toEqual([]);
          const hrefs = [...data.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
          if (site) expect(hrefs.every((h) => h.startsWith(`${SITE}/handbook/`)), path).toBe(true);
          else expect(hrefs, path).toEqual([]);
        }
      }
      expect(mediawikiSvgProblems(neighbourhoodSvg(busyHood(), { href: (n) => `${SITE}${n.url}` }))).toEqual([]);
    });
  }
});

type Box = { x: number; y: number; w: number; h: number };
type Point = [number, number];

/** The edges (as polylines) and the label boxes of an SVG, in drawing order (edge i has label i). */
function geometry(svg: string): { edges: Point[][]; labels: Box[] } {
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['g', 'path', 'rect'].includes(name) }).parse(svg) as { svg: { g: Record<string, unknown>[] } };
  const groups = (tree.svg.g[0]!.g ?? []) as { path?: { class?: string; d: string }[]; class?: string; rect?: Record<string, string>[] }[];
  const edges = groups.flatMap((g) => g.path ?? []).filter((p) => p.class === 'docgraph-edge').map((p) => polyline(p.d));
  const labels = groups.filter((g) => g.class === 'docgraph-label').map((g) => {
    const r = g.rect![0]!;
    return { x: Number(r.x), y: Number(r.y), w: Number(r.width), h: Number(r.height) };
  });
  return { edges, labels };
}

/** An M/L/C path as a polyline, curves cut into 32 straight pieces. */
function polyline(d: string): Point[] {
  const tokens = d.match(/[MLC]|-?[\d.]+/g)!;
  const points: Point[] = [];
  let command = '';
  for (let i = 0; i < tokens.length; ) {
    if (/[MLC]/.test(tokens[i]!)) command = tokens[i++]!;
    const read = (): Point => [Number(tokens[i++]), Number(tokens[i++])];
    if (command === 'C') {
      const [p0, p1, p2, p3] = [points.at(-1)!, read(), read(), read()];
      for (let s = 1; s <= 32; s++) {
        const t = s / 32;
        const u = 1 - t;
        const at = (k: 0 | 1) => u ** 3 * p0[k] + 3 * u * u * t * p1[k] + 3 * u * t * t * p2[k] + t ** 3 * p3[k];
        points.push([at(0), at(1)]);
      }
    } else points.push(read());
  }
  return points;
}

/** Whether segment a-b passes through the box's inside (Liang-Barsky clipping). */
function crosses([ax, ay]: Point, [bx, by]: Point, box: Box): boolean {
  const [dx, dy] = [bx - ax, by - ay];
  let [t0, t1] = [0, 1];
  const sides: [number, number][] = [[-dx, ax - box.x], [dx, box.x + box.w - ax], [-dy, ay - box.y], [dy, box.y + box.h - ay]];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function expectClearLabels(svg: string, name: string): void {
  const { edges, labels } = geometry(svg);
  expect(labels.length, name).toBe(edges.length);
  labels.forEach((box, i) => {
    edges.forEach((edge, j) => {
      if (i === j) return;
      for (let k = 1; k < edge.length; k++) expect(crosses(edge[k - 1]!, edge[k]!, box), `${name}: edge ${j} crosses label ${i}`).toBe(false);
    });
    labels.forEach((other, j) => j > i && expect(overlap(box, other), `${name}: labels ${i} and ${j} overlap`).toBe(false));
  });
  // Every edge is drawn before every label.
  if (labels.length) expect(svg.lastIndexOf('class="docgraph-edge"'), name).toBeLessThan(svg.indexOf('class="docgraph-label"'));
}

describe('relation labels', () => {
  it('are crossed by no other edge and overlap no other label, in the seed content', () => {
    const svgs = svgsOf(seed, SITE);
    expect(svgs.some((f) => f.path === 'embed/svg/office-365.svg')).toBe(true);
    for (const { path, data } of svgs) expectClearLabels(data, path);
  });

  it('stay clear in a busy neighbourhood of 36 entities', () => {
    const svg = neighbourhoodSvg(busyHood());
    expect(geometry(svg).labels).toHaveLength(36);
    expectClearLabels(svg, 'busy');
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

const svgSize = (svg: string): [number, number] => {
  const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return [Math.ceil(Number(m[1])), Math.ceil(Number(m[2]))];
};

describe('rendering', () => {
  // MediaWiki thumbnails SVG with librsvg. Fresh CI machines lack rsvg-convert (Debian librsvg2-bin):
  // there the same checks run with resvg, so the test still says something instead of skipping.
  const rsvg = spawnSync('rsvg-convert', ['--version']).status === 0;

  it(`draws every seed SVG at its size, without warnings (${rsvg ? 'librsvg rsvg-convert' : 'resvg: rsvg-convert is not on PATH'})`, async () => {
    const dir = await tempDir('docgraph-rsvg-');
    for (const { path, data } of [...svgsOf(seed, SITE), { path: 'busy', data: neighbourhoodSvg(busyHood()) }]) {
      let png: Uint8Array;
      if (rsvg) {
        const file = join(dir, 'view.svg');
        writeFileSync(file, data);
        const run = spawnSync('rsvg-convert', ['--format', 'png', file], { maxBuffer: 64 << 20 });
        expect(run.status, path).toBe(0);
        expect(run.stderr.toString(), path).toBe('');
        png = run.stdout;
      } else png = new Resvg(data).render().asPng();
      expect(pngSize(png), path).toEqual(svgSize(data));
    }
  }, 60_000);

  it('gives the same PNG bytes every time, at twice the SVG size', () => {
    const svg = svgsOf(seed, SITE).find((f) => f.path === 'embed/svg/office-365.svg')!.data;
    const [a, b] = [svgToPng(svg), svgToPng(svg)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const [w, h] = svgSize(svg);
    expect(pngSize(a)).toEqual([w * PNG_ZOOM, h * PNG_ZOOM]);
  });

  it('writes a PNG for every entity of a build, the same bytes in a second build', async () => {
    const [one, two] = [await tempDir('docgraph-png-'), await tempDir('docgraph-png-')];
    for (const dir of [one, two]) await writeExports(dir, seed, { site: SITE, base: '/', title: 'docgraph' }, undefined, new Set());
    const entities = seed.nodes.filter(isEntityNode);
    expect(entities.length).toBeGreaterThan(10);
    for (const n of entities) {
      const file = `public/embed/png/${entityRouteId(n)}.png`;
      expect(existsSync(join(one, file)), file).toBe(true);
      const png = readFileSync(join(one, file));
      expect(pngSize(png), file).toEqual(svgSize(readFileSync(join(one, `public/embed/svg/${entityRouteId(n)}.svg`), 'utf8')).map((v) => v * PNG_ZOOM));
      expect(png.equals(readFileSync(join(two, file))), file).toBe(true);
    }
  }, 60_000);
});
