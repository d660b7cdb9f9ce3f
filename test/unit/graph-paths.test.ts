import { describe, expect, it } from 'vitest';
import { neighbourhood, shortestPaths } from '../../src/lib/graph-paths.ts';

const edges = [
  { source: 'azure-ad-connect', target: 'dirsync', type: 'replaces' },
  { source: 'azure-ad-connect', target: 'single-sign-on', type: 'sets-up' },
  { source: 'ad-fs', target: 'single-sign-on', type: 'option-of' },
  { source: 'azure-ad-connect', target: 'federation', type: 'sets-up' },
  { source: 'ad-fs', target: 'federation', type: 'option-of' },
  { source: 'island', target: 'island-2', type: 'works-with' },
];
const show = (paths: ReturnType<typeof shortestPaths>) =>
  paths.map((p) => p.map((h) => `${h.from} ${h.reversed ? '<-' : '-'}${h.edge.type}${h.reversed ? '-' : '->'} ${h.to}`).join(' | '));

describe('shortestPaths', () => {
  it('walks edges against their direction and keeps the edge of every hop', () => {
    expect(show(shortestPaths(edges, 'dirsync', 'single-sign-on'))).toEqual([
      'dirsync <-replaces- azure-ad-connect | azure-ad-connect -sets-up-> single-sign-on',
    ]);
  });

  it('returns every shortest path, in edge order, and no longer ones', () => {
    expect(show(shortestPaths(edges, 'dirsync', 'ad-fs'))).toEqual([
      'dirsync <-replaces- azure-ad-connect | azure-ad-connect -sets-up-> single-sign-on | single-sign-on <-option-of- ad-fs',
      'dirsync <-replaces- azure-ad-connect | azure-ad-connect -sets-up-> federation | federation <-option-of- ad-fs',
    ]);
    expect(shortestPaths(edges, 'dirsync', 'ad-fs', { maxPaths: 1 })).toHaveLength(1);
  });

  it('is empty between unconnected nodes and beyond maxHops', () => {
    expect(shortestPaths(edges, 'dirsync', 'island')).toEqual([]);
    expect(shortestPaths(edges, 'dirsync', 'ad-fs', { maxHops: 2 })).toEqual([]);
    expect(shortestPaths(edges, 'nowhere', 'dirsync')).toEqual([]);
  });

  it('gives one empty path from a node to itself', () => {
    expect(shortestPaths(edges, 'dirsync', 'dirsync')).toEqual([[]]);
  });
});

describe('neighbourhood', () => {
  it('collects nodes within depth hops, nearest first, both directions', () => {
    expect(neighbourhood(edges, 'dirsync', 1)).toEqual(['dirsync', 'azure-ad-connect']);
    expect(neighbourhood(edges, 'dirsync', 2)).toEqual(['dirsync', 'azure-ad-connect', 'single-sign-on', 'federation']);
    expect(neighbourhood(edges, 'dirsync', 3)).toContain('ad-fs');
  });

  it('stops at maxNodes', () => {
    expect(neighbourhood(edges, 'azure-ad-connect', 2, 3)).toEqual(['azure-ad-connect', 'dirsync', 'single-sign-on']);
  });
});
