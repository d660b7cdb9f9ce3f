// `--format sarif`: a SARIF 2.1.0 log (OASIS), as GitHub code scanning, Azure DevOps and editors read
// it. One run; the rule catalogue is every check docgraph has (rules.ts), so a ruleIndex stays the same
// whatever a run finds. Locations are relative URIs under SRCROOT, the folder the check ran in.
import type { CheckReport } from './check-report.ts';
import { RULES, ruleOf } from './rules.ts';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function formatSarif(report: CheckReport): string {
  const codes = [...new Set([...Object.keys(RULES), ...report.diagnostics.map((d) => d.code)])].sort();
  const index = new Map(codes.map((code, i) => [code, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            ...(report.tool.informationUri ? { informationUri: report.tool.informationUri } : {}),
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: ruleOf(code).text },
              defaultConfiguration: { level: ruleOf(code).level },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: fileUri(report.root) } },
        // unified counts columns in UTF-16 code units (JavaScript string indices).
        columnKind: 'utf16CodeUnits',
        artifacts: report.files.map((file) => ({ location: { uri: uriOf(file), uriBaseId: 'SRCROOT' } })),
        results: report.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code)!,
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(d.file), uriBaseId: 'SRCROOT' },
                region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column) },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `?`, `%`, non-ASCII). */
export function uriOf(path: string): string {
  return path.toWellFormed().split('/').map(encodeURIComponent).join('/');
}

function fileUri(dir: string): string {
  return `file://${uriOf(dir)}`;
}
