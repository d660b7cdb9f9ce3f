// Temporary folders for tests, removed when the test file has run (a run of the suites left ~130
// folders of built sites and caches in /tmp). Importing this module registers the clean-up, so it
// must be imported by the test file (or a helper it imports), not first loaded inside a test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A new empty folder under the system's temporary folder, named `<prefix>XXXXXX`. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
