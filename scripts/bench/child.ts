// Runs one measurement in a fresh Node process, so its peak memory belongs to that measurement
// alone and no JIT or cache state leaks from one measurement into the next.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseMeasurement, type Measurement } from './protocol.ts';
import { heapBudgetMiB, markdownBytes } from '../../src/build/heap-budget.ts';
import { pipelineFlags } from './build-flags.ts';

export type MeasureKind = 'bare' | 'pipeline';

const SCRIPTS: Record<MeasureKind, string> = {
  bare: fileURLToPath(new URL('./measure-bare.ts', import.meta.url)),
  pipeline: fileURLToPath(new URL('./measure-pipeline.ts', import.meta.url)),
};

export class MeasureError extends Error {}

export function measureInChild(
  kind: MeasureKind,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number },
): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    // The same Node binary as the parent (Node 22 under `npm run`, which strips the types); the
    // pipeline runs under the heap budget and flags `npm run build` gives it (src/build/heap-budget.ts).
    const budget = kind === 'pipeline' && args[0] ? pipelineFlags(heapBudgetMiB(markdownBytes(args[0]))) : [];
    const child = spawn(process.execPath, [...budget, SCRIPTS[kind], ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = code === 0 ? parseMeasurement(stdout) : undefined;
      if (result) return resolvePromise(result);
      const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (timeout?)' : ''}` : `exit code ${code}`;
      // The error's own line, then the end of stderr (where Node puts the stack and its version).
      const lines = stderr.trim().split('\n');
      const first = lines.find((l) => /\b\w*Error\b/.test(l));
      const tail = [...new Set([first, ...lines.slice(-6)].filter((l) => l !== undefined && l.trim() !== ''))].join('\n');
      reject(new MeasureError(`${kind} measurement failed (${why})${tail ? `:\n${tail}` : ''}`));
    });
  });
}
