// MDX documents are compiled by Astro from the content folder (Markdown documents are not: their sanitized
// HTML comes from the data folder). Entry ids are content-relative paths, the same as SiteDocument.path,
// so pages can pair each MDX SiteDocument with its entry.
//
// Only the MDX files the pipeline parsed are compiled: one that does not parse is already reported with
// file:line, and compiling it would stop the whole site build ("one bad file never stops the others").
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { SiteData } from './outputs/site-data.ts';

function parsedMdxPaths(): string[] {
  const file = path.join(__DOCGRAPH_DATA_DIR__, 'site.json');
  if (!existsSync(file)) return [];
  const site = JSON.parse(readFileSync(file, 'utf8')) as SiteData;
  // Paths are matched literally: glob metacharacters in file names are escaped.
  return site.documents.filter((d) => d.format === 'mdx').map((d) => d.path.replace(/[*?[\]{}()!+@]/g, '\\$&'));
}

const patterns = parsedMdxPaths();

const docs = defineCollection({
  loader: glob({
    // A pattern that matches nothing when there is no MDX document.
    pattern: patterns.length > 0 ? patterns : '__no-mdx-documents__/*.mdx',
    base: __DOCGRAPH_CONTENT_DIR__,
    generateId: ({ entry }) => entry,
  }),
  // No schema: front matter is validated by the pipeline, and pages read titles from site.json.
});

export const collections = { docs };
