// Worker threads parse beside the pipeline's loop (src/build/document-pool.ts): the data folder must
// be byte for byte what one thread writes, whichever documents the workers happen to take.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import { chooseVocabulary } from '../../src/build/project.ts';
import { fixture } from '../helpers/fixtures.ts';
import { createDocumentPool } from '../../src/build/document-pool.ts';
import { readContentDir } from '../../src/pipeline/load.ts';
import { planContent } from '../../src/pipeline/documents.ts';
import { indexTargets } from '../../src/pipeline/resolve.ts';
import { processDocument } from '../../src/pipeline/process.ts';
import { tempDir } from '../helpers/temp.ts';

async function outputs(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(e.parentPath, e.name));
    if (e.isFile() && !path.startsWith('cache/')) files.set(path, (await readFile(join(dir, path))).toString('base64'));
  }
  return files;
}

/** The basic fixture plus enough pages (cross-linked, with tables, code, alerts) that the workers get some. */
async function bigContent(dir: string): Promise<void> {
  await cp(fixture('pipeline', 'basic'), dir, { recursive: true });
  await mkdir(join(dir, 'many'), { recursive: true });
  for (let i = 0; i < 240; i++) {
    const paragraphs = Array.from({ length: 12 }, (_, p) => `Step ${p} of page ${i}: Azure AD Connect synchronizes identities, and AD FS provides single sign-on. See [page ${(i + 1) % 240}](page-${(i + 1) % 240}.md#step-${p % 3}) and [setup](../guide/setup.md).`).join('\n\n');
    const table = ['| Option | Value |', '| --- | --- |', ...Array.from({ length: 8 }, (_, r) => `| Option ${r} | \`value-${r}\` |`)].join('\n');
    await writeFile(join(dir, 'many', `page-${i}.md`), `---\ntitle: Page ${i}\n---\n\n# Page ${i}\n\n> [!NOTE]\n> A note on page ${i}.\n\n## Step 0\n\n${paragraphs}\n\n## Step 1\n\n${table}\n\n## Step 2\n\n\`\`\`powershell\nGet-MsolUser -All | Where-Object { $_.Index -eq ${i} }\n\`\`\`\n`);
  }
}

describe('document pool', () => {
  it('writes the same data folder with two workers as with none, and the workers do part of it', { timeout: 240_000 }, async () => {
    const work = await tempDir('docgraph-pool-');
    const content = join(work, 'content');
    await bigContent(content);
    let helped = -1;
    const build = (dataDir: string, workers: number) =>
      buildData({ contentDir: content, dataDir, vocabularyPath: chooseVocabulary(content), base: '/', cache: false, workers, onPool: (stats) => (helped = stats.helped) });
    await build(join(work, 'alone'), 0);
    expect(helped).toBe(0);
    await build(join(work, 'pooled'), 2);
    expect(helped).toBeGreaterThan(0);
    // They help with the first 60% of the documents, then retire: the loop does the rest alone.
    const documents = (JSON.parse(await readFile(join(work, 'pooled', 'site.json'), 'utf8')) as { documents: unknown[] }).documents.length;
    expect(helped).toBeLessThanOrEqual(Math.ceil(0.6 * documents));
    const [alone, pooled] = [await outputs(join(work, 'alone')), await outputs(join(work, 'pooled'))];
    expect(pooled.size).toBeGreaterThan(240);
    expect([...pooled.keys()]).toEqual([...alone.keys()]);
    for (const [path, bytes] of pooled) expect(bytes, path).toBe(alone.get(path));
  });
});

describe('document pool share', () => {
  it('helps with the first share of the documents only, then leaves the rest to the loop', { timeout: 120_000 }, async () => {
    const work = await tempDir('docgraph-pool-share-');
    await bigContent(join(work, 'content'));
    const snapshot = await readContentDir(join(work, 'content'));
    const plan = planContent(snapshot.files);
    const targets = indexTargets({ docs: new Map(plan.documents.map((d) => [d.file.path, d.id])), otherMarkdown: new Set(plan.includes), assets: new Set(snapshot.assets), anchors: new Map() });
    const pool = createDocumentPool({ workers: 1, base: '/', minDocuments: 1, share: 0.5 });
    const documents = plan.documents.map((planned, index) => ({ index, planned }));
    pool.start({ documents, includeTrees: plan.includeTrees, targets });
    const here = (i: number) => processDocument(plan.documents[i]!, plan, targets);
    const half = Math.ceil(documents.length / 2);
    const taken: boolean[] = [];
    for (const { index } of documents) {
      const result = pool.take(index, here);
      taken.push(result !== undefined);
      if (!result) here(index);
    }
    await pool.close();
    expect(pool.helped).toBeGreaterThan(0);
    // Past the share nothing comes from a worker, not even a document the loop waited for.
    expect(taken.slice(half).filter(Boolean)).toEqual([]);
    expect(taken.filter(Boolean).length).toBeLessThanOrEqual(half);
  });
});
