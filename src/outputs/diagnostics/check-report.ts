// What every output format of `docgraph check` is made from: the diagnostics with their files as
// paths relative to the folder the check ran in (the repository root in CI), and the files checked.
import type { Diagnostic } from '../../pipeline/types.ts';

export interface CheckReport {
  /** Sorted by file, line, column; `file` is a relative path with `/` separators. */
  diagnostics: readonly Diagnostic[];
  /** Every file checked (documents, includes, TOC files, the vocabulary), relative like `file`, sorted. */
  files: readonly string[];
  tool: { name: string; version: string; informationUri?: string };
  /** The absolute folder the paths are relative to (SARIF's SRCROOT), with a trailing `/`. */
  root: string;
}

export type CheckFormat = 'text' | 'github' | 'sarif' | 'junit';
