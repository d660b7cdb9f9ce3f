import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm test`: everything that runs on a fresh clone, without ../shared.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts', 'test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser tests share one built site and one Chromium; unit tests are cheap.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
