// `--format text`: one line per problem, `file:line:column severity code: message`, the fix below it,
// then a count. Control characters in content text (a file name, a quoted link) are shown as escapes,
// so no document can move the cursor, colour or rewrite a terminal or a CI log.
import type { CheckReport } from './check-report.ts';

export function formatText(report: CheckReport): string {
  const lines: string[] = [];
  for (const d of report.diagnostics) {
    lines.push(`${visible(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code}: ${visible(d.message)}`);
    if (d.hint) lines.push(`    ${visible(d.hint)}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(report: CheckReport): string {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  return `docgraph check: ${report.files.length} file(s) checked, ${errors} error(s), ${warnings} warning(s)`;
}

/** C0/C1 controls and DEL as `\u{…}`; everything else as it is. */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
