// /exports/neo4j/nodes.csv and relationships.csv: the pair `neo4j-admin database import full` reads
// (src/outputs/exports/neo4j-csv.ts).
import type { APIRoute } from 'astro';
import { getGraph } from '../../../lib/data.ts';
import { exportUrl } from '../../../lib/embeds.ts';
import { toNeo4jCsv } from '../../../outputs/exports/neo4j-csv.ts';

export const getStaticPaths = () => [{ params: { file: 'nodes' } }, { params: { file: 'relationships' } }];

export const GET: APIRoute = ({ params, site }) => {
  const csv = toNeo4jCsv(getGraph().graph, { url: exportUrl(site) });
  return new Response(params.file === 'nodes' ? csv.nodes : csv.relationships, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
