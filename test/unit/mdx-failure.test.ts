// One bad file never stops the others: an MDX file that does not compile is reported with its
// file:line and left out, and the site (Markdown and the other MDX pages) is still built.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/pipeline/report.ts';
import { fixture, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);

describe('a folder with an MDX file that does not compile', () => {
  it('builds every other page and reports the broken file', async () => {
    const root = await tempDir('docgraph-mdx-failure-');
    const out = join(root, 'site');
    // Without vitest's own variables (BASE_URL, MODE...), which Astro would take over its config.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));
    await run(process.execPath, ['scripts/build.ts', '--content', fixture('mdx-failure'), '--out', out, '--quiet'], {
      cwd: PROJECT_ROOT,
      env: { ...env, DOCGRAPH_DATA: join(root, 'data'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(existsSync(join(out, 'docs', 'good', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'docs', 'plain', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'docs', 'broken'))).toBe(false);
    expect(readFileSync(join(out, 'docs', 'good', 'index.html'), 'utf8')).toContain('href="/entities/azure-ad-connect/"');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(report.failedFiles.map((f) => f.file)).toEqual(['broken.mdx']);
    expect(report.diagnostics.find((d) => d.code === 'parse-error')).toMatchObject({ file: 'broken.mdx', line: 7 });
    // The link to the file that failed is reported, and shown as text on the page that has it.
    expect(report.broken.map((b) => `${b.file}:${b.line} ${b.url}`)).toEqual(['plain.md:3 broken.mdx']);
    expect(readFileSync(join(out, 'docs', 'plain', 'index.html'), 'utf8')).toMatch(/<span class="broken-link" title="Broken link: broken.mdx">the broken one/);
  }, 60_000);
});
