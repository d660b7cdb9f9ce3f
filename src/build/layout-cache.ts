// Graph layouts by the shape of their input (`<data>/cache/layout/<key>.json`): a rebuild after an edit
// that leaves the graph's nodes and edges as they were reuses the positions instead of running fcose
// again (0.6 s on the corpus). The key covers everything layoutGraph reads (node ids, edge ends) and the
// code and dependencies that compute it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutGraph, type LayoutInput, type Positions } from '../outputs/graph-layout.ts';
import { compareStrings } from '../pipeline/slugs.ts';
import { sha256 } from './code-hash.ts';

export interface LayoutCache {
  layout(input: LayoutInput): Positions;
  /** Removes the layouts this build did not use. */
  prune(): void;
}

/** `code` is codeHash() of the project, computed once per build by the caller. */
export function createLayoutCache(options: { dir: string; code: string }): LayoutCache {
  mkdirSync(options.dir, { recursive: true });
  const code = options.code;
  const used = new Set<string>();
  return {
    layout(input) {
      const nodes = input.nodes.map((n) => n.id).sort(compareStrings);
      const edges = input.edges.map((e) => `${e.source}\u0000${e.target}`).sort(compareStrings);
      const key = sha256([code, ...nodes, '\u0001', ...edges]);
      const file = join(options.dir, `${key}.json`);
      used.add(`${key}.json`);
      if (existsSync(file)) {
        try {
          return JSON.parse(readFileSync(file, 'utf8')) as Positions;
        } catch {
          // A torn write from an interrupted build: lay out again.
        }
      }
      const positions = layoutGraph(input);
      writeFileSync(file, JSON.stringify(positions));
      return positions;
    },
    prune() {
      for (const name of readdirSync(options.dir)) if (!used.has(name)) rmSync(join(options.dir, name), { force: true });
    },
  };
}
