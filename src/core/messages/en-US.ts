/** Every user-facing sentence in English. Same shape as zh-CN.ts, which is the source of the type. */
import type { IssueDraft, RuleId, Severity } from "../issue";
import type { AmountRole } from "../analysis";
import type { Messages } from "./zh-CN";

const amountColumn: Record<AmountRole, string> = {
  total: "Total (总计)",
  fiscal: "Fiscal appropriation (财政拨款)",
  specialAccount: "Special account (财政专户拨款)",
  other: "Other funds (其他资金)",
};
const field = { period: "implementation-period value", annual: "annual value" } as const;
const category = { output: "output", outcome: "outcome", satisfaction: "satisfaction" } as const;

function where(d: IssueDraft["details"]): string {
  const parts: string[] = [];
  if (d.project) parts.push(`project "${d.project}"`);
  if (d.seq !== undefined) parts.push(`item ${d.seq}`);
  if (d.indicator) parts.push(`"${d.indicator}"`);
  const text = parts.join(", ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "The indicator";
}

function fmt(n: IssueDraft["expected"]): string {
  return n === null || n === undefined ? "(empty)" : String(n);
}

const issues: Record<RuleId, (i: IssueDraft) => string> = {
  "row-total": (i) =>
    `${i.details.project ? `Project "${i.details.project}"` : i.details.unit ? `Unit "${i.details.unit}"` : "Grand total"}: Total should equal fiscal + special account + other: expected ${fmt(i.expected)}, found ${fmt(i.actual)}.`,
  "group-total": (i) =>
    `${amountColumn[i.details.amountColumn ?? "total"]} of unit "${i.details.unit ?? ""}" should equal the sum of its projects: expected ${fmt(i.expected)}, found ${fmt(i.actual)}.`,
  "grand-total": (i) =>
    `${amountColumn[i.details.amountColumn ?? "total"]} of the grand total should equal the sum of the units (of the projects when there are no unit rows): expected ${fmt(i.expected)}, found ${fmt(i.actual)}.`,
  "level-mismatch": (i) =>
    `${where(i.details)}: level-2 "${i.details.level2 ?? ""}" does not belong to level-1 "${i.details.level1 ?? ""}", or its code and name disagree.`,
  "missing-value": (i) => `${where(i.details)} has no ${field[i.details.field ?? "annual"]}.`,
  sequence: (i) =>
    `${where(i.details)}: item numbers are out of sequence: expected ${fmt(i.details.expectedSeq ?? i.expected)}, found ${fmt(i.details.seq ?? i.actual)}.`,
  unparsed: (i) =>
    `${i.details.project ? `Project "${i.details.project}" has` : "There is"} indicator text that fits no item: "${i.details.text ?? ""}".`,
  "misplaced-indicators": (i) =>
    `The indicators of project "${i.details.project ?? ""}" are in the goal column; they were split out. Move them to the indicator column.`,
  markup: (i) =>
    `${i.details.project ? `Project "${i.details.project}"` : "This cell"} contains web markup (such as <p>); it was ignored.`,
  "missing-category": (i) =>
    i.details.category === "satisfaction"
      ? `Project "${i.details.project ?? ""}" has no satisfaction indicator (optional; 10% of the self-evaluation when present).`
      : `Project "${i.details.project ?? ""}" has no ${category[i.details.category ?? "output"]} indicator.`,
  "quantity-not-numeric": (i) =>
    `${where(i.details)} is a quantity indicator, but its value "${i.details.text ?? ""}" is not a quantity.`,
  "period-is-definition": (i) =>
    `${where(i.details)}: the implementation-period value is a formula or definition ("${i.details.text ?? ""}"); the target is in the annual value.`,
  "suspicious-value": (i) =>
    `${where(i.details)}: the value "${i.details.text ?? ""}" looks wrong; check it against the source.`,
  "amount-not-number": (i) =>
    `${amountColumn[i.details.amountColumn ?? "total"]} "${fmt(i.actual)}" is not a number.`,
  "duplicate-project": (i) =>
    `Project "${i.details.project ?? ""}" appears more than once under unit "${i.details.unit ?? ""}".`,
  "empty-project": (i) => `Project "${i.details.project ?? ""}" has no indicators.`,
  "no-table": () =>
    `No performance target table found: a header row with columns such as 项目名称 and 绩效指标 is needed. Check where the table was pasted.`,
};

const severity: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

export const enUS: Messages = {
  locale: "en-US",
  issues,
  severity,
  amountColumn,
  field,
  category,
  sheets: {
    detail: "Indicators",
    checks: "Check results",
  },
  detailColumns: {
    unit: "Unit",
    project: "Project",
    seq: "No.",
    level1: "Level 1",
    level2: "Level 2",
    name: "Indicator",
    period: "Period value",
    annual: "Annual value",
    op: "Comparison",
    value: "Value",
    upper: "Upper",
    measureUnit: "Unit of measure",
    problems: "Problems",
    source: "Source",
  },
  /** What the 比较 column shows for each parsed comparison (the finance system's own signs). */
  comparisons: {
    ">=": "≥",
    "<=": "≤",
    ">": "＞",
    "<": "＜",
    "=": "＝",
    range: "range",
    text: "qualitative",
  },
  checkColumns: {
    severity: "Severity",
    rule: "Rule",
    cell: "Cell",
    message: "Message",
  },
  checks: {
    noIssues: "No problems found: ready to send.",
    truncated: (length: number) =>
      `… (the whole text has ${length} characters, over Excel's 32,767 limit per cell: only its start is shown; see the source cell)`,
    truncatedSource: (length: number) =>
      `… (this field has ${length} characters, over Excel's 32,767 limit per cell: only its start is shown; see the original text file)`,
  },
  cli: {
    help: [
      "indicator-normalizer: splits the indicator text of a 项目支出绩效目标表, reconciles the amounts, marks problems.",
      "",
      "Usage:",
      "  npm run --silent cli -- normalize <file> -o <out.xlsx>   write the result workbook (marked table, indicators, checks)",
      "  npm run --silent cli -- normalize <file> --json          print only the analysis as JSON",
      "  npm run --silent cli -- check <files…> [--format json]    check many files: one line each, then a total",
      "  npm run demo                                             run on the bundled sample, writing to out/",
      "",
      "Files: .xlsx (first sheet, or --sheet NAME), .tsv/.txt/.csv (UTF-8, UTF-16 or GB18030).",
      "Options: --sheet NAME  --tolerance N (in the table's amount unit; default half the last digit)  --lang en  --help",
      "Exit status: 0 ran; 1 check found errors; 2 a file could not be read or the arguments are wrong.",
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
    notFound: (path: string) => `File not found: ${path}`,
    isDirectory: (path: string) => `${path} is a folder, not a file.`,
    unsupportedType: (path: string) => `Unsupported file type: ${path} (use .xlsx, .tsv, .txt or .csv)`,
    notXlsx: (path: string) =>
      `${path} is not a valid .xlsx file (damaged, or an old .xls: save it as .xlsx in Excel).`,
    noSheet: (path: string) => `${path} has no worksheet.`,
    sheetNotFound: (path: string, sheet: string, names: string) =>
      `${path} has no sheet named "${sheet}"; its sheets: ${names}.`,
    empty: (path: string) => `${path} is empty.`,
    unreadable: (path: string, detail: string) => `Cannot read ${path}: ${detail}`,
    cannotWrite: (path: string, detail: string) => `Cannot write ${path}: ${detail}`,
    outputIsInput: (path: string) =>
      `The output cannot be the input file itself (${path}): choose another name.`,
    outputNotXlsx: (path: string) => `The output file name must end in .xlsx: ${path}`,
    counts: (projects: number, units: number, indicators: number) =>
      `${projects} projects, ${units} units, ${indicators} indicators`,
    issueCounts: (errors: number, warnings: number, infos: number) =>
      `${errors} errors, ${warnings} warnings, ${infos} notes`,
    issueLine: (severity: string, cell: string, message: string) => `  ${severity} ${cell}  ${message}`,
    moreIssues: (count: number, sheet: string) => `  ${count} more in "${sheet}".`,
    wrote: (path: string) => `Wrote ${path}`,
    sheetsWritten: (detail: string, checks: string) =>
      `New sheets "${detail}" and "${checks}"; problem cells in the table are filled (red = error, yellow = warning).`,
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
  },
};
