// Builds the site ONCE from content/ with the real CLI, serves it on a free 127.0.0.1 port, and hands the
// URL (and the data folder, for contract checks) to the tests through vitest's provide/inject.
//
// DOCGRAPH_TEST_SITE=<dist> DOCGRAPH_TEST_DATA=<data> skip the build and serve an already built site
// (quick iterations on the tests themselves).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site, e.g. `http://127.0.0.1:41234` (no trailing slash). */
    siteUrl: string;
    /** The data folder the CLI wrote for that site. */
    dataDir: string;
  }
}

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`\`${command} ${args.join(' ')}\` exited with ${code}:\n${output.slice(-6000)}`)),
    );
  });
}

async function buildSite(): Promise<{ outDir: string; dataDir: string; cleanup: () => Promise<void> }> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'docgraph-browser-'));
  const outDir = path.join(tmp, 'site');
  const dataDir = path.join(tmp, 'data');
  await run('npm', ['run', 'build', '--', '--content', 'content', '--out', outDir], {
    ...process.env,
    DOCGRAPH_DATA: dataDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  return { outDir, dataDir, cleanup: () => rm(tmp, { recursive: true, force: true }) };
}

function serve(dir: string): Promise<Server> {
  const assets = sirv(dir, { dev: false, etag: true, dotfiles: false });
  const server = createServer((req, res) =>
    assets(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
    }),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export default async function setup(project: TestProject) {
  // @sparticuz/chromium unpacks its binary into the temporary folder on first use: done here once, as
  // test files that launched at the same moment on a fresh machine raced on it (spawn ETXTBSY).
  await sparticuz.executablePath();
  const prebuilt = process.env.DOCGRAPH_TEST_SITE;
  const site = prebuilt
    ? { outDir: path.resolve(prebuilt), dataDir: path.resolve(process.env.DOCGRAPH_TEST_DATA ?? ''), cleanup: async () => {} }
    : await buildSite();
  const server = await serve(site.outDir);
  const { port } = server.address() as AddressInfo;
  project.provide('siteUrl', `http://127.0.0.1:${port}`);
  project.provide('dataDir', site.dataDir);

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await site.cleanup();
  };
}
