// /robots.txt: everything may be crawled; points at the sitemap (absolute when the site origin is set).
import type { APIRoute } from 'astro';
import { publicUrl } from '../lib/seo.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = publicUrl('/sitemap.xml', site);
  const lines = ['User-agent: *', 'Allow: /', ''];
  if (!site) lines.push('# Set --site (or DOCGRAPH_SITE) to publish an absolute sitemap URL.');
  lines.push(`Sitemap: ${sitemap}`, '');
  return new Response(lines.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
