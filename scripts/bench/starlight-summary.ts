// Pure figures and tables for the Starlight reference of `npm run bench`: medians of cold and warm
// builds, peak memory, ratios docgraph/Starlight and the issue's targets.
import { formatTable, median, type TargetCheck } from './summary.ts';

/** One full build of one tool: wall time of the whole process, peak RSS of its process tree. */
export interface BuildRun {
  ms: number;
  peakMiB: number;
  /** User + system CPU time of the process tree, when measurable. */
  cpuMs?: number;
  /** docgraph only: its own stage times (`--timings`). */
  stages?: Record<string, number>;
}

export interface ToolFigures {
  tool: 'starlight' | 'docgraph';
  cold: BuildRun[];
  warm: BuildRun[];
  /** Set when a build failed; the runs before it are kept. */
  error?: string;
}

export interface ToolSummary {
  tool: string;
  runs: number;
  coldMs: number;
  warmMs: number;
  /** Medians of CPU time, when every run has it. */
  coldCpuMs?: number;
  warmCpuMs?: number;
  /** Highest peak over every cold and warm run. */
  peakMiB: number;
  coldStages?: Record<string, number>;
  warmStages?: Record<string, number>;
}

export const STARLIGHT_TARGETS = {
  /** docgraph's cold build at most this multiple of Starlight's, measured in the same run. */
  maxColdRatio: 0.8,
  /** docgraph's rebuild after one changed document under this many ms. */
  maxWarmMs: 2000,
} as const;

function stageMedians(runs: readonly BuildRun[]): Record<string, number> | undefined {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stages ?? {})))];
  if (names.length === 0) return undefined;
  return Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r.stages?.[n] ?? 0))]));
}

function cpuMedian(runs: readonly BuildRun[]): number | undefined {
  const cpu = runs.map((r) => r.cpuMs);
  return cpu.every((c) => c !== undefined) ? median(cpu) : undefined;
}

export function summarize(figures: ToolFigures): ToolSummary | undefined {
  if (figures.cold.length === 0 || figures.warm.length === 0) return undefined;
  const coldStages = stageMedians(figures.cold);
  const warmStages = stageMedians(figures.warm);
  const coldCpuMs = cpuMedian(figures.cold);
  const warmCpuMs = cpuMedian(figures.warm);
  return {
    tool: figures.tool,
    runs: Math.min(figures.cold.length, figures.warm.length),
    coldMs: median(figures.cold.map((r) => r.ms)),
    warmMs: median(figures.warm.map((r) => r.ms)),
    ...(coldCpuMs !== undefined && { coldCpuMs }),
    ...(warmCpuMs !== undefined && { warmCpuMs }),
    peakMiB: Math.max(...[...figures.cold, ...figures.warm].map((r) => r.peakMiB)),
    ...(coldStages && { coldStages }),
    ...(warmStages && { warmStages }),
  };
}

export function starlightChecks(docgraph?: ToolSummary, starlight?: ToolSummary): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (docgraph && starlight) {
    const cold = docgraph.coldMs / starlight.coldMs;
    const cpu =
      docgraph.coldCpuMs !== undefined && starlight.coldCpuMs !== undefined
        ? `; CPU time ${(docgraph.coldCpuMs / starlight.coldCpuMs).toFixed(2)}x`
        : '';
    checks.push({
      target: `cold full build at most ${STARLIGHT_TARGETS.maxColdRatio}x Starlight's`,
      figure: `${cold.toFixed(2)}x (${seconds(docgraph.coldMs)} s vs ${seconds(starlight.coldMs)} s${cpu})`,
      ok: cold <= STARLIGHT_TARGETS.maxColdRatio,
    });
  }
  if (docgraph) {
    checks.push({
      target: `warm rebuild with one changed document under ${STARLIGHT_TARGETS.maxWarmMs / 1000} s`,
      figure: `${seconds(docgraph.warmMs)} s${starlight ? ` (Starlight ${seconds(starlight.warmMs)} s)` : ''}`,
      ok: docgraph.warmMs < STARLIGHT_TARGETS.maxWarmMs,
    });
  }
  if (docgraph && starlight && docgraph.peakMiB > 0 && starlight.peakMiB > 0) {
    checks.push({
      target: "peak memory below Starlight's",
      figure: `${docgraph.peakMiB.toFixed(0)} MiB vs ${starlight.peakMiB.toFixed(0)} MiB (${(docgraph.peakMiB / starlight.peakMiB).toFixed(2)}x)`,
      ok: docgraph.peakMiB < starlight.peakMiB,
    });
  }
  return checks;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

export function referenceTable(docgraph?: ToolSummary, starlight?: ToolSummary): string {
  const optional = (ms?: number): string => (ms === undefined ? '-' : seconds(ms));
  const row = (s: ToolSummary): string[] => [
    s.tool,
    seconds(s.coldMs),
    seconds(s.warmMs),
    optional(s.coldCpuMs),
    optional(s.warmCpuMs),
    s.peakMiB.toFixed(0),
    String(s.runs),
  ];
  const rows = [docgraph, starlight].filter((s) => s !== undefined).map(row);
  if (docgraph && starlight) {
    const ratio = (a?: number, b?: number): string => (a !== undefined && b !== undefined && a > 0 && b > 0 ? `${(a / b).toFixed(2)}x` : '-');
    rows.push([
      'docgraph/Starlight',
      ratio(docgraph.coldMs, starlight.coldMs),
      ratio(docgraph.warmMs, starlight.warmMs),
      ratio(docgraph.coldCpuMs, starlight.coldCpuMs),
      ratio(docgraph.warmCpuMs, starlight.warmCpuMs),
      ratio(docgraph.peakMiB, starlight.peakMiB),
      '',
    ]);
  }
  return formatTable(['tool', 'cold s', 'warm s', 'cold CPU s', 'warm CPU s', 'peak MiB', 'runs'], rows);
}

/** docgraph's own stages (median s), cold and warm; `startup` = process time outside the stages. */
export function buildStageTable(docgraph: ToolSummary, runs: { cold: readonly BuildRun[]; warm: readonly BuildRun[] }): string | undefined {
  if (!docgraph.coldStages || !docgraph.warmStages) return undefined;
  const names = [...new Set([...Object.keys(docgraph.coldStages), ...Object.keys(docgraph.warmStages)])];
  const startup = (list: readonly BuildRun[]): number =>
    median(list.map((r) => r.ms - Object.values(r.stages ?? {}).reduce((a, b) => a + b, 0)));
  const line = (name: string, stages: Record<string, number>, list: readonly BuildRun[], total: number): string[] => [
    name,
    ...names.map((n) => seconds(stages[n] ?? 0)),
    seconds(startup(list)),
    seconds(total),
  ];
  return formatTable(
    ['docgraph build (stage s)', ...names, 'startup', 'total'],
    [line('cold', docgraph.coldStages, runs.cold, docgraph.coldMs), line('warm', docgraph.warmStages, runs.warm, docgraph.warmMs)],
  );
}
