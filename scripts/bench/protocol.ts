// What a measuring child prints and how the parent reads it: one line, prefixed so that anything
// else the measured code logs cannot be mistaken for the result.
export const RESULT_PREFIX = 'DOCGRAPH_BENCH_RESULT ';

export interface Measurement {
  /** Wall-clock time of the measured work (reading + parsing/pipeline), module loading excluded. */
  ms: number;
  /** `process.resourceUsage().maxRSS` at the end, in MiB: the child's peak resident memory. */
  peakMiB: number;
  /** Markdown files read. */
  files: number;
  /** Per-stage times reported by the pipeline's `onStage`, in call order (pipeline only). */
  stages?: Record<string, number>;
  /** What the work produced, to show that it did the same job at every size. */
  counts: Record<string, number>;
}

export function printMeasurement(m: Measurement): void {
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(m)}\n`);
}

export function peakMiB(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

export function parseMeasurement(stdout: string): Measurement | undefined {
  const line = stdout.split('\n').findLast((l) => l.startsWith(RESULT_PREFIX));
  return line === undefined ? undefined : (JSON.parse(line.slice(RESULT_PREFIX.length)) as Measurement);
}
