// MDX documents are compiled by Astro from the cleaned copies the build writes to <data>/mdx/ (content MDX
// may not run code: see src/pipeline/mdx-policy.ts); Markdown documents are not compiled at all: their
// sanitized HTML comes from the data folder. Entry ids are content-relative paths, the same as SiteDocument.path,
// so pages can pair each MDX SiteDocument with its entry.
//
// Only the MDX files the pipeline parsed are compiled: one that does not parse is already reported with
// file:line, and compiling it would stop the whole site build ("one bad file never stops the others").
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { MDX_DOCUMENTS_FILE } from './outputs/site-data.ts';

function parsedMdxPaths(): string[] {
  // Written by the build before Astro starts compiling (src/build/build-data.ts), which may be
  // before site.json: the site build runs beside the pipeline.
  const file = path.join(__DOCGRAPH_DATA_DIR__, MDX_DOCUMENTS_FILE);
  if (!existsSync(file)) return [];
  const paths = JSON.parse(readFileSync(file, 'utf8')) as string[];
  // Paths are matched literally: glob metacharacters in file names are escaped.
  return paths.map((p) => p.replace(/[*?[\]{}()!+@]/g, '\\$&'));
}

const patterns = parsedMdxPaths();
const mdxDir = path.join(__DOCGRAPH_DATA_DIR__, 'mdx');

const docs = defineCollection({
  // No MDX document, no files to look for (a glob that matches nothing makes Astro warn on every build).
  loader: patterns.length === 0 ? () => [] : glob({
    pattern: patterns,
    // The cleaned copies the build wrote (src/outputs/mdx-source.ts), never the files as written.
    // (Before the first build there is no such folder and nothing to match: any existing folder will do.)
    base: existsSync(mdxDir) ? mdxDir : __DOCGRAPH_CONTENT_DIR__,
    generateId: ({ entry }) => entry,
  }),
  // No schema: front matter is validated by the pipeline, and pages read titles from site.json.
});

export const collections = { docs };
