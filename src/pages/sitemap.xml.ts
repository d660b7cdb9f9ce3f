// /sitemap.xml: every page of the site (redirect pages for other entity names are left out). URLs are
// absolute when the site origin is set (DOCGRAPH_SITE / --site), as the sitemap protocol wants; without it
// they are site-relative (with the base path), which crawlers resolve against the sitemap's own URL
// only loosely: set --site for a deployed site.
import type { APIRoute } from 'astro';
import { getGraph, getSiteData } from '../lib/data.ts';
import { sitePages } from '../lib/overview.ts';
import { publicUrl } from '../lib/seo.ts';

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export const GET: APIRoute = ({ site }) => {
  const urls = sitePages(getGraph(), getSiteData().documents).map((p) => publicUrl(p, site));
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((u) => `  <url><loc>${xmlEscape(u)}</loc></url>\n`).join('') +
    '</urlset>\n';
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
