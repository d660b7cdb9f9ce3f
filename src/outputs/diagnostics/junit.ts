// `--format junit`: JUnit XML as GitLab (artifacts:reports:junit), Azure DevOps (PublishTestResults@2,
// testResultsFormat JUnit) and Jenkins show it. One testsuite; one testcase per checked file, so a
// clean file shows as passed; one <failure> per error (type = the check's code, message = what is
// wrong, text = file:line:column and the fix). Warnings do not fail a file (as `check` exits 0 on
// them): they go in the testcase's <system-out>, which GitLab and Azure DevOps show with the case,
// rather than as <skipped>, which would report a checked file as not run. Valid against the JUnit
// schema Jenkins uses (test/fixtures/junit/junit-10.xsd). No times or timestamps: the same content
// gives the same bytes.
import type { Diagnostic } from '../../pipeline/types.ts';
import type { CheckReport } from './check-report.ts';

export function formatJunit(report: CheckReport): string {
  const byFile = new Map<string, Diagnostic[]>(report.files.map((f) => [f, []]));
  for (const d of report.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const files = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const failedFiles = new Set(errors.map((d) => d.file)).size;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="docgraph check" tests="${files.length}" failures="${failedFiles}" errors="0">`,
    `  <testsuite name="docgraph check" tests="${files.length}" failures="${failedFiles}" errors="0" skipped="0">`,
  ];
  for (const file of files) {
    const found = byFile.get(file)!;
    const failures = found.filter((d) => d.severity === 'error');
    const warnings = found.filter((d) => d.severity === 'warning');
    const open = `    <testcase name="${attr(file)}" classname="docgraph"`;
    if (failures.length === 0 && warnings.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    for (const d of failures) lines.push(`      <failure type="${attr(d.code)}" message="${attr(d.message)}">${text(where(d))}</failure>`);
    if (warnings.length > 0) lines.push(`      <system-out>${text(warnings.map((d) => `warning ${d.code}: ${where(d)}`).join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

function where(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}${d.hint ? `\n${d.hint}` : ''}`;
}

/**
 * Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates)
 * become U+FFFD; `&`, `<`, `>` are escaped, so no content can close an element or a CDATA section.
 */
function text(value: string): string {
  return legal(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** As `text`, and quotes and whitespace as references: attribute values are normalised otherwise. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function legal(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.toWellFormed().replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}
