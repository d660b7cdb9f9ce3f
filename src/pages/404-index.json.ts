// /404-index.json: the titles the 404 page ranks against the words of a mistyped URL (see
// src/lib/client/not-found.ts). Documents and entities only, short keys; URLs carry the base path.
import type { APIRoute } from 'astro';
import { getGraph, getSiteData } from '../lib/data.ts';
import type { NotFoundEntry } from '../lib/overview.ts';
import { withBase } from '../lib/urls.ts';

export const GET: APIRoute = () => {
  const graph = getGraph();
  const entries: NotFoundEntry[] = [
    ...getSiteData().documents.map((d) => ({ t: d.title, u: withBase(d.url), k: 'd' as const, w: d.path })),
    ...graph.entities().map((n) => ({ t: n.label, u: withBase(n.url), k: 'e' as const, w: n.aliases.join(' ') })),
  ];
  return new Response(JSON.stringify(entries), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
