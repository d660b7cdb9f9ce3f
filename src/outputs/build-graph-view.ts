// Builds graph-view.json (types in graph-view.ts) from the knowledge graph and the site's documents.
import type { KnowledgeGraph, RelationType } from '../pipeline/types.ts';
import type { SiteDocument } from './site-data.ts';
import { layoutGraph, type LayoutInput, type Positions } from './graph-layout.ts';
import type { GraphView, ViewNodeType } from './graph-view.ts';
import { estimateLabelWidth, nodeLook, shortLabel } from '../lib/graph-sizing.ts';

const EVIDENCE_PER_EDGE = 3;
/**
 * Above this many documents /graph/ opens on clusters (build-graph-clusters.ts). At any size only the
 * entities and their typed relations go through fcose: that is the picture the graph opens on
 * (knowledge first), and fcose does not finish on 10,000 document nodes anyway. Each document sits on
 * a spiral around the entity it mentions most, which is where a reader who turns documents on looks.
 */
export const LAYOUT_DOCUMENTS_UP_TO = 1500;
const UNEVIDENCED: ReadonlySet<RelationType> = new Set(['mentions', 'links-to']);

export function buildGraphView(graph: KnowledgeGraph, documents: SiteDocument[], layout: (input: LayoutInput) => Positions = layoutGraph): GraphView {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const kept = graph.nodes.filter((n) => n.type !== 'external');
  const ids = new Set(kept.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const positions = layoutAroundEntities(kept, edges, layout);
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
                url: doc?.url ?? nodeById.get(ev.doc)?.url ?? '',
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

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function layoutAroundEntities(nodes: KnowledgeGraph['nodes'], edges: KnowledgeGraph['edges'], layout: (input: LayoutInput) => Positions): Positions {
  const core = nodes.filter((n) => n.type !== 'document');
  const coreIds = new Set(core.map((n) => n.id));
  const typed = edges.filter((e) => !UNEVIDENCED.has(e.type) && coreIds.has(e.source) && coreIds.has(e.target));
  const degree = new Map<string, number>();
  for (const e of typed) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  // Each entity's room is its body and the label under it, as the browser draws them (graph-sizing.ts).
  const sized = core.map((n) => {
    const look = nodeLook(n.type as ViewNodeType, degree.get(n.id) ?? 0);
    const labelWidth = estimateLabelWidth(shortLabel(n.label), look.fontSize);
    return { id: n.id, width: Math.max(look.size, labelWidth) + 6, height: 2 * (look.size / 2 + 4 + look.fontSize * 1.3) };
  });
  // Entities nothing is stated about are left out of the picture the graph opens on (graph-app.ts hides
  // them until documents are shown): they wait in rows below it instead of pushing the rest apart.
  const positions = layout({ nodes: sized.filter((n) => degree.has(n.id)), edges: typed });
  const isolated = sized.filter((n) => !degree.has(n.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  let rowX = 0;
  let rowY = Math.max(0, ...Object.values(positions).map((p) => p.y)) + 120;
  for (const n of isolated) {
    if (rowX > 2400) [rowX, rowY] = [0, rowY + 60];
    positions[n.id] = { x: Math.round(rowX + n.width / 2), y: rowY };
    rowX += n.width + 12;
  }
  // The entity each document mentions most (ties: the smaller id).
  const anchor = new Map<string, { entity: string; weight: number }>();
  for (const e of edges) {
    if (e.type !== 'mentions' || !coreIds.has(e.target)) continue;
    const best = anchor.get(e.source);
    if (!best || e.weight > best.weight || (e.weight === best.weight && e.target < best.entity)) anchor.set(e.source, { entity: e.target, weight: e.weight });
  }
  const around = new Map<string, string[]>();
  const loose: string[] = [];
  for (const n of nodes) {
    if (n.type !== 'document') continue;
    const a = anchor.get(n.id);
    if (a) around.set(a.entity, [...(around.get(a.entity) ?? []), n.id]);
    else loose.push(n.id);
  }
  for (const [entity, docs] of around) {
    const centre = positions[entity] ?? { x: 0, y: 0 };
    docs.sort().forEach((id, i) => {
      const r = 60 + 14 * Math.sqrt(i + 1);
      positions[id] = { x: Math.round(centre.x + r * Math.cos(i * GOLDEN_ANGLE)), y: Math.round(centre.y + r * Math.sin(i * GOLDEN_ANGLE)) };
    });
  }
  // Documents that mention no entity: a grid below the picture.
  const bottom = Math.max(0, ...Object.values(positions).map((p) => p.y)) + 200;
  loose.sort().forEach((id, i) => {
    positions[id] = { x: (i % 100) * 40, y: bottom + Math.floor(i / 100) * 40 };
  });
  return positions;
}
