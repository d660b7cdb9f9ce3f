// Links written as raw HTML (`<a href>`, `<img src>`): the corpus has ~200 of them. Markdown links
// are collected by sentences.ts during its walk; this module only reads tags.

export interface HtmlLink {
  kind: 'html' | 'image';
  url: string;
  text: string;
  /** Lines between the start of the HTML node and the tag. */
  lineOffset: number;
}

const TAG = /<(a|img)\b([^>]*)>/gi;
const ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

export function htmlLinks(html: string): HtmlLink[] {
  if (!/href|src/i.test(html)) return [];
  const out: HtmlLink[] = [];
  for (const tag of html.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of tag[2]!.matchAll(ATTR)) attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    const url = name === 'a' ? attrs.get('href') : attrs.get('src');
    if (url === undefined) continue;
    const lineOffset = countNewlines(html, tag.index);
    out.push({ kind: name === 'img' ? 'image' : 'html', url: url.trim(), text: attrs.get('alt') ?? attrs.get('title') ?? '', lineOffset });
  }
  return out;
}

/** Line breaks in `text` before offset `end` (the whole text by default). */
export function countNewlines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Enough entity decoding to classify a URL; `&#106;avascript:` must not slip past as relative. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
