// The one remark parse per document. Front matter stays in the tree as a `yaml` node so its
// position is known; MDX is parsed with remark-mdx so JSX and ESM are nodes, not text.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { DocumentFormat } from './types.ts';

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Removes a UTF-8 BOM and normalizes CRLF/CR line endings; line numbers are unchanged. */
export function normalizeSource(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

export function formatOf(path: string): DocumentFormat {
  return /\.mdx$/i.test(path) ? 'mdx' : 'md';
}

/** Parses normalized source. Throws (a VFileMessage with line/column) only for invalid MDX. */
export function parseMarkdown(text: string, format: DocumentFormat): Root {
  return (format === 'mdx' ? mdx : markdown).parse(text);
}
