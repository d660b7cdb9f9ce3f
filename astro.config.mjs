// The Astro side of docgraph. The build CLI (scripts/build.ts) writes a data folder and then runs Astro
// with these environment variables; `astro dev` / `astro build` on their own use the defaults.
//
//   DOCGRAPH_DATA     data folder written by the CLI (default <project>/.docgraph/data)
//   DOCGRAPH_CONTENT  content folder; default: `contentDir` from <data>/site.json, else <project>/content
//   DOCGRAPH_OUT      output folder (default dist)
//   DOCGRAPH_SITE     absolute site URL, e.g. https://docs.example.com (optional)
//   DOCGRAPH_BASE     base path, e.g. /handbook/ (optional)
//   DOCGRAPH_TITLE    site name shown in the header (default docgraph)
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const projectDir = fileURLToPath(new URL('.', import.meta.url));
const env = process.env;
// flexsearch's dist/ folder, wherever npm put it (the project's node_modules, or the one an installed
// docgraph shares with its user): its `require` entry is dist/flexsearch.bundle.min.js.
const flexsearchDist = path.dirname(createRequire(import.meta.url).resolve('flexsearch'));

const dataDir = path.resolve(projectDir, env.DOCGRAPH_DATA || '.docgraph/data');
const contentDir = resolveContentDir();

/** The content folder: MDX documents are compiled from it, so Vite must be allowed to read it. */
function resolveContentDir() {
  if (env.DOCGRAPH_CONTENT) return path.resolve(projectDir, env.DOCGRAPH_CONTENT);
  const siteJson = path.join(dataDir, 'site.json');
  if (existsSync(siteJson)) {
    const { contentDir } = JSON.parse(readFileSync(siteJson, 'utf8'));
    if (typeof contentDir === 'string' && contentDir) return path.resolve(projectDir, contentDir);
  }
  return path.join(projectDir, 'content');
}

export default defineConfig({
  // Absolute, so that a build may run with another root: src/build/site-child.ts gives each build
  // its own root (Astro keeps per-build files such as .astro/content-modules.mjs under the root).
  srcDir: path.join(projectDir, 'src'),
  output: 'static',
  outDir: env.DOCGRAPH_OUT || 'dist',
  // graph.json, report.json and the content's images are served from the site root. The build CLI
  // links them into the built site itself (src/build/link-public.ts) rather than have Astro copy them.
  publicDir: env.DOCGRAPH_PUBLIC === 'linked' ? path.join(dataDir, 'no-public') : path.join(dataDir, 'public'),
  // Each data folder gets its own cache, so builds of different content (tests, previews) never share
  // Astro's content-layer data store.
  cacheDir: path.join(dataDir, '.astro-cache'),
  ...(env.DOCGRAPH_SITE ? { site: env.DOCGRAPH_SITE } : {}),
  ...(env.DOCGRAPH_BASE ? { base: env.DOCGRAPH_BASE } : {}),
  trailingSlash: 'ignore',
  integrations: [mdx()],
  build: {
    // No inline <style>: the Content-Security-Policy in Base.astro allows stylesheets from 'self' only.
    inlineStylesheets: 'never',
    format: 'directory',
    // Pages are small and each waits on its file write: a few in flight keep the CPU busy meanwhile.
    concurrency: 4,
  },
  // Document and entity pages carry a cache key of the data they read (src/lib/page-keys.ts): a
  // rebuild renders only pages whose data changed. `npm run build -- --no-cache` renders all.
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  vite: {
    // Resolved once here and baked into the site code, so pages and content.config.ts agree.
    define: {
      __DOCGRAPH_DATA_DIR__: JSON.stringify(dataDir),
      __DOCGRAPH_CONTENT_DIR__: JSON.stringify(contentDir),
      __DOCGRAPH_TITLE__: JSON.stringify(env.DOCGRAPH_TITLE || 'docgraph'),
    },
    server: { fs: { allow: [projectDir, contentDir, dataDir] } },
    // Vite's pre-bundled dependencies per data folder, not in the shared node_modules/.vite (the build
    // root links node_modules): two dev servers of different sites, or a dev server beside tests,
    // each re-bundled them for its own config and deleted the files the other's pages were loading.
    cacheDir: path.join(dataDir, '.vite'),
    // `npm run dev`: the browser islands' dependencies are pre-bundled when the server starts. Found
    // on the first visit of a graph page instead, Vite bundled them then and reloaded the page.
    optimizeDeps: { include: ['cytoscape', '@dagrejs/dagre', 'zod'] },
    build: {
      rolldownOptions: {
        // Every MDX module warns that Rolldown may not keep Astro's "use astro:head-inject" directive
        // when bundling: a known false alarm (withastro/astro#18087), printed on every build of a site
        // with MDX, the seed's included. Other warnings pass.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    // The browser gets flexsearch's compact build (index, encoder, import; no workers or persistence):
    // the same API as the full build that Node uses, a third of its size.
    resolve: {
      alias: [
        { find: /^flexsearch$/, replacement: path.join(flexsearchDist, 'flexsearch.compact.module.min.js') },
        // The ESM language file imports flexsearch's full module tree for a type; the bundled one does not.
        { find: /^flexsearch\/lang\/en$/, replacement: path.join(flexsearchDist, 'lang/en.min.js') },
      ],
    },
  },
});
