// Builds graph-view.json (types in graph-view.ts) from the knowledge graph and the site's documents.
import type { KnowledgeGraph, RelationType } from '../pipeline/types.ts';
import type { SiteDocument } from './site-data.ts';
import { layoutGraph, type LayoutInput, type Positions } from './graph-layout.ts';
import type { GraphView, ViewNodeType } from './graph-view.ts';

const EVIDENCE_PER_EDGE = 3;
const UNEVIDENCED: ReadonlySet<RelationType> = new Set(['mentions', 'links-to']);

export function buildGraphView(graph: KnowledgeGraph, documents: SiteDocument[], layout: (input: LayoutInput) => Positions = layoutGraph): GraphView {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const kept = graph.nodes.filter((n) => n.type !== 'external');
  const ids = new Set(kept.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  const positions = layout({ nodes: kept, edges });
  return {
    schemaVersion: 1,
    nodes: kept.map((n) => {
      const aliases = n.aliases.filter((a) => a !== n.label);
      const doc = docs.get(n.id);
      const description = n.description || doc?.description;
      return {
        id: n.id,
        type: n.type as ViewNodeType,
        label: n.label,
        ...(aliases.length ? { aliases } : {}),
        ...(description ? { description } : {}),
        url: n.url,
        x: positions[n.id]?.x ?? 0,
        y: positions[n.id]?.y ?? 0,
      };
    }),
    edges: edges.map((e) => ({
      source: e.source,
      target: e.target,
      type: e.type,
      weight: e.weight,
      ...(UNEVIDENCED.has(e.type)
        ? {}
        : {
            evidence: e.evidence.slice(0, EVIDENCE_PER_EDGE).map((ev) => {
              const doc = docs.get(ev.doc);
              const heading = doc?.sections.find((s) => s.id === ev.section)?.title;
              return {
                url: doc?.url ?? graph.nodes.find((n) => n.id === ev.doc)?.url ?? '',
                section: ev.section,
                // Evidence outside the site (a vocabulary statement, a file not built) keeps its file name, no URL.
                doc: doc?.title ?? (ev.doc || ev.file),
                ...(heading ? { heading } : {}),
                sentence: ev.sentence,
              };
            }),
          }),
    })),
  };
}
