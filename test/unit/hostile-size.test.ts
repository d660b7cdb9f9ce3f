// The large cases, generated (never committed): a 7 MB page, a single 1 MB line, 10,000 headings,
// a heading 1,000 lists deep and a 1,000-deep block quote. The CLI builds them beside the hostile
// fixture as a user runs it: the CLI sizes its heap limit from the content, the test checks that
// limit stays under 2 GB, and a build that needed more would die, and the test with it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFileName } from '../../src/outputs/site-model.ts';
import type { SiteData } from '../../src/outputs/site-data.ts';
import type { BuildReport } from '../../src/pipeline/report.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { addLargeFiles, makeHostileFolder, unsafeMarkup, type HostileFolder } from '../helpers/hostile.ts';

const run = promisify(execFile);
/** Most heap the CLI may give itself here: with code and buffers the process stays under 2 GB. */
const HEAP_MIB = 1700;

describe('large hostile files', { timeout: 900_000 }, () => {
  let folder: HostileFolder;
  let data: string;
  let report: BuildReport;
  let site: SiteData;
  let seconds = 0;
  let budget = 0;

  beforeAll(async () => {
    folder = await makeHostileFolder('docgraph-hostile-size-');
    await addLargeFiles(folder.content);
    data = await mkdtemp(join(tmpdir(), 'docgraph-hostile-size-data-'));
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['scripts/build.ts', '--no-site', '--content', folder.content], { cwd: PROJECT_ROOT, env: { ...process.env, DOCGRAPH_DATA: data }, maxBuffer: 64 * 2 ** 20 });
    budget = Number(/heap limit (\d+) MiB/.exec(stdout)?.[1]);
    seconds = (performance.now() - started) / 1000;
    report = JSON.parse(await readFile(join(data, 'public', 'report.json'), 'utf8')) as BuildReport;
    site = JSON.parse(await readFile(join(data, 'site.json'), 'utf8')) as SiteData;
  }, 900_000);

  afterAll(async () => {
    if (folder) await rm(folder.root, { recursive: true, force: true });
    if (data) await rm(data, { recursive: true, force: true });
  });

  it('builds every large file into a page within the heap cap', () => {
    console.log(`large hostile build: ${seconds.toFixed(1)} s with a ${budget} MiB heap limit`);
    expect(budget).toBeGreaterThan(0);
    expect(budget).toBeLessThanOrEqual(HEAP_MIB);
    for (const path of ['large/seven-mb.md', 'large/one-mb-line.md', 'large/ten-thousand-headings.md', 'large/thousand-deep.md']) {
      const doc = site.documents.find((d) => d.path === path);
      expect(doc, path).toBeDefined();
      expect(existsSync(join(data, 'html', htmlFileName(doc!.slug))), path).toBe(true);
    }
    expect(report.diagnostics.filter((d) => d.code === 'render-error')).toEqual([]);
  });

  it('keeps all 10,000 headings as sections with their hostile text inert', async () => {
    const doc = site.documents.find((d) => d.path === 'large/ten-thousand-headings.md')!;
    expect(doc.sections.length).toBe(10_001);
    const html = await readFile(join(data, 'html', htmlFileName(doc.slug)), 'utf8');
    expect(unsafeMarkup(html)).toEqual([]);
  });

  it('lifts nesting deeper than 100 levels, says where, and keeps the text', async () => {
    const deep = report.diagnostics.filter((d) => d.file === 'large/thousand-deep.md' && d.code === 'deep-nesting');
    expect(deep.map((d) => d.line)).toEqual([104, 1005]);
    const doc = site.documents.find((d) => d.path === 'large/thousand-deep.md')!;
    const html = await readFile(join(data, 'html', htmlFileName(doc.slug)), 'utf8');
    expect(html).toContain('level 999');
    expect(html).toContain('A heading 1,000 lists deep');
    expect(html).toContain('deep quote');
  });

  it('renders the 1 MB line whole, with its links and no script', async () => {
    const doc = site.documents.find((d) => d.path === 'large/one-mb-line.md')!;
    const html = await readFile(join(data, 'html', htmlFileName(doc.slug)), 'utf8');
    expect(html.length).toBeGreaterThan(2 ** 20);
    expect(html.match(/<a href="\/docs\/index\/">/g)?.length).toBeGreaterThan(29_000);
    expect(html).not.toMatch(/<script|onerror=/i);
  });
});
