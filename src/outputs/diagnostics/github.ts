// `--format github`: GitHub Actions workflow commands, one line per problem, which the runner turns
// into annotations on the file and line:
//   ::error file={name},line={line},col={col},title={title}::{message}
// Escaping as GitHub's own toolkit does (@actions/core command.ts): in the message `%`, CR and LF
// become %25, %0D, %0A; in properties also `:` and `,` become %3A and %2C. So no file name or
// message can end the command early or start another one on a new line.
import type { CheckReport } from './check-report.ts';
import { summaryLine, visible } from './text.ts';

export function formatGithub(report: CheckReport): string {
  const lines = report.diagnostics.map((d) => {
    const properties = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(`docgraph ${d.code}`)}`];
    // Line breaks stay (a multi-line annotation, escaped below); other control characters (a terminal
    // escape in a quoted link) are shown as escapes, not sent to the log.
    const lines = [d.message, ...(d.hint ? [d.hint] : [])].flatMap((t) => t.split(/\r\n?|\n/));
    const message = lines.map(visible).join('\n');
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message)}`;
  });
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
