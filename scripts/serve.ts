// `npm run serve -- [flags]`: the same as `docgraph serve [flags]` (src/cli/serve.ts).
import { exitWith } from '../src/cli/exit.ts';
import { runServe } from '../src/cli/serve.ts';

exitWith(runServe(process.argv.slice(2)));
