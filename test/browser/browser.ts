// One Chromium for a test file: the binary shipped in @sparticuz/chromium, driven by playwright-core.
// @sparticuz/chromium's default flags are tuned for serverless functions; four of them would make tests
// meaningless or fragile, so they are removed (see shared/notes/stack.md).
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

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
