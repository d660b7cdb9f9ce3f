// How every command ends: its exit code, or 2 with the error's message (no stack trace) when it threw.
// `undefined`: the command is serving (dev, serve) and the process stays up.
export function exitWith(run: Promise<number | undefined>): void {
  run.then(
    (status) => {
      if (status !== undefined) process.exit(status);
    },
    (error: unknown) => {
      console.error(`docgraph: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
