// The site build's process (started by src/build/site-build.ts). With the kit of the last whole
// build (site-kit.ts) it renders the pages that changed without Astro's build (site-render.ts), once
// the parent says the data is there. Otherwise it runs Astro's `build`, held at two points until the
// parent says the data is there: before the content sync (which lists the MDX documents to compile)
// and before pages are rendered (after Vite has bundled the site).
import { readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { z } from 'zod';
import { listContentFiles } from '../pipeline/load.ts';
import { makeBuildRoot, type SiteBuildMessage } from './site-build.ts';
import { linkCachedPages, pruneUnbuiltPages } from './cached-pages.ts';
import { captureKit, kitKey, loadKit, type SiteKit } from './site-kit.ts';
import { loadKitApp, preloadKitApp, renderWithKit } from './site-render.ts';

// `sync` is an option of Astro's builder that the public type leaves out ("false for in-memory builds
// that don't need type generation"): build() hands its options to the builder as they are.
type BuildOptions = NonNullable<Parameters<typeof import('astro').build>[1]> & { sync: boolean };

const Args = z.object({ root: z.string(), workDir: z.string(), contentDir: z.string(), dataDir: z.string(), outDir: z.string(), cacheDir: z.string(), emptyOut: z.boolean(), quiet: z.boolean(), force: z.boolean() });

const ready = { sources: () => {}, data: () => {} };
const readiness = {
  sources: new Promise<void>((resolve) => (ready.sources = resolve)),
  data: new Promise<void>((resolve) => (ready.data = resolve)),
};
process.on('message', (message: SiteBuildMessage) => {
  if ('ready' in message) ready[message.ready]();
});
// A parent that is gone never sends the data: nothing to wait for.
process.on('disconnect', () => process.exit(2));

function waitFor(what: 'sources' | 'data'): Promise<void> {
  process.send?.({ waiting: what } satisfies SiteBuildMessage);
  return readiness[what];
}

/**
 * `sync`: whether the content sync runs, which needs the MDX list; without it bundling starts at once.
 * `emptyOut`: whether Astro empties the output folder (site-build.ts).
 */
const waitForData = (sync: boolean, emptyOut: boolean): AstroIntegration => ({
  name: 'docgraph:wait-for-data',
  hooks: {
    // Before the content sync, which reads <data>/mdx-documents.json (src/content.config.ts).
    'astro:config:done': () => (sync ? waitFor('sources') : undefined),
    'astro:config:setup': ({ updateConfig }) => {
      updateConfig({
        vite: {
          ...(emptyOut ? {} : { build: { emptyOutDir: false } }),
          plugins: [
            {
              name: 'docgraph:wait-for-data',
              // Vite runs `post` buildApp hooks in plugin order, after bundling every environment;
              // Astro appends its page generation as the last one, so this one runs before it.
              enforce: 'post',
              buildApp: { order: 'post', handler: () => waitFor('data') },
            },
          ],
        },
      });
    },
  },
});

type Args = z.infer<typeof Args>;

/** Empties the output folder as Astro does (keeping a .git). */
async function emptyOutput(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => []);
  await Promise.all(names.filter((n) => n !== '.git').map((n) => rm(join(outDir, n), { recursive: true, force: true })));
}

/**
 * The pages rendered with the last whole build's kit (site-kit.ts, site-render.ts): no Astro start-up
 * or bundling. False when the kit refuses (the build then runs whole; nothing it wrote is wrong).
 */
async function renderFromKit(args: Args, kit: SiteKit): Promise<boolean> {
  try {
    const app = await loadKitApp(args.dataDir, kit);
    await preloadKitApp(app);
    await waitFor('data');
    if (args.emptyOut) await emptyOutput(args.outDir);
    const { rendered, kept } = await renderWithKit(app, kit, { outDir: args.outDir, dataDir: args.dataDir, cacheDir: args.cacheDir });
    if (!args.quiet) console.log(`  site: ${rendered} page(s) rendered, ${kept} kept (site kit of the last whole build)`);
    return true;
  } catch (error) {
    if (!args.quiet) console.log(`  site: building it whole (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
}

async function main(): Promise<number> {
  const args = Args.parse(JSON.parse(process.argv[2] ?? '{}'));
  // Decided from the folder, before the pipeline has listed its documents: an .mdx file that is not a
  // document only costs a whole build and the content sync.
  const mdxFiles = listContentFiles(args.contentDir).filter((path) => /\.mdx$/i.test(path));
  const key = kitKey({ root: args.root, contentDir: args.contentDir, outDir: args.outDir, dataDir: args.dataDir, env: process.env, mdxFiles });
  // The last build's pages, into an output folder that was set aside (not emptied) when the cache is
  // used. Here rather than in the parent, which meanwhile runs the pipeline: this process has time to
  // spare until the data is ready.
  const linked = !args.emptyOut && !args.force ? linkCachedPages(args.cacheDir, args.outDir) : [];
  const kit = args.force ? undefined : loadKit(args.dataDir, key);
  if (!(kit && (await renderFromKit(args, kit)))) await buildWithAstro(args, key, mdxFiles.length > 0);
  pruneUnbuiltPages(args.cacheDir, args.outDir, linked);
  return 0;
}

/**
 * Astro's whole build, which also leaves the kit for the next one. `sync`: whether the content has MDX.
 * Astro's content sync loads the MDX documents into the content collection (src/content.config.ts);
 * Markdown pages read the data folder instead. A site without MDX has nothing to sync, and skipping it
 * saves a second of every build (it starts a Vite server of its own).
 */
async function buildWithAstro(args: Args, key: string, sync: boolean): Promise<void> {
  // Astro keeps files of the build under <root>/.astro/ (the list of MDX modules to compile, the
  // prerender chunks): two builds of the project at once (tests, previews, a dev server) overwrote
  // each other's and one failed on the other's MDX list. Each build gets its own root and working
  // folder in the cache folder (never inside an installed docgraph; site-build.ts makeBuildRoot); the
  // configuration and src/ stay docgraph's (astro.config.mjs sets srcDir).
  const cwd = await makeBuildRoot(args.workDir);
  const home = process.cwd();
  const { build } = await import('astro');
  try {
    process.chdir(cwd);
    await build({
      root: cwd,
      // Relative to the root (Astro joins the two).
      configFile: relative(cwd, join(args.root, 'astro.config.mjs')),
      outDir: args.outDir,
      logLevel: args.quiet ? 'error' : 'warn',
      force: args.force,
      integrations: [waitForData(sync, args.emptyOut), captureKit(args.dataDir, key)],
    }, { sync } as BuildOptions);
  } finally {
    process.chdir(home);
    await rm(cwd, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`docgraph: site build: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
