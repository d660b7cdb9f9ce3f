// Site URLs. Everything the data folder holds is site-relative (`/docs/x/`, `/entities/x/`, `/media/x.png`);
// the site adds its base path (DOCGRAPH_BASE) here and nowhere else.

/** The base path without a trailing slash: '' for a site at the root, '/handbook' otherwise. */
export function basePath(base: string = import.meta.env.BASE_URL): string {
  return base.replace(/\/+$/, '');
}

/** Prefix a site-relative URL with the base path; absolute URLs (`https://…`) pass through. */
export function withBase(url: string, base?: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  return basePath(base) + url;
}

/** A link to a section of a document page; the text before the first heading has section id ''. */
export function sectionHref(docUrl: string, sectionId: string, base?: string): string {
  return withBase(docUrl, base) + (sectionId ? '#' + encodeURIComponent(sectionId) : '');
}

