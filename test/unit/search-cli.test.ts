// `npm run search` as a user runs it, on a data folder built by the real build CLI.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { SEARCH_FIXTURE } from '../helpers/search.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);
// Without vitest's own variables (BASE_URL, MODE...), which the scripts would otherwise see.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));

async function cli(script: string, args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { cwd: PROJECT_ROOT, env: { ...env, ...extraEnv } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const Line = z.strictObject({ rank: z.number().int().min(1), url: z.string().startsWith('/docs/'), title: z.string().min(1), section: z.string(), score: z.number().positive() });

let data = '';
beforeAll(async () => {
  data = await tempDir('docgraph-search-cli-');
  const built = await cli('scripts/build.ts', ['--no-site', '--quiet', '--content', SEARCH_FIXTURE], { DOCGRAPH_DATA: data });
  expect(built.code, built.stderr).toBe(0);
});

describe('npm run search', () => {
  it('prints one JSON object per hit with --json: rank, url, title, section, score', async () => {
    const r = await cli('scripts/search.ts', ['--site', data, '--json', 'AAD Connect']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => Line.parse(JSON.parse(l)));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.rank)).toEqual(lines.map((_, i) => i + 1));
    expect(lines[0]).toMatchObject({ url: '/docs/install-azure-ad-connect/#install-azure-ad-connect', title: 'Install Azure AD Connect' });
    const scores = lines.map((l) => l.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('honours --limit and --prefix, and prints the entity card and excerpts as text', async () => {
    const one = await cli('scripts/search.ts', ['--site', data, '--json', '--limit', '1', '--prefix', 'expr']);
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(one.stdout)).toMatchObject({ url: '/docs/expressroute/#azure-expressroute-for-office-365' });
    const text = await cli('scripts/search.ts', ['--site', data, 'Entra Connect']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('[Azure AD Connect — tool');
    expect(text.stdout).toMatch(/^ 1\. Install Azure AD Connect/m);
  });

  it('exits 0 and says so when nothing matches', async () => {
    const r = await cli('scripts/search.ts', ['--site', data, 'zzzzqqq']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no results for "zzzzqqq"');
    expect((await cli('scripts/search.ts', ['--site', data, '--json', 'the of and'])).stdout).toBe('');
  });

  it('exits 2 on a missing index or bad flags, naming the problem', async () => {
    const missing = await cli('scripts/search.ts', ['--site', join(data, 'html'), 'sync']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no search index');
    for (const args of [['--bogus', 'x'], ['sync'], ['--site', data], ['--site', data, '--limit', '0', 'sync'], ['--site', data, '--limit', 'ten', 'sync'], ['--site', data, 'x'.repeat(201)]]) {
      const r = await cli('scripts/search.ts', args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^docgraph search: /);
    }
  });
});
