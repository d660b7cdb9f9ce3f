// The document page chrome in a real browser: the sidebar (nav tree), breadcrumbs, previous/next, the
// "On this page" highlight, the theme toggle (remembered, applied before first paint), phone and print
// layouts. Every test also fails on console errors, failed requests and CSP violations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { SiteData } from '../../src/outputs/site-data.ts';
import type { NavItem } from '../../src/pipeline/types.ts';
import { expectNoAxeViolations, useBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const dataDir = inject('dataDir');
const SEED_URL = '/docs/office-365-integration/';
const SEED_TITLE = 'Office 365 integration with on-premises environments';
const DESKTOP: BrowserContextOptions = { colorScheme: 'light', viewport: { width: 1280, height: 700 } };
const PHONE: BrowserContextOptions = { colorScheme: 'light', viewport: { width: 360, height: 740 }, isMobile: true };
const DARK_BG = 'rgb(13, 17, 23)';
const LIGHT_BG = 'rgb(255, 255, 255)';

const site = JSON.parse(readFileSync(path.join(dataDir, 'site.json'), 'utf8')) as SiteData;
const docById = new Map(site.documents.map((d) => [d.id, d]));
/** Document URLs in nav order, each once (what previous/next follow). */
const navOrder: string[] = [];
const walk = (items: NavItem[]): void => {
  for (const item of items) {
    const doc = item.docId ? docById.get(item.docId) : undefined;
    if (doc && !navOrder.includes(doc.url)) navOrder.push(doc.url);
    walk(item.children);
  }
};
walk(site.nav);

const { withPage } = useBrowser();

/** The theme button's module script loads after the page; wait until it has wired the button. */
async function toggleReady(page: Page): Promise<void> {
  await page.locator('.theme-toggle[data-ready]').waitFor({ state: 'attached', timeout: 10_000 });
}

describe('sidebar', () => {
  it('lists every document of the nav and marks the current page', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      const sidebar = page.getByRole('navigation', { name: 'Documentation pages' });
      await expect(sidebar.isVisible()).resolves.toBe(true);
      const hrefs = await sidebar.locator('a:not(.ext)').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
      expect(new Set(hrefs)).toEqual(new Set(navOrder));
      const current = sidebar.locator('a[aria-current="page"]');
      await expect(current.count()).resolves.toBe(1);
      await expect(current.getAttribute('href')).resolves.toBe(SEED_URL);
      await expect(current.textContent()).resolves.toBe(SEED_TITLE);
      await expect(current.isVisible()).resolves.toBe(true);
      // Ancestors of the current entry (if any) are open.
      const closedAncestors = await current.evaluate((a) => {
        let closed = 0;
        for (let el = a.parentElement; el; el = el.parentElement) if (el instanceof HTMLDetailsElement && !el.open) closed++;
        return closed;
      });
      expect(closedAncestors).toBe(0);
    });
  });

  it('navigates when an entry is clicked, and marks the new page', async () => {
    const other = navOrder.find((url) => url !== SEED_URL)!;
    await withPage(DESKTOP, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      const sidebar = page.getByRole('navigation', { name: 'Documentation pages' });
      await sidebar.locator(`a[href="${other}"]`).click();
      await page.waitForURL(siteUrl + other);
      await expect(
        page.getByRole('navigation', { name: 'Documentation pages' }).locator('a[aria-current="page"]').getAttribute('href'),
      ).resolves.toBe(other);
    });
  });

  it('folds behind a "Pages" button on a 360px phone, without horizontal scrolling', async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
      const sidebar = page.getByRole('navigation', { name: 'Documentation pages' });
      const current = sidebar.locator('a[aria-current="page"]');
      await expect(current.isVisible()).resolves.toBe(false);
      await sidebar.getByRole('button', { name: 'Pages' }).click();
      await expect(current.isVisible()).resolves.toBe(true);
      await sidebar.getByRole('button', { name: 'Close' }).click();
      await expect(current.isVisible()).resolves.toBe(false);
      const other = navOrder.find((url) => url !== SEED_URL)!;
      await sidebar.getByRole('button', { name: 'Pages' }).click();
      await sidebar.locator(`a[href="${other}"]`).click();
      await page.waitForURL(siteUrl + other);
    });
  });
});

describe('breadcrumbs and previous/next', () => {
  it('shows the path to the page and its neighbours in nav order', async () => {
    await withPage(DESKTOP, async (page) => {
      for (const [i, url] of navOrder.entries()) {
        const doc = site.documents.find((d) => d.url === url)!;
        await page.goto(siteUrl + url);
        const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
        await expect(crumbs.locator('a').first().getAttribute('href')).resolves.toBe('/');
        await expect(crumbs.locator('[aria-current="page"]').textContent()).resolves.toBe(doc.title);
        for (const [rel, expected] of [['prev', navOrder[i - 1]], ['next', navOrder[i + 1]]] as const) {
          const link = page.locator(`nav[aria-label="Previous and next pages"] a[rel="${rel}"]`);
          await expect(link.count(), `${url} ${rel}`).resolves.toBe(expected ? 1 : 0);
          if (expected) await expect(link.getAttribute('href')).resolves.toBe(expected);
        }
      }
    });
  });

  it('follows the next link', async () => {
    const next = navOrder[navOrder.indexOf(SEED_URL) + 1];
    if (!next) return;
    await withPage(DESKTOP, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      await page.locator('a[rel="next"]').click();
      await page.waitForURL(siteUrl + next);
    });
  });
});

describe('on this page', () => {
  it('lists the sections of depth 2-3 and highlights the one being read while scrolling', async () => {
    const seed = site.documents.find((d) => d.url === SEED_URL)!;
    const sections = seed.sections.filter((s) => s.depth === 2 || s.depth === 3);
    expect(sections.length).toBeGreaterThan(2);
    await withPage({ ...DESKTOP, viewport: { width: 1280, height: 600 } }, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      const toc = page.getByRole('navigation', { name: 'On this page' });
      await expect(toc.locator('a').evaluateAll((els) => els.map((a) => a.getAttribute('href')))).resolves.toEqual(
        sections.map((s) => '#' + encodeURIComponent(s.id)),
      );
      const current = () => toc.locator('a[aria-current="location"]').getAttribute('href', { timeout: 2000 });
      const first = sections[0]!.id;
      const last = sections[sections.length - 1]!.id;
      await page.locator(`[id="${first}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect.poll(current).toBe('#' + first);
      await page.locator(`[id="${last}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect.poll(current).toBe('#' + last);
      await expect(toc.locator('a[aria-current="location"]').count()).resolves.toBe(1);
    });
  });

  it('is a popover on a phone that closes after a jump to a section', async () => {
    const seed = site.documents.find((d) => d.url === SEED_URL)!;
    const last = seed.sections.filter((s) => s.depth === 2 || s.depth === 3).at(-1)!;
    await withPage(PHONE, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      const toc = page.getByRole('navigation', { name: 'On this page' });
      const link = toc.locator(`a[href="#${encodeURIComponent(last.id)}"]`);
      await expect(link.isVisible()).resolves.toBe(false);
      await toc.getByRole('button', { name: 'On this page' }).click();
      await expect(link.isVisible()).resolves.toBe(true);
      await link.click();
      await page.waitForURL(siteUrl + SEED_URL + '#' + encodeURIComponent(last.id));
      await expect.poll(() => link.isVisible()).toBe(false);
      await expect
        .poll(() => page.locator(`[id="${last.id}"]`).evaluate((el) => el.getBoundingClientRect().top))
        .toBeLessThan(200);
    });
  });
});

describe('theme', () => {
  /** Records the theme when <body> first appears (before any module script) and at the first frame. */
  async function recordFirstFrame(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const look = () => ({
        theme: document.documentElement.getAttribute('data-theme'),
        background: getComputedStyle(document.documentElement).backgroundColor,
        moduleScriptsRan: Boolean(document.querySelector('.theme-toggle[aria-pressed="true"]')),
      });
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        w.__atBody = look();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
      requestAnimationFrame(() => (w.__atFirstFrame = look()));
    });
  }

  it('switches with the toggle, persists across reloads and applies the choice before the first paint', async () => {
    await withPage(DESKTOP, async (page) => {
      await recordFirstFrame(page);
      await page.goto(siteUrl + SEED_URL);
      const toggle = page.getByRole('button', { name: 'Dark theme' });
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
      const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await expect(background()).resolves.toBe(LIGHT_BG);

      await toggleReady(page);
      await toggle.click();
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(background()).resolves.toBe(DARK_BG);

      await page.reload();
      const atBody = await page.evaluate(() => (window as unknown as { __atBody: unknown }).__atBody);
      // <body> can be parsed before the stylesheets arrive, so only the attribute is checked there; the
      // first frame (rendering waits for the stylesheets) must already be dark.
      expect(atBody).toMatchObject({ theme: 'dark', moduleScriptsRan: false });
      // The load event can come before the first frame on a busy machine: wait for the frame.
      const atFirstFrame = await (await page.waitForFunction(() => (window as unknown as { __atFirstFrame: unknown }).__atFirstFrame)).jsonValue();
      expect(atFirstFrame).toMatchObject({ theme: 'dark', background: DARK_BG });
      await toggleReady(page);
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');

      // Another page of the site remembers it too; toggling back stores light over a dark system setting.
      await page.goto(siteUrl + '/');
      await expect(background()).resolves.toBe(DARK_BG);
      await page.emulateMedia({ colorScheme: 'dark' });
      await toggleReady(page);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await expect(background()).resolves.toBe(LIGHT_BG);
      await page.reload();
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('light');
      await expect(background()).resolves.toBe(LIGHT_BG);
    });
  });

  it('follows the system setting when nothing was chosen', async () => {
    await withPage({ ...DESKTOP, colorScheme: 'dark' }, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBeNull();
      await expect(page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).resolves.toBe(DARK_BG);
      // The toggle's state is set by its module script, which loads after the page: wait for it.
      await toggleReady(page);
      await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
    });
  });

  it('chosen dark theme on a phone with the sidebar or the contents open: no axe violations', async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      await toggleReady(page);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      for (const panel of ['.sidebar', '.page-toc']) {
        await page.locator(`${panel} .panel-open`).click();
        await expect(page.locator(`${panel} .panel`).evaluate((el) => el.matches(':popover-open'))).resolves.toBe(true);
        await expectNoAxeViolations(page);
        await page.locator(`${panel} .panel-close`).click();
      }
    });
  });
});

describe('without JavaScript and in print', () => {
  it('keeps the sidebar and contents usable without JavaScript and hides the theme button', async () => {
    await withPage({ ...DESKTOP, javaScriptEnabled: false }, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      await expect(page.locator('.theme-toggle').isVisible()).resolves.toBe(false);
      await expect(page.locator('.sidebar a[aria-current="page"]').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('navigation', { name: 'On this page' }).locator('a').first().isVisible()).resolves.toBe(true);
    });
    // The phone's "Pages" button is a declarative popover (popovertarget): no script involved.
    await withPage({ ...PHONE, javaScriptEnabled: false }, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      await page.getByRole('button', { name: 'Pages' }).click();
      await expect(page.locator('.sidebar a[aria-current="page"]').isVisible()).resolves.toBe(true);
    });
  });

  it('prints the article only, with the URLs of external links', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(siteUrl + SEED_URL);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.sidebar', '.breadcrumbs', '.page-toc', '.pager', '.theme-toggle', '.site-header nav']) {
        await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
      }
      await expect(page.locator('article.doc').isVisible()).resolves.toBe(true);
      const external = page.locator('article.doc a[href^="https://"]').first();
      const href = await external.getAttribute('href');
      await expect(external.evaluate((a) => getComputedStyle(a, '::after').content)).resolves.toBe(`" (${href})"`);
    });
  });
});
