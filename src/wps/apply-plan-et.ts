/**
 * Applies a Plan to the open workbook through the ET (WPS 表格) object model, which is VBA's: synchronous calls,
 * 1-based collections, values through Value2, fills through Interior with BGR colours. The same steps as the
 * Office.js applier (src/excel/apply-plan.ts), so both write what the CLI writes:
 * 1. undo the previous run: restore its marks (a cell still wearing its mark gets its earlier fill back; a cell
 *    the clerk refilled since is left alone), then delete its sheets;
 * 2. add the new sheets after the last one (Worksheets.Add with no position would insert them before the active
 *    sheet), with column widths, wrapping and a bold header;
 * 3. per column the number format first ("@" for text, so that 1-3 stays text), then the values, a block of rows
 *    per Value2 assignment;
 * 4. the Excel table, the frozen header and the links to the source cells, each where the build has it;
 * 5. the marks, a few multi-area ranges per colour, after reading each marked cell's fill for the record.
 */
import { cellAddress, columnLetter } from "../core/cell-address";
import { MARK_COLORS, type Plan, type PlanCell, type PlanSheet, type PlanSheetKey } from "../core/plan";
import { quoteSheetName } from "../core/sheet-name";
import { guardText } from "../excel/apply-plan";
import { contiguousBlocks, groupBy, joinAreas } from "../excel/group-cells";
import { rectAddress } from "../excel/range-address";
import {
  bgrToHex,
  hexToBgr,
  PATTERN_NAMES,
  patternNumber,
  readMember,
  XL_NONE,
  XL_PATTERN_SOLID,
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
export type OptionalFeature = "table" | "freeze" | "links";

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
  deleteSheets(
    app,
    options.previousSheets.filter((s) => readMember<string>(s, "Name") !== sourceName),
  );

  // 2–4. The new sheets.
  const rowsTotal = plan.sheets.reduce((n, s) => n + s.rows.length, 0);
  let rowsWritten = 0;
  const created = plan.sheets.map((planSheet) => {
    const sheets = book.Worksheets;
    const sheet = sheets.Add(undefined, sheets.Item(readMember<number>(sheets, "Count"))) as Et.Worksheet;
    sheet.Name = planSheet.name;
    writeLayout(sheet, planSheet);
    writeValues(sheet, planSheet, (rows) => {
      rowsWritten += rows;
      options.onProgress?.({ rowsWritten, rowsTotal });
    });
    if (planSheet.table && !tryFeature(() => addTable(sheet, planSheet))) skipped.add("table");
    if (planSheet.freezeRows > 0 && !tryFeature(() => freezeRows(app, sheet, planSheet.freezeRows)))
      skipped.add("freeze");
    if (!tryFeature(() => addLinks(sheet, planSheet))) skipped.add("links");
    writeFills(sheet, planSheet);
    return sheet;
  });

  // 5. The marks, with each cell's fill before them.
  const before = plan.marks.map((mark) => readFill(options.source.Range(mark.cell).Interior));
  for (const [color, marks] of groupBy(plan.marks, (m) => m.color)) {
    const bgr = hexToBgr(color);
    forEachArea(
      options.source,
      marks.map((m) => m.cell),
      (interior) => {
        interior.Pattern = XL_PATTERN_SOLID;
        interior.Color = bgr;
      },
    );
  }
  const shown = plan.sheets.findIndex((s) => s.key === plan.activate);
  if (shown >= 0) created[shown]!.Activate();

  const names = Object.fromEntries(plan.sheets.map((s) => [s.key, s.name])) as Record<PlanSheetKey, string>;
  return {
    sheets: names,
    marks: plan.marks.map((mark, i) => ({ cell: mark.cell, severity: mark.severity, ...before[i]! })),
    marksLeftAlone: undone.leftAlone,
    marksColourLost: undone.colourLost,
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
  const bottom = Math.max(2, planSheet.rows.length + 1);
  const range = sheet.Range(
    rectAddress({ top: 1, left: 1, bottom, right: Math.max(1, planSheet.columns.length) }),
  );
  // Source is "a Range object that represents the data source" for xlSrcRange (Microsoft, ListObjects.Add); the
  // package's types, generated from WPS's C++ code, say string: the documented Range is what VBA passes.
  const list = sheet.ListObjects.Add(XL_SRC_RANGE, range as unknown as string, undefined, XL_YES);
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

/** Each plan cell with a link gets a hyperlink to the source cell (the text stays the cell's value). */
function addLinks(sheet: Et.Worksheet, planSheet: PlanSheet): void {
  planSheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || typeof cell !== "object") return;
      const anchor = sheet.Range(cellAddress(r + 2, c + 1));
      sheet.Hyperlinks.Add(
        anchor,
        "",
        `${quoteSheetName(cell.link.sheet)}!${cell.link.cell}`,
        undefined,
        cell.text,
      );
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

/** Does the cell still wear the mark of its severity: a solid fill of exactly the mark's colour? */
function stillMarked(interior: Et.Interior, severity: EtRecordedMark["severity"]): boolean {
  return (
    Number(interior.Pattern) === XL_PATTERN_SOLID &&
    Number(interior.ColorIndex) !== XL_NONE &&
    Number(interior.Color) === hexToBgr(MARK_COLORS[severity])
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
