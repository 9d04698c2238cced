/**
 * Applies a Plan to the open workbook through the ET (WPS 表格) object model, which is VBA's: synchronous calls,
 * 1-based collections, values through Value2, fills through Interior with BGR colours. The same steps as the
 * Office.js applier (src/excel/apply-plan.ts), so both write what the CLI writes:
 * 1. undo the previous run: restore its marks (a cell still wearing its mark gets its earlier fill back; a cell
 *    the clerk refilled since is left alone), then delete its sheets;
 * 2. add the new sheets after the last one (Worksheets.Add with no position would insert them before the active
 *    sheet), with column widths, wrapping, a bold header and the print setup (PageSetup);
 * 3. per column the number format first ("@" for text, so that 1-3 stays text), then the values, a block of rows
 *    per Value2 assignment;
 * 4. the Excel table (or, in a build without tables, a filter on the header), the frozen header, rows fitted to
 *    their wrapped text and the links to the source cells, each where the build has it;
 * 5. the marks, a few multi-area ranges per colour, after reading each marked cell's fill for the record;
 * 6. a note on each marked cell saying what is wrong, once the tool's earlier notes are gone; a cell holding a
 *    note of the clerk's keeps it and gets none (counted, as the Office.js shell counts them).
 */
import {
  cellAddress,
  columnLetter,
  MARK_COLORS,
  MARK_PATTERNS,
  quoteSheetName,
  type Plan,
  type PlanCell,
  type PlanSheet,
  type PlanSheetKey,
} from "../core";
import { guardText } from "../workbook/guard-text";
import { isOwnComment, isOwnNoteAuthor, stillWearsMark } from "../workbook/rerun-rules";
import { contiguousBlocks, groupBy, joinAreas } from "../workbook/group-cells";
import { rectAddress } from "../workbook/range-address";
import {
  addComment,
  bgrToHex,
  commentOf,
  commentText,
  hexToBgr,
  PATTERN_NAMES,
  patternNumber,
  readMember,
  XL_LANDSCAPE,
  XL_NONE,
  XL_PAPER_A4,
  XL_PATTERN_SOLID,
  XL_PORTRAIT,
  XL_SRC_RANGE,
  XL_YES,
} from "./et-facade";
import type { EtRecordedMark } from "./et-record";

/**
 * Range("…") takes an address of at most 255 characters in Excel's object model (a longer one fails with error
 * 1004); no WPS document gives its limit, so ET is held to Excel's.
 */
export const MAX_RANGE_ADDRESS_LENGTH = 255;

/** Rows per Value2 assignment: large enough to be few calls, small enough to report progress. */
export const ROWS_PER_WRITE = 5000;

/** Features a WPS build may lack; the run goes on without them and the pane says which were skipped. */
export type OptionalFeature = "table" | "filter" | "freeze" | "links" | "print" | "rowHeights" | "notes";

export interface EtApplyOptions {
  /** The sheet the plan's marks and links refer to. */
  readonly source: Et.Worksheet;
  /** The previous run's sheets (by the record's names) and its marks on `marked`. */
  readonly previousSheets: readonly Et.Worksheet[];
  readonly previousMarks: readonly EtRecordedMark[];
  readonly marked: Et.Worksheet | null;
  readonly onProgress?: (progress: { rowsWritten: number; rowsTotal: number }) => void;
}

export interface EtApplyResult {
  /** The new sheets' names, by key. */
  readonly sheets: Readonly<Record<PlanSheetKey, string>>;
  /** Each marked cell with the fill it had before: what the record keeps. */
  readonly marks: readonly EtRecordedMark[];
  /** Marks of the previous run left alone: their cell no longer held the mark. */
  readonly marksLeftAlone: number;
  /** Of the restored, cells whose earlier fill had a colour the record could not give (cleared). */
  readonly marksColourLost: number;
  /** Marked cells that kept a note of the clerk's and got none of ours. */
  readonly commentsSkipped: number;
  readonly skipped: readonly OptionalFeature[];
}

/** A cell's fill as ET reports it, in the record's terms. */
type Fill = Omit<EtRecordedMark, "cell" | "severity">;

const NO_FILL: Fill = { previousPattern: "none", previousColor: null, previousBackground: null };

export function applyPlanEt(app: Et.Application, plan: Plan, options: EtApplyOptions): EtApplyResult {
  const book = app.ActiveWorkbook;
  const skipped = new Set<OptionalFeature>();

  // 1. Undo the previous run.
  const undone = options.marked
    ? restoreMarks(options.marked, options.previousMarks)
    : { restored: 0, leftAlone: 0, colourLost: 0 };
  const sourceName = readMember<string>(options.source, "Name");
  // The previous run's notes on another sheet go now; the source sheet's just before the new ones (step 6).
  if (options.marked && readMember<string>(options.marked, "Name") !== sourceName)
    if (!tryFeature(() => removeOwnComments(options.marked!))) skipped.add("notes");
  deleteSheets(
    app,
    options.previousSheets.filter((s) => readMember<string>(s, "Name") !== sourceName),
  );

  // 2–4. The new sheets.
  const rowsTotal = plan.sheets.reduce((n, s) => n + s.rows.length, 0);
  let rowsWritten = 0;
  const created = plan.sheets.map((planSheet) => {
    const sheets = book.Worksheets;
    // null for the omitted Before, as WPS's own examples do (`Worksheets.Add(null, Worksheets.Item(1), 2)`).
    const sheet = sheets.Add(null, sheets.Item(readMember<number>(sheets, "Count"))) as Et.Worksheet;
    sheet.Name = planSheet.name;
    writeLayout(sheet, planSheet);
    if (!tryFeature(() => writePrintSetup(sheet, planSheet))) skipped.add("print");
    writeValues(sheet, planSheet, (rows) => {
      rowsWritten += rows;
      options.onProgress?.({ rowsWritten, rowsTotal });
    });
    // A table has its own filter on the header; a build without tables gets the plain AutoFilter instead.
    if (planSheet.table && !tryFeature(() => addTable(sheet, planSheet))) {
      skipped.add("table");
      if (!tryFeature(() => addFilter(sheet, planSheet))) skipped.add("filter");
    }
    if (planSheet.freezeRows > 0 && !tryFeature(() => freezeRows(app, sheet, planSheet.freezeRows)))
      skipped.add("freeze");
    if (!tryFeature(() => fitRows(sheet, planSheet))) skipped.add("rowHeights");
    if (!tryFeature(() => addLinks(sheet, planSheet))) skipped.add("links");
    writeFills(sheet, planSheet);
    return sheet;
  });

  // 5. The marks, with each cell's fill before them.
  const before = plan.marks.map((mark) => readFill(options.source.Range(mark.cell).Interior));
  for (const [color, marks] of groupBy(plan.marks, (m) => m.color)) {
    const bgr = hexToBgr(color);
    // Each kind has its own colour, so a group is one kind: its pattern (MARK_PATTERNS) tells it in black-and-white
    // print; Color is the cell's colour under the pattern, PatternColor the pattern's.
    const { pattern, color: patternColor } = MARK_PATTERNS[marks[0]!.severity];
    const patternNo = patternNumber(pattern) ?? XL_PATTERN_SOLID;
    forEachArea(
      options.source,
      marks.map((m) => m.cell),
      (interior) => {
        interior.Pattern = patternNo;
        interior.Color = bgr;
        if (patternColor !== null) interior.PatternColor = hexToBgr(patternColor);
      },
    );
  }
  const shown = plan.sheets.findIndex((s) => s.key === plan.activate);
  if (shown >= 0) created[shown]!.Activate();

  // 6. The notes: the tool's earlier ones on the source sheet go first, then one per marked cell.
  let commentsSkipped = 0;
  if (!tryFeature(() => removeOwnComments(options.source))) skipped.add("notes");
  else if (plan.notes.length > 0) {
    const added = addComments(options.source, plan);
    commentsSkipped = added.skipped;
    if (added.failed > 0) skipped.add("notes");
  }

  const names = Object.fromEntries(plan.sheets.map((s) => [s.key, s.name])) as Record<PlanSheetKey, string>;
  return {
    sheets: names,
    marks: plan.marks.map((mark, i) => ({ cell: mark.cell, severity: mark.severity, ...before[i]! })),
    marksLeftAlone: undone.leftAlone,
    marksColourLost: undone.colourLost,
    commentsSkipped,
    skipped: [...skipped],
  };
}

/** Runs an optional step; false when this WPS build lacks it (the call throws or the member is missing). */
function tryFeature(step: () => void): boolean {
  try {
    step();
    return true;
  } catch {
    return false;
  }
}

/** Deletes sheets without WPS asking the clerk to confirm each deletion (DisplayAlerts off meanwhile). */
function deleteSheets(app: Et.Application, sheets: readonly Et.Worksheet[]): void {
  if (sheets.length === 0) return;
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    for (const sheet of sheets) sheet.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

/** Column widths (ET counts them in characters, as the plan does), wrapping, and the header row as text. */
function writeLayout(sheet: Et.Worksheet, planSheet: PlanSheet): void {
  const count = planSheet.columns.length;
  if (count === 0) return;
  const header = sheet.Range(`A1:${columnLetter(count)}1`);
  header.NumberFormat = "@";
  header.Value2 = [planSheet.columns.map((c) => guardText(c.header))];
  header.Font.Bold = true;
  const lastRow = Math.max(1, planSheet.rows.length) + 1;
  planSheet.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    sheet.Range(`${letter}1`).ColumnWidth = column.width;
    if (column.wrap) sheet.Range(`${letter}2:${letter}${lastRow}`).WrapText = true;
  });
}

/**
 * How the sheet prints (PlanSheet.print), through Worksheet.PageSetup as VBA sets it: landscape A4; Zoom = false
 * so that FitToPagesWide/FitToPagesTall decide the scale ("If this property is False, the FitToPagesWide and
 * FitToPagesTall properties control how the worksheet is scaled": Microsoft, PageSetup.Zoom); every column on one
 * page wide and FitToPagesTall = false, as many pages tall as the rows need ("If this property is False, Microsoft
 * Excel scales the worksheet according to the FitToPagesWide property": Microsoft, PageSetup.FitToPagesTall); the
 * header row on every page; the sheet's name and the page in the footer, in Excel's codes (&A, &P, &N), which ET
 * reads the same way (its 页眉/页脚 dialog inserts them).
 */
function writePrintSetup(sheet: Et.Worksheet, planSheet: PlanSheet): void {
  const print = planSheet.print;
  const setup = sheet.PageSetup;
  setup.Orientation = print.orientation === "landscape" ? XL_LANDSCAPE : XL_PORTRAIT;
  setup.Zoom = false;
  setup.FitToPagesWide = print.fitToPagesWide;
  setup.FitToPagesTall = false;
  if (print.repeatRows > 0) setup.PrintTitleRows = `$1:$${print.repeatRows}`;
  setup.LeftFooter = print.footer.left;
  setup.RightFooter = print.footer.right;
  // Last and on its own: a printer driver without A4 refuses the paper (Excel: "Unable to set the PaperSize
  // property", error 1004), and the sheet then prints on the printer's own paper with the rest of the setup.
  tryFeature(() => (setup.PaperSize = XL_PAPER_A4));
}

/** Header + data rows, the block a table or a filter covers. */
function tableRange(sheet: Et.Worksheet, planSheet: PlanSheet): Et.Range {
  const bottom = Math.max(2, planSheet.rows.length + 1);
  return sheet.Range(rectAddress({ top: 1, left: 1, bottom, right: Math.max(1, planSheet.columns.length) }));
}

/**
 * Filter buttons on the header row, for a build without tables. Range.AutoFilter() with no arguments "simply
 * toggles the display of the AutoFilter drop-down arrows" (Microsoft, Range.AutoFilter): on a new sheet it turns
 * them on.
 */
function addFilter(sheet: Et.Worksheet, planSheet: PlanSheet): void {
  tableRange(sheet, planSheet).AutoFilter();
}

/**
 * Rows tall enough for their wrapped text: ET measures it itself (Range.Rows.AutoFit, as Office.js's
 * autofitRows), so the plan's row heights, the file shell's estimate, are not used here.
 */
function fitRows(sheet: Et.Worksheet, planSheet: PlanSheet): void {
  if (planSheet.rows.length === 0 || !planSheet.columns.some((c) => c.wrap)) return;
  sheet.Range(`A2:${columnLetter(planSheet.columns.length)}${planSheet.rows.length + 1}`).Rows.AutoFit();
}

function isOwnNote(comment: Et.Comment): boolean {
  if (isOwnComment(commentText(comment))) return true;
  let author = "";
  try {
    author = String(comment.Author);
  } catch {
    // A build without Comment.Author: the tag alone says which are the tool's.
  }
  return isOwnNoteAuthor(author);
}

/**
 * Deletes the tool's notes on the sheet (recognised by their tag, or by the command line's author); the clerk's
 * stay. Worksheet.Comments is 1-based (Microsoft, Comments.Item); it is walked from the end, so deleting one does
 * not move the ones still to be read.
 */
export function removeOwnComments(sheet: Et.Worksheet): void {
  const comments = sheet.Comments;
  for (let i = readMember<number>(comments, "Count"); i >= 1; i--) {
    const comment = comments.Item(i);
    if (isOwnNote(comment)) comment.Delete();
  }
}

/**
 * The plan's notes, each starting with the plan's tag (AddComment writes the clerk's user name as the author, so
 * the tag is how the next run and 清除标记 know the note is the tool's). A cell that holds a note already (the
 * clerk's: the tool's went first) keeps it and gets none: AddComment on such a cell fails in VBA.
 */
function addComments(source: Et.Worksheet, plan: Plan): { skipped: number; failed: number } {
  let skipped = 0;
  let failed = 0;
  for (const note of plan.notes) {
    const cell = source.Range(note.cell);
    if (commentOf(cell)) {
      skipped++;
      continue;
    }
    if (!tryFeature(() => addComment(cell, plan.commentTag + note.text))) failed++;
  }
  return { skipped, failed };
}

/** The severity cells of 校验结果, coloured like the marks (PlanSheet.fills), a few ranges per colour. */
function writeFills(sheet: Et.Worksheet, planSheet: PlanSheet): void {
  for (const [color, fills] of groupBy(planSheet.fills, (f) => f.color)) {
    const bgr = hexToBgr(color);
    forEachArea(
      sheet,
      fills.map((f) => cellAddress(f.row + 2, f.column + 1)),
      (interior) => {
        interior.Pattern = XL_PATTERN_SOLID;
        interior.Color = bgr;
      },
    );
  }
}

function cellValue(cell: PlanCell): string | number {
  if (cell === null) return "";
  if (typeof cell === "number") return cell;
  return guardText(typeof cell === "string" ? cell : cell.text);
}

/**
 * Number formats before values, column by column over all data rows, so text that looks like a number, a date or
 * a formula is stored as text; then the values, a block of rows per Value2 assignment.
 */
function writeValues(sheet: Et.Worksheet, planSheet: PlanSheet, wrote: (rows: number) => void): void {
  const columns = planSheet.columns.length;
  const rows = planSheet.rows.length;
  if (columns === 0 || rows === 0) return;
  const last = columnLetter(columns);
  planSheet.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    sheet.Range(`${letter}2:${letter}${rows + 1}`).NumberFormat = column.numberFormat;
  });
  for (let start = 0; start < rows; start += ROWS_PER_WRITE) {
    const block = planSheet.rows.slice(start, start + ROWS_PER_WRITE).map((row) => row.map(cellValue));
    sheet.Range(`A${start + 2}:${last}${start + block.length + 1}`).Value2 = block;
    wrote(block.length);
  }
}

function addTable(sheet: Et.Worksheet, planSheet: PlanSheet): void {
  const table = planSheet.table!;
  const range = tableRange(sheet, planSheet);
  // Source is "a Range object that represents the data source" for xlSrcRange (Microsoft, ListObjects.Add); the
  // package's types, generated from WPS's C++ code, say string: the documented Range is what VBA passes.
  const list = sheet.ListObjects.Add(XL_SRC_RANGE, range as unknown as string, null, XL_YES);
  list.Name = table.name;
  list.TableStyle = table.style;
}

/** Frozen panes belong to the window, so the sheet is shown first (a new sheet is active already). */
function freezeRows(app: Et.Application, sheet: Et.Worksheet, rows: number): void {
  sheet.Activate();
  const window = app.ActiveWindow;
  window.FreezePanes = false;
  window.SplitColumn = 0;
  window.SplitRow = rows;
  window.FreezePanes = true;
}

/**
 * Each plan cell with a link gets a hyperlink to the source cell (the text stays the cell's value). ET has no
 * call that adds many links at once, so this is the run's one per-row cost: two calls a link (the anchor and the
 * Add), the collection read once per sheet (test/wps/run-et.test.ts bounds the calls per row).
 */
function addLinks(sheet: Et.Worksheet, planSheet: PlanSheet): void {
  const hyperlinks = sheet.Hyperlinks;
  planSheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || typeof cell !== "object") return;
      const anchor = sheet.Range(cellAddress(r + 2, c + 1));
      hyperlinks.Add(anchor, "", `${quoteSheetName(cell.link.sheet)}!${cell.link.cell}`, null, cell.text);
    }),
  );
}

/** Runs `apply` on the Interior of a few multi-area ranges that cover exactly `cells`. */
function forEachArea(
  sheet: Et.Worksheet,
  cells: readonly string[],
  apply: (interior: Et.Interior) => void,
): void {
  for (const areas of joinAreas(contiguousBlocks(cells), MAX_RANGE_ADDRESS_LENGTH))
    apply(sheet.Range(areas).Interior);
}

/**
 * A cell's fill in the record's terms. No fill is ColorIndex (or Pattern) xlColorIndexNone, -4142; Color then
 * reads white, which is why it is never trusted alone.
 */
function readFill(interior: Et.Interior): Fill {
  const pattern = Number(interior.Pattern);
  if (Number(interior.ColorIndex) === XL_NONE || pattern === XL_NONE) return NO_FILL;
  const name = PATTERN_NAMES.get(pattern) ?? "";
  const color = bgrToHex(Number(interior.Color));
  if (name === "solid") return { previousPattern: name, previousColor: color, previousBackground: null };
  return {
    previousPattern: name,
    previousColor: bgrToHex(Number(interior.PatternColor)),
    previousBackground: color,
  };
}

/** Does the cell still wear the mark of its severity: exactly the mark's colour, solid or under its kind's pattern? */
function stillMarked(interior: Et.Interior, severity: EtRecordedMark["severity"]): boolean {
  const filled = Number(interior.ColorIndex) !== XL_NONE;
  const pattern = Number(interior.Pattern);
  return stillWearsMark(
    {
      solid: pattern === XL_PATTERN_SOLID,
      color: filled ? bgrToHex(Number(interior.Color)) : null,
      pattern: PATTERN_NAMES.get(pattern) ?? null,
    },
    MARK_COLORS[severity],
  );
}

/**
 * Gives every recorded cell that still wears its mark the fill it had before; a cell whose fill changed since
 * (the clerk refilled it, or rows moved) is left alone and counted.
 */
export function restoreMarks(
  sheet: Et.Worksheet,
  marks: readonly EtRecordedMark[],
): { restored: number; leftAlone: number; colourLost: number } {
  let restored = 0;
  let colourLost = 0;
  for (const mark of marks) {
    const interior = sheet.Range(mark.cell).Interior;
    if (!stillMarked(interior, mark.severity)) continue;
    // A patterned mark's pattern colour would outlive a solid fill put back over it: cleared first, as the
    // Office.js shell clears a fill before restoring it.
    if (MARK_PATTERNS[mark.severity].color !== null) interior.ColorIndex = XL_NONE;
    if (!restoreFill(interior, mark)) colourLost++;
    restored++;
  }
  return { restored, leftAlone: marks.length - restored, colourLost };
}

/**
 * No fill is ColorIndex = xlColorIndexNone (Microsoft: "xlColorIndexNone. Use to specify no interior fill");
 * solid is the colour; a pattern gets its number, its colour and the colour under it; a tint an Excel run recorded
 * goes back through TintAndShade. A fill the record names without a colour (a theme or indexed colour the CLI kept
 * as styles.xml text) cannot be set here: the cell is cleared rather than left wearing a mark, and false says so.
 */
function restoreFill(interior: Et.Interior, fill: Fill): boolean {
  const pattern = patternNumber(fill.previousPattern);
  if (pattern === XL_NONE) {
    interior.ColorIndex = XL_NONE;
    return true;
  }
  if (pattern === null || fill.previousColor === null) {
    interior.ColorIndex = XL_NONE;
    return false;
  }
  if (pattern === XL_PATTERN_SOLID) {
    interior.Pattern = XL_PATTERN_SOLID;
    interior.Color = hexToBgr(fill.previousColor);
  } else {
    interior.Pattern = pattern;
    interior.Color = hexToBgr(fill.previousBackground ?? "#FFFFFF");
    interior.PatternColor = hexToBgr(fill.previousColor);
  }
  if (fill.previousTint) interior.TintAndShade = fill.previousTint;
  return true;
}
