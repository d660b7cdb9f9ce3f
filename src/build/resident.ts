// What `npm run dev` keeps in memory between rebuilds. The disk caches (document-cache.ts) make a
// rebuild parse only what changed, but still read every unchanged document's entry and every later
// stage's file back: at 10,000 documents that is ~700 MB of JSON, 4 s of each edit. A resident
// process has the previous build's values at hand, so a rebuild takes them from memory and goes to
// disk only for what memory lacks (the first build, a reverted edit).
import type { ProcessedDocument } from '../pipeline/process.ts';
import type { StageCache } from '../pipeline/per-document.ts';
import type { FileDocumentCache } from './document-cache.ts';
import type { ResidentSiteData } from '../outputs/site-data.ts';
import type { ServedOutputs } from './served-outputs.ts';

export interface Resident {
  /** Per-document results of the last build, by cache key. */
  documents: Map<string, ProcessedDocument>;
  /** Per later stage: its shared input and the last build's per-document values. */
  stages: Map<string, { context: string; entries: Map<string, unknown> }>;
  /** Article HTML as last written, by file: a rebuild writes only what differs, without reading it back. */
  pages: Map<string, string>;
  /** The project's code hash (codeHash()): the code a process runs does not change under it. */
  code?: string;
  /** Builds done so far. */
  builds: number;
  /** The last build's data for pages and its public files, set by buildData. */
  served?: { data: ResidentSiteData; outputs: ServedOutputs };
}

export function createResident(): Resident {
  return { documents: new Map(), stages: new Map(), pages: new Map(), builds: 0 };
}

/**
 * The document cache of a resident process: memory first, then `disk`. Values found or computed
 * are kept for the next build (one generation, like the disk cache) and new results still go to disk,
 * so the next start of the process reuses them. The disk's own pruning and stage files are left to
 * the first build: later ones never read them, and an entry's key says whether it is still valid.
 */
export function residentCache(resident: Resident, disk: FileDocumentCache): FileDocumentCache {
  const first = resident.builds === 0;
  const previous = resident.documents;
  const current = new Map<string, ProcessedDocument>();
  resident.documents = current;
  const counts = new Map<string, { hits: number; misses: number }>();
  let hits = 0;
  let misses = 0;
  return {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    get stages() {
      return Object.fromEntries(counts);
    },
    parsed: disk.parsed,
    key: (planned) => disk.key(planned),
    has: (key) => previous.has(key) || disk.has(key),
    get(key) {
      const value = previous.get(key) ?? disk.get(key);
      if (value) {
        current.set(key, value);
        hits++;
      } else misses++;
      return value;
    },
    set(key, value) {
      current.set(key, value);
      disk.set(key, value);
    },
    stage(name, context) {
      const count = { hits: 0, misses: 0 };
      counts.set(name, count);
      const kept = resident.stages.get(name);
      const before = kept?.context === context ? kept.entries : new Map<string, unknown>();
      const entries = new Map<string, unknown>();
      resident.stages.set(name, { context, entries });
      // Disk only while the first build runs: a stage opened after it (the search index, built when
      // first asked for) would leave a stage file half written.
      const fallback: StageCache | undefined = resident.builds === 0 ? disk.stage(name, context) : undefined;
      return {
        get(key) {
          const value = before.has(key) ? before.get(key) : fallback?.get(key);
          if (value !== undefined) {
            entries.set(key, value);
            count.hits++;
          }
          return value;
        },
        set(key, value) {
          entries.set(key, value);
          fallback?.set(key, value);
          count.misses++;
        },
      };
    },
    prune() {
      if (first) disk.prune();
      resident.builds++;
    },
  };
}
