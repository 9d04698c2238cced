import { inputErrorsEnUS } from "../../xlsx/messages";
import { formatCount, type CliMessages } from "./zh-CN";

export const enUS: CliMessages = {
  help: [
    "indicator-normalizer: splits the indicator text of a 项目支出绩效目标表, reconciles the amounts, marks problems.",
    "",
    "Usage:",
    "  indicator-normalizer normalize <file> -o <out.xlsx>   write the result workbook (marked table, indicators, checks)",
    "  indicator-normalizer normalize <file> --json          print only the analysis as JSON",
    "  indicator-normalizer check <files, folders, *.xlsx…>   check many files: one line each, then a total",
    "      --summary OUT.xlsx (or .csv)                      every file's problems in one table (and one row per file)",
    "      --format json                                     print JSON, every problem included",
    "  indicator-normalizer compare <last year> <this year> [-o out.xlsx|--json]  what changed: signs, units, magnitudes, dropped indicators",
    "      (the two files may also be a year's target table and its self-evaluation: targets changed, indicators added or dropped)",
    "  indicator-normalizer demo                             run on the bundled sample, writing to out/",
    "(In this project's folder, npm run --silent cli -- works in place of indicator-normalizer.)",
    "",
    "Files: .xlsx/.xlsm (every sheet that holds a table, or --sheet NAME), .tsv/.txt/.csv (UTF-8, UTF-16 or GB18030);",
    "a folder stands for those files in it and its subfolders; wildcards * and ? are expanded here (cmd.exe, PowerShell too).",
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
  /** `marked`: the second file's table as the findings name it (this year's, or the self-evaluation / target table). */
  compareSheetsWritten: (sheets: readonly string[], marked = "since last year") =>
    `Added sheets ${sheets.map((s) => `"${s}"`).join(", ")}; cells changed ${marked} are light purple with a note, errors and warnings red and yellow as usual.`,
  /** The second file's table against a self-evaluation: the self-evaluation, or the target table. */
  secondTable: (selfEvaluationSecond: boolean) =>
    selfEvaluationSecond ? "in the self-evaluation" : "in the target table",
  /** A target table against its self-evaluation (in either order). */
  compareTargetsTotal: (findings: number, matched: number, selfEvaluationFirst: boolean) =>
    `${matched} projects compared: ${findings} to check (targets changed and indicators added or dropped between the ${selfEvaluationFirst ? "self-evaluation and the target table" : "target table and the self-evaluation"})`,
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
    `${formatCount(projects)} projects, ${formatCount(units)} units, ${formatCount(indicators)} indicators`,
  issueCounts: (errors: number, warnings: number, infos: number) =>
    `${formatCount(errors)} errors, ${formatCount(warnings)} warnings, ${formatCount(infos)} notes`,
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
    `Total, ${formatCount(files)} files: ${issues}${unreadable > 0 ? `; ${formatCount(unreadable)} unreadable` : ""}`,

  marksLeft: (count: number) =>
    `${count} cells marked by the last run have had their fill changed since: your change was kept, not restored.`,
  clerkColumnsReplaced: (sheet: string, columns: readonly string[]) =>
    `The previous "${sheet}" sheet had content of your own in column${columns.length > 1 ? "s" : ""} ${columns.join(", ")}; it was replaced with the sheet. The input file still has it: copy it from there if you need it.`,
  notesSkipped: (count: number) =>
    `${count} marked cells already had a comment: it was kept, and no note was added there.`,
  noTable: (path: string, message: string, advice: string) =>
    `${path}: ${message} ${advice} Nothing was written.`,
  fileNoTable: (file: string, message: string) => `${file}: ${message}`,
  noMatch: (pattern: string) =>
    `No table file (.xlsx, .xls, .et, .ods, .csv, .tsv, .txt, .html, .mht) matches ${pattern}.`,
  noTableFiles: (folder: string) =>
    `The folder ${folder} (and its subfolders) holds no table file (.xlsx, .xls, .et, .ods, .csv, .tsv, .txt, .html, .mht).`,
  progressLine: (done: number, total: number) => `Checked ${formatCount(done)}/${formatCount(total)} files…`,
  summaryExtension: (path: string) => `The summary's file name must end in .xlsx or .csv: ${path}`,
  summaryWritten: (path: string, problems: number, files: number) =>
    `Summary written to ${path}: ${formatCount(files)} files, ${formatCount(problems)} problems.`,
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
