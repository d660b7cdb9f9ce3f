// Big JSON outputs are written in pieces (src/build/json-file.ts); the bytes must be JSON.stringify's.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonFileChunks, writeChunksIfChanged } from '../../src/build/json-file.ts';
import { tempDir } from '../helpers/temp.ts';

describe('jsonChunks', () => {
  it('joins to exactly JSON.stringify of any JSON value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue(), fc.constant(undefined)))), (value) => {
        expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('writeChunksIfChanged', () => {
  it('writes new bytes, leaves an unchanged file alone, and replaces a changed one by a new file', async () => {
    const file = join(await tempDir('docgraph-json-'), 'graph.json');
    const value = { schemaVersion: 1, nodes: [{ id: 'a' }, { id: 'b' }], edges: [] };
    writeChunksIfChanged(file, jsonFileChunks(value));
    expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(value)}\n`);
    const first = await stat(file);
    writeChunksIfChanged(file, jsonFileChunks(value));
    expect((await stat(file)).ino).toBe(first.ino);
    writeChunksIfChanged(file, jsonFileChunks({ ...value, edges: [{ source: 'a', target: 'b' }] }));
    expect((await stat(file)).ino).not.toBe(first.ino);
    expect(JSON.parse(await readFile(file, 'utf8')).edges).toHaveLength(1);
  });

  it('does the same for a file bigger than one write batch, and returns the SHA-256 of the bytes either way', async () => {
    const dir = await tempDir('docgraph-json-big-');
    const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
    for (const [name, count] of [['small.json', 10], ['big.json', 60_000]] as const) {
      const file = join(dir, name);
      const value = { nodes: Array.from({ length: count }, (_, i) => ({ id: `node-${i}`, label: `Node number ${i}` })) };
      const digest = writeChunksIfChanged(file, jsonFileChunks(value));
      expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(value)}\n`);
      expect(digest).toBe(await sha(file));
      const first = await stat(file);
      expect(writeChunksIfChanged(file, jsonFileChunks(value))).toBe(digest);
      expect((await stat(file)).ino).toBe(first.ino);
      expect((await stat(file)).mtimeMs).toBe(first.mtimeMs);
      value.nodes.push({ id: 'last', label: 'Last' });
      expect(writeChunksIfChanged(file, jsonFileChunks(value))).toBe(await sha(file));
      expect((await stat(file)).ino).not.toBe(first.ino);
      expect(JSON.parse(await readFile(file, 'utf8')).nodes).toHaveLength(count + 1);
    }
    expect((await stat(join(dir, 'big.json'))).size).toBeGreaterThan(2 ** 20);
  });

  it('rewrites a big file that changed in its middle, or got shorter, to exactly the new bytes', async () => {
    const file = join(await tempDir('docgraph-json-edit-'), 'graph.json');
    const nodes = Array.from({ length: 80_000 }, (_, i) => ({ id: `node-${i}`, label: `Node number ${i}` }));
    writeChunksIfChanged(file, jsonFileChunks({ nodes }));
    const edits: ((list: typeof nodes) => typeof nodes)[] = [
      // A change past the first batch: the matching start is copied from the old file.
      (list) => list.map((n, i) => (i === 50_000 ? { ...n, label: 'Changed' } : n)),
      // Same bytes up to the end of the new file, which is shorter.
      (list) => list.slice(0, 70_000),
      // Longer again.
      (list) => [...list, ...nodes.slice(70_000)],
    ];
    let current = nodes;
    for (const edit of edits) {
      current = edit(current);
      const before = (await stat(file)).ino;
      writeChunksIfChanged(file, jsonFileChunks({ nodes: current }));
      expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify({ nodes: current })}\n`);
      expect((await stat(file)).ino).not.toBe(before);
    }
  });
});
