// Astro's incremental build with docgraph's page keys (src/lib/page-keys.ts): after an edit, a rebuild
// renders only the pages whose data changed, and the built site is byte for byte the site a clean
// build of the same content gives. A page key that missed something a page reads fails here, and so
// does a cached page linked into the output folder (src/build/cached-pages.ts) that outlived its
// document.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const run = promisify(execFile);
// Without vitest's own variables, which change how Vite and Astro build.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(k) && !k.startsWith('VITEST')));

/** Builds and returns what the build printed. */
async function build(content: string, data: string, out: string, ...flags: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['scripts/build.ts', '--content', content, '--out', out, ...flags], { cwd: PROJECT_ROOT, env: { ...env, DOCGRAPH_DATA: data } });
  return stdout;
}

/** What the site child prints when it rendered with the last whole build's kit (src/build/site-render.ts). */
const RENDERED_WITH_KIT = /site: \d+ page\(s\) rendered, \d+ kept \(site kit of the last whole build\)/;

async function files(dir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) result.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name)));
  }
  return result;
}

describe('incremental site build', () => {
  it('re-renders the edited page only, and builds the same site as a clean build', { timeout: 240_000 }, async () => {
    const work = await tempDir('docgraph-site-incremental-');
    const content = join(work, 'content');
    await cp(join(PROJECT_ROOT, 'content'), content, { recursive: true });
    const [data, out] = [join(work, 'data'), join(work, 'out')];
    expect(await build(content, data, out)).not.toMatch(RENDERED_WITH_KIT);
    const seedPage = join(out, 'docs', 'office-365-integration', 'index.html');
    const entityPage = join(out, 'entities', 'azure-ad-connect', 'index.html');
    // Astro's record of the last build: the key each page was rendered (or kept) with.
    const keys = async () => {
      const manifest = JSON.parse(await readFile(join(data, '.astro-cache', 'incremental-build.json'), 'utf8')) as { routes: Record<string, { paths: Record<string, { cacheKey: string }> }> };
      return Object.fromEntries(Object.values(manifest.routes).flatMap((r) => Object.entries(r.paths).map(([path, p]) => [path, p.cacheKey])));
    };
    const before = await keys();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['/docs/office-365-integration', '/docs/overview', '/entities/azure-ad-connect']));

    // A sentence that names no entity and links nowhere: the graph stays the same, so only the edited
    // page gets a new key; Astro keeps the others from its cache instead of rendering them.
    // Markdown only: the pages are rendered with the kit of the last build, without Astro's bundling.
    await appendFile(join(content, 'office-365-integration.md'), '\nThis closing sentence was added by the incremental build test.\n');
    expect(await build(content, data, out)).toMatch(RENDERED_WITH_KIT);
    expect(await readFile(seedPage, 'utf8')).toContain('added by the incremental build test');
    const after = await keys();
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(changed).toEqual(['/docs/office-365-integration']);

    // A reworded sentence that is evidence (it mentions SSO and Azure AD Connect): the graph's shape
    // stays, so the edited page, the entity pages that quote the sentence and the MDX page (which may
    // embed any evidence) get new keys; the rest of the site is kept.
    const source = join(content, 'office-365-integration.md');
    const text = await readFile(source, 'utf8');
    const reworded = text.replace('To set up SSO you also use Azure AD Connect.', 'To set up SSO, you also use Azure AD Connect.');
    expect(reworded).not.toBe(text);
    await writeFile(source, reworded);
    expect(await build(content, data, out)).toMatch(RENDERED_WITH_KIT);
    expect(await readFile(entityPage, 'utf8')).toContain('To set up SSO, you also use Azure AD Connect.');
    const afterReword = await keys();
    const rekeyed = Object.keys(afterReword).filter((path) => afterReword[path] !== after[path]);
    expect(rekeyed).toEqual(expect.arrayContaining(['/docs/office-365-integration', '/entities/azure-ad-connect']));
    expect(rekeyed.every((path) => path.startsWith('/entities/') || path === '/docs/office-365-integration' || path === '/docs/overview')).toBe(true);
    expect(rekeyed.length).toBeLessThan(Object.keys(afterReword).length / 4);

    // An edit that changes the graph: the entity pages that quote it are rendered again.
    // A kit that cannot be read: the site is built whole, and gives the same site.
    await writeFile(join(data, '.site-kit', 'kit.json'), '{');
    await appendFile(join(content, 'office-365-integration.md'), '\nAzure AD Connect replaces DirSync in this test.\n');
    expect(await build(content, data, out)).not.toMatch(RENDERED_WITH_KIT);
    expect(await readFile(entityPage, 'utf8')).toContain('replaces DirSync in this test');

    // A deleted document: its page, which the last build left in Astro's cache (and which is linked
    // into the new output folder for Astro to keep), is gone from the built site.
    const overviewPage = join(out, 'docs', 'overview', 'index.html');
    expect(existsSync(overviewPage)).toBe(true);
    // An MDX document is compiled into the bundle: changing one builds the site whole.
    await rm(join(content, 'overview.mdx'));
    expect(await build(content, data, out)).not.toMatch(RENDERED_WITH_KIT);
    expect(existsSync(overviewPage)).toBe(false);
    expect(existsSync(seedPage)).toBe(true);

    const cleanOut = join(work, 'clean-out');
    await build(content, join(work, 'clean-data'), cleanOut, '--no-cache');
    const [a, b] = [await files(out), await files(cleanOut)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
  });

  it('uses a cache restored at another path, as a CI cache of another checkout or machine is', { timeout: 240_000 }, async () => {
    const work = await tempDir('docgraph-site-relocated-');
    const first = join(work, 'first');
    await cp(join(PROJECT_ROOT, 'content'), join(first, 'content'), { recursive: true });
    await build(join(first, 'content'), join(first, 'cache', 'data'), join(first, 'site'));
    const built = await files(join(first, 'site'));

    // The checkout moves: content, cache and output keep their places relative to each other, and the
    // old path is gone (nothing may still be read from it). The kit's link to the dependencies points
    // where they were on the machine that made it.
    const second = join(work, 'second');
    await cp(first, second, { recursive: true, verbatimSymlinks: true });
    await rm(first, { recursive: true, force: true });
    const link = join(second, 'cache', 'data', '.site-kit', 'node_modules');
    await rm(link, { force: true });
    await symlink(join(first, 'node_modules'), link, 'dir');
    await rm(join(second, 'site'), { recursive: true, force: true });

    const printed = await build(join(second, 'content'), join(second, 'cache', 'data'), join(second, 'site'));
    expect(printed).toMatch(RENDERED_WITH_KIT);
    expect(printed).not.toContain(first);
    const rebuilt = await files(join(second, 'site'));
    expect([...rebuilt.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [path, bytes] of built) expect(bytes.equals(rebuilt.get(path)!), path).toBe(true);
  });
});
