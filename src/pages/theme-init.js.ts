// /theme-init.js: the blocking theme script of every page (see src/scripts/theme-init.js), a static file.
import type { APIRoute } from 'astro';
import source from '../scripts/theme-init.js?raw';

export const GET: APIRoute = () =>
  new Response(source, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
