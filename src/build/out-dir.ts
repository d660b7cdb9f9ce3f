// Astro empties the output folder before it bundles, file by file, on the critical path of every build
// (0.35 s of the corpus's warm build, and more the bigger the site). The last build's folder is instead
// renamed out of the way before Astro starts, and deleted while the build waits for the site child.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';

export interface SetAside {
  /** Whether the output folder is gone now (set aside, or there was none): Astro need not empty it. */
  readonly cleared: boolean;
  /** Deletes the set-aside folder (and a killed build's leftovers): the new site is built. */
  discard(): Promise<void>;
  /** Puts the last build's folder back: the pipeline failed before the site build touched it. */
  restore(): void;
}

/**
 * Moves `outDir` (if any) under `<dataDir>/.old-out/`, where a killed build's leftovers also end up.
 * When the rename is not possible (another file system, a mount point), nothing moves and Astro
 * empties the folder as usual.
 */
export function setAsideOutput(outDir: string, dataDir: string): SetAside {
  const trash = join(dataDir, '.old-out');
  let moved: string | undefined = join(trash, `${process.pid}-${Date.now()}`);
  try {
    mkdirSync(trash, { recursive: true });
    renameSync(outDir, moved);
  } catch {
    // ENOENT (no earlier build) or a folder that cannot move: left to Astro.
    moved = undefined;
  }
  const restore = () => {
    if (!moved) return;
    try {
      // What the cancelled site build may have begun to write there (its bundles) goes first.
      rmSync(outDir, { recursive: true, force: true, maxRetries: 3 });
      renameSync(moved, outDir);
    } catch {
      // Left in the trash, deleted by the next build.
    }
  };
  const discard = async () => {
    let entries: string[] = [];
    try {
      entries = readdirSync(trash);
    } catch {
      return;
    }
    await Promise.all(entries.map((name) => rm(join(trash, name), { recursive: true, force: true, maxRetries: 3 })));
  };
  return { cleared: !existsSync(outDir), discard, restore };
}

/** Whether `path` is inside `dir` (not `dir` itself). */
export function isBelow(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The first of `folders` that `outDir` is or holds: the build replaces `outDir` whole (sets it aside,
 * or Astro empties it), so it must never be over what the build reads.
 */
export function heldByOutput<T extends { dir: string }>(outDir: string, folders: readonly T[]): T | undefined {
  return folders.find(({ dir }) => dir === outDir || isBelow(outDir, dir));
}
