// The whole pipeline on the real corpus: 228 articles of Microsoft's Office 365 Enterprise docs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { schemeOf } from '../../src/pipeline/urls.ts';
import { requireCorpus } from '../helpers/corpus.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { validateGraphJson } from '../helpers/graph-schema.ts';

const vocabulary = { file: 'content/vocabulary.yaml', text: readFileSync(`${PROJECT_ROOT}/content/vocabulary.yaml`, 'utf8') };

describe('the pipeline on office-enterprise-2019', async () => {
  const snapshot = await readContentDir(requireCorpus());
  const result = runPipeline(snapshot, { vocabulary });
  const { graph, report } = result;
  const node = (id: string) => graph.nodes.find((n) => n.id === id);
  const edge = (source: string, type: string, target: string) => graph.edges.find((e) => e.id === `${source}|${type}|${target}`);

  it('makes 228 document nodes: 237 files less 2 TOC.md and 7 includes, none failed', () => {
    expect(snapshot.files).toHaveLength(237);
    expect(graph.nodes.filter((n) => n.type === 'document')).toHaveLength(228);
    expect(report.counts).toMatchObject({ documents: 228, includes: 7, tocFiles: 2, failedFiles: 0 });
  });

  it('resolves or reports each of the 1,150 relative links to documents', () => {
    const relativeDocLinks = result.links.filter((l) => schemeOf(l.url) === undefined && !l.url.startsWith('#') && !l.url.startsWith('/') && /\.md($|#)/i.test(l.url) && l.kind === 'link');
    // The corpus count (1,150 `](x.md)` occurrences) also covers the [!INCLUDE](x.md) references,
    // which are resolved by inlining, and two links inside HTML comments, which are not content.
    const inComments = 2;
    expect(relativeDocLinks.length + report.counts.links.include + inComments).toBe(1150);
    expect(report.counts.links.include).toBe(10);
    const reported = new Set(report.broken.map((b) => `${b.file}:${b.line}:${b.column}:${b.url}`));
    for (const l of relativeDocLinks) {
      if (l.class === 'broken') expect(reported.has(`${l.file}:${l.line}:${l.column}:${l.url}`), `${l.file}:${l.line}`).toBe(true);
      else expect(l.class).toBe('doc');
    }
    // Every link of any kind ends in exactly one class, and each broken one is in the report.
    expect(report.counts.links.doc + report.counts.links.asset + report.counts.links.external + report.counts.links.broken).toBe(result.links.length);
    expect(report.broken).toHaveLength(report.counts.links.broken);
  });

  it('resolves the image links that differ only in letter case (Media/ vs media/), with warnings', () => {
    const caseImages = result.links.filter((l) => l.kind === 'image' && l.caseMismatch);
    expect(caseImages.length).toBeGreaterThanOrEqual(15);
    expect(caseImages.every((l) => l.class === 'asset')).toBe(true);
    expect(report.diagnostics.filter((d) => d.code === 'case-mismatch').length).toBeGreaterThanOrEqual(15);
  });

  it('has entity nodes for the hybrid identity names of the seed', () => {
    for (const id of ['dirsync', 'azure-ad-sync', 'azure-ad-connect', 'ad-fs', 'azure-ad', 'password-hash-sync', 'pass-through-authentication', 'single-sign-on', 'hybrid-environment', 'idfix', 'directory-synchronization']) {
      expect(node(id), id).toBeDefined();
    }
    expect(node('azure-ad-connect')!.aliases).toEqual(expect.arrayContaining(['AAD Connect', 'Microsoft Entra Connect']));
  });

  it('states that Azure AD Connect replaces DirSync and Azure AD Sync, with evidence from the seed', () => {
    for (const target of ['dirsync', 'azure-ad-sync']) {
      const e = edge('azure-ad-connect', 'replaces', target);
      expect(e, target).toBeDefined();
      expect(e!.evidence).toContainEqual(expect.objectContaining({
        doc: 'doc:office-365-integration',
        file: 'office-365-integration.md',
        section: 'azure-ad-connect',
        line: 67,
        sentence: 'Azure AD Connect replaces older versions of identity integration tools such as DirSync and Azure AD Sync.',
        rule: 'verb:replace',
      }));
    }
  });

  it('discovers recurring names the vocabulary lacks and lists candidates with counts', () => {
    const discovered = graph.nodes.filter((n) => n.origin === 'discovered');
    expect(discovered.length).toBeGreaterThan(5);
    expect(report.candidates.length).toBeGreaterThanOrEqual(discovered.length);
    expect(report.candidates.every((c) => c.documents >= 1 && c.mentions >= c.documents)).toBe(true);
  });

  it('validates against the JSON Schema and is byte-identical across runs and file orders', () => {
    expect(validateGraphJson(graph)).toEqual([]);
    const again = runPipeline({ ...snapshot, files: [...snapshot.files].reverse() }, { vocabulary });
    expect(JSON.stringify(again.graph)).toBe(JSON.stringify(graph));
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(report));
  });
});
