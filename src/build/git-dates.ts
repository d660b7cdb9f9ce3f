// `lastUpdated: git`: the date of the newest commit that touched each file of the content folder,
// from ONE `git log` over the folder (a process per file costs seconds at thousands of documents).
// The date is the commit's (committer date), never the clock, so a rebuild of the same history gives
// the same pages. Uncommitted edits do not count; a shallow clone dates every file at its one commit.
import { execFile } from 'node:child_process';

export type GitDates = { dates: Map<string, string>; problem?: undefined } | { dates: Map<string, string>; problem: string };

/** Content-relative path -> ISO 8601 date of the last commit touching it. Never throws: no git or no repository gives no dates and a `problem`. */
export function readGitDates(contentDir: string): Promise<GitDates> {
  // \x1e starts a commit, -z ends each name with NUL: any file name survives, quoted or not.
  const args = ['-c', 'core.quotePath=false', 'log', '--format=%x1e%cI', '--name-only', '-z', '--relative', '--', '.'];
  return new Promise((resolve) => {
    execFile('git', args, { cwd: contentDir, maxBuffer: 1 << 30, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout, stderr) => {
      if (error) resolve({ dates: new Map(), problem: (stderr || error.message).trim().split('\n')[0] ?? 'git failed' });
      else resolve({ dates: parseGitLog(stdout) });
    });
  });
}

/** The output of the `git log` above: the newest date per file (log order is not strictly by date). */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  const newest = new Map<string, number>();
  for (const record of output.split('\x1e')) {
    const [date, ...names] = record.split('\0');
    if (!date) continue;
    const time = Date.parse(date);
    if (Number.isNaN(time)) continue;
    for (const raw of names) {
      const name = raw.replace(/^\n/, '');
      if (!name || (newest.get(name) ?? -Infinity) >= time) continue;
      newest.set(name, time);
      dates.set(name, date);
    }
  }
  return dates;
}
