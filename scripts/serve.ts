// `npm run serve [-- --out DIR] [--port N]`: serves a built site (default dist/) on localhost.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/build/project.ts';

const flags = z
  .strictObject({ out: z.string().min(1).default('dist'), port: z.coerce.number().int().min(1).max(65535).default(4321) })
  .parse(parseArgs({ options: { out: { type: 'string' }, port: { type: 'string' } }, strict: true }).values);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.DOCGRAPH_OUT = resolve(flags.out);
const { preview } = await import('astro');
const server = await preview({ root: PROJECT_ROOT, outDir: resolve(flags.out), server: { port: flags.port, host: 'localhost' }, logLevel: 'info' });
console.log(`docgraph: serving ${resolve(flags.out)} at http://localhost:${server.port}/`);
