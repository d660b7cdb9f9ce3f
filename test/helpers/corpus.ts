import { existsSync } from 'node:fs';
import { PROJECT_ROOT } from './fixtures.ts';

/** The real documentation set beside the project (../shared), required by `npm run test:corpus`. */
export const CORPUS_DOCS = `${PROJECT_ROOT}../shared/corpus/office-enterprise-2019/docs`;

export function requireCorpus(): string {
  if (!existsSync(CORPUS_DOCS)) throw new Error(`The corpus suite needs ${CORPUS_DOCS} (../shared beside the project).`);
  return CORPUS_DOCS;
}
