/**
 * Runs an `npm run …` command's `main`: its answer is the exit code, and a failure is one line on
 * stderr (the message, not a stack), exit code 1.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
