// Search in a real browser on the seed site: nothing is fetched before the box is used, typing shows
// highlighted results (alias and typo queries too), the keyboard alone drives it, Enter lands on the
// section (marked on arrival), and /search/?q= works from a shared link, and says where to go without
// JavaScript. Every test also fails on console errors, failed requests and CSP violations.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { checkPageTypes, expectNoAxeViolations, SHOTS_DIR, useBrowser, VIEW_MODES } from './browser.ts';

const siteUrl = inject('siteUrl');
const SEED_URL = '/docs/office-365-integration/';
const { withPage } = useBrowser();

/** The page has loaded the tiny search boot script, so `/` and Ctrl-K work. */
async function searchReady(page: Page): Promise<void> {
  await page.locator('[data-site-search][data-ready]').waitFor({ state: 'attached', timeout: 10_000 });
}

async function typeQuery(page: Page, query: string): Promise<void> {
  await page.keyboard.type(query, { delay: 20 });
  // Results of exactly this query (typing fires several debounced searches).
  await expect.poll(() => page.locator('[data-search-list]').getAttribute('data-query'), { timeout: 10_000 }).toBe(query.trim());
  expect(await page.locator('#site-search-input').getAttribute('aria-expanded')).toBe('true');
}

const options = (page: Page) => page.locator('#site-search-results [role="option"]');

describe('header search', () => {
  it('fetches nothing until used; "/" opens it; typing shows highlighted results and the entity card', async () => {
    await withPage(VIEW_MODES.light, async (page) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname.slice(new URL(siteUrl).pathname.replace(/\/$/, '').length)));
      await page.goto(siteUrl + SEED_URL);
      await searchReady(page);
      await page.waitForTimeout(300);
      expect(requests.filter((p) => p.startsWith('/search/') || /search-(ui|render)/.test(p))).toEqual([]);

      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
      await typeQuery(page, 'AAD Connect');
      expect(requests.filter((p) => p.startsWith('/search/'))).toContain('/search/manifest.json');
      // The entity card names the tool and what it replaces; it is the first option.
      const card = options(page).first();
      await expect.poll(() => card.textContent()).toMatch(/Azure AD Connect.*tool.*replaces/s);
      // Results link to a section, with the matched words marked in the excerpt.
      const hits = page.locator('#site-search-results .search-hit');
      expect(await hits.count()).toBeGreaterThan(0);
      expect(await hits.first().getAttribute('href')).toMatch(/^\/docs\/[^#]+#.+/);
      expect((await page.locator('#site-search-results mark').allTextContents()).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['azure', 'ad', 'connect']));
      expect(await page.locator('[data-search-status]').textContent()).toMatch(/\d+ pages? found/);
      await page.screenshot({ path: `${SHOTS_DIR}/search-popup-light.png` });
      await expectNoAxeViolations(page);
    });
  });

  it('finds old and new names and forgives typos', async () => {
    await withPage(VIEW_MODES.light, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      await searchReady(page);
      const cases: [string, RegExp, RegExp][] = [
        // [query, entity card, a result's section]
        ['Entra Connect', /Azure AD Connect/, /Azure AD Connect|Directory synchronization/],
        ['ADFS', /AD FS/, /sign in|Directory synchronization with SSO/i],
        ['pasword hash sinc', /password hash sync/i, /password hash synchronization/i],
        ['singel sign-on', /single sign-on/i, /Directory synchronization with SSO/],
      ];
      for (const [query, entity, section] of cases) {
        await page.locator('#site-search-input').fill('');
        await page.locator('#site-search-input').focus();
        await typeQuery(page, query);
        expect(await options(page).first().textContent(), query).toMatch(entity);
        const sections = await page.locator('#site-search-results .search-hit-section').allTextContents();
        expect(sections.join(' | '), query).toMatch(section);
      }
    });
  });

  it('keyboard only: Ctrl-K, arrows, Escape, and Enter lands on the section, marked on arrival', async () => {
    await withPage(VIEW_MODES.dark, async (page) => {
      await page.goto(siteUrl + '/documents/');
      await searchReady(page);
      await page.keyboard.press('Control+k');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
      await typeQuery(page, 'password hash');
      const input = page.locator('#site-search-input');
      await page.keyboard.press('ArrowDown');
      const first = await options(page).nth(0).getAttribute('id');
      expect(await input.getAttribute('aria-activedescendant')).toBe(first);
      await page.keyboard.press('ArrowDown');
      const second = options(page).nth(1);
      expect(await input.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
      expect(await second.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowUp');
      expect(await input.getAttribute('aria-activedescendant')).toBe(first);

      await page.keyboard.press('Escape');
      expect(await input.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('[data-search-popup]').isHidden()).toBe(true);
      await page.keyboard.press('ArrowDown');
      expect(await input.getAttribute('aria-expanded')).toBe('true');

      // Enter with nothing chosen opens the first result: a section of a page.
      await page.keyboard.press('ArrowUp');
      const target = await page.locator('#site-search-results a.search-hit').first().getAttribute('href');
      await Promise.all([page.waitForURL((url) => url.href.endsWith(target!)), page.keyboard.press('Enter')]);
      const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(anchor).not.toBe('');
      const heading = page.locator(`[id="${anchor}"]`);
      expect(await heading.evaluate((h) => h.matches(':target'))).toBe(true);
      expect(await heading.evaluate((h) => getComputedStyle(h).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
      expect(await heading.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(200);
      await page.screenshot({ path: `${SHOTS_DIR}/search-landed-dark.png` });
    });
  });

  it('shows content as text: a query or a result can never be markup', async () => {
    await withPage(VIEW_MODES.light, async (page) => {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.goto(siteUrl + SEED_URL);
      await searchReady(page);
      await page.keyboard.press('/');
      await typeQuery(page, '<img src=x onerror=alert(1)> directory');
      expect(await page.locator('#site-search-results img').count()).toBe(0);
      expect(dialogs).toBe(0);
    });
  });
});

describe('/search/ page', () => {
  it('runs the query of a shared link, lists pages with folded sections, and keeps the URL in step', async () => {
    await withPage(VIEW_MODES.light, async (page) => {
      await page.goto(`${siteUrl}/search/?q=${encodeURIComponent('dirsync')}`);
      await page.locator('.search-page-results > li').first().waitFor({ timeout: 10_000 });
      expect(await page.locator('#search-page-input').inputValue()).toBe('dirsync');
      expect(await page.locator('.search-card-page').textContent()).toMatch(/DirSync/);
      expect(await page.locator('[data-search-page-status]').textContent()).toMatch(/\d+ pages? match/);
      expect(await page.locator('.search-page-results mark').count()).toBeGreaterThan(0);

      await page.locator('#search-page-input').fill('single sign-on');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toMatch(/\?q=single%20sign-on$/);
      await expect.poll(() => page.locator('.search-card-page').textContent()).toMatch(/single sign-on/i);
      await page.goBack();
      await expect.poll(() => page.locator('#search-page-input').inputValue()).toBe('dirsync');
    });
  });

  it('says there is nothing, and what to try, for a query without results', async () => {
    await withPage(VIEW_MODES.light, async (page) => {
      await page.goto(`${siteUrl}/search/?q=zzzqqq`);
      await expect.poll(() => page.locator('[data-search-page-status]').textContent(), { timeout: 10_000 }).toMatch(/No results for “zzzqqq”/);
      expect(await page.locator('.search-page-results > li').count()).toBe(0);
    });
  });

  it('without JavaScript, says where to go instead', async () => {
    await withPage({ ...VIEW_MODES.light, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${siteUrl}/search/?q=dirsync`);
      const hrefs = await page.locator('.search-noscript a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining(['/documents/', '/entities/']));
      expect(await page.locator('.search-noscript').isVisible()).toBe(true);
    });
  });

  checkPageTypes({
    siteUrl: () => siteUrl,
    pages: { search: '/search/?q=AAD%20Connect' },
    withPage,
    shotPrefix: 'search-',
    ready: async (page) => {
      await page.locator('.search-page-results > li').first().waitFor({ timeout: 10_000 });
    },
  });
});
