// Pure figures and formatting for `npm run bench`: medians, growth exponents, targets, tables.
import type { Measurement } from './protocol.ts';

/** The targets printed beside the figures. */
export const TARGETS = {
  /** Pipeline time at most this multiple of the bare remark parse of the same files. */
  maxRatio: 2,
  /** Growth exponent 1k -> 10k at most this: 1 is linear. */
  maxGrowthExponent: 1.1,
  /** Pipeline peak RSS at 10k documents below this. */
  maxPeakMiB10k: 2048,
} as const;

export interface Aggregate {
  runs: number;
  /** Every run's time, in run order. */
  runsMs: number[];
  medianMs: number;
  /** Highest peak RSS over the runs. */
  peakMiB: number;
  files: number;
  /** Median per stage (pipeline only). */
  stages?: Record<string, number>;
  counts: Record<string, number>;
}

export type Outcome = Aggregate | { error: string };

export interface SetFigures {
  name: string;
  dir: string;
  /** Articles in the set (Markdown outside includes/ and not TOC.md). */
  docs: number;
  bare: Outcome;
  pipeline: Outcome;
}

export interface Growth {
  from: string;
  to: string;
  docsRatio: number;
  bare?: number;
  pipeline?: number;
}

export interface TargetCheck {
  target: string;
  figure: string;
  ok: boolean | undefined;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function aggregate(runs: readonly Measurement[]): Aggregate {
  const stageNames = [...new Set(runs.flatMap((r) => Object.keys(r.stages ?? {})))];
  const last = runs.at(-1)!;
  return {
    runs: runs.length,
    runsMs: runs.map((r) => r.ms),
    medianMs: median(runs.map((r) => r.ms)),
    peakMiB: Math.max(...runs.map((r) => r.peakMiB)),
    files: last.files,
    ...(stageNames.length > 0 && {
      stages: Object.fromEntries(stageNames.map((s) => [s, median(runs.map((r) => r.stages?.[s] ?? 0))])),
    }),
    counts: last.counts,
  };
}

export function isAggregate(o: Outcome): o is Aggregate {
  return !('error' in o);
}

/** Fitted exponent b of t = a * docs^b between two sizes: log(t2/t1) / log(n2/n1). */
export function growthExponent(t1: number, t2: number, n1: number, n2: number): number {
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}

export function growth(from: SetFigures, to: SetFigures): Growth {
  const exp = (a: Outcome, b: Outcome): number | undefined =>
    isAggregate(a) && isAggregate(b) ? growthExponent(a.medianMs, b.medianMs, from.docs, to.docs) : undefined;
  return {
    from: from.name,
    to: to.name,
    docsRatio: to.docs / from.docs,
    bare: exp(from.bare, to.bare),
    pipeline: exp(from.pipeline, to.pipeline),
  };
}

export function checkTargets(sets: readonly SetFigures[], growths: readonly Growth[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const set of sets) {
    const { bare, pipeline } = set;
    if (!isAggregate(bare) || !isAggregate(pipeline)) continue;
    const ratio = pipeline.medianMs / bare.medianMs;
    checks.push({
      target: `${set.name}: pipeline within ${TARGETS.maxRatio}x the bare parse`,
      figure: `${ratio.toFixed(2)}x`,
      ok: ratio <= TARGETS.maxRatio,
    });
  }
  for (const g of growths) {
    if (g.pipeline === undefined) continue;
    checks.push({
      target: `${g.from} -> ${g.to}: growth close to linear (exponent <= ${TARGETS.maxGrowthExponent})`,
      figure: `${g.pipeline.toFixed(2)} (bare ${g.bare?.toFixed(2) ?? '-'})`,
      ok: g.pipeline <= TARGETS.maxGrowthExponent,
    });
  }
  const big = sets.find((s) => s.name === '10k');
  if (big && isAggregate(big.pipeline)) {
    checks.push({
      target: `10k: pipeline peak memory < ${TARGETS.maxPeakMiB10k / 1024} GB`,
      figure: `${big.pipeline.peakMiB.toFixed(0)} MiB`,
      ok: big.pipeline.peakMiB < TARGETS.maxPeakMiB10k,
    });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Text output

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

export function mainTable(sets: readonly SetFigures[]): string {
  const rows = sets.map((s) => {
    const b = s.bare;
    const p = s.pipeline;
    const okB = isAggregate(b);
    const okP = isAggregate(p);
    return [
      s.name,
      String(s.docs),
      okB ? seconds(b.medianMs) : 'failed',
      okP ? seconds(p.medianMs) : 'failed',
      okB && okP ? `${(p.medianMs / b.medianMs).toFixed(2)}x` : '-',
      okP ? (p.medianMs / s.docs).toFixed(2) : '-',
      okB ? b.peakMiB.toFixed(0) : '-',
      okP ? p.peakMiB.toFixed(0) : '-',
      String(Math.max(okB ? b.runs : 0, okP ? p.runs : 0)),
    ];
  });
  return formatTable(
    ['set', 'docs', 'bare parse s', 'pipeline s', 'pipeline/bare', 'ms/doc', 'bare peak MiB', 'pipeline peak MiB', 'runs'],
    rows,
  );
}

export function stageTable(sets: readonly SetFigures[]): string | undefined {
  const measured = sets.filter((s) => isAggregate(s.pipeline) && s.pipeline.stages);
  if (measured.length === 0) return undefined;
  const names = [...new Set(measured.flatMap((s) => Object.keys((s.pipeline as Aggregate).stages!)))];
  const rows = measured.map((s) => [s.name, ...names.map((n) => seconds((s.pipeline as Aggregate).stages![n] ?? 0))]);
  return formatTable(['set (stage s)', ...names], rows);
}

export function countsTable(sets: readonly SetFigures[]): string | undefined {
  const measured = sets.filter((s) => isAggregate(s.pipeline));
  if (measured.length === 0) return undefined;
  const names = [...new Set(measured.flatMap((s) => Object.keys((s.pipeline as Aggregate).counts)))];
  const rows = measured.map((s) => [s.name, ...names.map((n) => String((s.pipeline as Aggregate).counts[n] ?? '-'))]);
  return formatTable(['set (pipeline output)', ...names], rows);
}

export function targetLines(checks: readonly TargetCheck[]): string {
  return checks
    .map((c) => `  ${c.ok === undefined ? '?' : c.ok ? 'ok  ' : 'MISS'}  ${c.target}: ${c.figure}`)
    .join('\n');
}
