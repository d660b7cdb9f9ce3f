// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
// module graph are unchanged is not rendered again. A key must cover every piece of data the page
// reads, or a rebuild would serve a stale page; the site test compares an incremental build with a
// clean one byte for byte (test/unit/site-incremental.test.ts).
//
// What pages read besides their own document: the graph (site-graph.json), the laid-out graph for
// local graphs (graph-view.json), the nav tree, and the titles, URLs and section titles of other
// documents (links, breadcrumbs, previous/next, evidence). Their section line numbers, body text and
// backlinks are read only on their own page, so a wording edit re-renders the edited page (and the
// pages it links to, whose backlinks quote it), not the whole site. Add a field to `sharedInput`
// when a page starts reading more of other documents.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteData, SiteDocument } from '../outputs/site-data.ts';
import { dataDir, getSiteData } from './data.ts';

const cache = new WeakMap<SiteData, string>();

function fileDigest(hash: ReturnType<typeof createHash>, file: string): void {
  hash.update(file).update('\0');
  if (existsSync(file)) hash.update(readFileSync(file));
  hash.update('\0');
}

/** The data every page of the site may read, hashed once per site.json. */
function sharedInput(): string {
  const site = getSiteData();
  const known = cache.get(site);
  if (known) return known;
  const hash = createHash('sha256');
  fileDigest(hash, path.join(dataDir, 'site-graph.json'));
  fileDigest(hash, path.join(dataDir, 'public', 'graph-view.json'));
  hash.update(JSON.stringify(site.nav));
  for (const d of site.documents) {
    const sections = d.sections.map((s) => [s.id, s.title, s.depth, s.anchors]);
    hash.update(JSON.stringify([d.id, d.path, d.slug, d.url, d.format, d.title, d.description, d.htmlFile, sections]));
  }
  const digest = hash.digest('hex');
  cache.set(site, digest);
  return digest;
}

/**
 * A document page: the shared data, the document's own entry, and its article (HTML or MDX source).
 * None in `npm run dev`, which renders on request and would only pay for reading every article.
 */
export function documentPageKey(doc: SiteDocument): string | undefined {
  if (import.meta.env.DEV) return undefined;
  const hash = createHash('sha256').update(sharedInput()).update(JSON.stringify(doc));
  fileDigest(hash, doc.htmlFile ? path.join(dataDir, 'html', doc.htmlFile) : path.join(dataDir, 'mdx', doc.path));
  return hash.digest('hex');
}

/** An entity page (or an alias redirect to one): it reads only shared data. */
export function entityPageKey(route: string): string | undefined {
  if (import.meta.env.DEV) return undefined;
  return createHash('sha256').update(sharedInput()).update(route).digest('hex');
}
