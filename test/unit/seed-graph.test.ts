// What the graph must show from the project's own content (the seed article, the overview and the
// vocabulary): how DirSync, Azure AD Connect, AD FS, PHS, PTA, SSO and hybrid deployments fit together.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/pipeline/load.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { validateGraphJson } from '../helpers/graph-schema.ts';

describe('the graph of content/', async () => {
  const snapshot = await readContentDir(`${PROJECT_ROOT}content`);
  const vocabulary = { file: 'vocabulary.yaml', text: readFileSync(`${PROJECT_ROOT}content/vocabulary.yaml`, 'utf8') };
  const { graph } = runPipeline(snapshot, { vocabulary, externalDocsBase: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/' });
  const edge = (source: string, type: string, target: string) => graph.edges.find((e) => e.id === `${source}|${type}|${target}`);
  const fromSeed = (source: string, type: string, target: string) => edge(source, type, target)?.evidence.filter((e) => e.file === 'office-365-integration.md') ?? [];

  it('has the seed article and the MDX overview as document nodes, and validates', () => {
    expect(graph.nodes.filter((n) => n.type === 'document').map((n) => n.path)).toEqual(['office-365-integration.md', 'overview.mdx']);
    expect(validateGraphJson(graph)).toEqual([]);
  });

  it.each([
    ['azure-ad-connect', 'replaces', 'dirsync'],
    ['azure-ad-connect', 'replaces', 'azure-ad-sync'],
    ['azure-ad-connect', 'sets-up', 'directory-synchronization'],
    ['azure-ad-connect', 'sets-up', 'single-sign-on'],
    ['idfix', 'prepares', 'on-premises-directory'],
    ['idfix', 'works-with', 'active-directory'],
    ['password-hash-sync', 'option-of', 'directory-synchronization'],
    ['pass-through-authentication', 'option-of', 'directory-synchronization'],
    ['office-365', 'integrates-with', 'exchange-server'],
    ['office-365', 'integrates-with', 'skype-for-business-server-2015'],
    ['office-365', 'integrates-with', 'sharepoint-server-2013'],
    ['exchange-server', 'part-of', 'hybrid-environment'],
    ['skype-for-business-server-2015', 'part-of', 'hybrid-environment'],
    ['sharepoint-server-2013', 'part-of', 'hybrid-environment'],
  ])('%s %s %s, with evidence from the seed article', (source, type, target) => {
    const evidence = fromSeed(source, type, target);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      expect(e.doc).toBe('doc:office-365-integration');
      expect(e.line).toBeGreaterThan(0);
      expect(e.sentence.length).toBeGreaterThan(10);
    }
  });

  it('relates AD FS to single sign-on and federated authentication', () => {
    const adfs = graph.edges.filter((e) => (e.source === 'ad-fs' || e.target === 'ad-fs') && !['mentions', 'links-to'].includes(e.type));
    const partners = new Set(adfs.map((e) => (e.source === 'ad-fs' ? e.target : e.source)));
    expect(partners).toContain('single-sign-on');
    expect(partners).toContain('federated-authentication');
  });

  it('publishes the six sibling-article links against externalDocsBase instead of reporting them', () => {
    const siblings = graph.edges.filter((e) => e.source === 'doc:office-365-integration' && e.type === 'links-to' && e.target.startsWith('url:https://learn.microsoft.com/'));
    expect(siblings.map((e) => e.target).sort()).toEqual(
      ['about-office-365-identity', 'install-and-run-idfix', 'manage-office-365-accounts', 'network-planning-and-performance', 'prepare-for-directory-synchronization', 'set-up-directory-synchronization'].map((s) => `url:https://learn.microsoft.com/en-us/microsoft-365/enterprise/${s}`),
    );
  });
});
