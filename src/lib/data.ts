// Reads the data folder the build CLI wrote (see src/outputs/site-data.ts for the contract). Pages only
// read; nothing here computes graph facts. Files are read once per build and cached.
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { RESIDENT_DATA, type ResidentSiteData, type SiteData, type SiteDocument } from '../outputs/site-data.ts';
import type { KnowledgeGraph } from '../pipeline/types.ts';
import { indexGraph, type GraphIndex } from './graph.ts';
import type { GraphView } from '../outputs/graph-view.ts';
import { OVERVIEW_URL } from '../outputs/graph-overview.ts';

// The folders the build CLI passes at run time win over the ones baked in when the site was bundled:
// a site kit restored from a cache at another path (another checkout, another CI machine) then reads
// this build's data folder, not the one of the machine that bundled it.
const runtimeFolder = (value: string | undefined): string | undefined => (value && path.isAbsolute(value) ? value : undefined);
export const dataDir: string = runtimeFolder(process.env.DOCGRAPH_DATA) ?? __DOCGRAPH_DATA_DIR__;
export const contentDir: string = runtimeFolder(process.env.DOCGRAPH_CONTENT) ?? __DOCGRAPH_CONTENT_DIR__;

function readJson<T>(file: string, what: string): T {
  if (!existsSync(file)) {
    throw new Error(
      `docgraph: ${what} not found at ${file}. Build the site with \`npm run build\` (it writes the data ` +
        'folder first), or point DOCGRAPH_DATA at a data folder.',
    );
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`docgraph: ${file} is not valid JSON (${(error as Error).message}). Rebuild the data folder.`);
  }
}

/** The data `npm run dev` keeps in memory (src/outputs/site-data.ts), if this is its server. */
export function residentData(): ResidentSiteData | undefined {
  return import.meta.env.DEV ? (globalThis as { [RESIDENT_DATA]?: ResidentSiteData })[RESIDENT_DATA] : undefined;
}

let site: SiteData | undefined;
let graph: GraphIndex | undefined;
let loadedStamp = '';

/**
 * `npm run dev` rewrites the data folder when content changes; a build reads it once. The stamp
 * (site.json's modification time) drops the cached copies when the data changed underneath.
 */
function refreshIfChanged(): void {
  // A build's data folder is complete before the first page is rendered and stays as it is.
  if (!import.meta.env.DEV && loadedStamp !== '') return;
  const resident = residentData();
  const file = path.join(dataDir, 'site.json');
  const stamp = resident ? `resident ${resident.version}` : existsSync(file) ? String(statSync(file).mtimeMs) : '';
  if (stamp === loadedStamp) return;
  loadedStamp = stamp;
  site = undefined;
  graph = undefined;
}

export function getSiteData(): SiteData {
  refreshIfChanged();
  if (!site) {
    site = residentData()?.site ?? readJson<SiteData>(path.join(dataDir, 'site.json'), 'site.json');
    if (!Array.isArray(site.documents)) throw new Error(`docgraph: ${dataDir}/site.json has no documents list.`);
  }
  return site;
}

export function getGraph(): GraphIndex {
  refreshIfChanged();
  if (!graph) {
    // The evidence pages show (src/lib/graph.ts siteGraph), else the whole graph.json of an older data folder.
    const lean = path.join(dataDir, 'site-graph.json');
    const raw = residentData()?.graph ?? (existsSync(lean) ? readJson<KnowledgeGraph>(lean, 'site-graph.json') : readJson<KnowledgeGraph>(path.join(dataDir, 'public', 'graph.json'), 'graph.json'));
    if (raw.schemaVersion !== 1) {
      throw new Error(`docgraph: graph.json has schemaVersion ${String(raw.schemaVersion)}; this site reads 1.`);
    }
    graph = indexGraph(raw, getSiteData().documents);
  }
  return graph;
}

/** The sanitized article HTML of a Markdown document (written by the CLI; never built from raw content here). */
export function readArticleHtml(doc: SiteDocument): string {
  if (!doc.htmlFile) throw new Error(`docgraph: document ${doc.path} has no htmlFile in site.json.`);
  const file = path.join(dataDir, 'html', doc.htmlFile);
  if (path.relative(path.join(dataDir, 'html'), file).startsWith('..')) {
    throw new Error(`docgraph: htmlFile ${doc.htmlFile} of ${doc.path} points outside ${dataDir}/html.`);
  }
  return readFileSync(file, 'utf8');
}

let graphView: { stamp: string; view: GraphView } | undefined;

/** graph-view.json: the graph with layout positions (src/outputs/graph-view.ts), for local graphs. */
export function getGraphView(): GraphView {
  refreshIfChanged();
  if (!graphView || graphView.stamp !== loadedStamp) {
    graphView = { stamp: loadedStamp, view: residentData()?.view ?? readJson<GraphView>(path.join(dataDir, 'public', 'graph-view.json'), 'graph-view.json') };
  }
  return graphView.view;
}

/** Whether the build wrote the clustered overview (a big site): /graph/ then opens on it, not graph-view.json. */
export function hasGraphOverview(): boolean {
  const resident = residentData();
  if (resident) return resident.clustered;
  return existsSync(path.join(dataDir, 'public', OVERVIEW_URL));
}
