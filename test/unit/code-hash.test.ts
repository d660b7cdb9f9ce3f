// The code hash keys every cache, the site kit included: an edit to any file the site bundles (a page,
// a component, a stylesheet) must change it, or a warm build serves the old look.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeHash } from '../../src/build/code-hash.ts';
import { tempDir } from '../helpers/temp.ts';

describe('codeHash', () => {
  it('changes when a script, page, component, stylesheet or data file under src/ changes, and not otherwise', async () => {
    const root = await tempDir('docgraph-code-hash-');
    const files = ['src/a.ts', 'src/pages/index.astro', 'src/styles/site.css', 'src/pipeline/lexicon.yaml', 'src/schema/x.json'];
    for (const file of files) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), 'one');
    }
    const before = codeHash(root);
    expect(codeHash(root)).toBe(before);
    await writeFile(join(root, 'src', 'notes.txt'), 'not code');
    expect(codeHash(root)).toBe(before);
    for (const file of files) {
      await writeFile(join(root, file), 'two');
      const after = codeHash(root);
      expect(after, file).not.toBe(before);
      await writeFile(join(root, file), 'one');
      expect(codeHash(root), file).toBe(before);
    }
  });

  it('without a lock file (an installed copy), changes when the installed version of a dependency does', async () => {
    const root = join(await tempDir('docgraph-code-hash-installed-'), 'node_modules', 'docgraph');
    await mkdir(join(root, 'src'), { recursive: true });
    await writeFile(join(root, 'src', 'a.ts'), 'one');
    await writeFile(join(root, 'package.json'), JSON.stringify({ dependencies: { astro: '^7.0.0' } }));
    const hoisted = join(root, '..', 'astro');
    await mkdir(hoisted, { recursive: true });
    await writeFile(join(hoisted, 'package.json'), JSON.stringify({ version: '7.3.5' }));
    const before = codeHash(root);
    await writeFile(join(hoisted, 'package.json'), JSON.stringify({ version: '7.4.1' }));
    expect(codeHash(root)).not.toBe(before);
  });
});
