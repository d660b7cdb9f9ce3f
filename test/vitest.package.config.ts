import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run test:package`: docgraph as a user gets it. Packs the project, installs the tarball into an
// empty folder and runs the installed `docgraph` command there (test/package/).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 240_000,
    // npm pack + npm install of the tarball and its dependencies (from npm's cache when it has them).
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
