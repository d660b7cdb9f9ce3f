// The clustered graph of a big site (above CLUSTER_DOCUMENTS_ABOVE documents): /graph/ opens on
// `graph-view/overview.json` (every entity, and one node per cluster of documents: "120 documents about
// Exchange Online") and fetches `graph-view/c/<file>.json` when the reader opens a cluster. Built by
// build-graph-clusters.ts from graph-view.json (which stays complete: local graphs read it at build
// time). Types and the zod schemas the browser checks both files with; no build code, so the browser
// can import it.
import { z } from 'zod';
import { RELATION_TYPES, type RelationType } from '../pipeline/types.ts';
import { VIEW_NODE_TYPES, type ViewEdge, type ViewNode } from './graph-view.ts';

/**
 * Documents folded into one node: the documents that mention `anchor` more than any other entity, with
 * the discovered terms they mention most (build-graph-clusters.ts).
 */
export interface ViewCluster {
  /** `cluster:<anchor>`, `cluster:<anchor>:<part>` when a big group is split, `cluster:(none)` for documents that mention no entity. */
  id: string;
  /** "120 documents about Exchange Online". */
  label: string;
  /** The entity the documents are about; absent for documents that mention none. */
  anchor?: string;
  x: number;
  y: number;
  /** Site-relative URL of the cluster file (without the base path). */
  file: string;
  /** How many of the members are documents (the rest are discovered terms folded with them). */
  documents: number;
  /** The node ids inside (documents and folded terms), sorted: where `?focus=doc:x` finds the cluster to open. */
  members: string[];
}

/** An edge between a cluster and an entity or another cluster: the sum of its documents' edges. */
export interface ClusterEdge {
  source: string;
  target: string;
  type: RelationType;
  weight: number;
}

export interface GraphOverview {
  schemaVersion: 1;
  /** Entities only (documents are in the clusters), with their typed relations among themselves. */
  nodes: ViewNode[];
  edges: ViewEdge[];
  clusters: ViewCluster[];
  clusterEdges: ClusterEdge[];
}

/** One cluster's documents with positions, and every edge that touches them (ends may be in other clusters). */
export interface ClusterView {
  schemaVersion: 1;
  cluster: string;
  nodes: ViewNode[];
  edges: ViewEdge[];
}

export const OVERVIEW_URL = '/graph-view/overview.json';

const id = z.string().min(1).max(2000);
const relation = z.enum(RELATION_TYPES as unknown as [RelationType, ...RelationType[]]);
const coordinate = z.number().finite();

/**
 * The schemas of both files, made on call: zod decides when an object schema is made whether it may
 * compile its parser with `new Function`, and the page (CSP `script-src 'self'`) must first switch that
 * off (graph-clusters.ts) or every graph page reports a CSP violation.
 */
export function graphOverviewSchemas(): { overview: z.ZodType<GraphOverview>; cluster: z.ZodType<ClusterView> } {
  const viewNode = z.object({
    id,
    type: z.enum(VIEW_NODE_TYPES as unknown as [ViewNode['type'], ...ViewNode['type'][]]),
    label: z.string(),
    aliases: z.array(z.string()).optional(),
    description: z.string().optional(),
    url: z.string(),
    x: coordinate,
    y: coordinate,
  });
  const viewEdge = z.object({
    source: id,
    target: id,
    type: relation,
    weight: z.number().finite().min(0),
    evidence: z
      .array(z.object({ url: z.string(), section: z.string(), doc: z.string(), heading: z.string().optional(), sentence: z.string() }))
      .optional(),
  });
  return {
    overview: z.object({
      schemaVersion: z.literal(1),
      nodes: z.array(viewNode),
      edges: z.array(viewEdge),
      clusters: z.array(
        z.object({
          id,
          label: z.string(),
          anchor: id.optional(),
          x: coordinate,
          y: coordinate,
          // Fetched by the page: a path on this site, never another origin.
          file: z.string().regex(/^\/graph-view\/c\/[\w.~-]+\.json$/),
          documents: z.number().int().min(0),
          members: z.array(id),
        }),
      ),
      clusterEdges: z.array(z.object({ source: id, target: id, type: relation, weight: z.number().finite().min(0) })),
    }),
    cluster: z.object({
      schemaVersion: z.literal(1),
      cluster: id,
      nodes: z.array(viewNode),
      edges: z.array(viewEdge),
    }),
  };
}
