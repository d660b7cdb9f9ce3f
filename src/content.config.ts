// MDX documents are compiled by Astro from the content folder (Markdown documents are not: their sanitized
// HTML comes from the data folder). Entry ids are content-relative paths, the same as SiteDocument.path,
// so pages can pair each MDX SiteDocument with its entry.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const docs = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: __DOCGRAPH_CONTENT_DIR__,
    generateId: ({ entry }) => entry,
  }),
  // No schema: front matter is validated by the pipeline, and pages read titles from site.json.
});

export const collections = { docs };
