// `docgraph search` / `npm run search -- --site DIR [--limit N] [--json] [--prefix] "query"`
// Loads the exported search index of a built site (DIR/search/, or a data folder's public/search/)
// and prints the ranked pages with the same code the browser runs. With --json: one JSON object per
// line, {rank, url, title, section, score}. Exit 0 (also when nothing matched), 2 on bad flags or
// when DIR holds no index.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createSearcher } from '../search/query.ts';

const Flags = z.strictObject({
  site: z.string().min(1, 'name the built site folder'),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  json: z.boolean().default(false),
  prefix: z.boolean().default(false),
  query: z.string().trim().min(1, 'give a query').max(200, 'at most 200 characters'),
});

/** The index folder of a site: `dist/search/` after a build, `public/search/` in a data folder. */
export function indexDir(site: string): string | undefined {
  return [join(site, 'search'), join(site, 'public', 'search')].find((d) => existsSync(join(d, 'manifest.json')));
}

/** Runs `search` with its flags and query (`argv`: what follows the command name); the exit code. */
export async function runSearch(argv: readonly string[]): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: { site: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, prefix: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    console.error(`docgraph search: ${(error as Error).message}`);
    return 2;
  }
  const parsed = Flags.safeParse({ ...values, query: positionals.join(' ') });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`docgraph search: ${issue.path.join('.') || 'flags'}: ${issue.message}`);
    return 2;
  }
  const flags = parsed.data;
  const dir = indexDir(resolve(flags.site));
  if (!dir) {
    console.error(`docgraph search: --site ${flags.site}: no search index (search/manifest.json); build the site first`);
    return 2;
  }
  const searcher = createSearcher(async (path) => JSON.parse(await readFile(join(dir, path), 'utf8')) as unknown);
  const response = await searcher.search(flags.query, { limit: flags.limit, prefix: flags.prefix });
  if (flags.json) {
    for (const hit of response.hits) console.log(JSON.stringify({ rank: hit.rank, url: hit.url, title: hit.title, section: hit.section, score: hit.score }));
    return 0;
  }
  if (response.entity) console.log(`[${response.entity.label} — ${response.entity.type}${response.entity.summary ? ` — ${response.entity.summary}` : ''}] ${response.entity.url}`);
  if (response.hits.length === 0) console.log(`no results for "${flags.query}"`);
  for (const hit of response.hits) {
    console.log(`${String(hit.rank).padStart(2)}. ${hit.title}${hit.section ? ` > ${hit.section}` : ''}  (${hit.score})\n    ${hit.url}\n    ${hit.excerpt.text}`);
  }
  return 0;
}
