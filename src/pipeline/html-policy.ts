// Raw HTML in content: which elements a document may write (the rest is shown as text by the
// renderer), and a warning at file:line for everything the published page will not carry out:
// unknown elements, event handlers, inline styles and script URLs. The renderer's sanitizer
// (outputs/sanitize-schema.ts) is what makes them inert; this only tells the writer.
import type { Html, Root } from 'mdast';
import { eachOfType } from './walk.ts';
import type { Diagnostic } from './types.ts';

/** Elements content may write as raw HTML (Markdown) or JSX (MDX); any other is shown as text. */
export const CONTENT_HTML_TAGS: ReadonlySet<string> = new Set(['a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'ol', 'p', 'pre', 's', 'samp', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var']);

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const RISKY_ATTRIBUTE = /(?:^|\s)(on[a-z]+|style|srcdoc|formaction)\s*=/gi;
const SCRIPT_URL = /(?:href|src|action|data)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i;

/** One warning per raw HTML element the page will show as text or publish without some of its attributes. */
export function rawHtmlDiagnostics(tree: Root, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  eachOfType<Html>(tree, 'html', (node) => {
    if (!node.value.includes('<') || node.data?.sourceFile) return; // includes are checked as their own file
    const start = node.position?.start ?? { line: 1, column: 1 };
    for (const tag of node.value.matchAll(TAG)) {
      const name = tag[1]!.toLowerCase();
      const attributes = tag[2] ?? '';
      const before = node.value.slice(0, tag.index);
      const lines = before.split('\n');
      const line = start.line + lines.length - 1;
      const column = lines.length === 1 ? start.column + before.length : lines[lines.length - 1]!.length + 1;
      const warn = (message: string, hint: string): void => {
        out.push({ severity: 'warning', code: 'unsafe-html', file, line, column, message, hint });
      };
      if (!CONTENT_HTML_TAGS.has(name)) {
        warn(`<${name}> is not an allowed HTML element; the page shows it as text.`, 'Use Markdown, or put markup you want to show in a code block.');
        continue;
      }
      const risky = [...new Set([...attributes.matchAll(RISKY_ATTRIBUTE)].map((m) => m[1]!.toLowerCase()))];
      if (SCRIPT_URL.test(attributes)) risky.push('script URL');
      if (risky.length > 0) warn(`<${name}>: ${risky.join(', ')} removed (script and inline styles never reach the page).`, 'Remove event handlers and inline styles; link with http(s) or relative URLs.');
    }
  });
  return out;
}
