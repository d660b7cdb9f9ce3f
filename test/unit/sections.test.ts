import { describe, expect, it } from 'vitest';
import { extractSections } from '../../src/pipeline/sections.ts';
import { extractProse } from '../../src/pipeline/sentences.ts';
import { parseContent } from '../../src/pipeline/documents.ts';

const doc = (text: string) => parseContent([{ path: 'doc.md', text }]).parsed[0]!;

describe('extractSections', () => {
  it('gives GitHub-compatible ids, numbering repeats -1, -2', () => {
    const { sections } = extractSections(doc('# Intro\n\n## Set up **SSO** (single sign-on)\n\n## Options\n\n## Options\n\n## Options\n'));
    expect(sections.map((s) => s.id)).toEqual(['intro', 'set-up-sso-single-sign-on', 'options', 'options-1', 'options-2']);
    expect(sections.map((s) => s.parent)).toEqual([undefined, 'intro', 'intro', 'intro', 'intro']);
    expect(sections.map((s) => s.line)).toEqual([1, 3, 5, 7, 9]);
  });

  it('attaches <a name> anchors to the heading they precede, or to the section they are in', () => {
    const { sections } = extractSections(doc('Intro text.\n\n<a name="top"></a>\n## First\n\nText <a name="inline"></a> here.\n\n## <a name="roadmap"></a>Road map\n\n<span id="_Ref1" class="anchor"></span>\n'));
    expect(sections.map((s) => [s.id, s.anchors])).toEqual([
      ['', []],
      ['first', ['top', 'inline']],
      ['road-map', ['roadmap', '_Ref1']],
    ]);
  });

  it('keeps each section\'s own text, including code', () => {
    const { sections } = extractSections(doc('# A\n\nalpha\n\n```\ncode here\n```\n\n## B\n\nbeta\n'));
    expect(sections[0]!.text).toBe('alpha\ncode here');
    expect(sections[1]!.text).toBe('beta');
  });
});

describe('extractProse', () => {
  it('splits sentences per block, keeps code and URLs out, and gives lines', () => {
    const d = doc('# Title\n\nFirst sentence uses `AD FS` in code. Second one\ncontinues here.\n\n- A list item with https://example.com/x.\n\n```\nAzure AD Connect\n```\n');
    const { headingIds } = extractSections(d);
    const { sentences } = extractProse(d, headingIds);
    expect(sentences.map((s) => [s.block, s.line, s.text])).toEqual([
      ['heading', 1, 'Title'],
      ['paragraph', 3, 'First sentence uses in code.'],
      ['paragraph', 3, 'Second one continues here.'],
      ['listItem', 6, 'A list item with .'],
    ]);
    expect(sentences.every((s) => s.sectionId === 'title')).toBe(true);
  });

  it('records links with their position, section and surrounding sentence', () => {
    const d = doc('# T\n\n## Next\n\nIntro. Read [the guide](guide.md#a) for details. Then stop.\n\n[ref]: other.md\n\nSee [it][ref] and <a href="raw.md">raw</a>.\n');
    const { headingIds } = extractSections(d);
    const { links } = extractProse(d, headingIds);
    expect(links.map((l) => [l.kind, l.url, l.line, l.column, l.sectionId, l.sentence])).toEqual([
      ['link', 'guide.md#a', 5, 13, 'next', 'Read the guide for details.'],
      ['link', 'other.md', 9, 5, 'next', 'See it and raw.'],
      ['html', 'raw.md', 9, 19, 'next', 'See it and raw.'],
    ]);
  });
});
