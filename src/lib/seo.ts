// Page metadata shared by every page: absolute URLs when the site origin is known, and JSON-LD that is
// safe to place inside a <script type="application/ld+json"> element.
import { withBase } from './urls.ts';

/**
 * JSON for a `<script type="application/ld+json">` data block. `<` is written as `\u003c` so no string
 * inside can close the element (`</script>`) or open a comment (`<!--`); `>` and `&` likewise, and the
 * two line separators that older parsers choke on. The result is still the same JSON value.
 */
export function jsonLdString(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The URL of a site-relative path (without base) as published: absolute when `site` (Astro `site`,
 * from DOCGRAPH_SITE / --site) is set, else site-relative with the base path.
 */
export function publicUrl(path: string, site?: URL | string, base?: string): string {
  const withBasePath = withBase(path, base);
  return site ? new URL(withBasePath, site).href : withBasePath;
}

/** Keeps meta descriptions to one readable sentence-ish length. */
export function shortDescription(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}
