// `npm run search -- [flags] "query"`: the same as `docgraph search [flags] "query"` (src/cli/search.ts).
import { exitWith } from '../src/cli/exit.ts';
import { runSearch } from '../src/cli/search.ts';

exitWith(runSearch(process.argv.slice(2)));
