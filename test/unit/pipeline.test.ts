import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphJsonSchema } from '../../src/outputs/graph-schema.ts';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { fixture, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { validateGraphJson } from '../helpers/graph-schema.ts';

const vocabulary = { file: 'vocabulary.yaml', text: readFileSync(`${PROJECT_ROOT}/content/vocabulary.yaml`, 'utf8') };

describe('runPipeline on a small DocFX folder', async () => {
  const snapshot = await readContentDir(fixture('pipeline', 'basic'));
  const result = runPipeline(snapshot, { vocabulary });
  const { graph, report } = result;

  it('accounts for every content file: a page, an include, a TOC, or a reported failure', () => {
    const pages = new Set(result.documents.map((d) => d.path));
    for (const f of snapshot.files) {
      const accounted = pages.has(f.path) || f.path.startsWith('includes/') || f.path === 'TOC.md' || report.failedFiles.some((x) => x.file === f.path);
      expect(accounted, f.path).toBe(true);
    }
    expect(report.counts).toMatchObject({ documents: 5, includes: 1, tocFiles: 1, failedFiles: 0 });
  });

  it('classifies every link and reports each broken one with file:line', () => {
    const broken = report.broken.map((b) => `${b.file}:${b.line} ${b.reason} ${b.url}`);
    expect(broken).toEqual([
      'index.md:17 missing-image media/missing.png',
      'index.md:19 unsafe-url javascript:alert(1)',
      'index.md:19 outside-content ../../etc/passwd',
      'index.md:19 missing-file guide/gone.md',
      'index.md:19 missing-anchor guide/setup.md#nope',
    ]);
    expect(report.counts.links).toMatchObject({ broken: 5, caseMismatch: 2 });
    const caseWarnings = report.diagnostics.filter((d) => d.code === 'case-mismatch').map((d) => `${d.file}:${d.line}`);
    expect(caseWarnings).toEqual(['guide/sync.md:7', 'index.md:16']);
  });

  it('resolves links inside includes relative to the include file', () => {
    const fromInclude = result.links.find((l) => l.file === 'includes/shared-note.md');
    expect(fromInclude).toMatchObject({ docId: 'doc:index', class: 'doc', targetDocId: 'doc:guide/setup', line: 1 });
  });

  it('builds a graph that validates against the committed JSON Schema', () => {
    expect(validateGraphJson(graph)).toEqual([]);
    const docs = graph.nodes.filter((n) => n.type === 'document').map((n) => [n.id, n.url]);
    expect(docs).toContainEqual(['doc:guide/setup', '/docs/guide/setup/']);
    const links = graph.edges.filter((e) => e.type === 'links-to' && e.source === 'doc:index').map((e) => e.target);
    expect(links).toEqual(['doc:guide/setup', 'doc:guide/sync']);
    expect(graph.nodes.find((n) => n.id === 'url:https://example.com/download')).toMatchObject({ type: 'external', label: 'the download site' });
  });

  it('uses the TOC for navigation', () => {
    expect(result.nav.map((n) => [n.title, n.docId])).toEqual([['Fixture home', 'doc:index']]);
    expect(result.nav[0]!.children.map((n) => n.docId ?? n.href)).toEqual(['doc:guide/setup', 'doc:guide/sync', 'https://example.com/']);
  });

  it('is deterministic: shuffled file order gives byte-identical graph and report', () => {
    const reversed = { ...snapshot, files: [...snapshot.files].reverse(), assets: [...snapshot.assets].reverse() };
    const again = runPipeline(reversed, { vocabulary });
    expect(JSON.stringify(again.graph)).toBe(JSON.stringify(graph));
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(report));
  });

  it('keeps the committed JSON Schema in sync with the zod schema', () => {
    const committed = JSON.parse(readFileSync(`${PROJECT_ROOT}/src/schema/graph.schema.json`, 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(graphJsonSchema())));
  });

  it('rejects a graph that breaks the contract', () => {
    const bad = structuredClone(graph) as unknown as { edges: { type: string; evidence: unknown[] }[] };
    bad.edges[0]!.type = 'invented';
    bad.edges[0]!.evidence = [];
    expect(validateGraphJson(bad).length).toBeGreaterThanOrEqual(2);
  });
});
