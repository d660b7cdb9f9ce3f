// The build's I/O: read the content folder and vocabulary, run the pipeline, render article HTML,
// and write the data folder Astro reads (layout in src/outputs/site-data.ts).
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentConfigSchema, type ContentConfig } from '../../src/config.ts';
import { readContentDir } from '../../src/pipeline/load.ts';
import { formatOf } from '../../src/pipeline/parse.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/index.ts';
import { createArticleRenderer, type MdxStore, type PageStore } from '../../src/outputs/html-renderer.ts';
import { buildSiteData, htmlFileName } from '../../src/outputs/site-model.ts';
import { MDX_DOCUMENTS_FILE } from '../../src/outputs/site-data.ts';
import { buildSearchIndex } from '../../src/search/build.ts';
import { ENCODER_VERSION } from '../../src/search/encoder.ts';
import { INDEX_OPTIONS } from '../../src/search/format.ts';
import { codeHash, createDocumentCache, sha256 } from './document-cache.ts';
import { createLayoutCache } from './layout-cache.ts';
import { joinedLines, jsonFileChunks, writeChunksIfChanged } from './json-file.ts';
import { createDocumentPool, defaultWorkerCount } from './document-pool.ts';
import { buildGraphView } from '../../src/outputs/build-graph-view.ts';
import { clusterFiles, clusterThreshold } from '../../src/outputs/build-graph-clusters.ts';
import { exportFiles } from '../../src/outputs/exports/files.ts';
import { siteGraph } from '../../src/lib/graph.ts';

/** What a document's search terms depend on besides its own text (the code is in the cache key). */
const SEARCH_CONTEXT = JSON.stringify({ encoder: ENCODER_VERSION, index: INDEX_OPTIONS });

/** Below this many documents to parse, a worker's start-up (~0.7 s) costs more than it saves. */
const MIN_DOCUMENTS_FOR_WORKERS = 50;

export const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

export interface CacheStats {
  hits: number;
  misses: number;
  stages: Record<string, { hits: number; misses: number }>;
}

export interface DataBuildOptions {
  contentDir: string;
  dataDir: string;
  vocabularyPath?: string;
  externalDocsBase?: string;
  base: string;
  /** The deployed origin (absolute URLs in the embed and export files). */
  site?: string;
  /** The site's name (the oEmbed provider); default docgraph. */
  title?: string;
  /** Reuse per-document results of earlier builds (`<data>/cache/documents/`); default true. */
  cache?: boolean;
  /** Worker threads for parsing (default: one per spare core when 50+ documents need parsing; 0: none). */
  workers?: number;
  /** How many documents the workers processed. */
  onPool?: (stats: { helped: number }) => void;
  /** What the cache gave: documents parsed or reused, and per later stage (mentions...) documents recomputed or reused. */
  onCache?: (stats: CacheStats) => void;
  onStage?: (stage: string, ms: number) => void;
  /**
   * Called once the MDX documents Astro compiles are final (<data>/mdx-documents.json and their
   * cleaned copies): right after loading when the folder has no MDX, else after the pipeline. The
   * site build may start compiling then, beside the rest of the pipeline (scripts/lib/site-build.ts).
   */
  onSourcesReady?: () => void;
}

/** The vocabulary: --vocabulary, else DIR/vocabulary.yaml, else the project's own. */
export function chooseVocabulary(contentDir: string, flag?: string): string {
  if (flag) return resolve(flag);
  const local = join(contentDir, 'vocabulary.yaml');
  return existsSync(local) ? local : join(PROJECT_ROOT, 'content', 'vocabulary.yaml');
}

export async function readContentConfig(contentDir: string): Promise<ContentConfig> {
  const file = join(contentDir, 'docgraph.yaml');
  if (!existsSync(file)) return {};
  const parsed = contentConfigSchema.safeParse(parseYaml(await readFile(file, 'utf8')) ?? {});
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export async function buildData(options: DataBuildOptions): Promise<PipelineResult> {
  const loadStarted = performance.now();
  const snapshot = await readContentDir(options.contentDir);
  options.onStage?.('load', performance.now() - loadStarted);
  const mdxDocuments = (paths: string[]) => {
    mkdirSync(options.dataDir, { recursive: true });
    writeIfChanged(join(options.dataDir, MDX_DOCUMENTS_FILE), `${JSON.stringify(paths)}\n`);
    options.onSourcesReady?.();
  };
  const hasMdx = snapshot.files.some((f) => formatOf(f.path) === 'mdx');
  if (!hasMdx) mdxDocuments([]);
  const vocabularyFile = options.vocabularyPath;
  const vocabulary = vocabularyFile ? { file: displayPath(vocabularyFile, options.contentDir), text: await readFile(vocabularyFile, 'utf8') } : undefined;
  // The folder is updated in place, not deleted: a running `npm run dev` serves from it (and Astro
  // keeps its cache in it); files this build did not write are removed at the end.
  await mkdir(join(options.dataDir, 'html'), { recursive: true });
  await mkdir(join(options.dataDir, 'public'), { recursive: true });
  await mkdir(join(options.dataDir, 'mdx'), { recursive: true });
  const written = new Set<string>();
  // Document ids are `doc:<slug>` and slugs are known before parsing, so pages can link ahead.
  const renderer = createArticleRenderer(options.base, { store: fileStore(join(options.dataDir, 'html'), written), mdx: mdxStore(join(options.dataDir, 'mdx'), written) });
  const cacheDir = join(options.dataDir, 'cache', 'documents');
  // The project's code and dependency versions: part of every cache key (documents, layouts, exports).
  const code = options.cache === false ? '' : codeHash(PROJECT_ROOT);
  if (options.cache === false) await rm(join(options.dataDir, 'cache'), { recursive: true, force: true });
  const cache =
    options.cache === false
      ? undefined
      : createDocumentCache({ dir: cacheDir, code, snapshot, shape: { base: options.base, externalDocsBase: options.externalDocsBase } });
  const workers = options.workers ?? defaultWorkerCount();
  // An explicit --workers always starts them (tests compare their output with the loop's own).
  const pool = workers > 0 ? createDocumentPool({ workers, base: options.base, minDocuments: options.workers === undefined ? MIN_DOCUMENTS_FOR_WORKERS : 1 }) : undefined;
  let result: PipelineResult;
  try {
    result = runPipeline(snapshot, { vocabulary, externalDocsBase: options.externalDocsBase, onStage: options.onStage, renderer, cache, helpers: pool, lean: true });
  } finally {
    await pool?.close();
  }
  options.onPool?.({ helped: pool?.helped ?? 0 });

  const started = performance.now();
  const assets = [...new Set(result.links.filter((l) => l.class === 'asset').map((l) => l.assetPath!))].sort();
  for (const asset of assets) {
    const target = join(options.dataDir, 'public', asset);
    await mkdir(dirname(target), { recursive: true });
    const source = join(options.contentDir, asset);
    const [from, to] = [await stat(source), existsSync(target) ? await stat(target) : undefined];
    written.add(target);
    // Copies carry the source's modification time, so an unchanged image is not copied again (a
    // rename over an existing file makes ext4 flush it: 658 images took 9 s in a dev rebuild).
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
  const site = buildSiteData(result, resolve(options.contentDir));
  writeChunksIfChanged(join(options.dataDir, 'site.json'), jsonFileChunks(site));
  if (hasMdx) mdxDocuments(site.documents.filter((d) => d.format === 'mdx').map((d) => d.path));
  const layoutStarted = performance.now();
  const layouts = options.cache === false ? undefined : createLayoutCache({ dir: join(options.dataDir, 'cache', 'layout'), code });
  const graphView = buildGraphView(result.graph, site.documents, layouts?.layout);
  layouts?.prune();
  const clustered = clusterFiles(graphView, clusterThreshold());
  const layoutMs = performance.now() - layoutStarted;
  options.onStage?.('graph layout', layoutMs);
  const graphHash = writeChunksIfChanged(join(options.dataDir, 'public', 'graph.json'), jsonFileChunks(result.graph));
  written.add(join(options.dataDir, 'public', 'graph.json'));
  for (const [name, value] of [['graph-view.json', graphView], ...clustered.map((f) => [f.path, f.value] as const)] as const) {
    await mkdir(dirname(join(options.dataDir, 'public', name)), { recursive: true });
    writeChunksIfChanged(join(options.dataDir, 'public', name), jsonFileChunks(value));
    written.add(join(options.dataDir, 'public', name));
  }
  writeChunksIfChanged(join(options.dataDir, 'site-graph.json'), jsonFileChunks(siteGraph(result.graph, site.documents)));
  writeChunksIfChanged(join(options.dataDir, 'public', 'report.json'), [`${JSON.stringify(result.report, null, 2)}\n`]);
  written.add(join(options.dataDir, 'public', 'report.json'));
  const exportsStarted = performance.now();
  const exportOptions = { site: options.site, base: options.base, title: options.title || 'docgraph' };
  for (const path of writeExports(options.dataDir, result.graph, exportOptions, options.cache === false ? undefined : sha256([graphHash, JSON.stringify(exportOptions), code]))) {
    written.add(path);
  }
  const exportsMs = performance.now() - exportsStarted;
  options.onStage?.('exports', exportsMs);
  const searchStarted = performance.now();
  // Each index file is written as soon as it is made: at 10,000 documents they add up to ~100 MB.
  const searchDir = join(options.dataDir, 'public', 'search');
  for (const sub of ['t', 'e', 'd']) await mkdir(join(searchDir, sub), { recursive: true });
  const searchCache = cache && { stage: cache.stage('search', SEARCH_CONTEXT), keyOf: (docId: string) => result.cacheKeys.get(docId) };
  buildSearchIndex(result, { cache: searchCache }, (path, data) => {
    const target = join(searchDir, path);
    writeChunksIfChanged(target, [data]);
    written.add(target);
  });
  const searchMs = performance.now() - searchStarted;
  options.onStage?.('search', searchMs);
  cache?.prune();
  if (cache) options.onCache?.({ hits: cache.hits, misses: cache.misses, stages: cache.stages });
  await removeUnwritten(join(options.dataDir, 'html'), written);
  await removeUnwritten(join(options.dataDir, 'mdx'), written);
  await removeUnwritten(join(options.dataDir, 'public'), written);
  // Layout and search are stages of their own, not writing.
  options.onStage?.('write', performance.now() - started - searchMs - layoutMs - exportsMs);
  return result;
}

/**
 * The export files (GraphML, Cypher, CSV, embeds) are a function of graph.json and the options: when
 * `key` (their hash) is the one recorded by the last build and the files are there, an edit that left
 * the graph alone (most wording changes) does not generate ~700 MB of text again at 10,000 documents.
 */
function writeExports(dataDir: string, graph: PipelineResult['graph'], exportOptions: Parameters<typeof exportFiles>[1], key?: string): string[] {
  const record = join(dataDir, 'cache', 'exports.json');
  if (key !== undefined && existsSync(record)) {
    const previous = JSON.parse(readFileSync(record, 'utf8')) as { key: string; files: string[] };
    const files = previous.files.map((f) => join(dataDir, 'public', f));
    if (previous.key === key && files.every((f) => existsSync(f))) return files;
  }
  const paths: string[] = [];
  for (const file of exportFiles(graph, exportOptions)) {
    const target = join(dataDir, 'public', file.path);
    mkdirSync(dirname(target), { recursive: true });
    if ('lines' in file) writeChunksIfChanged(target, joinedLines(file.lines));
    else writeChunksIfChanged(target, [file.data]);
    paths.push(file.path);
  }
  if (key !== undefined) {
    mkdirSync(dirname(record), { recursive: true });
    writeFileSync(record, `${JSON.stringify({ key, files: paths })}\n`);
  }
  return paths.map((f) => join(dataDir, 'public', f));
}

async function removeUnwritten(dir: string, written: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !written.has(path)) await rm(path, { force: true });
  }
}

/**
 * Leaves a file alone when it already holds `data`: a rebuild then touches only what changed, and a
 * running `npm run dev` (Astro watches the MDX copies) reloads once, when the new data is complete.
 */
function writeIfChanged(file: string, data: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === data) return;
  writeFileSync(file, data);
}

/** Article HTML goes to disk as soon as it is rendered; the few pages relinked later are read back. */
export function fileStore(dir: string, written?: Set<string>): PageStore {
  const file = (docId: string): string => join(dir, htmlFileName(docId.slice('doc:'.length)));
  return {
    get: (docId) => (existsSync(file(docId)) ? readFileSync(file(docId), 'utf8') : undefined),
    set: (docId, html) => {
      writeIfChanged(file(docId), html);
      written?.add(file(docId));
    },
  };
}

/** Cleaned MDX sources at their content path under `dir` (Astro's content collection reads them). */
function mdxStore(dir: string, written: Set<string>): MdxStore {
  return {
    set: (path, source) => {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeIfChanged(file, source);
      written.add(file);
    },
  };
}

function displayPath(file: string, contentDir: string): string {
  const abs = resolve(file);
  const root = resolve(contentDir);
  if (abs.startsWith(`${root}/`)) return abs.slice(root.length + 1);
  return abs.startsWith(`${PROJECT_ROOT}/`) ? abs.slice(PROJECT_ROOT.length + 1) : abs;
}
