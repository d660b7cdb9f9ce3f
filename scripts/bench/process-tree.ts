// Runs a command and measures its wall time and the peak resident memory of its whole process tree.
// Builds spawn helpers (Astro workers, esbuild, docgraph's heap-budget re-exec), so the RSS of the
// root process alone would miss them: /proc is sampled every `intervalMs` and the RSS of the root
// and all its descendants summed. Linux only: elsewhere the peak is 0, reported as unknown.
// CPU time (user + system of the whole tree) comes from GNU time when /usr/bin/time exists: on a
// machine shared with other work it varies far less than wall time.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TreeRun {
  ms: number;
  /** Highest sum of RSS over the process tree, in MiB (0 when /proc is not available). */
  peakMiB: number;
  /** User + system CPU time of the tree (undefined without /usr/bin/time). */
  cpuMs?: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const PAGE_BYTES = 4096;
const GNU_TIME = '/usr/bin/time';
let runs = 0;

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
    const cpuFile = existsSync(GNU_TIME) ? join(tmpdir(), `docgraph-bench-cpu-${process.pid}-${++runs}.txt`) : undefined;
    const [file, argv] = cpuFile ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, [...args]];
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const sample = (): void => {
      if (child.pid !== undefined && process.platform === 'linux') peak = Math.max(peak, treeRssBytes(child.pid));
    };
    const sampler = setInterval(sample, options.intervalMs ?? 100);
    // The whole tree: the command runs under /usr/bin/time, and builds have children of their own.
    const killTree = (): void => {
      if (child.pid === undefined) return;
      for (const pid of descendantsOf(child.pid, parentsByPid()).reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    };
    const timer = setTimeout(killTree, options.timeoutMs);
    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearInterval(sampler);
      clearTimeout(timer);
      const cpuMs = cpuFile ? readCpuMs(cpuFile) : undefined;
      if (cpuFile) void rm(cpuFile, { force: true });
      resolvePromise({ ms, peakMiB: peak / 2 ** 20, ...(cpuMs !== undefined && { cpuMs }), code, signal, stdout, stderr });
    });
  });
}

/** GNU time's `%U %S` line (the last one: a failed command gets a status line before it). */
function readCpuMs(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const [user, system] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return user !== undefined && system !== undefined && Number.isFinite(user + system) ? (user + system) * 1000 : undefined;
}
