// /exports/graph.graphml: the whole knowledge graph for Gephi, yEd and friends (src/outputs/exports/graphml.ts).
import type { APIRoute } from 'astro';
import { getGraph } from '../../lib/data.ts';
import { exportUrl } from '../../lib/embeds.ts';
import { toGraphml } from '../../outputs/exports/graphml.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(toGraphml(getGraph().graph, { url: exportUrl(site) }), { headers: { 'content-type': 'application/graphml+xml; charset=utf-8' } });
