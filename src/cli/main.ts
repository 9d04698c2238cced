/**
 * The command line's entry point (`npm run cli -- …`, `npm run demo`): the only place that touches the
 * process's exit status. Everything else is in run-cli.ts, testable without spawning a process.
 */
import { webcrypto } from "crypto";
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

/**
 * `normalize --json | head`, `check … | more`: the reader closed the pipe. What is left to print has no reader, so
 * the process ends quietly with the status it has so far, as Unix tools do, instead of an EPIPE stack trace.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

/**
 * Node 18 has Web Crypto only as require("crypto").webcrypto (the global came in Node 19); the package writer, shared
 * with the offline page, takes its GUIDs from globalThis.crypto. The release's CLI file runs on Node 18
 * (`npm run release:verify` found this).
 */
function provideWebCrypto(): void {
  const global = globalThis as { crypto?: unknown };
  if (global.crypto === undefined)
    Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true, writable: true });
}

async function main(): Promise<void> {
  provideWebCrypto();
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
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
