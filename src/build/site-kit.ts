// The site kit: what a full Astro build leaves in the data folder (<data>/.site-kit/) so that the next
// build, when the site's code, configuration and MDX documents are unchanged, renders the pages whose
// data changed without Astro's start-up and Vite bundling (~2 s of the corpus's 3 s warm build; the
// pages read the data folder when they render, so new Markdown content needs no new bundle).
// The kit holds:
//   bundle/    Astro's prerender bundle, as its page generation imports it (the build deletes its own)
//   client/    the client assets the build wrote (<out>/_astro/), linked into each later output
//   kit.json   what the bundle's app needs besides (the build internals it reads: each page's
//              stylesheets, the routes' dependency hashes) and the key it is valid for
// Rendering with it: site-render.ts. Written only by a whole build that succeeded; any build that may
// change what the kit describes removes it first.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'zod';
import { codeHash } from './code-hash.ts';
import { linkTree } from './link-public.ts';
import { dependenciesDir } from './project.ts';

/** Bumped when the kit's layout or kit.json changes. */
const KIT_VERSION = 1;

const Kit = z.object({
  version: z.literal(KIT_VERSION),
  key: z.string(),
  /** The bundle's entry module, in bundle/. */
  entry: z.string().regex(/^[\w.-]+\.mjs$/),
  /** What Astro builds the requests' URLs from (astro.config.mjs via Astro's resolved config). */
  origin: z.string(),
  base: z.string(),
  trailingSlash: z.enum(['always', 'never', 'ignore']),
  /** Pages rendered at once (Astro's build.concurrency). */
  concurrency: z.number().int().positive(),
  /** Astro's client assets folder (build.assets). */
  assets: z.string().regex(/^[\w.-]+$/),
  /** Page data key (route & component) -> the page's stylesheets, as Astro's build internals hold them. */
  styles: z.array(z.tuple([z.string(), z.array(z.unknown())])),
  /** Entry specifier -> built file (the page scripts Astro links). */
  specifiers: z.array(z.tuple([z.string(), z.string()])),
  /** Route component -> the hash of its code, which Astro's incremental manifest records. */
  dependencyHashes: z.array(z.tuple([z.string(), z.string()])),
  /** Scripts integrations inject (Astro's settings.scripts). */
  scripts: z.array(z.unknown()),
});
export type SiteKit = z.infer<typeof Kit>;

export const kitDir = (dataDir: string): string => join(dataDir, '.site-kit');

export interface KitKeyInputs {
  /** The project (its code, astro.config.mjs, lock file). */
  root: string;
  contentDir: string;
  outDir: string;
  /** The data folder the kit lives in: the folders above are keyed by their path from it. */
  dataDir: string;
  /** The DOCGRAPH_* variables astro.config.mjs reads. */
  env: NodeJS.ProcessEnv;
  /** The content's MDX files (relative paths), compiled into the bundle. */
  mdxFiles: readonly string[];
}

/**
 * What the bundle is made from: docgraph's code and dependencies, the Astro configuration and what it
 * reads, Node, and the MDX documents (compiled into the bundle; Markdown is not).
 */
export function kitKey(inputs: KitKeyInputs): string {
  const hash = createHash('sha256');
  const part = (text: string | Buffer) => hash.update(text).update('\0');
  part(`kit ${KIT_VERSION} ${process.version}`);
  part(codeHash(inputs.root));
  part(readFileSync(join(inputs.root, 'astro.config.mjs')));
  // Folders by their path from the data folder, never absolute: a cache restored at another checkout
  // path or on another machine (CI) keeps its key when the layout around it is the same.
  const from = (folder: string): string => (isAbsolute(folder) ? relative(inputs.dataDir, folder).split(sep).join('/') : folder);
  part(from(inputs.outDir));
  for (const name of Object.keys(inputs.env).filter((n) => n.startsWith('DOCGRAPH_')).sort()) part(`${name}=${from(inputs.env[name] ?? '')}`);
  for (const path of [...inputs.mdxFiles].sort()) {
    part(path);
    part(readFileSync(join(inputs.contentDir, path)));
  }
  return hash.digest('hex');
}

/** The kit for `key`, or undefined (none, another key, or unreadable: the build then runs whole). */
export function loadKit(dataDir: string, key: string): SiteKit | undefined {
  const dir = kitDir(dataDir);
  try {
    const kit = Kit.parse(JSON.parse(readFileSync(join(dir, 'kit.json'), 'utf8')));
    if (kit.key !== key || !existsSync(join(dir, 'bundle', kit.entry))) return undefined;
    linkDependencies(dir);
    return kit;
  } catch {
    return undefined;
  }
}

/**
 * Points the kit's node_modules link at this installation's dependencies. A kit restored from a cache
 * made at another path (CI) holds a link to where the dependencies were there.
 */
function linkDependencies(dir: string): void {
  const link = join(dir, 'node_modules');
  const target = dependenciesDir();
  let current: string | undefined;
  try {
    current = readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current === target) return;
  rmSync(link, { recursive: true, force: true });
  symlinkSync(target, link, 'dir');
}

function removeKit(dataDir: string): void {
  rmSync(kitDir(dataDir), { recursive: true, force: true });
  rmSync(`${kitDir(dataDir)}.new`, { recursive: true, force: true });
}

/** Astro's prerender folder: under the output folder when that is below the working folder, else .astro/. */
function prerenderDir(outDir: URL): string {
  const out = fileURLToPath(outDir);
  return join(out.startsWith(process.cwd()) ? out : join(process.cwd(), '.astro'), '.prerender');
}

interface BuildApp {
  setInternals(internals: unknown): void;
  getSettings(): { scripts: unknown[] };
}

interface Internals {
  pagesByKeys: Map<string, { styles: unknown[] }>;
  entrySpecifierToBundleMap: Map<string, string>;
  pageDependencyHashes?: Map<string, string>;
}

/**
 * The integration that makes the kit during a whole build: it copies the bundle when page generation
 * starts (through Astro's prerenderer hook, around the default prerenderer), reads the internals
 * Astro hands the bundle's app, and copies the client assets once the build is done. Nothing is
 * written to <data>/.site-kit/ unless the build succeeds.
 */
export function captureKit(dataDir: string, key: string): AstroIntegration {
  const staging = `${kitDir(dataDir)}.new`;
  let config: Pick<SiteKit, 'origin' | 'base' | 'trailingSlash' | 'concurrency' | 'assets'> | undefined;
  let outDir: URL | undefined;
  let captured: Pick<SiteKit, 'entry' | 'styles' | 'specifiers' | 'dependencyHashes' | 'scripts'> | undefined;

  async function copyBundle(): Promise<BuildApp | undefined> {
    if (!outDir) return undefined;
    const source = prerenderDir(outDir);
    const entry = readdirSync(source).find((name) => /^prerender-entry.*\.mjs$/.test(name));
    if (!entry) return undefined;
    cpSync(source, join(staging, 'bundle'), { recursive: true });
    // Imported first here, at the URL Astro imports it from (the same module): its app then reports
    // the internals Astro gives it. The public hooks do not expose them.
    const module = (await import(pathToFileURL(join(source, entry)).href)) as { app?: BuildApp };
    const app = module.app;
    if (!app) return undefined;
    const setInternals = app.setInternals.bind(app);
    app.setInternals = (value: unknown) => {
      const internals = value as Internals;
      captured = {
        entry,
        styles: [...internals.pagesByKeys].map(([pageKey, page]) => [pageKey, page.styles]),
        specifiers: [...internals.entrySpecifierToBundleMap],
        dependencyHashes: [...(internals.pageDependencyHashes ?? new Map<string, string>())],
        scripts: [],
      };
      setInternals(value);
    };
    return app;
  }

  return {
    name: 'docgraph:site-kit',
    hooks: {
      'astro:config:done': ({ config: c }) => {
        config = {
          // As Astro's build computes it (astro/dist/core/build/index.js).
          origin: c.site ? new URL(c.site).origin : `http://localhost:${c.server.port}`,
          base: c.base,
          trailingSlash: c.trailingSlash,
          concurrency: c.build.concurrency,
          assets: c.build.assets,
        };
        outDir = c.outDir;
        removeKit(dataDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((fallback) => ({
          name: 'docgraph:site-kit',
          setup: async () => {
            const app = await copyBundle().catch(() => undefined);
            await fallback.setup?.();
            if (app && captured) captured.scripts = app.getSettings().scripts;
            else captured = undefined;
          },
          getStaticPaths: () => fallback.getStaticPaths(),
          render: (request, options) => fallback.render(request, options),
          teardown: async () => fallback.teardown?.(),
        }));
      },
      'astro:build:done': ({ dir }) => {
        if (!config || !captured) return;
        const assets = join(fileURLToPath(dir), config.assets);
        if (existsSync(assets)) linkTree(assets, join(staging, 'client', config.assets));
        // The bundle's chunks import their dependencies by name: from <data>/.site-kit/bundle/ Node
        // looks for them in the folders above, which this link makes docgraph's node_modules.
        symlinkSync(dependenciesDir(), join(staging, 'node_modules'), 'dir');
        const kit: SiteKit = { version: KIT_VERSION, key, ...config, ...captured };
        writeFileSync(join(staging, 'kit.json'), `${JSON.stringify(kit)}\n`);
        // The last kit went when this build started (astro:config:done).
        renameSync(staging, kitDir(dataDir));
      },
    },
  };
}
