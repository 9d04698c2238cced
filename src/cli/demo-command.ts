import { join } from "path";
import type { Locale } from "../core";
import type { CliIo } from "./cli-io";
import { displayPath } from "./display-path";
import { EXIT_HAS_ERRORS, EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { cliMessagesFor } from "./messages";
import { printSummary, writeNormalized } from "./normalize-command";

export const DEMO_INPUT = join("samples", "baiyun-2024.tsv");
export const DEMO_OUTPUT = join("out", "baiyun-2024.normalized.xlsx");

/** `demo`: normalizes the bundled sample into out/ and says what it found and where the file went. */
export async function demoCommand(locale: Locale, io: CliIo): Promise<number> {
  const m = cliMessagesFor(locale);
  const input = join(io.projectRoot, DEMO_INPUT);
  const output = join(io.projectRoot, DEMO_OUTPUT);
  io.stdout(`${m.demoTitle}\n${m.demoInput(displayPath(input, io.cwd))}\n\n`);
  const result = await writeNormalized(input, output, {}, locale, io);
  if (result === null) return EXIT_UNREADABLE;
  if (result.bytes === null) return EXIT_HAS_ERRORS;
  printSummary(result, output, locale, io);
  io.stdout(`\n${m.demoNext(displayPath(output, io.cwd))}\n`);
  return EXIT_OK;
}
