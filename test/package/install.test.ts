// The installed command: `npm pack`, the tarball installed into an empty folder, and `npx docgraph`
// run there as a user runs it, with content, output and caches relative to that folder. Node 22 is
// first on the PATH (the project's pinned Node, which runs this test); then the system's older Node
// (/usr/bin/node, 20 on this machine) must get a message, not a stack trace.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/build/free-port.ts';
import { fixture, PROJECT_ROOT } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const exec = promisify(execFile);
const NODE_22_BIN = dirname(process.execPath);
const OLD_NODE = '/usr/bin/node';

/**
 * The environment of a user's shell: `bin` first on the PATH, none of the variables this project's
 * npm script and vitest set (Astro's dev server changes its ways under VITEST).
 */
function userEnv(bin: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(DOCGRAPH_|npm_|VITEST|TEST$|NODE_ENV$)/.test(name)));
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== NODE_22_BIN && !dir.endsWith(join('node_modules', '.bin')));
  return { ...env, PATH: [bin, ...path].join(delimiter), ASTRO_TELEMETRY_DISABLED: '1' };
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cwd: string, args: string[], bin = NODE_22_BIN): Promise<Result> {
  try {
    const { stdout, stderr } = await exec('npx', ['--no-install', ...args], { cwd, env: userEnv(bin), maxBuffer: 16 * 2 ** 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every file under `dir` with its size and modification time: what a build must leave as it was. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

/**
 * Starts `docgraph <args> --port N` (the installed bin itself, as npx runs it: killing npx would leave
 * the server running), waits for `ready` in its output, fetches `path`, and stops it.
 */
async function whileServing(args: string[], path: string, ready: string): Promise<{ status: number; text: string; output: string }> {
  const port = await freePort();
  const server = spawn(join(app, 'node_modules', '.bin', 'docgraph'), [...args, '--port', String(port)], { cwd: app, env: userEnv(NODE_22_BIN), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(ready)) resolve();
      };
      server.stdout.on('data', read);
      server.stderr.on('data', read);
      server.on('exit', (code) => reject(new Error(`docgraph ${args[0]} exited ${code}: ${output}`)));
    });
    const response = await fetch(`http://localhost:${port}${path}`);
    return { status: response.status, text: await response.text(), output };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

let app = '';
let installed = '';
let before: string[] = [];
let version = '';

beforeAll(async () => {
  const work = await tempDir('docgraph-package-');
  const env = userEnv(NODE_22_BIN);
  const { stdout } = await exec('npm', ['pack', '--silent', '--pack-destination', work], { cwd: PROJECT_ROOT, env });
  const tarball = join(work, stdout.trim().split('\n').at(-1) ?? '');
  app = join(work, 'app');
  await cp(fixture('package', 'clean'), join(app, 'docs'), { recursive: true });
  await cp(fixture('package', 'broken'), join(app, 'broken'), { recursive: true });
  await writeFile(join(app, 'package.json'), `${JSON.stringify({ name: 'docgraph-user', private: true })}\n`);
  await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, env, maxBuffer: 16 * 2 ** 20 });
  installed = join(app, 'node_modules', 'docgraph');
  before = listing(installed);
  version = (JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
});

describe('the installed docgraph command', () => {
  it('ships the command and its sources, not the tests or the content', () => {
    expect(existsSync(join(installed, 'scripts', 'docgraph.js'))).toBe(true);
    expect(existsSync(join(installed, 'src', 'cli', 'main.ts'))).toBe(true);
    expect(existsSync(join(installed, 'test'))).toBe(false);
    expect(existsSync(join(installed, 'content', 'office-365-integration.md'))).toBe(false);
    // Dependencies are the user's (hoisted), as npm installs them.
    expect(existsSync(join(app, 'node_modules', 'astro'))).toBe(true);
  });

  it('--version prints the version', async () => {
    const r = await run(app, ['docgraph', '--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('builds a folder relative to where it runs, MDX included, with its caches in ./.docgraph', async () => {
    const r = await run(app, ['docgraph', 'build', '--content', 'docs', '--out', 'site']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 documents');
    const graph = JSON.parse(await readFile(join(app, 'site', 'graph.json'), 'utf8')) as { nodes: { id: string }[] };
    expect(graph.nodes.map((n) => n.id)).toContain('azure-ad-connect');
    // The MDX page went through Astro's content layer and its EntityLink component.
    const mdx = await readFile(join(app, 'site', 'docs', 'guide', 'sign-in', 'index.html'), 'utf8');
    expect(mdx).toContain('Package test handbook');
    expect(mdx).toMatch(/href="\/entities\/azure-ad-connect\/"/);
    expect(existsSync(join(app, 'site', 'docs', 'index.html')) || existsSync(join(app, 'site', 'docs', 'index', 'index.html'))).toBe(true);
    expect(existsSync(join(app, '.docgraph', 'data', 'site.json'))).toBe(true);
  });

  it('builds again from its caches (the site kit) and finds pages with search', async () => {
    const r = await run(app, ['docgraph', 'build', '--content', 'docs', '--out', 'site', '--quiet']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const found = await run(app, ['docgraph', 'search', '--site', 'site', '--json', 'password hash']);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('/docs/guide/sign-in/');
  });

  it('check exits 0 on a clean folder and 1 on a broken link, naming file:line', async () => {
    const clean = await run(app, ['docgraph', 'check', '--content', 'docs']);
    expect(clean.code).toBe(0);
    const broken = await run(app, ['docgraph', 'check', '--content', 'broken', '--cache-dir', 'check-cache']);
    expect(broken.code).toBe(1);
    expect(broken.stdout + broken.stderr).toContain('index.md:7:');
    expect(existsSync(join(app, 'check-cache', 'data'))).toBe(true);
  });

  it('serves the built site', async () => {
    const page = await whileServing(['serve', '--out', 'site'], '/docs/guide/sign-in/', 'docgraph: serving');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sign-in');
  });

  it('serves the folder with hot reload (dev)', async () => {
    const page = await whileServing(['dev', '--content', 'docs'], '/docs/guide/sign-in/', 'watching for file changes');
    expect(page.status, `${page.output}\n${page.text.slice(0, 600)}`).toBe(200);
    expect(page.text).toContain('Package test handbook');
  });

  it('wrote nothing inside the installed package', () => {
    expect(listing(installed)).toEqual(before);
  });

  it.runIf(existsSync(OLD_NODE))('with an older Node first on the PATH, says which Node it needs and exits 2 without a stack trace', async () => {
    const { stdout: old } = await exec(OLD_NODE, ['--version']);
    expect(old).toMatch(/^v(1\d|20|21)\./);
    const r = await run(app, ['docgraph', 'build', '--content', 'docs', '--out', 'site'], dirname(OLD_NODE));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`docgraph needs Node.js 22.18 or newer; this is Node.js ${old.trim().slice(1)}`);
    expect(r.stderr).toContain('nvm install 22');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
