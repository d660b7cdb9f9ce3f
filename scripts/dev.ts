// `npm run dev -- [flags]`: the same as `docgraph dev [flags]` (src/cli/dev.ts).
import { runDev } from '../src/cli/dev.ts';
import { exitWith } from '../src/cli/exit.ts';

exitWith(runDev(process.argv.slice(2)));
