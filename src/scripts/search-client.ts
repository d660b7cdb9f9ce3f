// The browser's searcher: the shared ranking code over index files fetched from /search/ on demand.
import { createSearcher, type Searcher } from '../search/query.ts';

let searcher: Searcher | undefined;

export function siteSearcher(): Searcher {
  return (searcher ??= createSearcher(async (path) => {
    const response = await fetch(siteUrl(`/search/${path}`));
    if (!response.ok) throw new Error(`search index: ${response.status} for ${path}`);
    return response.json() as Promise<unknown>;
  }));
}

/** A site-relative URL from the index, with the base path; anything else is refused. */
export function siteUrl(url: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) throw new Error(`not a site URL: ${url}`);
  return import.meta.env.BASE_URL.replace(/\/+$/, '') + url;
}
