// The kit renderer (src/build/site-render.ts) names output files and request URLs as Astro's page
// generation does: a page written under another name would be a second copy beside Astro's, and a
// request at another URL could render other links (Astro.url). Output names are checked against
// Astro's own functions, over generated paths.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputFileOf, requestUrlOf } from '../../src/build/site-render.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

type Route = { type: 'page' | 'endpoint'; component: string };
// Not in Astro's exports: loaded from its file, as the version the lock file installs.
const astroCommon = (await import(pathToFileURL(join(PROJECT_ROOT, 'node_modules/astro/dist/core/build/common.js')).href)) as {
  getOutFolder(settings: unknown, pathname: string, route: Route): URL;
  getOutFile(format: string, folder: URL, pathname: string, route: Route): URL;
};

/** Astro's name for a path's output file, relative to the output folder (generate.js). */
function astroOutputFile(pathname: string, route: Route): string {
  const outDir = new URL('file:///site/out/');
  const settings = { buildOutput: 'static', config: { outDir, build: { format: 'directory' } } };
  const encoded = encodeURI(pathname);
  const folder = astroCommon.getOutFolder(settings, encoded, route);
  return astroCommon.getOutFile('directory', folder, encoded, route).href.slice(outDir.href.length);
}

const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._ %é-]{0,12}$/);
const pagePath = fc.array(segment, { minLength: 0, maxLength: 4 }).map((parts) => `/${parts.join('/')}`);

describe('kit renderer: names as Astro', () => {
  it('writes each page and endpoint to the file Astro writes it to', () => {
    fc.assert(
      fc.property(pagePath, fc.constantFrom<Route['type']>('page', 'endpoint'), (pathname, type) => {
        const route = { type, component: 'src/pages/x.astro' };
        if (type === 'endpoint' && pathname === '/') return;
        expect(outputFileOf(pathname, route)).toBe(astroOutputFile(pathname, route));
      }),
      { numRuns: 300 },
    );
    for (const [pathname, type] of [['/', 'page'], ['/404', 'page'], ['/docs/a b', 'page'], ['/sitemap.xml', 'endpoint'], ['/docs/x/', 'page']] as const) {
      const route = { type, component: 'c' };
      expect(outputFileOf(pathname, route)).toBe(astroOutputFile(pathname, route));
    }
    expect(outputFileOf('/404', { type: 'page', component: 'c' })).toBe('404.html');
    expect(outputFileOf('/docs/guide', { type: 'page', component: 'c' })).toBe('docs/guide/index.html');
  });

  it('requests each path at the URL Astro requests it at, under the base', () => {
    const page = { type: 'page', component: 'c' } as const;
    const endpoint = { type: 'endpoint', component: 'c' } as const;
    const kit = (base: string, trailingSlash: 'always' | 'never' | 'ignore' = 'ignore') => ({ base, origin: 'https://docs.example.com', trailingSlash });
    expect(requestUrlOf('/', page, kit('/')).href).toBe('https://docs.example.com/');
    expect(requestUrlOf('/docs/guide', page, kit('/')).href).toBe('https://docs.example.com/docs/guide/');
    expect(requestUrlOf('/docs/guide', page, kit('/handbook')).href).toBe('https://docs.example.com/handbook/docs/guide/');
    expect(requestUrlOf('/docs/guide', page, kit('/handbook/')).href).toBe('https://docs.example.com/handbook/docs/guide/');
    expect(requestUrlOf('/', page, kit('/handbook')).href).toBe('https://docs.example.com/handbook/');
    expect(requestUrlOf('/docs/guide', page, kit('/', 'never')).href).toBe('https://docs.example.com/docs/guide');
    expect(requestUrlOf('/', page, kit('/handbook', 'never')).href).toBe('https://docs.example.com/handbook');
    expect(requestUrlOf('/sitemap.xml', endpoint, kit('/handbook')).href).toBe('https://docs.example.com/handbook/sitemap.xml');
    expect(requestUrlOf('/feed', endpoint, kit('/', 'always')).href).toBe('https://docs.example.com/feed/');
  });
});
