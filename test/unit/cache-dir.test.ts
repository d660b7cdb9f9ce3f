// Where a command keeps its caches and data: relative to the folder it runs from, never docgraph's own.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRootsDir, cacheDirFor, dataDirFor, dependenciesDir, PROJECT_ROOT } from '../../src/build/project.ts';

const saved = process.env.DOCGRAPH_DATA;
afterEach(() => {
  if (saved === undefined) delete process.env.DOCGRAPH_DATA;
  else process.env.DOCGRAPH_DATA = saved;
});

describe('the cache folder', () => {
  it('is ./.docgraph of the folder a command runs from, or --cache-dir relative to it', () => {
    delete process.env.DOCGRAPH_DATA;
    expect(cacheDirFor(undefined, '/home/me/docs')).toBe('/home/me/docs/.docgraph');
    expect(dataDirFor(undefined, '/home/me/docs')).toBe('/home/me/docs/.docgraph/data');
    expect(dataDirFor('../cache', '/home/me/docs')).toBe('/home/me/cache/data');
    expect(dataDirFor('/var/cache/dg', '/home/me/docs')).toBe('/var/cache/dg/data');
  });

  it('DOCGRAPH_DATA still names the data folder itself', () => {
    process.env.DOCGRAPH_DATA = 'tmp/data';
    expect(dataDirFor(undefined, '/home/me/docs')).toBe('/home/me/docs/tmp/data');
  });

  it("gives Astro's build roots a folder that shares docgraph's top folder", () => {
    const inside = join(PROJECT_ROOT, '.docgraph');
    expect(buildRootsDir(inside)).toBe(inside);
    const top = PROJECT_ROOT.split('/')[1];
    const elsewhere = top === 'tmp' ? '/var/cache/dg' : '/tmp/dg';
    expect(buildRootsDir(elsewhere)).toBe(join(dependenciesDir(), '.cache', 'docgraph'));
  });
});
