// One Chromium for a test file: the binary shipped in @sparticuz/chromium, driven by playwright-core.
// @sparticuz/chromium's default flags are tuned for serverless functions; four of them would make tests
// meaningless or fragile, so they are removed (see shared/notes/stack.md).
import sparticuz from '@sparticuz/chromium';
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const UNSAFE_FLAGS = new Set([
  '--single-process', // closing one context would kill the whole browser
  '--disable-web-security', // would hide CORS / same-origin mistakes
  '--disable-site-isolation-trials',
  '--allow-running-insecure-content',
]);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: sparticuz.args.filter((flag) => !UNSAFE_FLAGS.has(flag)),
    headless: true,
  });
}

export interface PageProblems {
  /** Console errors, uncaught exceptions, failed requests and CSP violations, as readable lines. */
  problems: string[];
}

/**
 * A page in a fresh context that records everything that should never happen on the site: console errors,
 * page errors, HTTP errors for its own resources and Content-Security-Policy violations.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page } & PageProblems> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // Leaving a page aborts its pending (e.g. lazy image) requests: not a fault of the site.
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
  });
  // Runs through the DevTools protocol, so the page's CSP does not block it.
  await context.exposeFunction('__reportCsp', (line: string) => problems.push(line));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCsp(line: string): void }).__reportCsp(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return { page, problems };
}

/** The three ways every page type is looked at: light, dark, and a phone. */
export const VIEW_MODES: Record<'light' | 'dark' | 'phone', BrowserContextOptions> = {
  light: { colorScheme: 'light', viewport: { width: 1280, height: 900 } },
  dark: { colorScheme: 'dark', viewport: { width: 1280, height: 900 } },
  phone: { colorScheme: 'light', viewport: { width: 390, height: 844 }, isMobile: true },
};

/** Screenshots for people to look at (light, dark, phone); not compared by the tests. */
export const SHOTS_DIR = process.env.DOCGRAPH_SHOTS ?? path.join(tmpdir(), 'docgraph-shots');

/**
 * One Chromium for the calling test file (launched in beforeAll, closed in afterAll) and `withPage`:
 * opens a fresh context, runs `body`, then checks that nothing went wrong (console errors, failed
 * requests, CSP violations). `expected` lists problems the test itself causes (a 404 status for the
 * 404 page).
 */
export function useBrowser(): {
  browser: () => Browser;
  withPage: (options: BrowserContextOptions, body: (page: Page) => Promise<void>, expected?: (problem: string) => boolean) => Promise<void>;
} {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => browser!,
    async withPage(options, body, expected = () => false) {
      const { page, problems } = await openPage(browser!, options);
      try {
        await body(page);
        expect(problems.filter((p) => !expected(p)), 'console errors, failed requests or CSP violations').toEqual([]);
      } finally {
        await page.context().close();
      }
    },
  };
}

/** Fails with the rule, help text and elements of every axe-core violation on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Registers, for every page and every view mode, a test that opens the page, saves a full-page
 * screenshot to SHOTS_DIR and finds no axe violations (and, through withPage, no console errors or
 * CSP violations). `before`/`ready` run around navigation; `expected` names problems a page causes
 * on purpose.
 */
export function checkPageTypes(options: {
  siteUrl: () => string;
  pages: Record<string, string>;
  withPage: ReturnType<typeof useBrowser>['withPage'];
  shotPrefix?: string;
  before?: (page: Page, name: string, url: string) => Promise<void>;
  ready?: (page: Page, name: string) => Promise<void>;
  expected?: (name: string, problem: string) => boolean;
}): void {
  beforeAll(async () => {
    await mkdir(SHOTS_DIR, { recursive: true });
  });
  for (const [name, url] of Object.entries(options.pages)) {
    for (const [mode, context] of Object.entries(VIEW_MODES)) {
      it(`${name} page in ${mode}: no axe violations`, async () => {
        await options.withPage(
          context,
          async (page) => {
            await options.before?.(page, name, url);
            await page.goto(options.siteUrl() + url);
            await options.ready?.(page, name);
            await page.screenshot({ path: path.join(SHOTS_DIR, `${options.shotPrefix ?? ''}${name}-${mode}.png`), fullPage: true });
            await expectNoAxeViolations(page);
          },
          (problem) => options.expected?.(name, problem) ?? false,
        );
      });
    }
  }
}
