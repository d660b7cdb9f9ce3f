import sparticuz from '@sparticuz/chromium';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { createServer } from 'node:http';
const UNSAFE = new Set(['--single-process','--disable-web-security','--disable-site-isolation-trials','--allow-running-insecure-content']);
const server = createServer(sirv(process.argv[2], { dev: false }));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args.filter(a => !UNSAFE.has(a)), headless: true });
const modes = { light: { colorScheme: 'light', viewport: { width: 1280, height: 900 } }, dark: { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }, phone: { colorScheme: 'light', viewport: { width: 390, height: 844 }, isMobile: true } };
for (const [name, opts] of Object.entries(modes)) {
  const ctx = await browser.newContext(opts);
  const page = await ctx.newPage();
  page.on('console', (m) => console.log(name, m.type(), m.text()));
  await page.goto(base + process.argv[3]);
  await page.click('summary');
  await page.waitForTimeout(300);
  await page.locator('.embed-snippets').screenshot({ path: `/tmp/embed-page-${name}.png` });
  await ctx.close();
}
await browser.close(); server.close();
