/** The pane's, the ribbon's and the dialog's wording in English. Same shape as zh-CN.ts, which gives the type. */
import type { PaneMessages } from "./zh-CN";

export const paneEnUS: PaneMessages = {
  title: "Indicator normalizer",
  intro:
    "Paste the performance target table into a sheet (or select the block it is in), then click Normalize.",
  run: "Normalize indicators",
  clearMarks: "Clear marks",
  tolerance: "Total tolerance",
  toleranceHint: "In the table's amount unit; leave empty for half the last displayed digit.",
  toleranceInvalid: "The tolerance must be a number of 0 or more; it was treated as empty.",
  reading: "Reading the sheet…",
  checking: (rows: number, percent?: number) =>
    percent === undefined ? `Checking ${rows} rows…` : `Checking ${rows} rows… (${percent}%)`,
  writing: (done: number, total: number) => `Writing results: ${done} / ${total} rows…`,
  done: (sheet: string) => `Done: see the sheet "${sheet}".`,
  projects: "Projects",
  indicators: "Indicators",
  errors: "Errors",
  warnings: "Warnings",
  infos: "Notes",
  clean: "No errors: ready to send.",
  hasErrors: (n: number) => `${n} ${n === 1 ? "error" : "errors"}: fix the source table and run again.`,
  issuesHeading: "Problems",
  issueHint: "Click a problem to select its cell in the source sheet.",
  wholeSheet: "Sheet",
  empty: (sheet: string) =>
    `The sheet "${sheet}" is empty: paste the table first, or select the block it is in.`,
  noTable: (sheet: string, lookedFor: string, advice: string) =>
    `Sheet "${sheet}": ${lookedFor} ${advice} Nothing in the workbook was changed.`,
  commentsSkipped: (n: number) =>
    `${n} marked cells already had a comment or note: it was kept, and none was added.`,
  guide: "User guide",
  tableElsewhere: (sheet: string, found: string) =>
    `No performance target table on the sheet "${sheet}", but there is one on "${found}": open that sheet and run again. Nothing was changed.`,
  ownSheet: (sheet: string) =>
    `"${sheet}" is one of this tool's result sheets: switch to the sheet with the pasted table and run again.`,
  marksCleared: (n: number) =>
    `Cleared the marks of ${n} ${n === 1 ? "cell" : "cells"}; their previous fills are back.`,
  noMarks: "There are no marks to clear.",
  marksLeftAlone: (n: number) =>
    `${n} more ${n === 1 ? "cell was" : "cells were"} left alone: ${n === 1 ? "its" : "their"} fill changed since the last run (or rows inserted or deleted moved ${n === 1 ? "it" : "them"}).`,
  marksColourLost: (n: number) =>
    `${n} ${n === 1 ? "cell" : "cells"} had a theme colour under the mark (recorded by the command-line tool), which the add-in cannot set: now without fill.`,
  marksUnreadable: (n: number) =>
    `${n} more ${n === 1 ? "cell keeps its mark" : "cells keep their marks"}: the command-line tool or a newer Excel made ${n === 1 ? "it" : "them"}, and this version of Excel cannot read what was there before. Run the command-line tool, or Excel 2019 or later, once more.`,
  selectionIgnored:
    "Several areas were selected, which Excel cannot hand over as one range: the sheet's whole used range was checked instead.",
  protectedSheet: (sheet: string) =>
    `The sheet "${sheet}" is protected: unprotect it (Review → Unprotect Sheet) and run again. Nothing was changed.`,
  compareSheetMissing: (sheet: string) =>
    `There is no sheet "${sheet}": pick the sheet with last year's table again.`,
  compareNoTable: (sheet: string) =>
    `No performance target table on the sheet "${sheet}": paste last year's table (with its header row) there, or pick another sheet.`,
  compareLabel: "Compare with last year",
  compareNone: "(no comparison)",
  compareHint:
    "Paste last year's table into another sheet of this workbook and pick it here; the run then adds a year-over-year sheet and marks changed cells light purple. With a self-evaluation, pick the same year's target table instead (a Targets sheet).",
  compared: (changes: number, sheet: string, targets: boolean) =>
    targets
      ? changes > 0
        ? `${changes} targets changed, added or dropped between the target table and the self-evaluation: see "${sheet}".`
        : `The self-evaluation keeps every target of the target table (see "${sheet}").`
      : changes > 0
        ? `${changes} changes since last year to check: see "${sheet}".`
        : `Nothing changed since last year that needs checking (see "${sheet}").`,
  busy: "Another run (from the pane or the ribbon) is still going: wait for it to finish and try again.",
  dialogClose: "OK",
  ribbonCounts: (projects: number, indicators: number, errors: number, warnings: number) =>
    `${projects} projects, ${indicators} indicators; ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`,
  ribbonWhere: (sheet: string) =>
    `See the sheet "${sheet}" (with the indicator detail and check results sheets); cells with problems in the source are filled: red for errors, yellow for warnings, light blue for totals that disagree only because of a red cell.`,
  ribbonNextErrors:
    "Fix the source table and click Normalize indicators again. Click Show pane for the list of problems, each a link to its cell.",
  ribbonNextMarks: "Before sending, click Show pane, then Clear marks to restore the cells' own fills.",
  ribbonNextClean: "There are no marks to clear: ready to send.",
  ribbonFailed: "The run did not finish.",
  truncated: (n: number) =>
    `${n} ${n === 1 ? "cell's" : "cells'"} text exceeded Excel's 32,767-character limit; only the start was written (see the note in the cell).`,
  notInExcel: "Open this add-in in Excel.",
  unsupportedWebview:
    "This version of Office cannot run the add-in's pane (its built-in browser is too old): update Office or use Excel on the web; your administrator can also check tables with the command-line tool.",
  officeJsMissing:
    "Office.js could not be loaded: this PC may not reach Microsoft's servers. Ask your administrator to host the add-in on the intranet (build with OFFICE_JS=local).",
  bundleFailed: (detail: string) =>
    `The pane could not start (${detail}): close it and open it again; if it persists, send this text to your administrator.`,
  conditionalFormatsOverMarks:
    "Conditional formatting covers some marked cells of the table, and its fill may hide the red/yellow marks: see Home → Conditional Formatting → Manage Rules, or go by the cells listed on the check results sheet.",
  printSetupSkipped:
    "Excel did not accept the print setup (no printer installed?): the results and marks are all written; set paper and scaling in Page Layout before printing.",
  officeErrors: {
    InvalidOperationInCellEditMode:
      "Excel is editing a cell: press Enter or Esc to leave the cell, then try again.",
    RequestPayloadSizeLimitExceeded:
      "The table is too large to write at once: select part of it and run in parts.",
    ResponsePayloadSizeLimitExceeded:
      "The table is too large to read at once: select part of it and run in parts.",
    AccessDenied:
      "The workbook or sheet is protected or read-only: unprotect it or save a copy, then try again.",
    ItemNotFound: "A sheet or cell was not found (deleted or renamed?): run again.",
    ItemAlreadyExists: "A sheet or table of that name already exists: rename it and run again.",
    ApiNotFound: "This version of Excel lacks a feature the add-in needs: update Office and try again.",
    InvalidSelection:
      "A chart, a shape or several areas are selected, not one block of cells: click a cell of the table first.",
    InactiveWorkbook:
      "Excel is working in another workbook: click any cell of this workbook, then run again.",
    UnsupportedSheet:
      "The active sheet is a chart sheet, with no cells: open the worksheet that holds the table, then run.",
    InvalidReference:
      "A cell or range the add-in referred to is no longer valid (rows, columns or a sheet deleted?): run again; if it persists, save, close and reopen the workbook.",
    MemoryLimitReached:
      "Excel ran out of memory: close other workbooks and programs and try again, or select part of the table and run in parts.",
    ActivityLimitReached: "Excel is busy with too many operations: wait a moment and try again.",
    Timeout: "Excel took too long to answer: wait a moment, or select part of the table and run in parts.",
    GeneralException:
      "Excel hit an internal error: save the workbook, close and reopen it, then try again; in Excel on the web a very large table does this too: select part of it and run in parts.",
  } as Record<string, string>,
  officeErrorUnknown: (code: string) =>
    `Excel reported an error (${code}): save the workbook, close and reopen it, then try again; if it persists, contact your administrator.`,
};
