// Pure figures of the search benchmark: byte counts of index files, percentiles, and the tables
// `npm run bench` prints. Sizes are what a server sends: gzip (level 9) of a file, or the file as it
// is when it is already compressed (Pagefind's own files are gzip on disk).
import { gzipSync } from 'node:zlib';
import { median } from './summary.ts';

/** Queries a reader would type first, one or two of each judged kind (test/search/queries.yaml). */
export const BENCH_QUERIES = [
  'Azure AD Connect',
  'directory synchronization',
  'ExpressRoute',
  'how do I set up multi-factor authentication',
  'AAD Connect',
  'SharePoint Online performance',
  'directroy synchronization',
  'Office 365 IP addresses and URLs',
] as const;

/** Results the header search box asks for (src/scripts/search-ui.ts): a reader's first query. */
export const BOX_LIMIT = 6;

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface FileBytes extends Bytes {
  path: string;
}

export function bytesOf(path: string, content: string | Uint8Array): FileBytes {
  const raw = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  return { path, raw, gzip: Math.min(raw, gzipSync(content, { level: 9 }).byteLength) };
}

export function sum(files: readonly Bytes[]): Bytes {
  return files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Spread {
  median: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), max: Math.max(...values) };
}

/** Bytes fetched for one query, per query, then median and max over the queries. */
export interface FirstQuery {
  perQuery: { query: string; files: number; raw: number; gzip: number }[];
  files: Spread;
  raw: Spread;
  gzip: Spread;
}

export function firstQuery(perQuery: FirstQuery['perQuery']): FirstQuery {
  return {
    perQuery,
    files: spread(perQuery.map((q) => q.files)),
    raw: spread(perQuery.map((q) => q.raw)),
    gzip: spread(perQuery.map((q) => q.gzip)),
  };
}

/** What the child measures for one content set. */
export interface SearchSetFigures {
  docs: number;
  records: number;
  buildMs: { runs: number[]; median: number };
  index: { files: number; total: Bytes; byKind: Record<string, Bytes & { files: number }>; largestShard: FileBytes; largestFile: FileBytes };
  firstQuery: FirstQuery;
  latencyMs: { cold: { median: number; p95: number; samples: number }; warm: { median: number; p95: number; samples: number } };
  peakMiB: number;
}

export const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number): string => `${(n / 2 ** 20).toFixed(2)} MiB`;
export const size = (n: number): string => (n >= 2 ** 20 ? mib(n) : kib(n));

export function searchTable(sets: readonly { name: string; figures?: SearchSetFigures; error?: string }[]): string {
  const rows = [
    '| set | docs | records | build (buildSearchIndex) | index raw / gzip (files) | largest shard raw / gzip | first query median raw / gzip (files) | first query max gzip | cold query median / p95 | warm query median / p95 | peak |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of sets) {
    const f = s.figures;
    if (!f) {
      rows.push(`| ${s.name} | failed: ${s.error ?? 'not measured'} |`);
      continue;
    }
    rows.push(
      `| ${s.name} | ${f.docs} | ${f.records} | ${(f.buildMs.median / 1000).toFixed(2)} s | ${size(f.index.total.raw)} / ${size(f.index.total.gzip)} (${f.index.files}) | ` +
        `${size(f.index.largestShard.raw)} / ${size(f.index.largestShard.gzip)} (${f.index.largestShard.path}) | ` +
        `${size(f.firstQuery.raw.median)} / ${size(f.firstQuery.gzip.median)} (${f.firstQuery.files.median}) | ${size(f.firstQuery.gzip.max)} | ` +
        `${f.latencyMs.cold.median.toFixed(1)} / ${f.latencyMs.cold.p95.toFixed(1)} ms | ${f.latencyMs.warm.median.toFixed(2)} / ${f.latencyMs.warm.p95.toFixed(2)} ms | ${f.peakMiB.toFixed(0)} MiB |`,
    );
  }
  return rows.join('\n');
}
