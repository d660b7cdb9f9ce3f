import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/pipeline/load.ts';
import { parseContent } from '../../src/pipeline/documents.ts';
import { fixture } from '../helpers/fixtures.ts';

describe('load + parse (DocFX conventions)', async () => {
  const snapshot = await readContentDir(fixture('pipeline', 'basic'));
  const content = parseContent(snapshot.files);
  const byPath = new Map(content.parsed.map((d) => [d.path, d]));

  it('classifies documents, includes and TOC files', () => {
    expect(content.parsed.map((d) => d.path)).toEqual(['guide/bad-front-matter.md', 'guide/setup.md', 'guide/sync.md', 'guide/untitled.md', 'index.md']);
    expect(content.includes).toEqual(['includes/shared-note.md']);
    expect(content.tocs.map((t) => t.path)).toEqual(['TOC.md']);
    expect(snapshot.assets).toEqual(['Media/Other.png', 'media/diagram.png']);
  });

  it('inlines includes in place of the [!INCLUDE] paragraph, marking their source file', () => {
    const home = byPath.get('index.md')!;
    const spliced = home.tree.children.find((n) => n.data?.sourceFile === 'includes/shared-note.md');
    expect(spliced?.type).toBe('paragraph');
    expect(JSON.stringify(home.tree)).not.toContain('[!INCLUDE');
  });

  it('marks DocFX alerts and removes the marker', () => {
    const home = byPath.get('index.md')!;
    const quote = home.tree.children.find((n) => n.type === 'blockquote');
    expect(quote?.data?.alert).toBe('note');
    expect(JSON.stringify(quote)).not.toContain('[!NOTE]');
  });

  it('strips the BOM and reads CRLF files', () => {
    const sync = byPath.get('guide/sync.md')!;
    expect(sync.title).toBe('Sync');
    expect(sync.tree.children[0]?.position?.start.line).toBe(1);
  });

  it('chooses titles from front matter, then the first H1, then the file name, warning on fallbacks', () => {
    expect(byPath.get('guide/setup.md')!.title).toBe('Set up the tool');
    expect(byPath.get('guide/untitled.md')!.title).toBe('untitled');
    expect(byPath.get('guide/bad-front-matter.md')!.title).toBe('Bad front matter');
    const warnings = content.diagnostics.filter((d) => d.code === 'missing-title').map((d) => d.file);
    expect(warnings).toEqual(['guide/bad-front-matter.md', 'guide/sync.md', 'guide/untitled.md']);
  });

  it('reports invalid front matter at its file line and keeps the document', () => {
    const error = content.diagnostics.find((d) => d.code === 'front-matter');
    expect(error).toMatchObject({ severity: 'error', file: 'guide/bad-front-matter.md' });
    expect(error!.line).toBeGreaterThanOrEqual(2);
    expect(error!.line).toBeLessThanOrEqual(4);
    expect(byPath.has('guide/bad-front-matter.md')).toBe(true);
  });

  it('reports an MDX file that does not compile instead of dropping it', () => {
    const result = parseContent([{ path: 'broken.mdx', text: '# Title\n\n<Open>\n\ntext\n' }]);
    expect(result.parsed).toEqual([]);
    expect(result.failedFiles.map((f) => f.file)).toEqual(['broken.mdx']);
    expect(result.diagnostics[0]).toMatchObject({ code: 'parse-error', file: 'broken.mdx' });
    expect(result.diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('reports a missing include and an include cycle', () => {
    const result = parseContent([
      { path: 'a.md', text: '# A\n\n[!INCLUDE [x](includes/missing.md)]\n\n[!INCLUDE [loop](includes/loop.md)]\n' },
      { path: 'includes/loop.md', text: '[!INCLUDE [self](loop.md)]\n' },
    ]);
    expect(result.diagnostics.filter((d) => d.code.startsWith('include') || d.code.startsWith('missing-include')).map((d) => `${d.code}@${d.file}:${d.line}`).sort()).toEqual(['include-cycle@includes/loop.md:1', 'missing-include@a.md:3']);
  });
});

describe('front matter errors', () => {
  it.each([
    ['---\ntitle: ok\ndescription: "unclosed\n---\n\n# T\n', 3],
    ['---\n- a list\n- not a mapping\n---\n\n# T\n', 2],
    ['---\ntitle: ok\ntitle: [1, 2]\n---\n\n# T\n', 3],
  ])('names the file line of the problem (%#)', (text, line) => {
    const result = parseContent([{ path: 'doc.md', text }]);
    const error = result.diagnostics.find((d) => d.code === 'front-matter');
    expect(error).toMatchObject({ severity: 'error', file: 'doc.md', line });
    expect(result.parsed).toHaveLength(1);
  });
});
