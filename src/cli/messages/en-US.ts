import { inputErrorsEnUS } from "../../xlsx/messages";
import type { CliMessages } from "./zh-CN";

export const enUS: CliMessages = {
  help: [
    "indicator-normalizer: splits the indicator text of a 项目支出绩效目标表, reconciles the amounts, marks problems.",
    "",
    "Usage:",
    "  npm run --silent cli -- normalize <file> -o <out.xlsx>   write the result workbook (marked table, indicators, checks)",
    "  npm run --silent cli -- normalize <file> --json          print only the analysis as JSON",
    "  npm run --silent cli -- check <files…> [--format json]    check many files: one line each, then a total",
    "  npm run --silent cli -- compare <last year> <this year> [-o out.xlsx|--json]  what changed: signs, units, magnitudes, dropped indicators",
    "  npm run demo                                             run on the bundled sample, writing to out/",
    "",
    "Files: .xlsx/.xlsm (first sheet, or --sheet NAME), .tsv/.txt/.csv (UTF-8, UTF-16 or GB18030).",
    "Options: --sheet NAME  --tolerance N (in the table's amount unit; default half the last digit)  --lang en  --help",
    "Exit status: 0 ran; 1 check found errors, compare found changes to check, or no table was found; 2 a file could not be read, was over a limit, or the arguments are wrong.",
  ].join("\n"),
  usageHint: "Run npm run --silent cli -- --help for usage.",
  unknownCommand: (name: string) => `Unknown command "${name}".`,
  unknownOption: (name: string) => `Unknown option "${name}".`,
  missingValue: (option: string) => `Option ${option} needs a value.`,
  badLanguage: (value: string) => `Unsupported language "${value}": use zh-CN or en.`,
  badTolerance: (value: string) => `Tolerance "${value}" is not a non-negative number.`,
  badFormat: (value: string) => `Unsupported format "${value}": use text or json.`,
  missingFile: "No input file given.",
  extraArgument: (value: string) => `Unexpected argument "${value}".`,
  jsonAndOutput: "--json and -o cannot be used together.",
  compareNeedsTwo: "compare needs two files: last year's table, then this year's.",
  findingLine: (name: string, project: string, place: string, message: string) =>
    `[${name}] project "${project}" ${place}: ${message}`,
  compareSheetsWritten: (sheets: readonly string[]) =>
    `Added sheets ${sheets.map((s) => `"${s}"`).join(", ")}; cells changed since last year are light purple with a note, errors and warnings red and yellow as usual.`,
  compareTotal: (findings: number, matched: number, onlyLast: number, onlyThis: number) =>
    `${matched} projects compared: ${findings} changes to check${onlyLast > 0 ? `; ${onlyLast} of last year's projects are not in this year's table` : ""}${onlyThis > 0 ? `; ${onlyThis} new projects` : ""}`,
  // Why a file cannot be read: shared with the offline page.
  ...inputErrorsEnUS,
  cannotWrite: (path: string, detail: string) => `Cannot write ${path}: ${detail}`,
  outputIsInput: (path: string) =>
    `The output cannot be the input file itself (${path}): choose another name.`,
  outputExtension: (path: string, extension: string) =>
    `The output file name must end in ${extension}${extension === ".xlsm" ? " (a macro workbook)" : ""}: ${path}`,
  counts: (projects: number, units: number, indicators: number) =>
    `${projects} projects, ${units} units, ${indicators} indicators`,
  issueCounts: (errors: number, warnings: number, infos: number) =>
    `${errors} errors, ${warnings} warnings, ${infos} notes`,
  issueLine: (severity: string, cell: string, message: string) => `  ${severity} ${cell}  ${message}`,
  moreIssues: (count: number, sheet: string) => `  ${count} more in "${sheet}".`,
  wrote: (path: string) => `Wrote ${path}`,
  sheetsWritten: (detail: string, checks: string) =>
    `New sheets "${detail}" and "${checks}"; problem cells in the table are filled and annotated (red = error, yellow = warning, light blue = a total that disagrees only because of a wrong amount elsewhere).`,
  truncatedCells: (count: number) =>
    `Note: ${count} cells exceed Excel's 32,767-character limit: only their start was written, with a note in the cell.`,
  demoTitle: "Demo: Baiyun district, 2024 project expenditure performance target table",
  demoInput: (path: string) => `Input: ${path}`,
  demoNext: (path: string) =>
    `Open ${path} in Excel and start with "Check results": click a cell address to jump to the table.`,
  problemsLine: (issues: string) => `Problems: ${issues}`,
  fileLine: (file: string, counts: string, issues: string) => `${file}: ${counts}; ${issues}`,
  fileFailed: (file: string, reason: string) => `${file}: cannot be read. ${reason}`,
  total: (files: number, issues: string, unreadable: number) =>
    `Total, ${files} files: ${issues}${unreadable > 0 ? `; ${unreadable} unreadable` : ""}`,

  marksLeft: (count: number) =>
    `${count} cells marked by the last run have had their fill changed since: your change was kept, not restored.`,
  clerkColumnsReplaced: (sheet: string, columns: readonly string[]) =>
    `The previous "${sheet}" sheet had content of your own in column${columns.length > 1 ? "s" : ""} ${columns.join(", ")}; it was replaced with the sheet. The input file still has it: copy it from there if you need it.`,
  notesSkipped: (count: number) =>
    `${count} marked cells already had a comment: it was kept, and no note was added there.`,
  noTable: (path: string, message: string, advice: string) =>
    `${path}: ${message} ${advice} Nothing was written.`,
  fileNoTable: (file: string, message: string) => `${file}: ${message}`,
  layouts: {
    "guangdong-string": "one row per project, numbered indicator text",
    "indicator-segments": "one row per project, one segment per indicator",
    "department-columns": "department table, one row per indicator",
    "project-form": "single-project form",
  } as Record<string, string>,
  tableRead: (
    index: number | null,
    sheet: string | null,
    headerRow: number,
    layout: string,
    projects: number,
  ) =>
    `${index === null ? "Read " : `Table ${index}: `}${sheet === null ? "" : `sheet "${sheet}", `}header on row ${headerRow} (${layout}), ${projects} project${projects === 1 ? "" : "s"}`,
  tablesRead: (count: number) => `Read ${count} tables:`,
  sheetsRead: (sheets: readonly string[]) => ` (sheets: ${sheets.join(", ")})`,
};
