// report.json for the link report page: read from the data folder (the same file served at /report.json),
// grouped per file so writers can fix one document at a time.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrokenLinkEntry, BuildReport } from '../pipeline/report.ts';
import type { Diagnostic } from '../pipeline/types.ts';
import { dataDir, residentData } from './data.ts';

export function getReport(): BuildReport {
  const resident = residentData()?.report;
  if (resident) return resident;
  const file = path.join(dataDir, 'public', 'report.json');
  if (!existsSync(file)) throw new Error(`docgraph: report.json not found at ${file}. Build the site with \`npm run build\`.`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as BuildReport;
  if (report.schemaVersion !== 1) throw new Error(`docgraph: report.json has schemaVersion ${String(report.schemaVersion)}; this site reads 1.`);
  return report;
}

/** Diagnostic codes that restate a `broken` entry; shown once, with the broken item. */
const BROKEN_CODES = new Set(['broken-link', 'broken-anchor', 'broken-image']);

export interface FileProblems {
  file: string;
  broken: BrokenLinkEntry[];
  /** Errors first, then warnings; broken-link diagnostics already listed in `broken` are left out. */
  diagnostics: Diagnostic[];
}

export function problemsByFile(report: BuildReport): FileProblems[] {
  const files = new Map<string, FileProblems>();
  const entry = (file: string) => {
    let f = files.get(file);
    if (!f) files.set(file, (f = { file, broken: [], diagnostics: [] }));
    return f;
  };
  const brokenAt = new Set(report.broken.map((b) => `${b.file}:${b.line}:${b.column}`));
  for (const b of report.broken) entry(b.file).broken.push(b);
  for (const d of report.diagnostics) {
    if (BROKEN_CODES.has(d.code) && brokenAt.has(`${d.file}:${d.line}:${d.column}`)) continue;
    entry(d.file).diagnostics.push(d);
  }
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  for (const f of files.values()) f.diagnostics.sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
  // Files with errors first, then by path.
  const errors = (f: FileProblems) => f.broken.length + f.diagnostics.filter((d) => d.severity === 'error').length;
  return [...files.values()].sort((a, b) => Number(errors(b) > 0) - Number(errors(a) > 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export const REASON_TEXT: Record<BrokenLinkEntry['reason'], string> = {
  'missing-file': 'links to a file that does not exist',
  'missing-anchor': 'links to an anchor the target page does not have',
  'missing-image': 'shows an image that does not exist',
  'unsafe-url': 'uses a URL scheme that is never published',
  'outside-content': 'points outside the content folder',
};

export const REASON_TITLE: Record<BrokenLinkEntry['reason'], string> = {
  'missing-file': 'Missing file',
  'missing-anchor': 'Missing anchor',
  'missing-image': 'Missing image',
  'unsafe-url': 'Unsafe URL',
  'outside-content': 'Outside the content folder',
};
