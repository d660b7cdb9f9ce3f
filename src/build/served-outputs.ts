// The data folder's public files as `npm run dev` serves them: made from the build's result when
// first asked for, like the pages the dev server renders on request, and the same bytes a static
// build writes (the same functions make them). At 10,000 documents they are ~1.5 GB (graph.json
// 334 MB, the exports 700 MB, the search index 100 MB); writing them took most of each rebuild,
// while a writer checking an edit asks for one page and, now and then, a search.
import type { PipelineResult } from '../pipeline/index.ts';
import type { GraphView } from '../outputs/graph-view.ts';
import { clusterFiles } from '../outputs/build-graph-clusters.ts';
import { createExporter, type ExportOptions } from '../outputs/exports/files.ts';
import { buildSearchIndex, type SearchIndexOptions } from '../search/build.ts';
import { joinedLines, jsonFileChunks } from './json-file.ts';

export interface ServedFile {
  /** The file's text, in pieces (graph.json is too big for one string), or its bytes (the PNG embeds). */
  chunks(): Iterable<string | Uint8Array>;
}

export interface ServedOutputs {
  /** A file by its site-relative path without the base (`graph.json`, `search/manifest.json`...). */
  get(path: string): ServedFile | undefined;
  /** Every path (tests compare them with a static build's files). */
  paths(): string[];
}

export interface ServedInput {
  result: PipelineResult;
  view: GraphView;
  clusterAbove: number;
  exportOptions: ExportOptions;
  /** Per-document search terms of earlier builds (the resident stage cache). */
  search: () => SearchIndexOptions['cache'];
}

const text = (value: string): ServedFile => ({ chunks: () => [value] });
const json = (value: unknown): ServedFile => ({ chunks: () => jsonFileChunks(value) });

export function servedOutputs(input: ServedInput): ServedOutputs {
  const { result, view } = input;
  // Made once per build on first request, then kept: the graph page asks for clusters one by one, a
  // search for a shard per word.
  let clusters: Map<string, string> | undefined;
  const clusterMap = () => (clusters ??= new Map(clusterFiles(view, input.clusterAbove).map((f) => [f.path, `${JSON.stringify(f.value)}\n`])));
  let search: Map<string, string> | undefined;
  const searchMap = () => (search ??= new Map([...buildSearchIndex(result, { cache: input.search() })].map(([p, data]) => [`search/${p}`, data])));
  const exporter = createExporter(result.graph, input.exportOptions);
  const fixed: Record<string, () => ServedFile> = {
    'graph.json': () => json(result.graph),
    'graph-view.json': () => json(view),
    'report.json': () => text(`${JSON.stringify(result.report, null, 2)}\n`),
  };
  return {
    get(path) {
      if (Object.hasOwn(fixed, path)) return fixed[path]!();
      if (path.startsWith('graph-view/')) {
        const data = clusterMap().get(path);
        return data === undefined ? undefined : text(data);
      }
      if (path.startsWith('search/')) {
        const data = searchMap().get(path);
        return data === undefined ? undefined : text(data);
      }
      if (!/^(embed|oembed|exports)\//.test(path)) return undefined;
      const file = exporter.file(path);
      if (!file) return undefined;
      // The whole-graph exports are line generators, good for one pass: a new one per response.
      if ('bytes' in file) return { chunks: () => [file.bytes()] };
      return 'lines' in file ? { chunks: () => joinedLines((exporter.file(path) as { lines: Iterable<string> }).lines) } : text(file.data);
    },
    paths: () => [...Object.keys(fixed), ...clusterMap().keys(), ...searchMap().keys(), ...[...exporter.files()].map((f) => f.path)].sort(),
  };
}
