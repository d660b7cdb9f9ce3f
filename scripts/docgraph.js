#!/usr/bin/env node
// `docgraph <command> [flags]`, the installed command (package.json `bin`). Plain JavaScript that any
// Node runs far enough to say which Node docgraph needs (package.json `engines`). It starts
// src/cli/main.ts in a Node process of its own, for two flags no running process can give itself:
// - the heap settings of the command's npm script (package.json `scripts`, e.g. build's
//   --max-old-space-size=1024 --max-semi-space-size=64; src/build/heap-budget.ts), so that the bin
//   and `npm run build` run alike;
// - `--import` of the hook that strips TypeScript types from docgraph's files when they sit under
//   node_modules (src/cli/strip-types.mjs). Node hands both flags on to the worker threads and child
//   processes the build starts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [major, minor] = process.versions.node.split('.').map(Number);
const [, needMajor, needMinor] = /(\d+)\.(\d+)/.exec(manifest.engines.node).map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(
    `docgraph needs Node.js ${needMajor}.${needMinor} or newer; this is Node.js ${process.versions.node} (${process.execPath}).\n` +
      `Install Node.js ${needMajor} (https://nodejs.org/en/download, or \`nvm install ${needMajor}\`), put it first on your PATH and run docgraph again.`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const script = Object.hasOwn(manifest.scripts, args[0] ?? '') ? manifest.scripts[args[0]] : '';
const heapFlags = script.split(/\s+/).filter((word) => /^--max-[a-z-]+=\d+$/.test(word));
const hook = new URL('../src/cli/strip-types.mjs', import.meta.url).href;
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const child = spawn(process.execPath, [...heapFlags, '--import', hook, main, ...args], { stdio: 'inherit' });
// Ctrl-C reaches both processes; this one waits for the command to end and exits as it did.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)));
child.on('error', (error) => {
  console.error(`docgraph: could not start ${process.execPath}: ${error.message}`);
  process.exit(2);
});
