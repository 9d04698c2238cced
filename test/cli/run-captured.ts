/** The command line run in the test's process, its output captured: what a user would see, and the exit status. */
import type { CliIo } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/run-cli";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCaptured(
  argv: string[],
  cwd: string,
  extra: Partial<CliIo> = {},
): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd,
    projectRoot: cwd,
    ...extra,
  });
  return { code, stdout, stderr };
}
