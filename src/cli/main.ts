/**
 * The command line's entry point (`npm run cli -- …`, `npm run demo`): the only place that touches the
 * process's exit status. Everything else is in run-cli.ts, testable without spawning a process.
 */
import { join } from "path";
import { runCli } from "./run-cli";

async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    projectRoot: join(__dirname, "..", ".."),
  });
  process.exitCode = code;
}

main().catch((error: unknown) => {
  // A bug, not a problem in the input: say so in one line; the stack only when asked for.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
  process.exitCode = 70;
});
