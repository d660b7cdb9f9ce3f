// The knowledge graph of the project's own content/, built by the real pipeline (for export tests).
import { readFileSync } from 'node:fs';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { PROJECT_ROOT } from './fixtures.ts';

export async function seedGraph(): Promise<KnowledgeGraph> {
  const snapshot = await readContentDir(`${PROJECT_ROOT}content`);
  const vocabulary = { file: 'vocabulary.yaml', text: readFileSync(`${PROJECT_ROOT}content/vocabulary.yaml`, 'utf8') };
  return runPipeline(snapshot, { vocabulary }).graph;
}
