import { readFileSync } from 'node:fs';
import { parse, postprocess, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
const text = readFileSync(process.argv[2]!, 'utf8');
for (const [name, ext] of Object.entries({ none: [], autolink: [gfmAutolinkLiteral()], footnote: [gfmFootnote()], strike: [gfmStrikethrough()], table: [gfmTable()], task: [gfmTaskListItem()] })) {
  const t = performance.now();
  postprocess(parse({ extensions: ext as never }).document().write(preprocess()(text, undefined, true)));
  console.log(name, Math.round(performance.now() - t));
}
