// Runs a command and measures its wall time and the peak resident memory of its whole process tree.
// Builds spawn helpers (Astro workers, esbuild, docgraph's heap-budget re-exec), so the RSS of the
// root process alone would miss them: /proc is sampled every `intervalMs` and the RSS of the root
// and all its descendants summed. Linux only: elsewhere the peak is 0, reported as unknown.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeRun {
  ms: number;
  /** Highest sum of RSS over the process tree, in MiB (0 when /proc is not available). */
  peakMiB: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const PAGE_BYTES = 4096;

/** pid -> parent pid, from /proc/<pid>/stat (the command name may hold spaces and parentheses). */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return parents;
}

export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function rssBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

export function treeRssBytes(root: number): number {
  return descendantsOf(root, parentsByPid()).reduce((sum, pid) => sum + rssBytes(pid), 0);
}

export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; intervalMs?: number },
): Promise<TreeRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const sample = (): void => {
      if (child.pid !== undefined && process.platform === 'linux') peak = Math.max(peak, treeRssBytes(child.pid));
    };
    const sampler = setInterval(sample, options.intervalMs ?? 100);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearInterval(sampler);
      clearTimeout(timer);
      resolvePromise({ ms, peakMiB: peak / 2 ** 20, code, signal, stdout, stderr });
    });
  });
}
