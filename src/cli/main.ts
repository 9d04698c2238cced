/**
 * The command line's entry point (`npm run cli -- …`, `npm run demo`): the only place that touches the
 * process's exit status. Everything else is in run-cli.ts, testable without spawning a process.
 */
import { existsSync } from "fs";
import { dirname, join } from "path";
import { EXIT_BUG } from "./exit-codes";
import { runCli } from "./run-cli";

/** The folder holding package.json: src/cli under tsx, dist-cli/ in the bundle. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    projectRoot: projectRoot(__dirname),
  });
  process.exitCode = code;
}

main().catch((error: unknown) => {
  // A bug, not a problem in the input: say so in one line; the stack only when asked for.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
  process.exitCode = EXIT_BUG;
});
