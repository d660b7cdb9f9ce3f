// URL safety, shared by link resolution, rendering and every export: only these schemes are ever
// emitted as live links. Browsers ignore ASCII whitespace and control characters inside a scheme
// (`java\tscript:`), so they are removed before the scheme is read.

export const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

export function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** True for URLs that leave the site through a safe scheme. */
export function isSafeExternalUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme !== undefined && SAFE_SCHEMES.has(scheme);
}

/** `//host/path` inherits the page's scheme and leaves the site: never emitted as a live link. */
export function isProtocolRelative(url: string): boolean {
  return /^[\\/]{2}/.test(url.replace(/^[\u0000-\u0020]+/, ''));
}

/** decodeURIComponent that leaves malformed escapes (`%E0%A4%A`) as written instead of throwing. */
export function decodeUrlPart(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
