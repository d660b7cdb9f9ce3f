// The build's I/O: read the content folder and vocabulary, run the pipeline, render article HTML,
// and write the data folder Astro reads (layout in src/outputs/site-data.ts).
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentConfigSchema, type ContentConfig } from '../../src/config.ts';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/index.ts';
import { documentUrl } from '../../src/pipeline/graph.ts';
import { createHtmlRenderer, type PageStore } from '../../src/outputs/html-renderer.ts';
import { buildSiteData, htmlFileName } from '../../src/outputs/site-model.ts';

export const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

export interface DataBuildOptions {
  contentDir: string;
  dataDir: string;
  vocabularyPath?: string;
  externalDocsBase?: string;
  base: string;
  onStage?: (stage: string, ms: number) => void;
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
  const snapshot = await readContentDir(options.contentDir);
  const vocabularyFile = options.vocabularyPath;
  const vocabulary = vocabularyFile ? { file: displayPath(vocabularyFile, options.contentDir), text: await readFile(vocabularyFile, 'utf8') } : undefined;
  await rm(options.dataDir, { recursive: true, force: true });
  await mkdir(join(options.dataDir, 'html'), { recursive: true });
  await mkdir(join(options.dataDir, 'public'), { recursive: true });
  // Document ids are `doc:<slug>` and slugs are known before parsing, so pages can link ahead.
  const renderer = createHtmlRenderer({ docUrl: (id) => (id.startsWith('doc:') ? documentUrl(id.slice(4)) : undefined), base: options.base, store: fileStore(join(options.dataDir, 'html')) });
  const result = runPipeline(snapshot, { vocabulary, externalDocsBase: options.externalDocsBase, onStage: options.onStage, renderer });

  const started = performance.now();
  const assets = [...new Set(result.links.filter((l) => l.class === 'asset').map((l) => l.assetPath!))].sort();
  for (const asset of assets) {
    const target = join(options.dataDir, 'public', asset);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(options.contentDir, asset), target);
  }
  const site = buildSiteData(result, resolve(options.contentDir));
  await writeFile(join(options.dataDir, 'site.json'), `${JSON.stringify(site)}\n`);
  await writeFile(join(options.dataDir, 'public', 'graph.json'), `${JSON.stringify(result.graph)}\n`);
  await writeFile(join(options.dataDir, 'public', 'report.json'), `${JSON.stringify(result.report, null, 2)}\n`);
  options.onStage?.('write', performance.now() - started);
  return result;
}

/** Article HTML goes to disk as soon as it is rendered; the few pages relinked later are read back. */
export function fileStore(dir: string): PageStore {
  const file = (docId: string): string => join(dir, htmlFileName(docId.slice('doc:'.length)));
  return {
    get: (docId) => (existsSync(file(docId)) ? readFileSync(file(docId), 'utf8') : undefined),
    set: (docId, html) => writeFileSync(file(docId), html),
  };
}

function displayPath(file: string, contentDir: string): string {
  const abs = resolve(file);
  const root = resolve(contentDir);
  if (abs.startsWith(`${root}/`)) return abs.slice(root.length + 1);
  return abs.startsWith(`${PROJECT_ROOT}/`) ? abs.slice(PROJECT_ROOT.length + 1) : abs;
}
