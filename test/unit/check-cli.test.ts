// `docgraph check` as CI runs it (scripts/check.ts, the real process): exit 0 on a clean folder, 1 on
// errors or a file that could not become a page, 2 on bad flags; paths from the folder it runs in;
// the SARIF and JUnit it writes valid against their schemas, also for a folder of hostile names.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { junitErrors, sarifErrors } from '../helpers/check-schemas.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);

async function check(args: string[], cwd = PROJECT_ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  const data = await tempDir('docgraph-check-data-');
  // package.json's heap flags, as `npm run check` runs it.
  const argv = ['--max-old-space-size=1024', '--max-semi-space-size=64', join(PROJECT_ROOT, 'scripts', 'check.ts'), ...args];
  try {
    const { stdout, stderr } = await run(process.execPath, argv, { cwd, env: { ...process.env, DOCGRAPH_DATA: data } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A repository folder with the fixture as its `docs/`. */
async function repoWith(name: string): Promise<string> {
  const repo = await tempDir('docgraph-check-repo-');
  await cp(fixture('check', name), join(repo, 'docs'), { recursive: true });
  return repo;
}

describe('docgraph check', () => {
  it('exits 0 on a clean folder and says how many files it checked', async () => {
    const r = await check(['--content', fixture('check', 'clean')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('docgraph check: 3 file(s) checked, 0 error(s), 0 warning(s)\n');
  });

  it('exits 1 on a broken link and a content error, with GitHub annotations whose paths start at the folder it runs in', async () => {
    const repo = await repoWith('broken');
    const r = await check(['--content', 'docs', '--format', 'github'], repo);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toEqual([
      '::error file=docs/guide.md,line=2,col=14,title=docgraph front-matter::Front matter is not valid YAML: Missing closing "quote%0ACheck quotes and indentation; values containing ": " must be quoted.',
      '::error file=docs/guide.md,line=7,col=9,title=docgraph broken-anchor::"index.md#nowhere" links to an anchor the target page does not have.%0AUse one of the target heading ids (lower-case, words joined by -).',
      '::error file=docs/index.md,line=7,col=31,title=docgraph broken-link::"gone.md" links to a file that does not exist.%0AFix the path (relative to this file) or remove the link.',
    ]);
    expect(lines.at(-1)).toBe('docgraph check: 3 file(s) checked, 3 error(s), 1 warning(s)');
  });

  it('writes valid SARIF and JUnit to --output, and only the summary to stdout', async () => {
    const repo = await repoWith('broken');
    const sarif = await check(['--content', 'docs', '--format', 'sarif', '--output', 'out/docgraph.sarif'], repo);
    expect(sarif.code).toBe(1);
    expect(sarif.stdout).toBe('docgraph check: 3 file(s) checked, 3 error(s), 1 warning(s) -> out/docgraph.sarif\n');
    const log = JSON.parse(await readFile(join(repo, 'out', 'docgraph.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['front-matter', 'docs/guide.md'],
      ['missing-title', 'docs/guide.md'],
      ['broken-anchor', 'docs/guide.md'],
      ['broken-link', 'docs/index.md'],
    ]);
    const junit = await check(['--content', 'docs', '--format', 'junit', '--output', 'junit.xml', '--quiet'], repo);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toBe('');
    const xml = await readFile(join(repo, 'junit.xml'), 'utf8');
    expect(await junitErrors(xml)).toEqual([]);
    expect([...xml.matchAll(/<testcase name="([^"]+)"/g)].map((m) => m[1])).toEqual(['docs/guide.md', 'docs/index.md', 'docs/vocabulary.yaml']);
    expect(xml.match(/<failure /g)).toHaveLength(3);
  });

  it('exits 1 when a file cannot become a page', async () => {
    const r = await check(['--content', fixture('mdx-failure'), '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/mdx-failure\/[^,]+,line=\d+,col=\d+,title=docgraph parse-error::/m);
  });

  it('exits 2 on bad flags with a message that names the flag, and no stack trace', async () => {
    for (const [args, says] of [
      [['--bogus'], "Unknown option '--bogus'"],
      [['--format', 'xml'], '--format'],
      [['--content'], "'--content <value>' argument missing"],
      [['--content', fixture('does-not-exist')], 'not a folder'],
      [['--out', 'dist'], "Unknown option '--out'"],
      [['--workers', 'many'], '--workers'],
    ] as const) {
      const r = await check([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(says);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('keeps hostile file names and link text inside their fields in every format', async () => {
    const repo = await tempDir('docgraph-check-hostile-');
    const docs = join(repo, 'docs');
    await mkdir(docs);
    await writeFile(join(docs, 'vocabulary.yaml'), 'entities: []\n');
    const name = 'a,b::c %25 "q" &.md';
    // No title: the warning quotes the H1, with a terminal escape, a CDATA end and a workflow command.
    await writeFile(join(docs, name), '# Evil \u001b[31m ]]> &"q" ::error::x\n\n[x](<]]&gt;&amp;&quot;q&quot;.md>) and [y](<gone%0A::warning::z.md>)\n');
    const github = await check(['--content', 'docs', '--format', 'github'], repo);
    expect(github.code).toBe(1);
    const file = 'file=docs/a%2Cb%3A%3Ac %2525 "q" &.md';
    expect(github.stdout.split('\n')).toEqual([
      `::warning ${file},line=1,col=1,title=docgraph missing-title::No title in front matter; using the first H1: "Evil \\u{1b}[31m ]]> &"q" ::error::x".%0AAdd \`title:\` to the front matter.`,
      `::error ${file},line=3,col=1,title=docgraph broken-link::"]]>&"q".md" links to a file that does not exist.%0AFix the path (relative to this file) or remove the link.`,
      `::error ${file},line=3,col=40,title=docgraph broken-link::"gone%250A::warning::z.md" links to a file that does not exist.%0AFix the path (relative to this file) or remove the link.`,
      'docgraph check: 2 file(s) checked, 2 error(s), 1 warning(s)',
      '',
    ]);
    const sarif = await check(['--content', 'docs', '--format', 'sarif'], repo);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    expect(decodeURIComponent(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri)).toBe(`docs/${name}`);
    const junit = await check(['--content', 'docs', '--format', 'junit'], repo);
    expect(await junitErrors(junit.stdout)).toEqual([]);
    expect(junit.stdout.match(/<failure /g)).toHaveLength(2);
  });
});
