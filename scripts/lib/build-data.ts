// The build's I/O: read the content folder and vocabulary, run the pipeline, render article HTML,
// and write the data folder Astro reads (layout in src/outputs/site-data.ts).
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentConfigSchema, type ContentConfig } from '../../src/config.ts';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/index.ts';
import { extractSections } from '../../src/pipeline/sections.ts';
import { indexTargets, resolveLink } from '../../src/pipeline/resolve.ts';
import { documentUrl } from '../../src/pipeline/graph.ts';
import { renderDocumentHtml } from '../../src/outputs/render-html.ts';
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
  const result = runPipeline(snapshot, { vocabulary, externalDocsBase: options.externalDocsBase, onStage: options.onStage });

  const started = performance.now();
  await rm(options.dataDir, { recursive: true, force: true });
  await mkdir(join(options.dataDir, 'html'), { recursive: true });
  await mkdir(join(options.dataDir, 'public'), { recursive: true });
  const urlById = new Map(result.documents.map((d) => [d.id, documentUrl(d.slug)]));
  const linkIndex = indexTargets({
    docs: new Map(result.documents.map((d) => [d.path, d.id])),
    otherMarkdown: new Set(),
    assets: new Set(snapshot.assets),
    anchors: new Map(),
    externalDocsBase: options.externalDocsBase,
  });
  const linksByDoc = Map.groupBy(result.links, (l) => l.docId);
  for (const doc of result.documents) {
    if (doc.format !== 'md') continue;
    // Sections are re-derived from the same tree object, so heading nodes match by identity.
    const { headingIds } = extractSections(doc);
    const html = renderDocumentHtml(doc, {
      headingIds,
      links: linksByDoc.get(doc.id) ?? [],
      docUrl: (id) => urlById.get(id),
      resolveRawUrl: (url, kind) => resolveLink({ docId: doc.id, file: doc.path, line: 0, column: 0, kind, url, text: '', sectionId: '', sentence: '' }, linkIndex),
      base: options.base,
    });
    await writeFile(join(options.dataDir, 'html', htmlFileName(doc.slug)), html);
  }
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
  options.onStage?.('pages', performance.now() - started);
  return result;
}

function displayPath(file: string, contentDir: string): string {
  const abs = resolve(file);
  const root = resolve(contentDir);
  if (abs.startsWith(`${root}/`)) return abs.slice(root.length + 1);
  return abs.startsWith(`${PROJECT_ROOT}/`) ? abs.slice(PROJECT_ROOT.length + 1) : abs;
}
