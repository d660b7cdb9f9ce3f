// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
// module graph are unchanged is not rendered again. A key must cover every piece of data the page
// reads, or a rebuild would serve a stale page; the site test compares an incremental build with a
// clean one byte for byte (test/unit/site-incremental.test.ts).
//
// What every page may read (the shared part of each key): the graph's nodes and edges without their
// evidence sentences, the laid-out graph for local graphs (graph-view.json, also without evidence),
// the nav tree, docgraph.yaml's site settings, and the titles, URLs and section titles of all documents (links, breadcrumbs,
// previous/next, evidence captions). Evidence sentences are read only where an edge's end has its page: an entity page quotes
// the edges that touch it, so rewording a sentence re-renders the edited page and the entity pages
// that quote it, not the whole site. An MDX page can embed any entity's relations
// (<Relations entity=...>), so its key covers all evidence. Section line numbers, body text and
// backlinks of other documents are read only on their own page. Add to `sharedInput` when a page
// starts reading more of other documents.
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteData, SiteDocument } from '../outputs/site-data.ts';
import type { GraphEdge } from '../pipeline/types.ts';
import type { GraphIndex } from './graph.ts';
import { dataDir, getGraph, getGraphView, getSiteData } from './data.ts';

const shared = new WeakMap<SiteData, string>();
const allEvidence = new WeakMap<GraphIndex, string>();

function fileDigest(hash: Hash, file: string): void {
  hash.update(file).update('\0');
  if (existsSync(file)) hash.update(readFileSync(file));
  hash.update('\0');
}

/** The data every page of the site may read, hashed once per build. */
function sharedInput(): string {
  const site = getSiteData();
  const known = shared.get(site);
  if (known) return known;
  const hash = createHash('sha256');
  shapeOf(hash, getGraph().graph);
  // graph-view.json quotes the evidence of typed relations too (for /graph/'s side panel).
  shapeOf(hash, getGraphView());
  hash.update(JSON.stringify(site.nav));
  // Every page's header and footer show docgraph.yaml's logo, styles and footer links.
  hash.update(JSON.stringify(site.settings ?? null));
  for (const d of site.documents) {
    const sections = d.sections.map((s) => [s.id, s.title, s.depth, s.anchors]);
    hash.update(JSON.stringify([d.id, d.path, d.slug, d.url, d.format, d.title, d.description, d.htmlFile, sections]));
  }
  const digest = hash.digest('hex');
  shared.set(site, digest);
  return digest;
}

/** A graph's nodes and edges without the edges' evidence sentences. */
function shapeOf(hash: Hash, graph: { nodes: unknown[]; edges: { evidence?: unknown }[] }): void {
  hash.update(JSON.stringify(graph.nodes));
  // One edge at a time: at 10,000 documents the edges as one string would be tens of megabytes.
  for (const { evidence: _evidence, ...edge } of graph.edges) hash.update(JSON.stringify(edge));
}

/** The evidence sentences of these edges. */
function evidenceOf(hash: Hash, edges: readonly GraphEdge[]): void {
  for (const edge of edges) if (edge.evidence.length) hash.update(edge.id).update(JSON.stringify(edge.evidence));
}

/** Every evidence sentence pages can show (site-graph.json holds only those), hashed once per build. */
function everyEvidence(): string {
  const index = getGraph();
  const known = allEvidence.get(index);
  if (known) return known;
  const hash = createHash('sha256');
  evidenceOf(hash, index.graph.edges);
  const digest = hash.digest('hex');
  allEvidence.set(index, digest);
  return digest;
}

/**
 * A document page: the shared data, the document's own entry, its article (HTML or MDX source) and the
 * evidence it can show. None in `npm run dev`, which renders on request and would only pay for reading
 * every article.
 */
export function documentPageKey(doc: SiteDocument): string | undefined {
  if (import.meta.env.DEV) return undefined;
  const hash = createHash('sha256').update(sharedInput()).update(JSON.stringify(doc));
  if (doc.htmlFile) {
    fileDigest(hash, path.join(dataDir, 'html', doc.htmlFile));
    evidenceOf(hash, getGraph().edgesOf(doc.id));
  } else {
    fileDigest(hash, path.join(dataDir, 'mdx', doc.path));
    hash.update(everyEvidence());
  }
  return hash.digest('hex');
}

/** An entity page: the shared data and the evidence of its own edges. */
export function entityPageKey(route: string, entityId: string): string | undefined {
  if (import.meta.env.DEV) return undefined;
  const hash = createHash('sha256').update(sharedInput()).update(route).update('\0');
  // What the page quotes: the evidence of the edges that touch it.
  evidenceOf(hash, getGraph().edgesOf(entityId));
  return hash.digest('hex');
}

/** An alias redirect to an entity page: it reads only the shared data (the target's label and URL). */
export function redirectPageKey(route: string): string | undefined {
  if (import.meta.env.DEV) return undefined;
  return createHash('sha256').update(sharedInput()).update(route).digest('hex');
}
