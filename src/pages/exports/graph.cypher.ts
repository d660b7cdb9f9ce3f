// /exports/graph.cypher: the knowledge graph as a Cypher script for cypher-shell (src/outputs/exports/cypher.ts).
import type { APIRoute } from 'astro';
import { getGraph } from '../../lib/data.ts';
import { exportUrl } from '../../lib/embeds.ts';
import { toCypher } from '../../outputs/exports/cypher.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(toCypher(getGraph().graph, { url: exportUrl(site) }), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
