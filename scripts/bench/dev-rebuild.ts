// The rebuild a writer waits for: `npm run dev` on a copy of the corpus, one document edited, and the
// time from the file written to the dev server answering with the new text on that document's page
// and reporting the rebuild done (the watcher's debounce, the pipeline from its caches, the data
// written, Astro rendering the page).
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { freePort } from '../../src/build/free-port.ts';
import { npmScriptFlags } from './build-flags.ts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

export interface DevRebuildFigures {
  /** Edit -> new text served, per run. */
  ms: number[];
  /** First start: pipeline from nothing, then the dev server up and the page served. */
  startMs?: number;
  error?: string;
}

async function pageText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Polls `url` every `everyMs` until `test` holds for its text; the time it took, or undefined at the deadline. */
async function waitFor(url: string, test: (text: string) => boolean, deadline: number, everyMs: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const text = await pageText(url);
    if (text !== undefined && test(text)) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

export async function measureDevRebuild(options: { corpus: string; document: string; runs: number; timeoutMs: number; log: (line: string) => void }): Promise<DevRebuildFigures> {
  const work = await mkdtemp(join(tmpdir(), 'docgraph-bench-dev-'));
  const content = join(work, 'content');
  await cp(options.corpus, content, { recursive: true });
  const port = await freePort();
  const slug = options.document.replace(/\.mdx?$/i, '').replace(/\/index$/, '');
  const url = `http://127.0.0.1:${port}/docs/${slug}/`;
  const figures: DevRebuildFigures = { ms: [] };
  let child: ChildProcess | undefined;
  let output = '';
  try {
    const started = Date.now();
    child = spawn(process.execPath, [...npmScriptFlags('dev'), join(PROJECT, 'scripts', 'dev.ts'), '--content', content, '--port', String(port)], {
      cwd: PROJECT,
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, DOCGRAPH_DATA: join(work, 'data'), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    // Rebuilds finished, from dev.ts's "rebuilt in N ms" lines: a page can show the new article before
    // the rebuild is over (Astro answers while buildData awaits), so a run ends when both happened.
    let rebuilds = 0;
    child.stdout?.on('data', (d: Buffer) => {
      rebuilds += d.toString().match(/rebuilt in \d+ ms/g)?.length ?? 0;
      output = (output + d.toString()).slice(-4000);
    });
    child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    // The first request also compiles the page's modules: served once before any edit is timed.
    if (!(await waitFor(url, () => true, Date.now() + options.timeoutMs, 200))) throw new Error(`the dev server did not serve ${url}`);
    figures.startMs = Date.now() - started;
    for (let run = 1; run <= options.runs; run++) {
      const marker = `devrebuildmarker${run}x${started}`;
      const begun = Date.now();
      const finished = rebuilds;
      await appendFile(join(content, options.document), `\n\nChanged by the benchmark: ${marker}.\n`);
      if (!(await waitFor(url, (text) => text.includes(marker), Date.now() + 120_000, 20))) throw new Error(`run ${run}: the edit never showed on ${url}`);
      while (rebuilds === finished && Date.now() - begun < 120_000) await new Promise((r) => setTimeout(r, 20));
      figures.ms.push(Date.now() - begun);
      options.log(`  dev rebuild run ${run}/${options.runs}: ${figures.ms.at(-1)} ms`);
      // Let the watcher settle (the rebuild's own writes) before the next edit.
      await new Promise((r) => setTimeout(r, 1_000));
    }
  } catch (error) {
    figures.error = `${error instanceof Error ? error.message : String(error)}\n${output}`;
  } finally {
    if (process.env.DOCGRAPH_BENCH_DEBUG) console.log(output);
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
        // A rebuild may still be writing the data folder: removing it before the server is gone fails.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      } catch {
        // Already gone.
      }
    }
    await rm(work, { recursive: true, force: true, maxRetries: 5 });
  }
  return figures;
}
