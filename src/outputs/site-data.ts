// The contract between the build CLI and the Astro site: the CLI runs the pipeline and writes these
// files into a data folder (env DOCGRAPH_DATA); Astro pages only read them. Nothing in here is
// computed by the pages themselves.
//
//   <data>/site.json            SiteData (below)
//   <data>/html/<doc-key>.html  sanitized article HTML of every Markdown document (not MDX); its
//                               links already carry the base path (--base), so pages insert it as is
//   <data>/public/graph.json    the KnowledgeGraph (also served at /graph.json)
//   <data>/public/report.json   the BuildReport   (also served at /report.json)
//   <data>/public/search/...    the search index (layout in src/search/format.ts), served at /search/...
//   <data>/public/graph-view.json  GraphView (src/outputs/graph-view.ts): entities and documents with
//                               build-time layout positions, for the interactive graph pages
//   <data>/public/graph-view/overview.json, graph-view/c/*.json  above 1,500 documents only: the
//                               clustered graph the graph pages open on (src/outputs/graph-overview.ts)
//   <data>/public/...           content assets (images) at their content-relative path
//
// Embeds and exports are not in the data folder: Astro endpoints render them from graph.json with the
// pure functions in src/outputs/exports/ (they need the site URL and base path, which only Astro knows):
//   /embed/svg/<route-id>.svg      entity neighbourhood picture       src/pages/embed/svg/[id].svg.ts
//   /embed/mermaid/<route-id>.mmd  the same as Mermaid text           src/pages/embed/mermaid/[id].mmd.ts
//   /oembed/<route-id>.json        oEmbed (rich, the iframe)          src/pages/oembed/[id].json.ts
//   /exports/graph.graphml         GraphML                            src/pages/exports/graph.graphml.ts
//   /exports/neo4j/{nodes,relationships}.csv  neo4j-admin import      src/pages/exports/neo4j/[file].csv.ts
//   /exports/graph.cypher          Cypher script                      src/pages/exports/graph.cypher.ts
import type { NavItem } from '../pipeline/types.ts';

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
}

export interface SiteData {
  /** The content folder (absolute), so Astro can compile MDX documents from it. */
  contentDir: string;
  documents: SiteDocument[];
  nav: NavItem[];
}
