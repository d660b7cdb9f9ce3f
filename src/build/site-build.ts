// The Astro site build, in a process of its own that starts beside the pipeline. Astro's start-up,
// content sync and Vite bundling need none of the pipeline's data, only the MDX documents to compile;
// on 2 cores they take the second one while the pipeline (one thread) works on the first, and the
// child waits for the data before it renders pages (src/build/site-child.ts).
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dependenciesDir } from './project.ts';

export interface SiteBuildOptions {
  /** docgraph's own folder (astro.config.mjs, src/). */
  root: string;
  /** Where each Astro build gets its own root folder: the cache folder, in the folder docgraph runs from. */
  workDir: string;
  /** The content folder: Astro's content sync runs only when it holds MDX. */
  contentDir: string;
  /** The data folder the pipeline writes (DOCGRAPH_DATA); the site kit lives in it (site-kit.ts). */
  dataDir: string;
  outDir: string;
  /** Astro's cacheDir: its incremental manifest and the copies of its pages. */
  cacheDir: string;
  /**
   * Whether the output folder is to be emptied first. Not when the build set the last one aside: the
   * child then links the cached copies of the last build's pages into it for Astro to keep, unless
   * `force` (src/build/cached-pages.ts).
   */
  emptyOut: boolean;
  /** The child's whole environment, with the DOCGRAPH_* variables of astro.config.mjs. */
  env: NodeJS.ProcessEnv;
  quiet: boolean;
  /** Render every page (`--no-cache`), not only those whose data changed. */
  force: boolean;
}

/** Parent -> child: what is ready. Child -> parent: what it waits for (tests watch the order). */
export type SiteBuildMessage = { ready: 'sources' | 'data' } | { waiting: 'sources' | 'data' };

export interface SiteBuild {
  /** The MDX documents to compile are final (build-data.ts onSourcesReady). */
  sourcesReady(): void;
  /** Every file of the data folder is written: pages may be rendered. */
  dataReady(): void;
  /** Stops the build (the pipeline failed). */
  cancel(): void;
  /** Whether the site was built. */
  readonly done: Promise<boolean>;
  /** Called with each message of the child. */
  onMessage?: (message: SiteBuildMessage) => void;
}

export const SITE_CHILD = fileURLToPath(new URL('./site-child.ts', import.meta.url));

export function startSiteBuild(options: SiteBuildOptions): SiteBuild {
  // The parent's own Node flags (its heap limit) carry over.
  const child = fork(SITE_CHILD, [JSON.stringify({ root: options.root, workDir: options.workDir, contentDir: options.contentDir, dataDir: options.dataDir, outDir: options.outDir, cacheDir: options.cacheDir, emptyOut: options.emptyOut, quiet: options.quiet, force: options.force })], {
    env: options.env,
    stdio: 'inherit',
  });
  // Below the pipeline's priority: on two cores, Astro's start-up and bundling should take the core
  // the pipeline leaves idle, not slow the pipeline (the longer of the two). Once the pipeline is done
  // nothing competes with the page rendering.
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, 10);
    } catch {
      // Not allowed here: the site build runs at the pipeline's priority.
    }
  }
  const sent = new Set<string>();
  const send = (ready: 'sources' | 'data') => {
    if (sent.has(ready) || !child.connected) return;
    sent.add(ready);
    child.send({ ready } satisfies SiteBuildMessage);
  };
  const build: SiteBuild = {
    sourcesReady: () => send('sources'),
    dataReady: () => {
      send('sources');
      send('data');
    },
    cancel: () => child.kill(),
    done: new Promise((resolve) => {
      child.on('error', () => resolve(false));
      child.on('exit', (code) => resolve(code === 0));
    }),
  };
  child.on('message', (message) => build.onMessage?.(message as SiteBuildMessage));
  return build;
}

/**
 * A new root folder for one Astro build or dev server, in `workDir` (project.ts buildRootsDir). Astro
 * keeps per-build files under its root (.astro/, the prerender chunks), so two at once get two roots.
 * The chunks import their dependencies by name: a link to docgraph's node_modules lets them find them
 * wherever the folder is. Working folders of killed builds older than a day are removed first.
 */
export async function makeBuildRoot(workDir: string): Promise<string> {
  await mkdir(workDir, { recursive: true });
  await removeStaleBuildFolders(workDir);
  const root = await mkdtemp(join(workDir, 'site-build-'));
  await symlink(dependenciesDir(), join(root, 'node_modules'), 'dir');
  return root;
}

/** A day: no build runs that long, so an older working folder is a killed build's. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Working folders that killed builds left (each removes its own when it ends). */
export async function removeStaleBuildFolders(dir: string, now = Date.now()): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('site-build-')) continue;
    const folder = join(dir, entry.name);
    // Gone meanwhile: another build's, ended.
    const made = await stat(folder).catch(() => undefined);
    if (made && now - made.mtimeMs > STALE_MS) await rm(folder, { recursive: true, force: true });
  }
}
