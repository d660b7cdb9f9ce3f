// `docgraph <command> [flags]`: the one entry of the command line (scripts/docgraph.js starts it; the
// npm scripts call the same commands' modules). Each command's module is loaded only when named.
import { readFileSync } from 'node:fs';
import { exitWith } from './exit.ts';

type Command = (argv: string[]) => Promise<number | undefined>;

const COMMANDS: Record<string, { summary: string; run: () => Promise<Command> }> = {
  build: { summary: 'build a docs folder into a site (pages, graph.json, report.json, search)', run: async () => (await import('./build.ts')).runBuild },
  check: { summary: 'check a docs folder without building the site: exit 1 on a broken link or content error', run: async () => (await import('./check.ts')).runCheck },
  dev: { summary: 'serve a docs folder with hot reload while you edit it', run: async () => (await import('./dev.ts')).runDev },
  serve: { summary: 'serve a built site', run: async () => (await import('./serve.ts')).runServe },
  search: { summary: "search a built site's index from the terminal", run: async () => (await import('./search.ts')).runSearch },
};

const USAGE = `Usage: docgraph <command> [flags]

Commands:
${Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(8)}${summary}`).join('\n')}

  docgraph build --content docs --out site     (paths are relative to the current folder)
  docgraph search --site site "sign-in"

Every command keeps its caches and data in ./.docgraph/ (build, check, dev: --cache-dir DIR).
docgraph --version prints the version. Flags: see the README's "CLI reference".`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** The exit code of `docgraph <argv>` (undefined while a server runs). */
export async function main(argv: string[]): Promise<number | undefined> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log(version());
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`docgraph: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  return (await command.run())(rest);
}

exitWith(main(process.argv.slice(2)));
