// The search fixtures through the real pipeline: build the index files in memory and query them
// with the searcher over a loader that reads that map (as the browser reads the site's files).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/index.ts';
import { buildSearchIndex } from '../../src/search/build.ts';
import { createSearcher, type IndexLoader, type Searcher } from '../../src/search/query.ts';
import { fixture } from './fixtures.ts';

export const SEARCH_FIXTURE = fixture('search');

/** The pipeline's result for a content folder, with its own vocabulary.yaml. */
export async function pipelineOf(dir: string): Promise<PipelineResult> {
  const snapshot = await readContentDir(dir);
  const vocabulary = { file: 'vocabulary.yaml', text: await readFile(join(dir, 'vocabulary.yaml'), 'utf8') };
  return runPipeline(snapshot, { vocabulary });
}

/** A loader over built files that records what it was asked for; a missing file rejects. */
export function memoryLoader(files: ReadonlyMap<string, string>): IndexLoader & { requested: string[] } {
  const requested: string[] = [];
  const load = async (path: string): Promise<unknown> => {
    requested.push(path);
    const text = files.get(path);
    if (text === undefined) throw new Error(`no such index file: ${path}`);
    return JSON.parse(text) as unknown;
  };
  return Object.assign(load, { requested });
}

export async function fixtureSearcher(): Promise<{ files: Map<string, string>; searcher: Searcher }> {
  const files = buildSearchIndex(await pipelineOf(SEARCH_FIXTURE));
  return { files, searcher: createSearcher(memoryLoader(files)) };
}
