// /embed/svg/<entity>.svg: the entity's neighbourhood as a script-free picture (src/outputs/exports/svg.ts).
import type { APIRoute } from 'astro';
import { entityEmbedPaths, entityNeighbourhood } from '../../../lib/embeds.ts';
import { neighbourhoodSvg } from '../../../outputs/exports/svg.ts';
import { publicUrl } from '../../../lib/seo.ts';
import type { GraphNode } from '../../../pipeline/types.ts';

export const getStaticPaths = entityEmbedPaths;

export const GET: APIRoute<{ node: GraphNode }> = ({ props, site }) =>
  new Response(neighbourhoodSvg(entityNeighbourhood(props.node), { href: (n) => publicUrl(n.url, site) }), {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8' },
  });
