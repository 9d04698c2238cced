import { resolve } from "path";
import { compareTables, isChangeToCheck, localizeFindings, type FindingPlace, type Locale } from "../core";
import { analyzeInput } from "../xlsx/normalize-workbook";
import { readInput, type InputTable } from "../xlsx/read-input";
import type { CliIo } from "./cli-io";
import { describeInputError } from "./describe-input-error";
import { EXIT_HAS_ERRORS, EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { cliMessagesFor } from "./messages";
import { displayPath } from "./display-path";
import { writeNormalized } from "./normalize-command";
import type { InputOptions } from "./parse-args";

export interface CompareArgs extends InputOptions {
  readonly last: string;
  readonly current: string;
  readonly json: boolean;
  /** Write this year's workbook with 年度对比 and the changed cells marked (as normalize -o writes it). */
  readonly output: string | null;
}

/** `工作表「2025」G12` or `G12`: where a finding's value is in this year's table (last year's when only there). */
function describePlace(place: FindingPlace | null): string {
  if (place === null) return "";
  return place.sheet === undefined ? place.cell : `「${place.sheet}」${place.cell}`;
}

/**
 * `compare <last> <this> [-o out.xlsx]`: both tables read (any layout, any file the other commands take), paired project by
 * project and indicator by indicator, and every change a reviewer asks about listed. Exit 1 when there is a
 * change to check (an added indicator alone is listed but is not one), 2 when a file cannot be read.
 */
export async function compareCommand(args: CompareArgs, locale: Locale, io: CliIo): Promise<number> {
  const m = cliMessagesFor(locale);
  const options = args.sheet !== undefined ? { sheet: args.sheet } : {};
  const inputs: InputTable[] = [];
  for (const file of [args.last, args.current]) {
    try {
      inputs.push(await readInput(resolve(io.cwd, file), options));
    } catch (error) {
      io.stderr(`${describeInputError(error, m, io.cwd)}\n`);
      return EXIT_UNREADABLE;
    }
  }
  const analyze = (input: InputTable) =>
    analyzeInput(input, { locale, ...(args.tolerance !== undefined ? { tolerance: args.tolerance } : {}) });
  const [last, current] = inputs.map(analyze) as [ReturnType<typeof analyze>, ReturnType<typeof analyze>];
  for (const [analysis, file] of [
    [last, args.last],
    [current, args.current],
  ] as const) {
    if (analysis.table === null) {
      io.stderr(`${m.fileNoTable(file, analysis.issues[0]?.message ?? "")}\n`);
      return EXIT_HAS_ERRORS;
    }
  }
  const comparison = compareTables(last, current);
  const findings = localizeFindings(comparison.findings, locale);
  const toCheck = findings.filter(isChangeToCheck).length;
  if (args.json) {
    io.stdout(`${JSON.stringify({ ...comparison, findings }, null, 2)}\n`);
  } else {
    for (const f of findings)
      io.stdout(
        `${m.findingLine(f.name, f.project, describePlace(f.thisPlace ?? f.lastPlace), f.message)}\n`,
      );
    io.stdout(
      `${
        comparison.against === "self-evaluation"
          ? m.compareTargetsTotal(toCheck, comparison.matchedProjects, comparison.selfEvaluation === "last")
          : m.compareTotal(
              toCheck,
              comparison.matchedProjects,
              comparison.onlyLast.length,
              comparison.onlyThis.length,
            )
      }\n`,
    );
  }
  if (args.output !== null) {
    const output = resolve(io.cwd, args.output);
    const written = await writeNormalized(resolve(io.cwd, args.current), output, args, locale, io, {
      compareWith: last,
    });
    if (written === null || written.bytes === null) return EXIT_UNREADABLE;
    const sheets = written.plan.sheets.map((s) => s.name);
    io.stdout(
      `${m.wrote(displayPath(output, io.cwd))}\n${
        comparison.against === "self-evaluation"
          ? m.compareSheetsWritten(sheets, m.secondTable(comparison.selfEvaluation === "this"))
          : m.compareSheetsWritten(sheets)
      }\n`,
    );
  }
  return toCheck > 0 ? EXIT_HAS_ERRORS : EXIT_OK;
}
