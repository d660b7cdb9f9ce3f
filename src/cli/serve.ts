// `docgraph serve` / `npm run serve [-- --out DIR] [--port N]`: serves a built site (default dist/) on localhost.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../build/project.ts';

const Flags = z.strictObject({ out: z.string().min(1).default('dist'), port: z.coerce.number().int().min(1).max(65535).default(4321) });

/** Starts the server (`argv`: what follows the command name); resolves once it listens. */
export async function runServe(argv: readonly string[]): Promise<undefined> {
  const flags = Flags.parse(parseArgs({ args: [...argv], options: { out: { type: 'string' }, port: { type: 'string' } }, strict: true }).values);
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.DOCGRAPH_OUT = resolve(flags.out);
  const { preview } = await import('astro');
  const server = await preview({ root: PROJECT_ROOT, outDir: resolve(flags.out), server: { port: flags.port, host: 'localhost' }, logLevel: 'info' });
  console.log(`docgraph: serving ${resolve(flags.out)} at http://localhost:${server.port}/`);
  return undefined;
}
