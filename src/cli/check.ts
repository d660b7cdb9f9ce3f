// `docgraph check`: PLACEHOLDER until the check command of issue 20 is merged (that branch replaces
// this file). It runs the pipeline without the site and fails on errors: `build --no-site --strict`.
import { runBuild } from './build.ts';

export async function runCheck(argv: string[]): Promise<number> {
  return runBuild(['--no-site', '--strict', ...argv]);
}
