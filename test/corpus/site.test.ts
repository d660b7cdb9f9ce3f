// The real corpus through the real CLI, pages included: every document becomes a page, every
// entity node gets one, and no internal link or image of any page points at a missing file.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/outputs/site-data.ts';
import type { KnowledgeGraph } from '../../src/pipeline/types.ts';
import { requireCorpus } from '../helpers/corpus.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const run = promisify(execFile);

describe('the corpus site', () => {
  let out = '';
  let data = '';
  beforeAll(async () => {
    const corpus = requireCorpus();
    const root = await mkdtemp(join(tmpdir(), 'docgraph-corpus-site-'));
    out = join(root, 'site');
    data = join(root, 'data');
    await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--content', corpus, '--out', out, '--quiet'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DOCGRAPH_DATA: data, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  });

  it('has a page for each of the 228 documents and for every entity node', () => {
    const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8')) as SiteData;
    expect(site.documents).toHaveLength(228);
    for (const d of site.documents) expect(existsSync(join(out, 'docs', d.slug, 'index.html')), d.path).toBe(true);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as KnowledgeGraph;
    for (const n of graph.nodes.filter((x) => ['concept', 'tool', 'product', 'discovered'].includes(x.type))) {
      expect(existsSync(join(out, n.url, 'index.html')), n.id).toBe(true);
    }
    expect(existsSync(join(out, 'report.json'))).toBe(true);
  });

  it('resolves every internal href and src of every page to a file of the site', async () => {
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(228);
    const missing: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
        const path = decodeURIComponent(m[1]!.replace(/&amp;/g, '&'));
        const file = path.endsWith('/') ? join(out, path, 'index.html') : join(out, path);
        if (!existsSync(file)) missing.push(`${page}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
