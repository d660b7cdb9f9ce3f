// docgraph's own manual (docs/) is a docgraph site: it must build with --strict and no errors, and the
// README's links into it must lead somewhere.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);
const DOCS = join(PROJECT_ROOT, 'docs');

describe('the manual in docs/', () => {
  it('builds with --strict: no error, no broken link, a page per file', async () => {
    const data = await tempDir('docgraph-manual-data-');
    const out = join(await tempDir('docgraph-manual-out-'), 'site');
    const { stdout } = await run(process.execPath, ['scripts/build.ts', '--content', DOCS, '--out', out, '--strict'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DOCGRAPH_DATA: data },
    });
    expect(stdout).toContain(' 0 broken');
    const report = JSON.parse(await readFile(join(data, 'public', 'report.json'), 'utf8')) as {
      counts: { errors: number; documents: number };
      diagnostics: { severity: string; file: string; line: number; message: string }[];
    };
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pages = (await readdir(DOCS)).filter((name) => name.endsWith('.md') && name !== 'TOC.md');
    expect(report.counts.documents).toBe(pages.length);
    for (const page of pages) expect(existsSync(join(out, 'docs', page.replace(/\.md$/, ''), 'index.html')), page).toBe(true);
  }, 120_000);

  it('holds every file the README links to', async () => {
    const readme = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\((docs\/[^)#\s]+)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) expect(existsSync(join(PROJECT_ROOT, target)), target).toBe(true);
    // The manual is for the people who work on docgraph: each page is reachable from its index.
    const index = await readFile(join(DOCS, 'index.md'), 'utf8');
    for (const page of await readdir(DOCS)) {
      if (!page.endsWith('.md') || page === 'index.md' || page === 'TOC.md') continue;
      expect(index, page).toContain(`(${page})`);
    }
  });
});
