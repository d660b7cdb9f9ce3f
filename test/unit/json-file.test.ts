// Big JSON outputs are written in pieces (scripts/lib/json-file.ts); the bytes must be JSON.stringify's.
import fc from 'fast-check';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonFileChunks, writeChunksIfChanged } from '../../scripts/lib/json-file.ts';
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
});
