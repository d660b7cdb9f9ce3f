// The content-hash cache of per-document results (`<data>/cache/documents/<key>.json`): a rebuild
// parses, extracts and renders only the documents whose key changed. A key covers everything a
// document's result depends on: its text, its id, the texts of the includes, the list of every file
// (links resolve against it), the options that shape its HTML, and the pipeline's own code and
// dependencies, so a code change or `npm update` never reuses stale results.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findIncludes } from '../../src/pipeline/documents.ts';
import type { DocumentCache } from '../../src/pipeline/index.ts';
import type { ContentSnapshot } from '../../src/pipeline/load.ts';
import type { StageCache } from '../../src/pipeline/per-document.ts';
import type { ProcessedDocument } from '../../src/pipeline/process.ts';
import { compareStrings } from '../../src/pipeline/slugs.ts';

/** Bump when the cached format changes in a way the code hash would not show. */
const FORMAT = 1;

export interface FileDocumentCache extends DocumentCache {
  readonly hits: number;
  readonly misses: number;
  stage(name: string, context: string): StageCache;
  /** Per later stage: documents whose result was reused (hits) or computed (misses). */
  readonly stages: Record<string, { hits: number; misses: number }>;
  /** Removes entries this build did not use, so the folder holds one generation; writes the stage files. */
  prune(): void;
}

export function createDocumentCache(options: { dir: string; projectRoot: string; snapshot: ContentSnapshot; shape: Record<string, string | undefined> }): FileDocumentCache {
  mkdirSync(options.dir, { recursive: true });
  const universe = universeHash(options.snapshot, options.shape, codeHash(options.projectRoot));
  const used = new Set<string>();
  let hits = 0;
  let misses = 0;
  const file = (key: string) => join(options.dir, `${key}.json`);
  const stages = new Map<string, StageFile>();
  const stagesDir = join(dirname(options.dir), 'stages');
  return {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    get stages() {
      return Object.fromEntries([...stages].map(([name, stage]) => [name, { hits: stage.hits, misses: stage.misses }]));
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
    stage(name, context) {
      const stage = openStage(join(stagesDir, `${name}.jsonl`), sha256([context]));
      stages.set(name, stage);
      return stage;
    },
    prune() {
      for (const name of readdirSync(options.dir)) if (!used.has(name.replace(/\.json$/, ''))) rmSync(join(options.dir, name), { force: true });
      for (const stage of stages.values()) stage.save();
    },
  };
}

interface StageFile extends StageCache {
  readonly hits: number;
  readonly misses: number;
  /** Writes the entries this build used, when they differ from the file's. */
  save(): void;
}

/**
 * One stage's cache: a header line with the context hash, then one `key<TAB>json` line per document.
 * Values stay JSON text until asked for (10,000 documents' mentions are ~1 million tuples).
 */
function openStage(file: string, context: string): StageFile {
  const previous = new Map<string, string>();
  if (existsSync(file)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    if (lines[0] === JSON.stringify({ format: FORMAT, context })) {
      for (const line of lines.slice(1)) {
        const tab = line.indexOf('\t');
        if (tab > 0) previous.set(line.slice(0, tab), line.slice(tab + 1));
      }
    }
  }
  const next = new Map<string, string>();
  let changed = false;
  let hits = 0;
  return {
    get hits() {
      return hits;
    },
    get misses() {
      return next.size - hits;
    },
    get(key) {
      const text = previous.get(key);
      if (text === undefined) return undefined;
      try {
        const value: unknown = JSON.parse(text);
        next.set(key, text);
        hits++;
        return value;
      } catch {
        // A torn write from an interrupted build: recompute.
        return undefined;
      }
    },
    set(key, value) {
      next.set(key, JSON.stringify(value));
      changed = true;
    },
    save() {
      if (!changed && next.size === previous.size) return;
      mkdirSync(dirname(file), { recursive: true });
      const lines = [JSON.stringify({ format: FORMAT, context })];
      for (const [key, text] of next) lines.push(`${key}\t${text}`);
      writeFileSync(`${file}.tmp`, `${lines.join('\n')}\n`);
      renameSync(`${file}.tmp`, file);
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

/** The pipeline's, renderer's and search index's source and the exact dependency versions. */
export function codeHash(projectRoot: string): string {
  const parts: string[] = [];
  for (const dir of ['src/pipeline', 'src/outputs', 'src/search']) {
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
