// The build CLI as a user runs it (pipeline only: --no-site keeps this fast; the browser suite builds
// the whole site).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);

async function build(args: string[]): Promise<{ code: number; stdout: string; stderr: string; data: string }> {
  const data = await tempDir('docgraph-cli-');
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts', '--no-site', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, DOCGRAPH_DATA: data } });
    return { code: 0, stdout, stderr, data };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, data };
  }
}

describe('npm run build', () => {
  it('exits 0 with problems in the report, prints file:line, and writes graph.json and report.json', async () => {
    const r = await build(['--content', fixture('pipeline', 'basic')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 documents (1 includes, 1 TOC files');
    expect(r.stdout).toContain('index.md:19:');
    const report = JSON.parse(await readFile(join(r.data, 'public', 'report.json'), 'utf8')) as { counts: { documents: number } };
    expect(report.counts.documents).toBe(5);
    const graph = JSON.parse(await readFile(join(r.data, 'public', 'graph.json'), 'utf8')) as { schemaVersion: number };
    expect(graph.schemaVersion).toBe(1);
  });

  it('exits 1 with --strict when there is any error', async () => {
    const r = await build(['--content', fixture('pipeline', 'basic'), '--strict', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--strict: \d+ error/);
  });

  it('exits 2 on an unknown flag or an invalid value, naming it', async () => {
    expect((await build(['--bogus'])).code).toBe(2);
    const bad = await build(['--content', fixture('pipeline', 'basic'), '--external-docs-base', 'javascript:alert(1)']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--external-docs-base');
    const missing = await build(['--content', fixture('does-not-exist')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('not a folder');
  });

  it('exits 2 when --out holds the content, the data folder or the project, which a build would replace', async () => {
    const work = await tempDir('docgraph-cli-out-');
    const content = join(work, 'docs');
    await cp(fixture('pipeline', 'basic'), content, { recursive: true });
    for (const out of [work, content, PROJECT_ROOT]) {
      const refused = await build(['--content', content, '--out', out]);
      expect(refused.code, out).toBe(2);
      expect(refused.stderr).toContain('--out');
    }
    expect(existsSync(join(content, 'index.md'))).toBe(true);
    const beside = await build(['--content', content, '--out', join(work, 'site')]);
    expect(beside.code).toBe(0);
  });

  it('writes the time of each stage as JSON with --timings FILE', async () => {
    const file = join(await tempDir('docgraph-timings-'), 'sub', 'timings.json');
    const r = await build(['--content', fixture('pipeline', 'basic'), '--quiet', '--timings', file]);
    expect(r.code).toBe(0);
    const timings = JSON.parse(await readFile(file, 'utf8')) as { stages: Record<string, number>; totalMs: number };
    expect(Object.keys(timings.stages)).toEqual(expect.arrayContaining(['load', 'parse', 'write']));
    expect(Object.keys(timings.stages)[0]).toBe('load');
    expect(timings.stages).not.toHaveProperty('site'); // --no-site
    const sum = Object.values(timings.stages).reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(0);
    expect(timings.totalMs).toBeGreaterThanOrEqual(sum * 0.99);
    expect((await build(['--content', fixture('pipeline', 'basic'), '--timings', ''])).code).toBe(2);
  });

  it('writes byte-identical graph.json and report.json for a copy of the folder elsewhere', async () => {
    const copy = join(await tempDir('docgraph-copy-'), 'somewhere', 'else');
    await cp(fixture('pipeline', 'basic'), copy, { recursive: true });
    const a = await build(['--content', fixture('pipeline', 'basic'), '--quiet']);
    const b = await build(['--content', copy, '--quiet']);
    for (const file of ['graph.json', 'report.json']) {
      expect(await readFile(join(b.data, 'public', file), 'utf8')).toBe(await readFile(join(a.data, 'public', file), 'utf8'));
    }
  });
});
