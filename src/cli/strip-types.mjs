// Loaded with `--import` into every Node process of an installed docgraph (scripts/docgraph.js; Node
// hands its flags on to worker threads and child processes). Node strips TypeScript types itself but
// refuses to for files under node_modules (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), which is
// where an installed docgraph's src/ is. This hook strips docgraph's own files the same way (same
// function, same result: whitespace in place of types, so line numbers hold), and only those.
// Plain JavaScript: it runs before any TypeScript can be loaded.
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

const PACKAGE = new URL('../../', import.meta.url).href;

// Node 22 calls the function experimental on first use, in every process and thread: the same
// stripping it does unflagged for files outside node_modules, so the warning would only be noise.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  if (typeof warning === 'string' && warning.startsWith('stripTypeScriptTypes is an experimental')) return;
  return emitWarning.call(this, warning, ...rest);
};

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith(PACKAGE) || !url.endsWith('.ts') || !url.includes('/node_modules/')) return nextLoad(url, context);
    const source = stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8'), { mode: 'strip', sourceUrl: url });
    return { format: 'module', source, shortCircuit: true };
  },
});
