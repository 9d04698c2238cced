/** The offline page's wording in English. Same shape as zh-CN.ts, which gives the type. */
import type { OfflineMessages } from "./zh-CN";

export const offlineEnUS: OfflineMessages = {
  title: "Indicator normalizer (offline)",
  privacy:
    "This page runs entirely on this computer, offline: the pasted table and the chosen file are not uploaded or sent anywhere.",
  intro:
    "Copy the whole performance target table (or the year-end self-evaluation table) in WPS Spreadsheets or Excel and paste it into the box below (Ctrl+V), or choose one or several spreadsheet files (.xlsx, .xls, .et, .ods, .csv, .tsv …).",
  pasteLabel: "Paste the table",
  pastePlaceholder: "Paste the table copied from WPS Spreadsheets or Excel here…",
  fileLabel: "Or choose a file",
  check: "Check",
  reset: "Clear",
  sheetLabel: "Sheet",
  checking: "Checking…",
  lastYearLabel: "Compare with last year (optional): last year's table",
  lastYearPastePlaceholder: "Paste last year's table, or pick a file",
  lastYearHint:
    "With last year's table, the result also lists what changed since, and the download gains a year-over-year sheet with changed cells marked light purple. When checking a self-evaluation, give the same year's target table here instead: the result lists the targets the self-evaluation changed and the indicators it added or dropped (a Targets sheet).",
  lastYearEmpty: "Last year's table is empty: paste it or pick a file, or clear this box.",
  lastYearNoTable: "No performance target table in last year's input: paste or pick it with its header row.",
  lastYearPasted: "last year's pasted table",
  compared: (changes: number, targets: boolean) =>
    targets
      ? `${changes} targets changed, added or dropped between the target table and the self-evaluation:`
      : changes > 0
        ? `${changes} changes since last year to check:`
        : "Nothing changed since last year that needs checking.",
  pastedName: "pasted-table",
  pastedContent: "The pasted text",
  pastedLarge: (rows: number, chars: number) =>
    `Pasted ${rows.toLocaleString("en-US")} rows, ${chars.toLocaleString("en-US")} characters (too long to show in the box).`,
  resultSuffix: "-checked",
  nothingToCheck: "Nothing to check: paste the table or choose a file first.",
  checkedPaste: "Checked the pasted table.",
  checkedFile: (file: string, sheet: string) => `Checked the sheet "${sheet}" of ${file}.`,
  download: "Download the result",
  downloadHint: (file: string, detail: string, checks: string) =>
    `${file}: problem cells of the table are filled and annotated (red = error, yellow = warning, light blue = a total that disagrees only because of a wrong amount elsewhere), with the sheets "${detail}" and "${checks}". No value of the table was changed.`,
  issueHint:
    "Addresses are cells of the source table. In the downloaded workbook, click an address in the checks sheet to jump to its cell.",
  issueHintUnknownOrigin:
    "Addresses count from A1 and name the project's row. If you did not copy from A1, type the top-left cell of the block you copied in “Copied from cell” above (B3, say) and the addresses will be your sheet's.",
  originLabel: "Copied from cell",
  originPlaceholder: "A1",
  originHint: "For a paste: the top-left cell of the copied block in your sheet, such as B3.",
  originInvalid: (text: string) =>
    `“${text}” is not a cell address (like A1 or B3): addresses count from A1.`,
  projectRow: (project: string) => `Row of project “${project}”`,
  unitRow: (unit: string) => `Row of unit “${unit}”`,
  adviceLabel: "What to do: ",
  showMore: (n: number) => `Show ${n} more`,
  hasErrors: (n: number) =>
    `${n} error${n === 1 ? "" : "s"}: fix the source, then copy and paste it again to check.`,
  noTableAdvice:
    "Select the whole table with its header row in WPS or Excel, copy it and paste it into the box above, or choose the file that holds it.",
  checkingSeconds: (seconds: number, percent?: number) =>
    percent === undefined ? `Checking… (${seconds} s)` : `Checking… (${seconds} s, ${percent}%)`,
  checkingFile: (done: number, total: number, name: string) => `Checking file ${done} of ${total}: ${name}`,
  helpLink: "How to use",
  legacyBrowser:
    "This page needs a Chromium-based browser (360's speed mode, Qi An Xin, Chrome, Edge). This browser is in compatibility (Internet Explorer) mode, where the page cannot work: switch to speed mode with the icon at the right of the address bar and open the page again.",
  batchHeading: (n: number) => `${n} files checked`,
  batchColumns: { file: "File", verdict: "Result", counts: "Errors / warnings / notes", download: "" },
  downloadSummary: "Download summary",
  downloadSummaryHint: (file: string) =>
    `${file}: sheet Problems has one row per problem (file, department, sheet, cell, severity, rule, message, advice), sheet Files one row per file, both filtered.`,
  summaryName: "check-summary",
  downloadOne: "Download result",
  truncated: (n: number) =>
    `Note: ${n} cells exceed Excel's 32,767 characters per cell: only their start was written, with a note in the cell.`,
  marksLeft: (n: number) =>
    `${n} cells marked by the last run have had their fill changed since: your change was kept, not restored.`,
  failed: (detail: string) =>
    `The check failed (${detail}): please send this text and the table to your administrator.`,
  noScript: "This page needs JavaScript.",
};
