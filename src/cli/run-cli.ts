import { checkCommand } from "./check-command";
import type { CliIo } from "./cli-io";
import { demoCommand } from "./demo-command";
import { EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { cliMessagesFor } from "./messages";
import { normalizeCommand } from "./normalize-command";
import { parseArgs } from "./parse-args";

/** The whole command line, minus the process: arguments in, exit status out. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
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
  }
}
