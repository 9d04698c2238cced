/** The offline page's wording in English. Same shape as zh-CN.ts, which gives the type. */
import type { OfflineMessages } from "./zh-CN";

export const offlineEnUS: OfflineMessages = {
  title: "Indicator normalizer (offline)",
  privacy:
    "This page runs entirely on this computer, offline: the pasted table and the chosen file are not uploaded or sent anywhere.",
  intro:
    "Copy the whole performance target table in WPS Spreadsheets or Excel and paste it into the box below (Ctrl+V), or choose an .xlsx, .csv or .tsv file.",
  pasteLabel: "Paste the table",
  pastePlaceholder: "Paste the table copied from WPS Spreadsheets or Excel here…",
  fileLabel: "Or choose a file",
  check: "Check",
  reset: "Clear",
  sheetLabel: "Sheet",
  checking: "Checking…",
  pastedName: "pasted-table",
  pastedContent: "The pasted text",
  pastedLarge: (rows: number, chars: number) =>
    `Pasted ${rows.toLocaleString("en-US")} rows, ${chars.toLocaleString("en-US")} characters (too long to show in the box).`,
  nothingToCheck: "Nothing to check: paste the table or choose a file first.",
  checkedPaste: "Checked the pasted table.",
  checkedFile: (file: string, sheet: string) => `Checked the sheet "${sheet}" of ${file}.`,
  download: "Download the result",
  downloadHint: (file: string, detail: string, checks: string) =>
    `${file}: problem cells of the table are filled and annotated (red = error, yellow = warning, light blue = a total that disagrees only because of a wrong amount elsewhere), with the sheets "${detail}" and "${checks}". No value of the table was changed.`,
  issueHint:
    "Addresses are cells of the source table. In the downloaded workbook, click an address in the checks sheet to jump to its cell.",
  truncated: (n: number) =>
    `Note: ${n} cells exceed Excel's 32,767 characters per cell: only their start was written, with a note in the cell.`,
  marksLeft: (n: number) =>
    `${n} cells marked by the last run have had their fill changed since: your change was kept, not restored.`,
  failed: (detail: string) =>
    `The check failed (${detail}): please send this text and the table to your administrator.`,
  noScript: "This page needs JavaScript.",
};
