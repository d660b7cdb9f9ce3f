// The build's I/O: read the content folder and vocabulary, run the pipeline, render article HTML,
// and write the data folder Astro reads (layout in src/outputs/site-data.ts).
import { mkdir, readFile, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readContentDir, type ContentSnapshot } from '../pipeline/load.ts';
import { formatOf } from '../pipeline/parse.ts';
import { runPipeline, type PipelineResult } from '../pipeline/index.ts';
import { createArticleRenderer } from '../outputs/html-renderer.ts';
import { ACCENT_CSS, buildSiteData, settingsAssets } from '../outputs/site-model.ts';
import { accentColours, accentStylesheet } from '../outputs/accent.ts';
import { readGitDates } from './git-dates.ts';
import { MDX_DOCUMENTS_FILE, type SiteData } from '../outputs/site-data.ts';
import type { GraphView } from '../outputs/graph-view.ts';
import { ENCODER_VERSION } from '../search/encoder.ts';
import { INDEX_OPTIONS } from '../search/format.ts';
import { createDocumentCache } from './document-cache.ts';
import { codeHash, sha256 } from './code-hash.ts';
import { createLayoutCache } from './layout-cache.ts';
import { jsonFileChunks, writeChunksIfChanged } from './json-file.ts';
import { PROJECT_ROOT, readContentConfig } from './project.ts';
import { copyAssets, fileStore, mdxStore, removeUnwritten, writeExports, writeGraphFiles, writeIfChanged, writeSearchFiles } from './data-files.ts';
import { createDocumentPool, defaultWorkers } from './document-pool.ts';
import { workerHeapMiB } from './heap-budget.ts';
import { buildGraphView } from '../outputs/build-graph-view.ts';
import { clusterFiles, clusterThreshold, isClustered } from '../outputs/build-graph-clusters.ts';
import { residentCache, type Resident } from './resident.ts';
import { servedOutputs } from './served-outputs.ts';

/** What a document's search terms depend on besides its own text (the code is in the cache key). */
const SEARCH_CONTEXT = JSON.stringify({ encoder: ENCODER_VERSION, index: INDEX_OPTIONS });

/**
 * The share of the documents to parse that workers help with before they retire (document-pool.ts).
 * At 10,000 documents on 2 cores: with a worker to the end the parse peaked at 2.2 GB; retiring at
 * 70% still reached 2.0 GB, at 60% the parse stays near 1.5 GB, for about the same time saved.
 */
const WORKER_SHARE = 0.6;


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
   * site build may start compiling then, beside the rest of the pipeline (src/build/site-build.ts).
   */
  onSourcesReady?: () => void;
  /**
   * Called once everything the site's pages read is written (site data, graph files, article HTML):
   * the search index and the exports, which no page reads, are written while the pages render.
   */
  onDataReady?: () => void;
  /**
   * The memory of a long-running process (`npm run dev`): per-document results are reused from it,
   * and instead of the site data and public files being written, `resident.served` is set to what
   * pages read and to the public files, made on request (src/build/served-outputs.ts).
   */
  resident?: Resident;
  /** `--explain FILE`: why each sentence of this content file that names two entities gave its edges or none. */
  explain?: string;
  /**
   * Write the search index and the export files (default true). `docgraph check` publishes nothing:
   * the two stages were 13 of a cold check's 22 s on the corpus. The public files of the last build
   * stay as they were; the next build writes what changed.
   */
  publish?: boolean;
}

export async function buildData(options: DataBuildOptions): Promise<PipelineResult> {
  const loadStarted = performance.now();
  // Dropped once the pipeline has read it: the sources' text would otherwise stay to the end.
  let snapshot: ContentSnapshot | undefined = await readContentDir(options.contentDir);
  options.onStage?.('load', performance.now() - loadStarted);
  // docgraph.yaml's site settings (the CLI already checked the file; dev re-reads it on every edit).
  const config = await readContentConfig(options.contentDir);
  // One `git log` beside the pipeline, when the dates are asked for.
  const gitDates = config.lastUpdated === 'git' ? readGitDates(options.contentDir) : undefined;
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
  const resident = options.resident;
  const renderer = createArticleRenderer(options.base, { store: fileStore(join(options.dataDir, 'html'), written, resident?.pages), mdx: mdxStore(join(options.dataDir, 'mdx'), written) });
  const cacheDir = join(options.dataDir, 'cache', 'documents');
  // The project's code and dependency versions: part of every cache key (documents, layouts, exports).
  const code = options.cache === false ? '' : resident ? (resident.code ??= codeHash(PROJECT_ROOT)) : codeHash(PROJECT_ROOT);
  if (options.cache === false) await rm(join(options.dataDir, 'cache'), { recursive: true, force: true });
  const disk = options.cache === false ? undefined : createDocumentCache({ dir: cacheDir, code, snapshot, shape: { base: options.base, externalDocsBase: options.externalDocsBase } });
  const cache = disk && resident ? residentCache(resident, disk) : disk;
  const defaults = defaultWorkers();
  const workers = options.workers ?? defaults.workers;
  const largest = snapshot.files.reduce((n, f) => Math.max(n, f.text.length), 0);
  // An explicit --workers always starts them (tests compare their output with the loop's own).
  const pool =
    workers > 0
      ? createDocumentPool({ workers, base: options.base, minDocuments: options.workers === undefined ? defaults.minDocuments : 1, share: WORKER_SHARE, heapMiB: workerHeapMiB(largest) })
      : undefined;
  let result: PipelineResult;
  try {
    result = runPipeline(snapshot, { vocabulary, externalDocsBase: options.externalDocsBase, onStage: options.onStage, renderer, cache, helpers: pool, lean: true, ...(options.explain === undefined ? {} : { explain: options.explain }) });
    snapshot = undefined;
  } finally {
    await pool?.close();
  }
  options.onPool?.({ helped: pool?.helped ?? 0 });

  const started = performance.now();
  await copyAssets(result, options.contentDir, options.dataDir, written, settingsAssets(config));
  if (config.accentColor) {
    const file = join(options.dataDir, 'public', ACCENT_CSS);
    mkdirSync(dirname(file), { recursive: true });
    writeIfChanged(file, accentStylesheet(accentColours(config.accentColor)));
    written.add(file);
  }
  const dates = await gitDates;
  if (dates?.problem) console.warn(`docgraph: docgraph.yaml lastUpdated: git: no dates (${dates.problem})`);
  let site: SiteData | undefined = buildSiteData(result, resolve(options.contentDir), { config, ...(dates ? { lastUpdated: dates.dates } : {}) });
  if (!resident) writeChunksIfChanged(join(options.dataDir, 'site.json'), jsonFileChunks(site));
  if (hasMdx) mdxDocuments(site.documents.filter((d) => d.format === 'mdx').map((d) => d.path));
  // Every article's HTML and MDX copy is written by now.
  await removeUnwritten(join(options.dataDir, 'html'), written);
  await removeUnwritten(join(options.dataDir, 'mdx'), written);
  const layoutStarted = performance.now();
  const layouts = options.cache === false ? undefined : createLayoutCache({ dir: join(options.dataDir, 'cache', 'layout'), code });
  let graphView: GraphView | undefined = buildGraphView(result.graph, site.documents, layouts?.layout);
  layouts?.prune();
  const exportOptions = { site: options.site, base: options.base, title: options.title || 'docgraph' };
  const searchCache = () => cache && { stage: cache.stage('search', SEARCH_CONTEXT), keyOf: (docId: string) => result.cacheKeys.get(docId) };
  const finishCache = () => {
    cache?.prune();
    if (cache) options.onCache?.({ hits: cache.hits, misses: cache.misses, stages: cache.stages });
  };
  const clusterAbove = clusterThreshold();
  if (resident) {
    const layoutMs = performance.now() - layoutStarted;
    options.onStage?.('graph layout', layoutMs);
    // Files of an earlier static build into this folder: the dev server answers those paths itself.
    await removeUnwritten(join(options.dataDir, 'public'), written);
    for (const file of resident.pages.keys()) if (!written.has(file)) resident.pages.delete(file);
    finishCache();
    resident.served = {
      data: { version: resident.builds, site, graph: result.graph, view: graphView, report: result.report, clustered: isClustered(graphView, clusterAbove) },
      outputs: servedOutputs({
        result,
        view: graphView,
        clusterAbove,
        exportOptions,
        // Opened when a search first asks for the index: from memory only, as the build is over.
        search: searchCache,
      }),
    };
    options.onDataReady?.();
    options.onStage?.('write', performance.now() - started - layoutMs);
    return result;
  }
  let clustered: ReturnType<typeof clusterFiles> | undefined = clusterFiles(graphView, clusterAbove);
  const layoutMs = performance.now() - layoutStarted;
  options.onStage?.('graph layout', layoutMs);
  const graphHash = writeGraphFiles(options.dataDir, result, site, [['graph-view.json', graphView], ...clustered.map((f) => [f.path, f.value] as const)], written);
  // The pages' data is written: the site data and graph views (~300 MB at 10,000 documents) go before
  // the exports and the search index are made, where a big build peaks.
  site = graphView = clustered = undefined;
  // So do the resolved links (no later output reads them; 280,000 at 10,000 documents).
  result = { ...result, links: [] };
  options.onDataReady?.();
  if (options.publish === false) {
    finishCache();
    options.onStage?.('write', performance.now() - started - layoutMs);
    return result;
  }
  // The search index first: it reads the sections' text and the mentions, which then go before the
  // exports (made from the graph alone) are, so the two big late stages never hold both.
  const searchStarted = performance.now();
  writeSearchFiles(join(options.dataDir, 'public', 'search'), result, searchCache(), written);
  const searchMs = performance.now() - searchStarted;
  options.onStage?.('search', searchMs);
  result = { ...result, sections: [], mentions: [] };
  const exportsStarted = performance.now();
  await writeExports(options.dataDir, result.graph, exportOptions, options.cache === false ? undefined : sha256([graphHash, JSON.stringify(exportOptions), code]), written);
  const exportsMs = performance.now() - exportsStarted;
  options.onStage?.('exports', exportsMs);
  finishCache();
  await removeUnwritten(join(options.dataDir, 'public'), written);
  // Layout and search are stages of their own, not writing.
  options.onStage?.('write', performance.now() - started - searchMs - layoutMs - exportsMs);
  return result;
}

function displayPath(file: string, contentDir: string): string {
  const abs = resolve(file);
  const root = resolve(contentDir);
  if (abs.startsWith(`${root}/`)) return abs.slice(root.length + 1);
  return abs.startsWith(`${PROJECT_ROOT}/`) ? abs.slice(PROJECT_ROOT.length + 1) : abs;
}
