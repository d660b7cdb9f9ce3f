// Renders the site's pages with the kit of the last whole build (site-kit.ts) instead of running
// Astro's build: Astro's own app from the kept bundle renders each path its getStaticPaths lists, as
// Astro's page generation does (astro/dist/core/build/generate.js), and Astro's incremental manifest
// (astro-manifest.ts) decides which keyed pages are kept, as it does for Astro: a page whose cache key
// is unchanged keeps the copy the output folder already holds (cached-pages.ts).
// What our site never does (redirect responses, optimised images, other build formats) makes the
// kit refuse, and the build then runs whole.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifestFile, readIncrementalManifest, type IncrementalManifest, type ManifestPath } from './astro-manifest.ts';
import { kitDir, type SiteKit } from './site-kit.ts';
import { linkTree } from './link-public.ts';

/** A path the kit cannot render as Astro would: the build runs whole instead. */
export class KitRefused extends Error {}

interface RouteData {
  component: string;
  type: string;
}
interface PathWithRoute {
  pathname: string;
  route: RouteData;
  cacheKey?: string;
}
interface KitApp {
  manifestData: { routes: RouteData[] };
  getComponentByRoute(route: RouteData): Promise<unknown>;
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

const STATUS_CODE_PAGES = new Set(['/404', '/500']);

/** Output file of a path, relative to the output folder and URL-encoded, as Astro names it (format `directory`). */
export function outputFileOf(pathname: string, route: RouteData): string {
  const encoded = encodeURI(pathname);
  const root = pathToFileURL('/out/');
  const file =
    route.type === 'endpoint'
      ? new URL(`.${encoded}`, root)
      : STATUS_CODE_PAGES.has(pathname)
        ? new URL(`.${posix.dirname(encoded).replace(/\/?$/, '/')}${posix.basename(encoded)}.html`, root)
        : new URL(`.${encoded.replace(/\/?$/, '/')}index.html`, root);
  return file.href.slice(root.href.length);
}

/** The URL Astro requests a path at (its getUrlForPath, format `directory`). */
export function requestUrlOf(pathname: string, route: RouteData, kit: Pick<SiteKit, 'base' | 'origin' | 'trailingSlash'>): URL {
  const base = kit.base.replace(/\/$/, '');
  const slash = kit.trailingSlash === 'never' ? '' : '/';
  let path: string;
  if (pathname === '/' || pathname === '') path = `${base}${slash}` || '/';
  else if (route.type === 'endpoint') {
    path = `${base}/${pathname.replace(/^\//, '')}`;
    if (kit.trailingSlash === 'always' && !/\.[^/]+$/.test(pathname)) path = path.replace(/\/?$/, '/');
    else if (kit.trailingSlash === 'never') path = path.replace(/\/$/, '');
  } else path = `${base}/${pathname.replace(/^\//, '').replace(/\/$/, '')}${slash}`;
  return new URL(path.replace(/\/{2,}/g, '/'), kit.origin);
}

/** Loads the kit's app, ready to render (what Astro's default prerenderer does in its setup). */
export async function loadKitApp(dataDir: string, kit: SiteKit): Promise<KitApp> {
  const module = (await import(pathToFileURL(join(kitDir(dataDir), 'bundle', kit.entry)).href)) as { app?: KitApp };
  if (!module.app) throw new KitRefused('the bundle has no app');
  const app = module.app;
  app.setInternals({
    pagesByKeys: new Map(kit.styles.map(([key, styles]) => [key, { styles }])),
    entrySpecifierToBundleMap: new Map(kit.specifiers),
  });
  app.setOptions({ settings: { scripts: kit.scripts }, logger: { options: { destination: { write: () => true } } } });
  return app;
}

/**
 * Loads what the first renders would (every page's module, fetch's Request and Response, which load
 * undici on first use, and TextDecoder): called while the pipeline still writes the data, it takes
 * ~150 ms off the renders that wait for it. Page modules read no data when imported.
 */
export async function preloadKitApp(app: KitApp): Promise<void> {
  await new Response(new TextEncoder().encode('<p>')).arrayBuffer();
  void new Request('http://localhost/');
  new TextDecoder().decode(new Uint8Array(0));
  for (const route of app.manifestData.routes) await app.getComponentByRoute(route);
}

/** Renders the site into `outDir` with the kit; returns how many paths were rendered and kept. */
export async function renderWithKit(app: KitApp, kit: SiteKit, options: { outDir: string; dataDir: string; cacheDir: string }): Promise<{ rendered: number; kept: number }> {
  const previous = lastManifest(options.cacheDir);
  const { StaticPaths } = await import('astro/runtime/prerender/static-paths.js');
  const paths = (await new StaticPaths(app as never).getAll()) as PathWithRoute[];
  const dependencyHashes = new Map(kit.dependencyHashes);
  const dependencyHashOf = (route: RouteData) => dependencyHashes.get(route.component) ?? '';
  const next: IncrementalManifest = { ...previous, routes: {} };
  const record = (route: RouteData, pathname: string, entry: ManifestPath) => {
    const routes = (next.routes[route.component] ??= { dependencyHash: dependencyHashOf(route), paths: {} });
    routes.paths[pathname] = entry;
  };
  const outDir = pathToFileURL(`${options.outDir}/`);
  const cacheCopies = pathToFileURL(join(options.cacheDir, 'dist/'));
  const seen = new Set<string>();
  let rendered = 0;
  let kept = 0;

  async function generate({ pathname, route, cacheKey }: PathWithRoute): Promise<void> {
    if (route.type !== 'page' && route.type !== 'endpoint') throw new KitRefused(`a ${route.type} route (${route.component})`);
    const outputFile = outputFileOf(pathname, route);
    const outFile = fileURLToPath(new URL(outputFile, outDir));
    const before = previous.routes[route.component];
    const was = before?.paths[pathname];
    if (was && (was.staticImages || was.referencedImages || was.headers)) throw new KitRefused(`${pathname} has images or headers Astro replays`);
    if (cacheKey !== undefined && was && before.dependencyHash === dependencyHashOf(route) && was.cacheKey === cacheKey) {
      if (existsSync(outFile) || restoreCopy(fileURLToPath(new URL(was.outputFile, cacheCopies)), outFile)) {
        record(route, pathname, was);
        kept++;
        return;
      }
    }
    const response = await app.render(new Request(requestUrlOf(pathname, route, kit)), { routeData: route });
    if (response.status >= 300 && response.status < 400) throw new KitRefused(`${pathname} redirects`);
    if (!response.body) throw new KitRefused(`${pathname} has no body`);
    const body = Buffer.from(await response.arrayBuffer());
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(outFile, body);
    rendered++;
    if (cacheKey === undefined) return;
    const copy = fileURLToPath(new URL(outputFile, cacheCopies));
    await mkdir(dirname(copy), { recursive: true });
    await writeFile(copy, body);
    // An MDX page keeps the content entries it rendered (the MDX is unchanged, or there is no kit).
    record(route, pathname, { cacheKey, outputFile, ...(was?.contentHashes ? { contentHashes: was.contentHashes } : {}) });
  }

  const queue = paths.filter(({ pathname }) => {
    // Astro keeps the first of two routes giving one path (prerenderConflictBehavior).
    const normalized = pathname.replace(/\/$/, '');
    if (seen.has(normalized)) return false;
    seen.add(normalized);
    return true;
  });
  let cursor = 0;
  await Promise.all(
    Array.from({ length: kit.concurrency }, async () => {
      while (cursor < queue.length) await generate(queue[cursor++]!);
    }),
  );
  // Copies of pages this build no longer has, as Astro prunes them.
  for (const [component, route] of Object.entries(previous.routes)) {
    for (const [pathname, entry] of Object.entries(route.paths)) {
      if (!next.routes[component]?.paths[pathname]) rmSync(fileURLToPath(new URL(entry.outputFile, cacheCopies)), { force: true });
    }
  }
  writeFileSync(manifestFile(options.cacheDir), JSON.stringify(next, null, '\t'));
  linkTree(join(kitDir(options.dataDir), 'client'), options.outDir);
  return { rendered, kept };
}

function lastManifest(cacheDir: string): IncrementalManifest {
  const manifest = readIncrementalManifest(cacheDir);
  if (!manifest) throw new KitRefused('no incremental manifest of the last build');
  return manifest;
}

/** A kept page missing from the output folder comes back from Astro's copy, as Astro restores it. */
function restoreCopy(copy: string, outFile: string): boolean {
  if (!existsSync(copy)) return false;
  mkdirSync(dirname(outFile), { recursive: true });
  copyFileSync(copy, outFile);
  return true;
}
