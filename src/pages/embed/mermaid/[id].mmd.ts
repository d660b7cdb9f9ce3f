// /embed/mermaid/<entity>.mmd: the same view as the SVG, as Mermaid text (src/outputs/exports/mermaid.ts).
import type { APIRoute } from 'astro';
import { entityEmbedPaths, entityNeighbourhood } from '../../../lib/embeds.ts';
import { neighbourhoodMermaid } from '../../../outputs/exports/mermaid.ts';
import type { GraphNode } from '../../../pipeline/types.ts';

export const getStaticPaths = entityEmbedPaths;

export const GET: APIRoute<{ node: GraphNode }> = ({ props }) =>
  new Response(neighbourhoodMermaid(entityNeighbourhood(props.node)), {
    headers: { 'content-type': 'text/vnd.mermaid; charset=utf-8' },
  });
