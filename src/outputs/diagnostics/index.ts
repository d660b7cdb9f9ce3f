// The output formats of `docgraph check`: pure functions from a CheckReport to the text to print.
import type { CheckFormat, CheckReport } from './check-report.ts';
import { formatGithub } from './github.ts';
import { formatJunit } from './junit.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

export type { CheckFormat, CheckReport } from './check-report.ts';
export { summaryLine } from './text.ts';

export const CHECK_FORMATS = ['text', 'github', 'sarif', 'junit'] as const satisfies readonly CheckFormat[];

const FORMATTERS: Record<CheckFormat, (report: CheckReport) => string> = {
  text: formatText,
  github: formatGithub,
  sarif: formatSarif,
  junit: formatJunit,
};

export function formatCheck(format: CheckFormat, report: CheckReport): string {
  return FORMATTERS[format](report);
}
