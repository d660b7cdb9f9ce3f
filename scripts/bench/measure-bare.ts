// Child process: the floor docgraph is compared with. Reads every .md/.mdx file of a folder,
// parses it with remark-parse + remark-gfm + remark-frontmatter and walks links and headings.
//   node scripts/bench/measure-bare.ts DIR
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { peakMiB, printMeasurement } from './protocol.ts';

async function markdownFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.mdx?$/i.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.split('/').some((s) => s.startsWith('.') || s === 'node_modules'))
    .sort();
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: measure-bare.ts DIR');

const t0 = performance.now();
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const paths = await markdownFiles(dir);
let links = 0;
let images = 0;
let headings = 0;
let headingChars = 0;
for (const path of paths) {
  const tree = processor.parse(await readFile(join(dir, path), 'utf8')) as Root;
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') links++;
    else if (node.type === 'image') images++;
    else if (node.type === 'heading') {
      headings++;
      headingChars += toString(node).length;
    }
  });
}
printMeasurement({
  ms: performance.now() - t0,
  peakMiB: peakMiB(),
  files: paths.length,
  counts: { links, images, headings, headingChars },
});
