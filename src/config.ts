// Outside inputs of the build, validated at the boundary: CLI flags and the optional
// `docgraph.yaml` in the content folder. Flags win over the file.
import { z } from 'zod';

export const contentConfigSchema = z.strictObject({
  /** Site title shown in the header. */
  title: z.string().min(1).optional(),
  /** Absolute URL under which the content folder's siblings are published (DocFX-style docs sets). */
  externalDocsBase: z.url({ protocol: /^https?$/ }).optional(),
  /** Canonical origin of the deployed site, e.g. https://docs.example.com */
  site: z.url({ protocol: /^https?$/ }).optional(),
  /** Base path the site is served under, e.g. /docs/ */
  base: z.string().regex(/^\/[\w\-./]*$/).optional(),
});
export type ContentConfig = z.infer<typeof contentConfigSchema>;

export const buildFlagsSchema = z.strictObject({
  content: z.string().min(1).default('content'),
  out: z.string().min(1).default('dist'),
  vocabulary: z.string().min(1).optional(),
  strict: z.boolean().default(false),
  'external-docs-base': z.url({ protocol: /^https?$/ }).optional(),
  site: z.url({ protocol: /^https?$/ }).optional(),
  base: z.string().regex(/^\/[\w\-./]*$/, 'must start with / and contain only letters, digits, -, _, . and /').optional(),
  'no-site': z.boolean().default(false),
  'no-cache': z.boolean().default(false),
  quiet: z.boolean().default(false),
  /** Write the stage times (ms) of this build as JSON to this file (used by `npm run bench`). */
  timings: z.string().min(1).optional(),
  /** Worker threads that parse beside the main one (default: one per spare core, for 50+ documents; 0: none). */
  workers: z.string().regex(/^\d{1,2}$/, 'must be a whole number from 0 to 99').transform(Number).optional(),
  /** Print, for each sentence of this content file that names two entities, the edges it gave or why none. */
  explain: z.string().min(1).optional(),
  /** docgraph's caches and data folder (default `.docgraph` in the folder the command runs from). */
  'cache-dir': z.string().min(1).optional(),
});
export type BuildFlags = z.infer<typeof buildFlagsSchema>;
