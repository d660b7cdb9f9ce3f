// Astro's incremental build manifest (<cacheDir>/incremental-build.json, written by
// astro/dist/core/build/incremental.js, version 1): the output file and cache key of every keyed page
// of the last build. Read by the cached-page links (cached-pages.ts) and by the kit renderer, which
// also writes it (site-render.ts). A file of another version is not read: Astro then rebuilds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// Loose: a path keeps every field Astro recorded (content hashes, images, headers) when written back.
const PathEntry = z.looseObject({ cacheKey: z.string(), outputFile: z.string() });
const IncrementalManifest = z.looseObject({
  version: z.literal(1),
  routes: z.record(z.string(), z.object({ dependencyHash: z.string(), paths: z.record(z.string(), PathEntry) })),
});
export type IncrementalManifest = z.infer<typeof IncrementalManifest>;
export type ManifestPath = z.infer<typeof PathEntry>;

export const manifestFile = (cacheDir: string): string => join(cacheDir, 'incremental-build.json');

/** The manifest of Astro's last build, or undefined (none, another version, unreadable). */
export function readIncrementalManifest(cacheDir: string): IncrementalManifest | undefined {
  try {
    return IncrementalManifest.parse(JSON.parse(readFileSync(manifestFile(cacheDir), 'utf8')));
  } catch {
    return undefined;
  }
}

/** The output files (relative to the output folder) the manifest records. */
export function recordedPages(manifest: IncrementalManifest | undefined): string[] {
  return Object.values(manifest?.routes ?? {}).flatMap((route) => Object.values(route.paths).map((p) => p.outputFile));
}
