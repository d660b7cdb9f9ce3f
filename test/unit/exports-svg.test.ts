import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { pickNeighbourhood } from '../../src/outputs/exports/neighbourhood.ts';
import { fitLabel, neighbourhoodSvg, splitSides } from '../../src/outputs/exports/svg.ts';
import { oneLine } from '../../src/outputs/exports/text.ts';
import { hostileGraph, HOSTILE } from '../fixtures/exports/hostile-graph.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false, htmlEntities: true, alwaysCreateTextNode: true });

/** Every element of a parsed tree with its name, depth first. */
function* elements(value: unknown, name = ''): Generator<{ name: string; el: Record<string, unknown> }> {
  if (Array.isArray(value)) for (const v of value) yield* elements(v, name);
  else if (value && typeof value === 'object') {
    yield { name, el: value as Record<string, unknown> };
    for (const [k, v] of Object.entries(value)) yield* elements(v, k);
  }
}

describe('neighbourhoodSvg', () => {
  const graph = hostileGraph();
  const hood = pickNeighbourhood(graph, 'centre', { limit: 100 })!;
  const svg = neighbourhoodSvg(hood, { href: (n) => (n.id === 'n3' ? 'javascript:alert(1)' : `https://docs.example.com${n.url}`) });
  const tree = parser.parse(svg) as { svg: Record<string, unknown> };

  it('is well-formed XML with size, viewBox, a white background, title and desc', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = tree.svg;
    expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.width)).toBeGreaterThan(300);
    expect(root.viewBox).toBe(`0 0 ${root.width} ${root.height}`);
    expect(root.role).toBe('img');
    expect((root.title as Record<string, string>)['#text']).toBe(`${oneLine(HOSTILE[0])}: relations`);
    expect((root.desc as Record<string, string>)['#text']).toContain(`${oneLine(HOSTILE[1])} requires ${oneLine(HOSTILE[0])}`);
    expect(svg).toContain('fill="#ffffff"');
  });

  it('has no script, event handler, stylesheet, style attribute, foreignObject or javascript: link', () => {
    for (const { name, el } of elements(tree)) {
      expect(['script', 'style', 'foreignObject', 'iframe', 'image', 'use']).not.toContain(name);
      for (const [attr, value] of Object.entries(el)) {
        if (typeof value !== 'string' || attr === '#text') continue;
        expect(attr).not.toMatch(/^on/i);
        expect(attr).not.toBe('style');
        expect(value).not.toMatch(/^\s*javascript:/i);
      }
    }
    expect(svg).not.toMatch(/<script|<style|<foreignObject/i);
  });

  it('carries every hostile label as text: the full label in a <title>, fitted in a <text>', () => {
    const titles = [...elements(tree)].filter((e) => e.name === 'title').map((e) => String(e.el['#text']));
    const texts = [...elements(tree)].filter((e) => e.name === 'text').map((e) => String(e.el['#text']));
    for (const n of hood.neighbours) {
      expect(titles.some((t) => t.startsWith(`${oneLine(n.node.label)} (`))).toBe(true);
      expect(texts).toContain(fitLabel(n.node.label));
    }
  });

  it('links nodes to their pages, except through unsafe URLs', () => {
    const links = [...elements(tree)].filter((e) => e.name === 'a').map((e) => String(e.el.href));
    expect(links).toContain('https://docs.example.com/entities/n0/');
    expect(links).toHaveLength(hood.neighbours.length); // centre + 18 neighbours, minus n3
  });

  it('puts sources of incoming relations left, targets right, symmetric ones on the shorter side', () => {
    const { left, right } = splitSides(hood.neighbours);
    expect(left.every((n) => !n.relations[0]!.outgoing || ['works-with', 'integrates-with', 'alternative-to'].includes(n.relations[0]!.type))).toBe(true);
    expect(right.every((n) => n.relations[0]!.outgoing || ['works-with', 'integrates-with', 'alternative-to'].includes(n.relations[0]!.type))).toBe(true);
    expect(Math.abs(left.length - right.length)).toBeLessThanOrEqual(2);
  });

  it('is deterministic, and draws a lone entity with a note', () => {
    expect(neighbourhoodSvg(hood)).toBe(neighbourhoodSvg(pickNeighbourhood(graph, 'centre', { limit: 100 })!));
    const lone = neighbourhoodSvg({ centre: graph.nodes[0]!, neighbours: [], omitted: 0 });
    expect(XMLValidator.validate(lone)).toBe(true);
    expect(lone).toContain('No relations to other entities yet');
  });

  it('says how many neighbours the cap left out', () => {
    expect(neighbourhoodSvg(pickNeighbourhood(graph, 'centre')!)).toContain('+6 more on the site');
  });

  it('fits long labels with an ellipsis', () => {
    expect(fitLabel('x'.repeat(300))).toMatch(/^x+…$/);
    expect(fitLabel('x'.repeat(300)).length).toBeLessThan(60);
    expect(fitLabel('Azure AD Connect')).toBe('Azure AD Connect');
  });
});
