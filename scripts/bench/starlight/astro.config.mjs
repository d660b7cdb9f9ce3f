// The Starlight reference site of `npm run bench`: Starlight's starter configuration, nothing tuned.
// The bench copies this file and src/content.config.ts into a temporary project whose
// src/content/docs/ is the fixed copy of the corpus (see README.md), with node_modules linked here.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Office Enterprise 2019 (Starlight reference)',
    }),
  ],
});
