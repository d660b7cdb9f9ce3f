// `npm run build -- [flags]`: the same as `docgraph build [flags]` (src/cli/build.ts; flags in README.md).
import { runBuild } from '../src/cli/build.ts';
import { exitWith } from '../src/cli/exit.ts';

exitWith(runBuild(process.argv.slice(2)));
