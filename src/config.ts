// Outside inputs of the build, validated at the boundary: CLI flags and the optional
// `docgraph.yaml` in the content folder. Flags win over the file.
import { z } from 'zod';

/** A file inside the content folder, given relative to it (`/` separators, no `..`). */
const contentPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), 'must be a path relative to the content folder (no leading /, no .., / as separator)');
const hexColour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #0b7a75 or #0b7');
/** Where a footer link may point: the web, an e-mail address or a page of this site. Never `javascript:`. */
const linkHref = z
  .string()
  .refine(
    (h) => (/^https?:\/\/[^/\s]/i.test(h) && URL.canParse(h)) || /^mailto:[^\s]+$/i.test(h) || /^\/(?!\/)\S*$/.test(h),
    'must be an http(s) URL, a mailto: address or a site path starting with / (e.g. /docs/about/)',
  );
const text = z.string().trim().min(1, 'must not be empty');

/** `nav`: a content path (a document), or a labelled group of entries. */
export type NavSetting = string | { label: string; items: NavSetting[] };
const navEntry: z.ZodType<NavSetting> = z.lazy(() =>
  z.union([contentPath.regex(/\.mdx?$/i, 'must be a Markdown or MDX document (.md, .mdx)'), z.strictObject({ label: text, items: z.array(navEntry).min(1) })]),
);

export const contentConfigSchema = z.strictObject({
  /** Site title shown in the header. */
  title: z.string().min(1).optional(),
  /** Absolute URL under which the content folder's siblings are published (DocFX-style docs sets). */
  externalDocsBase: z.url({ protocol: /^https?$/ }).optional(),
  /** Canonical origin of the deployed site, e.g. https://docs.example.com */
  site: z.url({ protocol: /^https?$/ }).optional(),
  /** Base path the site is served under, e.g. /docs/ */
  base: z.string().regex(/^\/[\w\-./]*$/).optional(),
  /** Image in the header: a content path, or `{ src, alt, replacesTitle }` (Starlight's shape). */
  logo: z
    .union([contentPath, z.strictObject({ src: contentPath, alt: z.string().optional(), replacesTitle: z.boolean().default(false) })])
    .optional(),
  /** The brand colour (links, current page, accents): one colour, or one per theme. */
  accentColor: z.union([hexColour, z.strictObject({ light: hexColour, dark: hexColour })]).optional(),
  /** Stylesheets in the content folder, linked after the site's own in this order. */
  customCss: z.array(contentPath.regex(/\.css$/i, 'must be a .css file')).optional(),
  /** Links in every page's footer. */
  footer: z.array(z.strictObject({ label: text, href: linkHref })).optional(),
  /** Base URL of "Edit this page": the link is this plus the document's content-relative path. */
  editUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://github.com/org/repo/edit/main/docs/' }).optional(),
  /** `git`: each document page shows the date of the last commit that touched its file. */
  lastUpdated: z.literal('git', 'must be git (the only source of dates so far), or left out').optional(),
  /** The sidebar's order, replacing TOC.md's: documents and labelled groups. */
  nav: z.array(navEntry).min(1).optional(),
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
