// The built site in a real browser: navigation, deep links, entity pages with evidence, the MDX page and
// its components, no console errors or CSP violations, no axe violations in light and dark, screenshots.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { SiteData } from '../../src/outputs/site-data.ts';
import { checkPageTypes, useBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const SEED_URL = '/docs/office-365-integration/';
const SEED_TITLE = 'Office 365 integration with on-premises environments';
const OVERVIEW_TITLE = 'How Office 365 identity integration fits together';

const { withPage } = useBrowser();

/** Whether the element's top edge is inside the viewport. */
async function isInView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight && box.height > 0;
  });
}

describe('navigation and content', () => {
  it('opens the home page and clicks through to the seed article', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/');
      await expect(page.title()).resolves.toBeTruthy();
      await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
      await expect(page.locator('a[href="/graph.json"]').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('a[href="/report.json"]').count()).resolves.toBeGreaterThan(0);
      await page.getByRole('main').getByRole('link', { name: SEED_TITLE, exact: true }).click();
      await page.waitForURL(siteUrl + SEED_URL);
      await expect(page.locator('h1').first().textContent()).resolves.toContain(SEED_TITLE);
    });
  });

  it('lands a deep link on its heading', async () => {
    await withPage({ viewport: { width: 1280, height: 600 } }, async (page) => {
      await page.goto(siteUrl + SEED_URL + '#azure-ad-connect');
      const heading = page.locator('#azure-ad-connect');
      await expect(heading.count()).resolves.toBe(1);
      await expect(heading.evaluate((el) => el.tagName)).resolves.toMatch(/^H[1-6]$/);
      await expect(heading.textContent()).resolves.toContain('Azure AD Connect');
      expect(await isInView(page, '#azure-ad-connect')).toBe(true);
    });
  });

  it('lists the pages that link here, with the sentence around each link, and follows one', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      const backlink = page.locator('.doc-backlinks li').filter({ hasText: OVERVIEW_TITLE });
      await expect(backlink.count()).resolves.toBe(1);
      const sentence = await backlink.locator('blockquote').textContent();
      expect(sentence?.trim().length).toBeGreaterThan(20);
      await backlink.getByRole('link', { name: OVERVIEW_TITLE }).click();
      await page.waitForURL(/\/docs\/overview\/#[\w-]+$/);
      // The sentence quoted on the seed page is on the page it came from.
      await expect(page.locator('article').textContent()).resolves.toContain(sentence!.trim().slice(0, 30));
    });
  });

  it('shows the entities a document mentions as chips', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      const chips = page.locator('.doc-entities a.chip');
      expect(await chips.count()).toBeGreaterThan(0);
      await expect(chips.evaluateAll((els) => els.map((a) => a.getAttribute('href')))).resolves.toContain(
        '/entities/azure-ad-connect/',
      );
      // Most central first: the entities with the most typed relations in graph.json lead.
      const graph = JSON.parse(readFileSync(path.join(dataDir, 'public', 'graph.json'), 'utf8')) as { edges: { source: string; target: string; type: string }[] };
      const degree = (id: string) => graph.edges.filter((e) => (e.source === id || e.target === id) && e.type !== 'mentions' && e.type !== 'links-to').length;
      const ids = await chips.evaluateAll((els) => els.map((a) => a.getAttribute('href')!.split('/').filter(Boolean).pop()!));
      const degrees = ids.map(degree);
      expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
      expect(degrees[0]).toBeGreaterThan(degrees[degrees.length - 1]!);
    });
  });

  it('states that Azure AD Connect replaces DirSync, with evidence that links back to the seed article', async () => {
    await withPage({ viewport: { width: 1280, height: 600 } }, async (page) => {
      await page.goto(siteUrl + '/entities/azure-ad-connect/');
      await expect(page.locator('h1').textContent()).resolves.toContain('Azure AD Connect');
      const statement = page
        .locator('.relation-group[data-relation="replaces"] li')
        .filter({ has: page.locator('.statement', { hasText: /Azure AD Connect replaces DirSync/ }) });
      await expect(statement.count()).resolves.toBe(1);
      const evidence = statement.locator(`a.evidence-link[href="${SEED_URL}#azure-ad-connect"]`).first();
      await expect(evidence.count()).resolves.toBe(1);
      await evidence.click();
      await page.waitForURL(siteUrl + SEED_URL + '#azure-ad-connect');
      expect(await isInView(page, '#azure-ad-connect')).toBe(true);
    });
  });

  it('renders the MDX overview with its components', async () => {
    await withPage({}, async (page) => {
      await page.goto(siteUrl + '/');
      await page.getByRole('main').getByRole('link', { name: OVERVIEW_TITLE, exact: true }).click();
      await page.waitForLoadState('load');
      await expect(page.locator('article[data-format="mdx"] h1').textContent()).resolves.toBe(OVERVIEW_TITLE);
      // <EntityLink> with and without children, both pointing at the entity page.
      const entityLinks = page.locator('article a.entity-link[href="/entities/azure-ad-connect/"]');
      expect(await entityLinks.count()).toBeGreaterThanOrEqual(2);
      await expect(entityLinks.last().textContent()).resolves.toBe('Azure AD Connect');
      // <Relations> lists typed relations with evidence links.
      const relations = page.locator('article .mdx-relations');
      await expect(relations.locator('.statement', { hasText: 'Azure AD Connect replaces DirSync' }).count()).resolves.toBe(1);
      expect(await relations.locator('a.evidence-link').count()).toBeGreaterThan(0);
      // The relative Markdown link points at the seed article's page.
      await expect(
        page.locator(`article a:not(.evidence-link)[href="${SEED_URL}#azure-ad-connect"]`, { hasText: SEED_TITLE }).count(),
      ).resolves.toBe(1);
      // No component was left unrendered.
      await expect(page.locator('entitylink, relations').count()).resolves.toBe(0);
    });
  });

  it('gives every section of every document its anchor (heading ids agree with the pipeline)', async () => {
    const site = JSON.parse(readFileSync(path.join(dataDir, 'site.json'), 'utf8')) as SiteData;
    expect(site.documents.length).toBeGreaterThan(0);
    await withPage({}, async (page) => {
      for (const doc of site.documents) {
        await page.goto(siteUrl + doc.url);
        const ids = await page.locator('article [id]').evaluateAll((els) => els.map((el) => el.id));
        for (const section of doc.sections) {
          expect(ids, `${doc.path}: section #${section.id}`).toContain(section.id);
        }
      }
    });
  });
});

describe('accessibility and screenshots', () => {
  checkPageTypes({
    siteUrl: () => siteUrl,
    pages: { home: '/', doc: SEED_URL, overview: '/docs/overview/', entity: '/entities/azure-ad-connect/' },
    withPage,
  });
});
