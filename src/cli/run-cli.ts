import { checkCommand } from "./check-command";
import { compareCommand } from "./compare-command";
import type { CliIo } from "./cli-io";
import { demoCommand } from "./demo-command";
import { EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { cliMessagesFor } from "./messages";
import { normalizeCommand } from "./normalize-command";
import { parseArgs } from "./parse-args";
import { escapeTerminalText } from "./terminal-text";

/**
 * The whole command line, minus the process: arguments in, exit status out. Everything printed goes through
 * escapeTerminalText (a project name must not clear the screen); only the progress bar's own redraws do not.
 */
export async function runCli(argv: readonly string[], raw: CliIo): Promise<number> {
  const io: CliIo = {
    ...raw,
    stdout: (text) => raw.stdout(escapeTerminalText(text)),
    stderr: (text) => raw.stderr(escapeTerminalText(text)),
    stderrControl: raw.stderrControl ?? raw.stderr,
  };
  const parsed = parseArgs(argv);
  const m = cliMessagesFor(parsed.locale);
  if (!parsed.ok) {
    io.stderr(`${parsed.message(m)} ${m.usageHint}\n`);
    return EXIT_UNREADABLE;
  }
  const { command, locale } = parsed;
  switch (command.kind) {
    case "help":
      io.stdout(`${m.help}\n`);
      return EXIT_OK;
    case "demo":
      return demoCommand(locale, io);
    case "normalize":
      return normalizeCommand(command, locale, io);
    case "check":
      return checkCommand(command, locale, io);
    case "compare":
      return compareCommand(command, locale, io);
  }
}
