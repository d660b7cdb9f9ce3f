// Links written in MDX documents, resolved the way the pipeline resolves them in Markdown documents.
import path from 'node:path';
import type { SiteDocument } from '../outputs/site-data.ts';
import { basePath, withBase } from './urls.ts';

const SAFE_SCHEME = /^(https?|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The href to render for a link in the MDX document shown at `pagePath` (the page's URL path, with base):
 * a relative `x.md#a` / `x.mdx` becomes that document's page URL; http(s)/mailto and fragments pass through;
 * other schemes (javascript:, data:, …) and links to unknown documents give `undefined` (render as text).
 */
export function resolveDocumentHref(
  href: string,
  pagePath: string,
  documents: SiteDocument[],
  base?: string,
): string | undefined {
  const trimmed = href.trim();
  if (ANY_SCHEME.test(trimmed)) return SAFE_SCHEME.test(trimmed) ? trimmed : undefined;
  if (trimmed.startsWith('#') || trimmed.startsWith('//')) return trimmed.startsWith('#') ? trimmed : undefined;
  if (trimmed.startsWith('/')) return withBase(trimmed, base);

  const [target = '', ...rest] = trimmed.split('#');
  const hash = rest.length ? '#' + rest.join('#') : '';
  const prefix = basePath(base);
  const here = documents.find((d) => prefix + d.url === pagePath || prefix + d.url === pagePath + '/');
  if (!here) return undefined;
  let wanted: string;
  try {
    wanted = path.posix.normalize(path.posix.join(path.posix.dirname(here.path), decodeURIComponent(target)));
  } catch {
    return undefined;
  }
  const doc =
    documents.find((d) => d.path === wanted) ??
    documents.find((d) => d.path.toLowerCase() === wanted.toLowerCase());
  if (doc) return withBase(doc.url, base) + hash;
  // A relative link to a non-document (e.g. an image or file) is served from the site root like assets.
  if (!/\.mdx?$/i.test(target) && !wanted.startsWith('..')) return withBase('/' + wanted, base) + hash;
  return undefined;
}
