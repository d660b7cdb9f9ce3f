import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run test:corpus`: the suite that needs ../shared/corpus (run by .ci/run after `npm test`).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/corpus/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
