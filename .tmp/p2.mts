import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { parse, postprocess, preprocess } from 'micromark';
const text = readFileSync(process.argv[2]!, 'utf8');
let t = performance.now(); fromMarkdown(text); console.log('plain', Math.round(performance.now() - t));
t = performance.now(); fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }); console.log('gfm', Math.round(performance.now() - t));
t = performance.now(); const ev = postprocess(parse({extensions:[gfm()]}).document().write(preprocess()(text, undefined, true))); console.log('micromark events', ev.length, Math.round(performance.now() - t));
