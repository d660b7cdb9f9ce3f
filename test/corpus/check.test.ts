// `docgraph check` on the real corpus (228 documents), as a docs repository's CI runs it: SARIF and
// JUnit of the whole set valid against their schemas, one testcase per document, and the exit code
// agreeing with what the report says.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { junitErrors, sarifErrors } from '../helpers/check-schemas.ts';
import { requireCorpus } from '../helpers/corpus.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);

describe('docgraph check on office-enterprise-2019', async () => {
  const corpus = requireCorpus();
  const data = await tempDir('docgraph-check-corpus-');
  const out = await tempDir('docgraph-check-corpus-out-');
  const check = async (format: string): Promise<{ code: number; file: string }> => {
    const file = join(out, `report.${format}`);
    const args = ['--max-old-space-size=1024', '--max-semi-space-size=64', 'scripts/check.ts', '--content', corpus, '--format', format, '--output', file, '--quiet'];
    try {
      await run(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, DOCGRAPH_DATA: data } });
      return { code: 0, file };
    } catch (error) {
      return { code: (error as { code: number }).code, file };
    }
  };
  // The first run is cold (it fills the caches), the second warm.
  const sarif = await check('sarif');
  const junit = await check('junit');
  const report = JSON.parse(await readFile(join(data, 'public', 'report.json'), 'utf8')) as { counts: { errors: number; failedFiles: number; documents: number } };
  const prefix = `${relative(PROJECT_ROOT, corpus)}/`;

  it('exits 1 exactly when report.json has errors', () => {
    const expected = report.counts.errors + report.counts.failedFiles > 0 ? 1 : 0;
    expect(sarif.code).toBe(expected);
    expect(junit.code).toBe(expected);
  });

  it('writes SARIF 2.1.0 with one result per diagnostic, paths from the folder it ran in', async () => {
    const log = JSON.parse(await readFile(sarif.file, 'utf8')) as { runs: { results: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0]!.results;
    expect(results.filter((r) => r.level === 'error')).toHaveLength(report.counts.errors);
    for (const r of results) expect(decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri).startsWith(prefix) || r.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('content/')).toBe(true);
  });

  it('writes JUnit valid against the schema, with a testcase for each of the 228 documents', async () => {
    const xml = await readFile(junit.file, 'utf8');
    expect(await junitErrors(xml)).toEqual([]);
    const cases = [...xml.matchAll(/<testcase name="([^"]+)"/g)].map((m) => m[1]!);
    expect(cases.filter((c) => c.startsWith(prefix) && /\.mdx?$/.test(c)).length).toBeGreaterThanOrEqual(report.counts.documents);
  });
});
