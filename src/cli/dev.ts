// `docgraph dev` / `npm run dev [-- --content DIR] [--vocabulary FILE] [--port N] [--cache-dir DIR]`: the site with hot reload. The
// pipeline runs once, then again whenever a Markdown/MDX file of the content folder, its
// docgraph.yaml or the vocabulary changes; the data folder is rewritten and the browser reloads.
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { constants } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { AstroIntegration } from 'astro';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lookup } from 'mrmime';
import { formatSummary } from '../pipeline/report.ts';
import { RESIDENT_DATA } from '../outputs/site-data.ts';
import { buildData } from '../build/build-data.ts';
import { buildRootsDir, cacheDirFor, chooseVocabulary, dataDirFor, PROJECT_ROOT, readContentConfig } from '../build/project.ts';
import { makeBuildRoot } from '../build/site-build.ts';
import { createResident } from '../build/resident.ts';

const Flags = z.strictObject({
  content: z.string().min(1).default('content'),
  vocabulary: z.string().min(1).optional(),
  port: z.coerce.number().int().min(1).max(65535).default(4321),
  'cache-dir': z.string().min(1).optional(),
});

/** Starts the dev server (`argv`: what follows the command name); resolves once it listens. */
export async function runDev(argv: readonly string[]): Promise<undefined> {
  const flags = Flags.parse(parseArgs({ args: [...argv], options: { content: { type: 'string' }, vocabulary: { type: 'string' }, port: { type: 'string' }, 'cache-dir': { type: 'string' } }, strict: true }).values);
  const contentDir = resolve(flags.content);
  const dataDir = dataDirFor(flags['cache-dir']);
  const vocabularyPath = chooseVocabulary(contentDir, flags.vocabulary);
  // The previous build's results and data, in memory: a rebuild reuses them (src/build/resident.ts).
  const resident = createResident();

  async function rebuild(): Promise<void> {
    const config = await readContentConfig(contentDir);
    const started = performance.now();
    const stages: string[] = [];
    let reused = '';
    const result = await buildData({
      contentDir,
      dataDir,
      vocabularyPath,
      externalDocsBase: config.externalDocsBase,
      base: config.base ?? '/',
      site: config.site,
      title: config.title,
      resident,
      onStage: (stage, ms) => stages.push(`${stage} ${Math.round(ms)} ms`),
      onCache: ({ hits, misses, stages: later }) => {
        const total = hits + misses;
        const matched = later.mentions ? `, matched ${later.mentions.misses}` : '';
        reused = `; ${misses} of ${total} documents parsed${matched}`;
      },
    });
    // The page modules (Vite's module graph, this process) read it from here (src/lib/data.ts).
    Object.assign(globalThis, { [RESIDENT_DATA]: resident.served?.data });
    console.log(`${formatSummary(result.report, { maxProblems: 5 })}\n  rebuilt in ${Math.round(performance.now() - started)} ms (${stages.join(', ')}${reused})`);
  }

  const config = await readContentConfig(contentDir);
  // The site's base path and URL as `npm run build` gives them to Astro (docgraph.yaml): article links
  // are written with the same base the dev server serves pages under.
  Object.assign(process.env, {
    DOCGRAPH_DATA: dataDir,
    DOCGRAPH_CONTENT: contentDir,
    DOCGRAPH_TITLE: config.title ?? '',
    DOCGRAPH_BASE: config.base ?? '/',
    ...(config.site ? { DOCGRAPH_SITE: config.site } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  await rebuild();

  const watched = (file: string): boolean =>
    file === vocabularyPath || (file.startsWith(contentDir + sep) && /\.(mdx?|ya?ml)$/i.test(file));

  const hotReload: AstroIntegration = {
    name: 'docgraph-hot-reload',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          servePublic(req, res).then(
            (served) => served || next(),
            (error: unknown) => (res.headersSent ? res.destroy(error as Error) : next(error)),
          );
        });
        server.watcher.add([contentDir, vocabularyPath]);
        let timer: NodeJS.Timeout | undefined;
        let running = Promise.resolve();
        server.watcher.on('all', (_event, file) => {
          if (!watched(resolve(file))) return;
          clearTimeout(timer);
          // Editors save in bursts (temp file, rename): one rebuild per burst.
          timer = setTimeout(() => {
            running = running
              .then(rebuild)
              .then(() => {
                // Astro caches getStaticPaths() results until a module changes: announce the data
                // reader as changed, so pages (entity pages included) are computed from the new data.
                server.watcher.emit('change', join(PROJECT_ROOT, 'src', 'lib', 'data.ts'));
                server.ws.send({ type: 'full-reload' });
              })
              .catch((error: unknown) => console.error(`docgraph: rebuild failed: ${error instanceof Error ? error.message : String(error)}`));
          }, 150);
        });
      },
    },
  };

  /**
   * graph.json, the graph views, search index, report and exports: made from the last build when asked
   * for (src/build/served-outputs.ts). False when `url` is not one of them.
   */
  async function servePublic(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    // Vite has taken the site's base path (DOCGRAPH_BASE) off the URL already.
    const file = resident.served?.outputs.get(path.slice(1));
    if (!file) return false;
    res.setHeader('Content-Type', lookup(path) ?? 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'HEAD') res.end();
    else await pipeline(Readable.from(file.chunks()), res);
    return true;
  }

  // Astro's root is a folder of the cache folder, as for a build (src/build/site-build.ts makeBuildRoot):
  // Astro writes .astro/ and Vite its dependency cache under it, never inside an installed docgraph.
  const root = await makeBuildRoot(buildRootsDir(cacheDirFor(flags['cache-dir'])));
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(128 + constants.signals[signal]));
  const { dev } = await import('astro');
  await dev({ root, configFile: relative(root, join(PROJECT_ROOT, 'astro.config.mjs')), server: { port: flags.port, host: 'localhost' }, integrations: [hotReload] });
  return undefined;
}
