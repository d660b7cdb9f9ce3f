// Pathological nesting, before the parser sees it. micromark's cost per line grows with the number
// of open containers (lists, block quotes), so a heading 1,000 lists deep takes minutes to parse
// and overflows the stack of every tree walker after it. No real page nests 100 levels: deeper
// lines are lifted to that level (their text is kept) and reported, so build time stays
// proportional to size.
import type { Diagnostic } from './types.ts';

/** Leading columns kept: 100 levels of two-space list indentation. */
export const MAX_INDENT = 200;
/** Block quote markers kept on one line. */
export const MAX_QUOTES = 100;

const DEEP = new RegExp(`^(?:[ \\t]{${MAX_INDENT + 1}}|(?:[ \\t]*>){${MAX_QUOTES + 1}})`, 'm');

export function limitNesting(text: string, file: string): { text: string; diagnostics: Diagnostic[] } {
  if (!DEEP.test(text)) return { text, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  let lastChanged = -2;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const quotes = /^(?:[ \t]*>)+/.exec(line);
    let fixed = line;
    if (quotes && (quotes[0].match(/>/g)?.length ?? 0) > MAX_QUOTES) fixed = `${'>'.repeat(MAX_QUOTES)} ${line.slice(quotes[0].length).trimStart()}`;
    const indent = /^[ \t]*/.exec(fixed)![0];
    if (indentWidth(indent) > MAX_INDENT) fixed = ' '.repeat(MAX_INDENT) + fixed.slice(indent.length);
    if (fixed === line) continue;
    lines[i] = fixed;
    const continuesRun = lastChanged === i - 1;
    lastChanged = i;
    // One warning per run of deep lines, at its first line.
    if (!continuesRun) diagnostics.push({ severity: 'warning', code: 'deep-nesting', file, line: i + 1, column: 1, message: `Nested more than ${MAX_QUOTES} levels deep (lists or block quotes); shown at level ${MAX_QUOTES}.`, hint: 'Flatten the structure: no reader follows a hundred levels of nesting.' });
  }
  return { text: lines.join('\n'), diagnostics };
}

function indentWidth(indent: string): number {
  let width = 0;
  for (const ch of indent) width = ch === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}
