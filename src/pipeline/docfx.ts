// DocFX Markdown conventions, normalized on the mdast so every later stage sees plain structure:
// `[!INCLUDE [label](path)]` paragraphs are replaced by the include's content, and `> [!NOTE]`
// blockquotes become alerts (`data.alert`). Explicit `<a name>` anchors are read by sections.ts.
import type { Blockquote, Link, Paragraph, Root, RootContent, Text } from 'mdast';
import { posix } from 'node:path';
import type { Diagnostic } from './types.ts';
import { decodeUrlPart } from './urls.ts';

export const ALERT_TYPES = ['note', 'tip', 'important', 'caution', 'warning'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

declare module 'mdast' {
  interface Data {
    /** The file a spliced node was written in (set on the top-level nodes of an include). */
    sourceFile?: string;
    /** DocFX alert type of a blockquote. */
    alert?: AlertType;
  }
}

/** Returns the parsed include for a content-relative path, or undefined when there is no such file. */
export type IncludeLookup = (path: string) => Root | undefined;

const ALERT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\][ \t]*\n?/i;

/** The include path of an `[!INCLUDE [label](path)]` paragraph, or undefined. */
export function includeTarget(node: RootContent): Link | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [open, link, close, ...rest] = (node as Paragraph).children;
  if (rest.length > 0 || open?.type !== 'text' || link?.type !== 'link' || close?.type !== 'text') return undefined;
  if (!/^\s*\[!INCLUDE\s*$/i.test(open.value) || !/^\]\s*$/.test(close.value)) return undefined;
  return link;
}

/**
 * Splices includes into `tree` (in place), recursively, each include path resolved against the
 * file that names it. Cycles and missing files are reported and the paragraph is left as written.
 */
export function inlineIncludes(tree: Root, file: string, lookup: IncludeLookup): { diagnostics: Diagnostic[]; included: string[] } {
  const diagnostics: Diagnostic[] = [];
  const included: string[] = [];
  const expand = (children: RootContent[], from: string, stack: string[]): RootContent[] => {
    const out: RootContent[] = [];
    for (const node of children) {
      const link = includeTarget(node);
      if (!link) {
        out.push(node);
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(from), decodeUrlPart(link.url.split('#')[0] ?? '')));
      const line = node.position?.start.line ?? 1;
      const column = node.position?.start.column ?? 1;
      const include = target.startsWith('..') ? undefined : lookup(target);
      if (!include) {
        diagnostics.push({ severity: 'error', code: 'missing-include', file: from, line, column, message: `Include "${link.url}" not found.`, hint: 'Fix the path; it is relative to the file that contains the [!INCLUDE].' });
        out.push(node);
        continue;
      }
      if (stack.includes(target)) {
        diagnostics.push({ severity: 'error', code: 'include-cycle', file: from, line, column, message: `Include cycle: ${[...stack, target].join(' -> ')}.`, hint: 'Remove the [!INCLUDE] that points back.' });
        out.push(node);
        continue;
      }
      included.push(target);
      // Clone: one include can be spliced into many documents, and rendering edits its tree.
      const body = structuredClone(include.children.filter((c) => c.type !== 'yaml'));
      for (const child of body) child.data = { ...child.data, sourceFile: target };
      const expanded = expand(body, target, [...stack, target]);
      // Nested includes carry their own sourceFile; the rest belongs to this include.
      out.push(...expanded);
    }
    return out;
  };
  tree.children = expand(tree.children, file, [file]);
  return { diagnostics, included };
}

/** Marks `> [!NOTE]`-style blockquotes as alerts (in place) and removes the marker text. */
export function markAlerts(tree: Root): void {
  const visit = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'blockquote') markAlert(node);
      if ('children' in node) visit(node.children as RootContent[]);
    }
  };
  visit(tree.children);
}

function markAlert(quote: Blockquote): void {
  const first = quote.children[0];
  if (first?.type !== 'paragraph') return;
  const text = first.children[0];
  if (text?.type !== 'text') return;
  const match = ALERT_MARKER.exec(text.value);
  if (!match) return;
  quote.data = { ...quote.data, alert: match[1]!.toLowerCase() as AlertType };
  (text as Text).value = text.value.slice(match[0].length);
  if (text.value === '') first.children.shift();
  // A soft line break right after the marker would leave the paragraph starting with a newline.
  const next = first.children[0];
  if (next?.type === 'break') first.children.shift();
  if (first.children.length === 0) quote.children.shift();
}

/** Extracts the id of an explicit `<a name="x">` / `<a id="x">` anchor tag, if the HTML is one. */
export function explicitAnchor(html: string): string | undefined {
  const match = /^<a\s+(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))\s*\/?>(?:\s*<\/a>)?$/i.exec(html.trim());
  const id = match?.[1] ?? match?.[2] ?? match?.[3];
  return id && id.trim() ? id.trim() : undefined;
}

/** Every anchor id raw HTML defines: `id` on any tag, `name` on `<a>` (`<span id="x" class="anchor">`). */
export function htmlAnchorIds(html: string): string[] {
  if (!/\b(?:id|name)\s*=/i.test(html)) return [];
  const ids: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    const isA = tag[1]!.toLowerCase() === 'a';
    for (const attr of tag[2]!.matchAll(/\b(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))/gi)) {
      if (attr[1]!.toLowerCase() === 'name' && !isA) continue;
      const id = (attr[2] ?? attr[3] ?? attr[4] ?? '').trim();
      if (id) ids.push(id);
    }
  }
  return ids;
}
