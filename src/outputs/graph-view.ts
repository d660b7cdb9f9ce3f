// graph-view.json: the knowledge graph as the interactive graph pages need it, small enough to load in a
// browser (graph.json is megabytes of mention evidence). Entities and documents with their laid-out
// positions; external URLs are left out (thousands of leaves that say nothing in the global view).
// Typed relations keep up to three sentences with the section they come from; mentions and
// links keep only their weight. Built by build-graph-view.ts; this file holds only types, so browser code
// can import it without pulling in the layout engine.
import type { NodeType, RelationType } from '../pipeline/types.ts';

export type ViewNodeType = Exclude<NodeType, 'external'>;
export const VIEW_NODE_TYPES: readonly ViewNodeType[] = ['concept', 'tool', 'product', 'discovered', 'document'];

export interface ViewNode {
  id: string;
  type: ViewNodeType;
  label: string;
  /** Other names (search finds a node by them); absent when none. */
  aliases?: string[];
  description?: string;
  /** Site-relative page URL (`/entities/x/`, `/docs/x/`), without the base path. */
  url: string;
  x: number;
  y: number;
}

export interface ViewEvidence {
  /** Document page URL (site-relative) and section id ('' = before the first heading). */
  url: string;
  section: string;
  /** The document's title and the section's heading, for the link text. */
  doc: string;
  heading?: string;
  sentence: string;
}

/** An edge's id is `source|type|target`, as in graph.json (not stored: it would be a third of the file). */
export interface ViewEdge {
  source: string;
  target: string;
  type: RelationType;
  weight: number;
  /** Typed relations only (not mentions or links). */
  evidence?: ViewEvidence[];
}

export interface GraphView {
  schemaVersion: 1;
  nodes: ViewNode[];
  edges: ViewEdge[];
}
