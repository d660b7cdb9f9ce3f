// What MDX from the content folder may do. MDX is a programming language: `import`/`export`,
// `{expressions}` and JSX attributes run at build time, and `<script>` or `onClick` end up in the
// reader's browser. Content is not trusted code, so a document keeps only Markdown, the components
// docgraph provides (<EntityLink>, <Relations>) and plain HTML elements from the article allow-list,
// all with literal string attributes. Everything else is removed here, on the one parsed tree, and
// reported at file:line:column; Astro compiles the cleaned tree (see outputs/mdx-source.ts), never
// the file as written.
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { CONTENT_HTML_TAGS } from './html-policy.ts';
import type { Diagnostic } from './types.ts';
import { isProtocolRelative, isSafeExternalUrl, schemeOf } from './urls.ts';

/** docgraph's MDX components and the attributes each takes. */
export const MDX_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  EntityLink: ['id'],
  Relations: ['entity', 'level'],
};


/** Attributes plain elements may carry; URLs (`href`, `src`) are resolved later like Markdown links. */
const HTML_ATTRIBUTES = new Set(['id', 'title', 'alt', 'width', 'height', 'colspan', 'rowspan', 'align', 'lang', 'dir', 'open', 'start', 'reversed', 'cite', 'href', 'src']);

/** Elements whose content is code or foreign markup: removed with everything inside. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'template', 'noscript', 'textarea', 'select', 'title', 'head', 'link', 'meta', 'base', 'form', 'input', 'button', 'audio', 'video', 'source', 'track', 'canvas', 'applet', 'portal']);

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
type Attribute = MdxJsxAttribute | MdxJsxExpressionAttribute;

/** Removes what MDX content may not do from `tree` (in place) and says what was removed, where. */
export function applyMdxPolicy(tree: Root, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (node: { position?: { start: { line: number; column: number } } }, code: string, message: string, hint: string): void => {
    diagnostics.push({ severity: 'error', code, file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message, hint });
  };
  const clean = (nodes: RootContent[]): RootContent[] => {
    const out: RootContent[] = [];
    for (const child of nodes) {
      const result = cleanNode(child, report);
      if (result.length === 1 && result[0] === child) {
        if ('children' in child) child.children = clean(child.children as RootContent[]) as typeof child.children;
        out.push(child);
        continue;
      }
      // What an unwrapped element leaves behind gets the same policy (`<Tabs><script>`).
      for (const node of clean(result)) out.push(node);
    }
    return out;
  };
  tree.children = clean(tree.children);
  return diagnostics;
}

type Report = (node: RootContent | Attribute, code: string, message: string, hint: string) => void;

function cleanNode(node: RootContent, report: Report): RootContent[] {
  switch (node.type) {
    case 'mdxjsEsm':
      report(node, 'mdx-esm', `\`${firstLine(node.value)}\`: import and export statements are not allowed in content; removed.`, 'docgraph components (<EntityLink>, <Relations>) need no import; move code into the site, not the content.');
      return [];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      // `{/* comment */}` is the MDX way to write a comment: dropped without a word.
      if (isComment(node.value)) return [];
      report(node, 'mdx-expression', `\`{${truncate(node.value)}}\`: JavaScript expressions are not allowed in content; removed.`, 'Write the value as text, or escape the brace as \\{ to show it.');
      return [];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return cleanJsx(node, report);
    default:
      return [node];
  }
}

function cleanJsx(node: Jsx, report: Report): RootContent[] {
  const name = node.name;
  if (name === null) return node.children as RootContent[]; // a fragment `<>...</>`: its content stays
  const lower = name.toLowerCase();
  const allowed = MDX_COMPONENTS[name] ?? (CONTENT_HTML_TAGS.has(name) ? [...HTML_ATTRIBUTES] : undefined);
  if (!allowed) {
    if (DROPPED_WITH_CONTENT.has(lower)) {
      report(node, 'mdx-element', `<${name}> is not allowed in content; removed with its content.`, 'Show markup as code (in backticks or a fenced block) instead.');
      return [];
    }
    report(node, 'mdx-element', `<${name}> is not a docgraph component or an allowed HTML element; its text is kept.`, `Use ${Object.keys(MDX_COMPONENTS).map((c) => `<${c}>`).join(', ')} or plain Markdown.`);
    return node.children as RootContent[];
  }
  node.attributes = node.attributes.filter((attribute) => keepAttribute(attribute, attribute.position ? attribute : node, name, allowed, report));
  return [node];
}

function keepAttribute(attribute: Attribute, at: Attribute | Jsx, element: string, allowed: readonly string[], report: Report): boolean {
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    report(at, 'mdx-attribute', `<${element} {${truncate(attribute.value)}}>: spread attributes are not allowed in content; removed.`, 'Write each attribute as name="value".');
    return false;
  }
  if (!allowed.includes(attribute.name)) {
    report(at, 'mdx-attribute', `<${element} ${attribute.name}>: this attribute is not allowed${/^on/i.test(attribute.name) ? ' (event handlers run script)' : ''}; removed.`, `Allowed here: ${allowed.join(', ')}.`);
    return false;
  }
  if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
    report(at, 'mdx-attribute', `<${element} ${attribute.name}={${truncate(attribute.value.value)}}>: attribute values must be literal strings in content; removed.`, `Write ${attribute.name}="value".`);
    return false;
  }
  if ((attribute.name === 'href' || attribute.name === 'src') && typeof attribute.value === 'string' && isUnsafeUrl(attribute.value)) {
    report(at, 'mdx-attribute', `<${element} ${attribute.name}="${truncate(attribute.value)}">: only http, https, mailto and relative URLs are published; removed.`, 'Link to an http(s) page or a file of the content folder.');
    return false;
  }
  return true;
}

function isUnsafeUrl(url: string): boolean {
  return isProtocolRelative(url) || (schemeOf(url) !== undefined && !isSafeExternalUrl(url));
}

function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression) && !expression.slice(expression.indexOf('/*') + 2, expression.lastIndexOf('*/')).includes('*/');
}

function firstLine(text: string): string {
  return truncate(text.split('\n')[0] ?? text);
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
