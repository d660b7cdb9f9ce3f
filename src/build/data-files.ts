// The data folder's files, written so that a rebuild touches only what changed: article HTML and
// MDX copies, assets, the graph files, the search index and the exports (layout in
// src/outputs/site-data.ts). Each writer records what it wrote; buildData removes the rest.
import { copyFile, readdir, rename, rm, stat, utimes, mkdir } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PipelineResult } from '../pipeline/index.ts';
import type { MdxStore, PageStore } from '../outputs/html-renderer.ts';
import { htmlFileName } from '../outputs/site-model.ts';
import type { SiteData } from '../outputs/site-data.ts';
import { buildSearchIndex, type SearchIndexOptions } from '../search/build.ts';
import { exportFiles } from '../outputs/exports/files.ts';
import { releaseRasters } from '../outputs/exports/png.ts';
import { siteGraph } from '../lib/graph.ts';
import { joinedLines, jsonFileChunks, writeBytesIfChanged, writeChunksIfChanged } from './json-file.ts';

/**
 * Copies the assets the documents link to, and the files docgraph.yaml names (`extra`), into `<data>/public`. Copies carry the source's
 * modification time, so an unchanged image is not copied again (a rename over an existing file makes
 * ext4 flush it: 658 images took 9 s in a dev rebuild).
 */
export async function copyAssets(result: Pick<PipelineResult, 'links'>, contentDir: string, dataDir: string, written: Set<string>, extra: readonly string[] = []): Promise<void> {
  const assets = [...new Set([...result.links.filter((l) => l.class === 'asset').map((l) => l.assetPath!), ...extra])].sort();
  for (const asset of assets) {
    const target = join(dataDir, 'public', asset);
    await mkdir(dirname(target), { recursive: true });
    const source = join(contentDir, asset);
    const [from, to] = [await stat(source), existsSync(target) ? await stat(target) : undefined];
    written.add(target);
    if (to && to.size === from.size && Math.abs(to.mtimeMs - from.mtimeMs) < 1) continue;
    if (to) {
      // Into a new file renamed over the old one: the built site holds hard links to these (link-public.ts).
      await copyFile(source, `${target}.tmp`);
      await utimes(`${target}.tmp`, from.atime, from.mtime);
      await rename(`${target}.tmp`, target);
    } else {
      await copyFile(source, target);
      await utimes(target, from.atime, from.mtime);
    }
  }
}

/**
 * graph.json, the graph views (whole and clustered), the pages' site-graph.json and report.json.
 * Returns graph.json's SHA-256: the exports are a function of it.
 */
export function writeGraphFiles(dataDir: string, result: Pick<PipelineResult, 'graph' | 'report'>, site: Pick<SiteData, 'documents'>, views: readonly (readonly [string, unknown])[], written: Set<string>): string {
  const graphHash = writeChunksIfChanged(join(dataDir, 'public', 'graph.json'), jsonFileChunks(result.graph));
  written.add(join(dataDir, 'public', 'graph.json'));
  for (const [name, value] of views) {
    mkdirSync(dirname(join(dataDir, 'public', name)), { recursive: true });
    writeChunksIfChanged(join(dataDir, 'public', name), jsonFileChunks(value));
    written.add(join(dataDir, 'public', name));
  }
  writeChunksIfChanged(join(dataDir, 'site-graph.json'), jsonFileChunks(siteGraph(result.graph, site.documents)));
  writeChunksIfChanged(join(dataDir, 'public', 'report.json'), [`${JSON.stringify(result.report, null, 2)}\n`]);
  written.add(join(dataDir, 'public', 'report.json'));
  return graphHash;
}

/** The search index under `dir`, each file written as soon as it is made: at 10,000 documents they add up to ~100 MB. */
export function writeSearchFiles(dir: string, result: PipelineResult, cache: SearchIndexOptions['cache'], written: Set<string>): void {
  for (const sub of ['t', 'e', 'd']) mkdirSync(join(dir, sub), { recursive: true });
  buildSearchIndex(result, { cache }, (path, data) => {
    const target = join(dir, path);
    writeChunksIfChanged(target, [data]);
    written.add(target);
  });
}

/**
 * The export files (GraphML, Cypher, CSV, embeds) are a function of graph.json and the options: when
 * `key` (their hash) is the one recorded by the last build and the files are there, an edit that left
 * the graph alone (most wording changes) does not generate ~700 MB of text again at 10,000 documents.
 */
export async function writeExports(dataDir: string, graph: PipelineResult['graph'], exportOptions: Parameters<typeof exportFiles>[1], key: string | undefined, written: Set<string>): Promise<void> {
  const record = join(dataDir, 'cache', 'exports.json');
  if (key !== undefined && existsSync(record)) {
    const previous = JSON.parse(readFileSync(record, 'utf8')) as { key: string; files: string[] };
    const files = previous.files.map((f) => join(dataDir, 'public', f));
    if (previous.key === key && files.every((f) => existsSync(f))) {
      for (const f of files) written.add(f);
      return;
    }
  }
  const paths: string[] = [];
  // Pictures render a few at a time off the main thread and are written in the order they came.
  let rendering: { target: string; bytes: Promise<Uint8Array> }[] = [];
  const flush = async () => {
    for (const { target, bytes } of rendering) writeBytesIfChanged(target, await bytes);
    rendering = [];
    await releaseRasters();
  };
  for (const file of exportFiles(graph, exportOptions)) {
    const target = join(dataDir, 'public', file.path);
    mkdirSync(dirname(target), { recursive: true });
    if ('lines' in file) writeChunksIfChanged(target, joinedLines(file.lines));
    else if ('bytes' in file) {
      rendering.push({ target, bytes: file.render ? file.render() : Promise.resolve(file.bytes()) });
      if (rendering.length === RASTERS_PER_RELEASE) await flush();
    } else writeChunksIfChanged(target, [file.data]);
    paths.push(file.path);
    written.add(target);
  }
  await flush();
  if (key !== undefined) {
    mkdirSync(dirname(record), { recursive: true });
    writeFileSync(record, `${JSON.stringify({ key, files: paths })}\n`);
  }
}

/** Pictures in flight, and rendered between two releases of their pixels (~1.3 MB each). */
const RASTERS_PER_RELEASE = 16;

export async function removeUnwritten(dir: string, written: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !written.has(path)) await rm(path, { force: true });
  }
}

/**
 * Leaves a file alone when it already holds `data`: a rebuild then touches only what changed, and a
 * running `npm run dev` (Astro watches the MDX copies) reloads once, when the new data is complete.
 */
export function writeIfChanged(file: string, data: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === data) return;
  writeFileSync(file, data);
}

/**
 * Article HTML goes to disk as soon as it is rendered; the few pages relinked later are read back.
 * `known` (a resident process's memory: file -> HTML last written) spares reading files to compare.
 */
export function fileStore(dir: string, written?: Set<string>, known?: Map<string, string>): PageStore {
  const file = (docId: string): string => join(dir, htmlFileName(docId.slice('doc:'.length)));
  return {
    get: (docId) => known?.get(file(docId)) ?? (existsSync(file(docId)) ? readFileSync(file(docId), 'utf8') : undefined),
    set: (docId, html) => {
      const target = file(docId);
      if (known?.get(target) !== html || !existsSync(target)) writeIfChanged(target, html);
      known?.set(target, html);
      written?.add(target);
    },
  };
}

/** Cleaned MDX sources at their content path under `dir` (Astro's content collection reads them). */
export function mdxStore(dir: string, written: Set<string>): MdxStore {
  return {
    set: (path, source) => {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeIfChanged(file, source);
      written.add(file);
    },
  };
}

