// Child process: the docgraph pipeline on a folder, as the build runs it (read + runPipeline,
// article HTML included; writing files and the Astro site are not measured here).
//   node scripts/bench/measure-pipeline.ts DIR [VOCABULARY_FILE]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStore } from '../../src/build/data-files.ts';
import { relative } from 'node:path';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { createHtmlRenderer } from '../../src/outputs/html-renderer.ts';
import { documentUrl } from '../../src/pipeline/graph.ts';
import { peakMiB, printMeasurement } from './protocol.ts';

const [dir, vocabularyPath] = process.argv.slice(2);
if (!dir) throw new Error('usage: measure-pipeline.ts DIR [VOCABULARY_FILE]');
const vocabulary = vocabularyPath
  ? { file: relative(process.cwd(), vocabularyPath).split('\\').join('/'), text: await readFile(vocabularyPath, 'utf8') }
  : undefined;

const stages: Record<string, number> = {};
const t0 = performance.now();
const snapshot = await readContentDir(dir);
stages.load = performance.now() - t0;
// Article HTML is rendered and stored as the build does it (written out while each tree is alive),
// so time and memory are the build's.
const htmlDir = await mkdtemp(join(tmpdir(), 'docgraph-bench-html-'));
const renderer = createHtmlRenderer({ docUrl: (id) => documentUrl(id.slice(4)), base: '/', store: fileStore(htmlDir) });
const result = runPipeline(snapshot, {
  vocabulary,
  renderer,
  // As buildData runs it: sentences and relations are left out of the result.
  lean: true,
  onStage: (stage, ms) => {
    stages[stage] = (stages[stage] ?? 0) + ms;
  },
});
const ms = performance.now() - t0;
const c = result.report.counts;
printMeasurement({
  ms,
  peakMiB: peakMiB(),
  files: snapshot.files.length,
  stages,
  counts: {
    documents: result.documents.length,
    sections: c.sections,
    mentions: c.mentions,
    docLinks: c.links.doc,
    brokenLinks: c.links.broken,
    nodes: result.graph.nodes.length,
    edges: result.graph.edges.length,
    errors: c.errors,
    warnings: c.warnings,
  },
});
await rm(htmlDir, { recursive: true, force: true });
