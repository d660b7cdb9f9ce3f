// The last build's output folder is set aside before Astro starts (src/build/out-dir.ts): deleted
// once the new site is being built, put back when the pipeline fails before the site build ran.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setAsideOutput } from '../../src/build/out-dir.ts';
import { tempDir } from '../helpers/temp.ts';

async function lastBuild(): Promise<{ out: string; data: string }> {
  const work = await tempDir('docgraph-out-dir-');
  const out = join(work, 'dist');
  mkdirSync(join(out, 'docs'), { recursive: true });
  writeFileSync(join(out, 'docs', 'index.html'), 'last build');
  return { out, data: join(work, 'data') };
}

describe('setting the last build aside', () => {
  it('moves the output folder away, and deletes it and older leftovers on discard', async () => {
    const { out, data } = await lastBuild();
    mkdirSync(join(data, '.old-out', 'killed-build', 'docs'), { recursive: true });
    const aside = setAsideOutput(out, data);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(data, '.old-out'))).toHaveLength(2);
    await aside.discard();
    expect(readdirSync(join(data, '.old-out'))).toEqual([]);
  });

  it('puts the last build back on restore, over what a cancelled site build began', async () => {
    const { out, data } = await lastBuild();
    const aside = setAsideOutput(out, data);
    mkdirSync(join(out, '_astro'), { recursive: true });
    writeFileSync(join(out, '_astro', 'chunk.js'), 'partial');
    aside.restore();
    expect(readFileSync(join(out, 'docs', 'index.html'), 'utf8')).toBe('last build');
    expect(existsSync(join(out, '_astro'))).toBe(false);
  });

  it('does nothing when there is no earlier build', async () => {
    const work = await tempDir('docgraph-out-dir-');
    const aside = setAsideOutput(join(work, 'dist'), join(work, 'data'));
    aside.restore();
    await aside.discard();
    expect(existsSync(join(work, 'dist'))).toBe(false);
  });
});
