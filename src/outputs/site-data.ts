// The contract between the build CLI and the Astro site: the CLI runs the pipeline and writes these
// files into a data folder (env DOCGRAPH_DATA); Astro pages only read them. Nothing in here is
// computed by the pages themselves.
//
//   <data>/site.json            SiteData (below)
//   <data>/site-graph.json      graph.json without the evidence no page shows (src/lib/graph.ts siteGraph): what pages read
//   <data>/mdx-documents.json  content paths of the MDX documents that parsed, whose cleaned copies
//                               are in <data>/mdx/ (the documents Astro compiles: src/content.config.ts)
//   <data>/html/<doc-key>.html  sanitized article HTML of every Markdown document (not MDX); its
//                               links already carry the base path (--base), so pages insert it as is
//   <data>/public/graph.json    the KnowledgeGraph (also served at /graph.json)
//   <data>/public/report.json   the BuildReport   (also served at /report.json)
//   <data>/public/search/...    the search index (layout in src/search/format.ts), served at /search/...
//   <data>/public/graph-view.json  GraphView (src/outputs/graph-view.ts): entities and documents with
//                               build-time layout positions, for the interactive graph pages
//   <data>/public/graph-view/overview.json, graph-view/c/*.json  above 1,500 documents only: the
//                               clustered graph the graph pages open on (src/outputs/graph-overview.ts)
//   <data>/public/...           content assets (images, and docgraph.yaml's logo and customCss) at their content-relative path
//   <data>/public/_settings/accent.css  the stylesheet made from docgraph.yaml's accentColor
//
//   <data>/public/embed/svg/<route-id>.svg, embed/mermaid/<route-id>.mmd, oembed/<route-id>.json,
//   <data>/public/exports/graph.graphml, exports/neo4j/{nodes,relationships}.csv, exports/graph.cypher
//                               the embed and export files (src/outputs/exports/files.ts), with the
//                               site URL and base path the build was given
//
// `npm run dev` writes only html/, mdx/, mdx-documents.json and the images: pages get the rest in
// memory (ResidentSiteData below) and the dev server answers the public files' URLs itself.
import type { KnowledgeGraph, NavItem } from '../pipeline/types.ts';
import type { BuildReport } from '../pipeline/report.ts';
import type { GraphView } from './graph-view.ts';

/** Under the data folder: a JSON array of the content paths of the MDX documents Astro compiles. */
export const MDX_DOCUMENTS_FILE = 'mdx-documents.json';

export interface SiteSection {
  id: string;
  anchors: string[];
  depth: number;
  title: string;
  line: number;
}

export interface SiteBacklink {
  /** The linking document. */
  docId: string;
  sectionId: string;
  line: number;
  /** The sentence around the link. */
  sentence: string;
}

export interface SiteDocument {
  id: string;
  path: string;
  slug: string;
  /** Site-relative URL without the base path: `/docs/<slug>/`. */
  url: string;
  format: 'md' | 'mdx';
  title: string;
  description?: string;
  sections: SiteSection[];
  /** File name under `<data>/html/` for Markdown documents; MDX documents are rendered by Astro. */
  htmlFile?: string;
  /** Entities mentioned, most mentions first. */
  entities: { id: string; count: number }[];
  backlinks: SiteBacklink[];
  /** "Edit this page": docgraph.yaml `editUrl` + the content path (each segment URL-encoded). */
  editUrl?: string;
  /** `lastUpdated: git`: ISO 8601 date of the last commit that touched the file; none without history. */
  lastUpdated?: string;
}

/** docgraph.yaml's look-and-feel settings, resolved for the pages. URLs are site-relative, without the base path. */
export interface SiteSettings {
  /** The header image; the title stays as text beside it, or visually hidden when `replacesTitle`. */
  logo?: { src: string; alt: string; replacesTitle: boolean };
  /** The stylesheet made from `accentColor` (src/outputs/accent.ts). */
  accentCss?: string;
  /** `customCss`, linked after the site's own styles, in order. */
  customCss: string[];
  footer: { label: string; href: string }[];
}

export interface SiteData {
  /** The content folder (absolute), so Astro can compile MDX documents from it. */
  contentDir: string;
  documents: SiteDocument[];
  nav: NavItem[];
  settings: SiteSettings;
}

/**
 * `npm run dev` keeps the site's data in memory and hands it to pages directly (src/build/resident.ts):
 * at 10,000 documents, writing site.json, site-graph.json and graph-view.json and reading them back
 * took seconds of every rebuild. A static build never sets it; pages then read the data folder.
 */
export interface ResidentSiteData {
  /** Changes with every rebuild: pages drop what they derived from the previous data. */
  version: number;
  site: SiteData;
  graph: KnowledgeGraph;
  view: GraphView;
  report: BuildReport;
  /** Whether the graph pages open on the clustered overview (graph-view/overview.json). */
  clustered: boolean;
}

/** Where dev.ts publishes ResidentSiteData for the page modules (same process, another module graph). */
export const RESIDENT_DATA = Symbol.for('docgraph.resident-data');
