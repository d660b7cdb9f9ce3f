import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeSource,
  encodeSource,
  findUrlEdits,
  generateCorpus,
  generateCorpusDir,
  isArticlePath,
  MARKER_FILE,
  rewriteUrl,
} from '../../scripts/generate-corpus.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/generate', import.meta.url));
// 3 articles: alpha.md, beta.md, guides/gamma.md; plus includes/note.md and TOC.md.
const ARTICLES = 3;

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docgraph-gen-test-'));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

async function snapshot(root: string): Promise<Map<string, string>> {
  const files = await listFiles(root);
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(root, f), 'base64')] as const)));
}

/** Relative destinations of a file, resolved against its folder (query and anchor dropped). */
function targets(path: string, text: string): string[] {
  return findUrlEdits(text)
    .map((e) => e.raw)
    .filter((u) => !/^([a-z][a-z0-9+.-]*:|[/#])/i.test(u))
    .map((u) => posix.normalize(posix.join(posix.dirname(path), u.split(/[?#]/)[0]!)));
}

describe('generateCorpusDir', () => {
  it('writes exactly N articles in replica folders, with includes and TOC per replica', async () => {
    const out = join(await tempDir(), 'set');
    const result = await generateCorpusDir({ source: FIXTURE, out, docs: 7 });
    expect(result).toMatchObject({ docs: 7, articles: ARTICLES, replicas: 3, reused: false });

    const files = await listFiles(out);
    const articles = files.filter((f) => f.endsWith('.md') && isArticlePath(f));
    expect(articles).toHaveLength(7);
    // Replica 2 keeps the first article in path order (alpha.md), plus its own include and TOC.
    expect(files.filter((f) => f.startsWith('r002/'))).toEqual(['r002/TOC.md', 'r002/alpha.md', 'r002/includes/note.md']);
    // Images are copied once, at the root, never per replica.
    expect(files.filter((f) => f.endsWith('.png'))).toEqual(['guides/media/local.png', 'media/diagram.png']);
    expect(files).toContain(MARKER_FILE);
  });

  it('keeps links inside the replica and points images at the one shared media folder', async () => {
    const out = join(await tempDir(), 'set');
    await generateCorpusDir({ source: FIXTURE, out, docs: 9 });
    const files = await listFiles(out);
    const text = (f: string): Promise<string> => readFile(join(out, f), 'utf8');

    const alpha = await text('r001/alpha.md');
    expect(alpha).toContain('[Beta](beta.md)');
    expect(alpha).toContain('[a section of Beta](./beta.md#setup)');
    expect(alpha).toContain('![A diagram](../media/diagram.png)');
    expect(alpha).toContain('[!INCLUDE [Shared note](includes/note.md)]');
    expect(alpha).toContain('[ref]: guides/gamma.md#details "Gamma details"');
    expect(alpha).toContain('(https://example.com/page.md)');
    // Code is not a link: left exactly as written.
    expect(alpha).toContain('[not a link](beta.md) ![not an image](media/diagram.png)');

    const beta = await text('r002/beta.md');
    expect(beta).toContain('<img src="../media/diagram.png"');
    expect(beta).toContain('<a href="guides/gamma.md">');
    expect(beta).toContain('[missing page](missing.md)'); // broken in the source, broken in the copy
    expect(beta).toContain('[this one](../../outside/elsewhere.md)'); // still outside the content

    const gamma = await text('r002/guides/gamma.md');
    expect(gamma).toContain('[Alpha](../alpha.md)');
    expect(gamma).toContain('![a local picture](../../guides/media/local.png)');
    expect(gamma).toContain('![the shared diagram](../../media/diagram.png)');
    expect(gamma).toContain('[![Linked image](../../media/diagram.png)](../alpha.md)');

    expect(await text('r002/includes/note.md')).toContain('[Beta](../beta.md) and shows ![an icon](../../media/diagram.png)');

    // Every Markdown link of every replica lands in that replica; every image in the shared media.
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      const replica = file.split('/')[0]!;
      for (const target of targets(file, await text(file))) {
        if (target.endsWith('.md') && !target.includes('outside/') && !target.endsWith('missing.md')) {
          expect(target.startsWith(`${replica}/`), `${file} -> ${target}`).toBe(true);
          expect((await stat(join(out, target))).isFile(), `${file} -> ${target}`).toBe(true);
        } else if (target.endsWith('.png')) {
          expect(target, file).toMatch(/^(guides\/)?media\//);
          expect((await stat(join(out, target))).isFile(), `${file} -> ${target}`).toBe(true);
        }
      }
    }
  });

  it('points a truncated replica at replica 0 for the articles it lacks', async () => {
    const out = join(await tempDir(), 'set');
    await generateCorpusDir({ source: FIXTURE, out, docs: 4 }); // r001 holds only alpha.md
    const alpha = await readFile(join(out, 'r001/alpha.md'), 'utf8');
    expect(alpha).toContain('[Beta](../r000/beta.md)');
    expect(alpha).toContain('[the guide](../r000/guides/gamma.md)');
    expect(alpha).toContain('[ref]: ../r000/guides/gamma.md#details');
    expect(await readFile(join(out, 'r001/TOC.md'), 'utf8')).toBe(
      '# [Alpha](alpha.md)\n## [Beta](../r000/beta.md)\n## [Gamma](../r000/guides/gamma.md)\n',
    );
  });

  it('is deterministic, and reuses a folder generated with the same N', async () => {
    const base = await tempDir();
    const a = join(base, 'a');
    const b = join(base, 'b');
    await generateCorpusDir({ source: FIXTURE, out: a, docs: 8 });
    await generateCorpusDir({ source: FIXTURE, out: b, docs: 8 });
    const first = await snapshot(a);
    const second = await snapshot(b);
    // The marker names the output folder's source only, so the two folders are byte-identical.
    expect(second).toEqual(first);

    expect((await generateCorpusDir({ source: FIXTURE, out: a, docs: 8 })).reused).toBe(true);
    const other = await generateCorpusDir({ source: FIXTURE, out: a, docs: 5 });
    expect(other.reused).toBe(false);
    expect((await listFiles(a)).filter((f) => f.endsWith('.md') && isArticlePath(f))).toHaveLength(5);
  });

  it('refuses to overwrite a folder it did not create', async () => {
    await expect(generateCorpusDir({ source: FIXTURE, out: join(FIXTURE, '..'), docs: 3 })).rejects.toThrow(/outside --source/);
    const foreign = await tempDir();
    await generateCorpusDir({ source: FIXTURE, out: join(foreign, 'x'), docs: 3 });
    await rm(join(foreign, 'x', MARKER_FILE));
    await expect(generateCorpusDir({ source: FIXTURE, out: join(foreign, 'x'), docs: 3 })).rejects.toThrow(/refusing/);
  });
});

describe('generateCorpus (pure core)', () => {
  const sources = [
    { path: 'b.md', text: '[a](a.md)\n' },
    { path: 'a.md', text: '[b](b.md) ![i](media/i.png)\n' },
  ];

  it('stops at exactly N articles for every N', () => {
    for (let n = 1; n <= 9; n++) {
      const { plan, files } = generateCorpus(sources, ['media/i.png'], n);
      const out = [...files()];
      expect(out.filter((f) => isArticlePath(f.path))).toHaveLength(n);
      expect(plan.replicas).toBe(Math.ceil(n / 2));
      expect(plan.markdownFiles).toBe(out.length);
    }
  });

  it('does not depend on the order the sources come in', () => {
    const one = [...generateCorpus(sources, [], 5).files()];
    const two = [...generateCorpus([...sources].reverse(), [], 5).files()];
    expect(two).toEqual(one);
  });

  it('rejects a non-positive N and a folder without articles', () => {
    expect(() => generateCorpus(sources, [], 0)).toThrow(/positive/);
    expect(() => generateCorpus([{ path: 'TOC.md', text: '' }], [], 1)).toThrow(/no article/);
  });
});

describe('rewriteUrl', () => {
  const same = (): string => 'r001';
  it.each([
    ['x.md', 'a.md', 'x.md'],
    ['./x.md#a', 'a.md', './x.md#a'],
    ['../x.md', 'sub/a.md', '../x.md'],
    ['media/p%20q.png', 'a.md', '../media/p%20q.png'],
    ['media/p.png', 'sub/a.md', '../../sub/media/p.png'],
    ['../media/p.png', 'sub/a.md', '../../media/p.png'],
    ['../outside.md', 'a.md', '../../outside.md'],
    ['https://example.com/x.png', 'a.md', 'https://example.com/x.png'],
    ['/azure/x', 'a.md', '/azure/x'],
    ['#anchor', 'a.md', '#anchor'],
    ['mailto:x@example.com', 'a.md', 'mailto:x@example.com'],
  ])('%s in %s -> %s', (raw, from, expected) => {
    expect(rewriteUrl(raw, from, 'r001', same)).toBe(expected);
  });

  it('points at another replica when the target lives there', () => {
    expect(rewriteUrl('sub/x.md?view=1#a', 'a.md', 'r001', () => 'r000')).toBe('../r000/sub/x.md?view=1#a');
  });
});

describe('source encodings', () => {
  it('round-trips UTF-8 (with and without BOM), UTF-16 LE/BE and invalid UTF-8 byte for byte', () => {
    const samples = [
      Buffer.from('# Ünïcode [x](media/a.png)\n', 'utf8'),
      Buffer.from('\uFEFF# BOM\n', 'utf8'),
      Buffer.from('\uFEFF# UTF-16 [x](media/a.png)\r\n', 'utf16le'),
      Buffer.from('\uFEFF# UTF-16 BE\n', 'utf16le').swap16(),
      Buffer.from([0x23, 0x20, 0xff, 0x41, 0x0a]),
      Buffer.from([0x61, 0xc3, 0x28, 0x0a]),
    ];
    for (const bytes of samples) {
      const { text, encoding } = decodeSource(bytes);
      expect(encodeSource(text, encoding).equals(bytes), encoding).toBe(true);
    }
    expect(decodeSource(samples[2]!).encoding).toBe('utf16le');
    expect(decodeSource(samples[5]!).encoding).toBe('latin1');
  });

  it('finds destinations after a byte order mark', () => {
    const text = '\uFEFF---\ntitle: x\n---\n[a](b.md)\n';
    const [edit] = findUrlEdits(text);
    expect(text.slice(edit!.start, edit!.end)).toBe('b.md');
  });

  it('writes a UTF-16 source in UTF-16, with its links rewritten', async () => {
    const base = await tempDir();
    const source = join(base, 'src');
    await mkdir(join(source, 'media'), { recursive: true });
    await writeFile(join(source, 'a.md'), '# A\n');
    await writeFile(join(source, 'media/p.png'), 'png');
    await writeFile(join(source, 'wide.md'), Buffer.from('\uFEFF# Wide\r\n![p](media/p.png)\r\n', 'utf16le'));
    await generateCorpusDir({ source, out: join(base, 'out'), docs: 4 });
    const bytes = await readFile(join(base, 'out/r001/wide.md'));
    expect(bytes.equals(Buffer.from('\uFEFF# Wide\r\n![p](../media/p.png)\r\n', 'utf16le'))).toBe(true);
  });
});
