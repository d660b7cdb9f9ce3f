// docgraph.yaml's site settings: the schema, file:line:column errors, the one-pass git dates and the
// accent colour's contrast.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContentConfig } from '../../src/build/content-config.ts';
import { readGitDates } from '../../src/build/git-dates.ts';
import { readContentConfig } from '../../src/build/project.ts';
import { accentColours, contrast } from '../../src/outputs/accent.ts';
import { buildSiteData } from '../../src/outputs/site-model.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const files = (...present: string[]) => ({ isFile: (p: string) => present.includes(p) });
const errorsOf = (yaml: string, ...present: string[]) => parseContentConfig(yaml, 'docs/docgraph.yaml', files(...present)).errors;

describe('docgraph.yaml settings', () => {
  it('reads the fixture site settings', async () => {
    const config = await readContentConfig(fixture('settings', 'site'));
    expect(config).toMatchObject({ logo: { src: 'images/logo.svg', alt: 'Contoso' }, accentColor: '#0b7a75', lastUpdated: 'git', customCss: ['styles/brand.css'] });
    expect(config.nav?.[1]).toEqual({ label: 'Guides', items: ['guide/second step.md', 'guide/first.md'] });
  });

  it('names file:line:column of each bad setting', () => {
    const yaml = ['title: Docs', 'editUrl: ftp://example.com/', 'accentColor: teal', 'footer:', '  - label: Bad', '    href: "javascript:alert(1)"', 'lastUpdated: svn', 'colour: red', ''].join('\n');
    expect(errorsOf(yaml)).toEqual([
      'docs/docgraph.yaml:2:10: editUrl: must be an http(s) URL, e.g. https://github.com/org/repo/edit/main/docs/',
      expect.stringMatching(/^docs\/docgraph\.yaml:3:14: accentColor: must be a hex colour/),
      expect.stringMatching(/^docs\/docgraph\.yaml:6:11: footer\.0\.href: must be an http\(s\) URL, a mailto: address or a site path/),
      'docs/docgraph.yaml:7:14: lastUpdated: must be git (the only source of dates so far), or left out',
      expect.stringMatching(/^docs\/docgraph\.yaml:8:9: colour: unknown setting \(known settings: /),
    ]);
  });

  it('reports files the settings name that the content folder lacks, at the setting', () => {
    const yaml = ['logo:', '  src: img/logo.svg', 'customCss: [a.css, missing.css]', 'nav:', '  - index.md', '  - label: Guides', '    items:', '      - guide/gone.md', ''].join('\n');
    expect(errorsOf(yaml, 'a.css', 'index.md')).toEqual([
      'docs/docgraph.yaml:2:8: logo.src: no file "img/logo.svg" in the content folder (paths are relative to the folder that holds docgraph.yaml)',
      'docs/docgraph.yaml:3:20: customCss.1: no file "missing.css" in the content folder (paths are relative to the folder that holds docgraph.yaml)',
      'docs/docgraph.yaml:8:9: nav.1.items.0: no document "guide/gone.md" in the content folder (paths are relative to the folder that holds docgraph.yaml)',
    ]);
  });

  it('takes an empty alt (a decorative logo beside the title)', () => {
    expect(errorsOf("logo: { src: a.svg, alt: '' }\n", 'a.svg')).toBeUndefined();
  });

  it('refuses paths out of the content folder and YAML syntax errors', () => {
    expect(errorsOf('logo: ../secret.png\n')?.[0]).toMatch(/^docs\/docgraph\.yaml:1:7: logo: must be a path relative to the content folder/);
    expect(errorsOf('title: [unclosed\n')?.[0]).toMatch(/^docs\/docgraph\.yaml:\d+:\d+: .*\(fix the YAML syntax\)$/);
  });

  it('throws every problem from the content folder, one per line', async () => {
    const dir = await tempDir('docgraph-config-');
    await writeFile(join(dir, 'docgraph.yaml'), 'logo: logo.png\ncustomCss: [x.css]\n');
    await expect(readContentConfig(dir)).rejects.toThrow(/has 2 errors:\n.*docgraph\.yaml:1:7: logo: no file "logo\.png".*\n.*docgraph\.yaml:2:13: customCss.0: no file "x\.css"/);
  });

  it('gives edit links per URL-encoded segment and the nav in the given order', () => {
    const documents = [
      { id: 'doc:a', path: 'a.md', slug: 'a', format: 'md' as const, title: 'A' },
      { id: 'doc:guide/b-c', path: 'guide/b c#1.md', slug: 'guide/b-c', format: 'md' as const, title: 'B' },
    ];
    const site = buildSiteData({ documents: documents as never, sections: [], mentions: [], links: [], nav: [] }, '/c', {
      config: { editUrl: 'https://git.example.com/edit/main/docs', nav: [{ label: 'G', items: ['guide/b c#1.md'] }, 'a.md'] },
      lastUpdated: new Map([['a.md', '2025-01-02T03:04:05Z']]),
    });
    expect(site.documents.map((d) => [d.editUrl, d.lastUpdated])).toEqual([
      ['https://git.example.com/edit/main/docs/a.md', '2025-01-02T03:04:05Z'],
      ['https://git.example.com/edit/main/docs/guide/b%20c%231.md', undefined],
    ]);
    expect(site.nav).toEqual([{ title: 'G', children: [{ title: 'B', docId: 'doc:guide/b-c', children: [] }] }, { title: 'A', docId: 'doc:a', children: [] }]);
  });
});

describe('readGitDates', () => {
  const git = (cwd: string, date: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      env: { ...process.env, GIT_AUTHOR_DATE: '2001-01-01T00:00:00Z', GIT_COMMITTER_DATE: date },
    });

  it('takes each file its newest commit date, from one git log over the folder', async () => {
    const repo = await tempDir('docgraph-git-');
    const docs = join(repo, 'docs');
    await mkdir(join(docs, 'sub dir'), { recursive: true });
    git(repo, '', 'init', '-q');
    await writeFile(join(docs, 'a.md'), 'one');
    await writeFile(join(docs, 'sub dir', 'b é.md'), 'b');
    await writeFile(join(repo, 'outside.md'), 'x');
    git(repo, '2024-01-02T03:04:05+00:00', 'add', '.');
    git(repo, '2024-01-02T03:04:05+00:00', 'commit', '-qm', 'one');
    await writeFile(join(docs, 'a.md'), 'two');
    git(repo, '2024-06-07T08:09:10+02:00', 'commit', '-qam', 'two');
    await writeFile(join(docs, 'new.md'), 'never committed');
    const { dates, problem } = await readGitDates(docs);
    expect(problem).toBeUndefined();
    expect(Object.fromEntries(dates)).toEqual({ 'a.md': '2024-06-07T08:09:10+02:00', 'sub dir/b é.md': '2024-01-02T03:04:05+00:00' });
  });

  it('gives no dates and a problem outside a repository', async () => {
    const dir = await tempDir('docgraph-nogit-');
    const { dates, problem } = await readGitDates(dir);
    expect(dates.size).toBe(0);
    expect(problem).toMatch(/not a git repository/);
  });
});

describe('accentColours', () => {
  it('keeps a readable colour and fixes an unreadable one in each theme', () => {
    const { light, dark } = accentColours('#0b7a75');
    expect(light).toBe('#0b7a75');
    for (const bg of ['#0d1117', '#161b22']) expect(contrast(dark, bg)).toBeGreaterThanOrEqual(4.5);
    const pale = accentColours({ light: '#ffd700', dark: '#000080' });
    for (const bg of ['#ffffff', '#f6f8fa']) expect(contrast(pale.light, bg)).toBeGreaterThanOrEqual(4.5);
    for (const bg of ['#0d1117', '#161b22']) expect(contrast(pale.dark, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffd700', '#ffffff')).toBeLessThan(4.5);
  });
});
