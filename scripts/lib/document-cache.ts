// The content-hash cache of per-document results (`<data>/cache/documents/<key>.json`): a rebuild
// parses, extracts and renders only the documents whose key changed. A key covers everything a
// document's result depends on: its text, its id, the texts of the includes, the list of every file
// (links resolve against it), the options that shape its HTML, and the pipeline's own code and
// dependencies, so a code change or `npm update` never reuses stale results.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findIncludes } from '../../src/pipeline/documents.ts';
import type { DocumentCache } from '../../src/pipeline/index.ts';
import type { ContentSnapshot } from '../../src/pipeline/load.ts';
import type { ProcessedDocument } from '../../src/pipeline/process.ts';
import { compareStrings } from '../../src/pipeline/slugs.ts';

/** Bump when the cached format changes in a way the code hash would not show. */
const FORMAT = 1;

export interface FileDocumentCache extends DocumentCache {
  readonly hits: number;
  readonly misses: number;
  /** Removes entries this build did not use, so the folder holds one generation. */
  prune(): void;
}

export function createDocumentCache(options: { dir: string; projectRoot: string; snapshot: ContentSnapshot; shape: Record<string, string | undefined> }): FileDocumentCache {
  mkdirSync(options.dir, { recursive: true });
  const universe = universeHash(options.snapshot, options.shape, codeHash(options.projectRoot));
  const used = new Set<string>();
  let hits = 0;
  let misses = 0;
  const file = (key: string) => join(options.dir, `${key}.json`);
  return {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    key: (planned) => sha256([universe, planned.id, planned.file.path, planned.file.text]),
    has: (key) => existsSync(file(key)),
    get(key) {
      used.add(key);
      if (!existsSync(file(key))) {
        misses++;
        return undefined;
      }
      try {
        const value = JSON.parse(readFileSync(file(key), 'utf8')) as ProcessedDocument;
        hits++;
        return value;
      } catch {
        // A torn write from an interrupted build: recompute.
        misses++;
        return undefined;
      }
    },
    set(key, value: ProcessedDocument) {
      used.add(key);
      writeFileSync(file(key), JSON.stringify(value));
    },
    prune() {
      for (const name of readdirSync(options.dir)) if (!used.has(name.replace(/\.json$/, ''))) rmSync(join(options.dir, name), { force: true });
    },
  };
}

function universeHash(snapshot: ContentSnapshot, shape: Record<string, string | undefined>, code: string): string {
  const includes = findIncludes(snapshot.files);
  const parts = [`format ${FORMAT}`, code, JSON.stringify(Object.entries(shape).sort(([a], [b]) => compareStrings(a, b)))];
  for (const f of snapshot.files) parts.push(`file ${f.path}`, ...(includes.has(f.path) ? [f.text] : []));
  for (const a of snapshot.assets) parts.push(`asset ${a}`);
  return sha256(parts);
}

/** The pipeline's and renderer's source and the exact dependency versions. */
export function codeHash(projectRoot: string): string {
  const parts: string[] = [];
  for (const dir of ['src/pipeline', 'src/outputs']) {
    for (const name of readdirSync(join(projectRoot, dir)).sort(compareStrings)) {
      if (name.endsWith('.ts')) parts.push(name, readFileSync(join(projectRoot, dir, name), 'utf8'));
    }
  }
  const lock = join(projectRoot, 'package-lock.json');
  if (existsSync(lock)) parts.push(readFileSync(lock, 'utf8'));
  return sha256(parts);
}

export function sha256(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex').slice(0, 32);
}
