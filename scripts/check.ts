// `npm run check -- [flags]`: the pipeline without the site, problems for CI (src/cli/check.ts).
import { runCheck } from '../src/cli/check.ts';

process.exitCode = await runCheck(process.argv.slice(2));
