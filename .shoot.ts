import { createServer } from 'node:http';
import sirv from 'sirv';
import { launchBrowser, openPage, VIEW_MODES } from './test/browser/browser.ts';
const dir = process.argv[2]!;
const pages = process.argv.slice(3);
const assets = sirv(dir, { dev: false });
const server = createServer((req, res) => assets(req, res, () => { res.statusCode = 404; res.end('nf'); }));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as any).port;
const browser = await launchBrowser();
for (const spec of pages) {
  const [name, url, modes = 'light'] = spec.split('=>');
  for (const mode of modes.split(',')) {
    const { page, problems } = await openPage(browser, VIEW_MODES[mode as 'light']);
    const t = Date.now();
    await page.goto(`http://127.0.0.1:${port}${url}`);
    await page.waitForSelector('[data-state="ready"], [data-state="failed"], .local-graph[data-state]', { timeout: 20000 }).catch(() => {});
    console.log(name, mode, Date.now() - t, 'ms', await page.evaluate(() => performance.getEntriesByName('docgraph:graph-ready')[0]?.startTime));
    await page.screenshot({ path: `/tmp/gshots/${name}-${mode}.png`, fullPage: process.env.FULL === '1' });
    if (problems.length) console.log(problems);
    await page.context().close();
  }
}
await browser.close();
server.close();
