// The content-hash cache of per-document results (`<data>/cache/documents/<key>.json`): a rebuild
// parses, extracts and renders only the documents whose key changed. A key covers everything a
// document's result depends on: its text, its id, the texts of the includes, the list of every file
// (links resolve against it), the options that shape its HTML, and the pipeline's own code and
// dependencies, so a code change or `npm update` never reuses stale results.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256 } from './code-hash.ts';
import { findIncludes, type ParseCache, type ParseOutcome } from '../pipeline/documents.ts';
import { formatOf } from '../pipeline/parse.ts';
import type { SourceFile } from '../pipeline/types.ts';
import type { DocumentCache } from '../pipeline/index.ts';
import type { ContentSnapshot } from '../pipeline/load.ts';
import type { StageCache } from '../pipeline/per-document.ts';
import type { ProcessedDocument } from '../pipeline/process.ts';
import { compareStrings } from '../pipeline/slugs.ts';

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

/** `code` is codeHash() of the project, computed once per build by the caller. */
export function createDocumentCache(options: { dir: string; code: string; snapshot: ContentSnapshot; shape: Record<string, string | undefined> }): FileDocumentCache {
  const universe = universeHash(options.snapshot, options.shape, options.code);
  // The functions below keep only the folder and the code hash, never `options`: its snapshot (all the
  // sources' text, 100 MB at 10,000 documents) would live as long as the cache, to the memory peak.
  const { dir, code } = options;
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  let hits = 0;
  let misses = 0;
  const file = (key: string) => join(dir, `${key}.json`);
  const stages = new Map<string, StageFile>();
  const stagesDir = join(dirname(dir), 'stages');
  const trees = treeCache(join(dirname(dir), 'trees'), code);
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
    parsed: trees,
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
      trees.prune();
      removeUnused(dir, used);
      for (const stage of stages.values()) stage.save();
    },
  };
}

/**
 * Parsed include and TOC files (`<data>/cache/trees/<key>.json`), by path, text and code. MDX trees
 * are left out: their JavaScript expressions hold values JSON cannot carry (regular expressions).
 */
function treeCache(dir: string, code: string): ParseCache & { prune(): void } {
  const used = new Set<string>();
  const keyOf = (f: SourceFile) => sha256([`format ${FORMAT}`, code, f.path, f.text]);
  const file = (key: string) => join(dir, `${key}.json`);
  return {
    get(f) {
      if (formatOf(f.path) !== 'md') return undefined;
      const key = keyOf(f);
      used.add(key);
      try {
        return JSON.parse(readFileSync(file(key), 'utf8')) as ParseOutcome;
      } catch {
        // Not there yet, or a torn write from an interrupted build: parse again.
        return undefined;
      }
    },
    set(f, outcome) {
      if (formatOf(f.path) !== 'md') return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(keyOf(f)), JSON.stringify(outcome));
    },
    prune: () => removeUnused(dir, used),
  };
}

/** Removes the `<key>.json` entries of `dir` whose key this build did not use: the folder keeps one generation. */
function removeUnused(dir: string, used: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!used.has(name.replace(/\.json$/, ''))) rmSync(join(dir, name), { force: true });
}

interface StageFile extends StageCache {
  readonly hits: number;
  readonly misses: number;
  /** Writes the entries this build used, when they differ from the file's. */
  save(): void;
}

/**
 * One stage's cache: a header line with the context hash, then one `key<TAB>json` line per document.
 * Values stay JSON text until asked for (10,000 documents' mentions are ~1 million tuples), and this
 * build's lines go to the next file as they come, so the stage never holds two generations at once.
 */
function openStage(file: string, context: string): StageFile {
  const header = JSON.stringify({ format: FORMAT, context });
  const previous = new Map<string, string>();
  if (existsSync(file)) {
    // Each line decoded on its own: substrings of one 100 MB string would keep all of it alive until
    // the last entry is used, where separate strings go as their documents are read.
    const bytes = readFileSync(file);
    let end = bytes.indexOf(10);
    if (end > 0 && bytes.toString('utf8', 0, end) === header) {
      for (let start = end + 1; start < bytes.length; start = end + 1) {
        end = bytes.indexOf(10, start);
        if (end < 0) end = bytes.length;
        const tab = bytes.indexOf(9, start);
        if (tab > start && tab < end) previous.set(bytes.toString('latin1', start, tab), bytes.toString('utf8', tab + 1, end));
      }
    }
  }
  const tmp = `${file}.tmp`;
  let fd: number | undefined;
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (fd === undefined) {
      mkdirSync(dirname(file), { recursive: true });
      fd = openSync(tmp, 'w');
      writeSync(fd, `${header}\n`);
    }
    writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  const keep = (key: string, text: string) => {
    pending.push(`${key}\t${text}\n`);
    size += text.length;
    if (size >= 1 << 20) flush();
  };
  let changed = false;
  let hits = 0;
  let misses = 0;
  return {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    get(key) {
      const text = previous.get(key);
      if (text === undefined) return undefined;
      previous.delete(key);
      try {
        const value: unknown = JSON.parse(text);
        keep(key, text);
        hits++;
        return value;
      } catch {
        // A torn write from an interrupted build: recompute.
        return undefined;
      }
    },
    set(key, value) {
      keep(key, JSON.stringify(value));
      misses++;
      changed = true;
    },
    save() {
      flush();
      closeSync(fd!);
      fd = undefined;
      // Every entry reused and none left over: the file already says exactly this.
      if (!changed && previous.size === 0 && existsSync(file)) rmSync(tmp, { force: true });
      else renameSync(tmp, file);
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
