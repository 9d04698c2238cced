/**
 * A fake WPS 表格 (ET) host: the part of the ET object model the applier relies on (src/wps), over the data in
 * et-model.ts. Where WPS might behave more than one way, the fake takes the stricter. Each behaviour names its source;
 * where no WPS document was found, it says so and follows Excel's object model, which the ET one copies.
 *
 * - 1-based collections: Worksheets.Item(1) is the first sheet, Item(0) and Item(Count + 1) fail (airsheet.wps.cn,
 *   Worksheets → Add 方法: `Worksheets.Add(Worksheets.Item(1), …)` "在第一张工作表前"; the wpsjs ET template's
 *   task pane: `curSheet.Cells.Item(1, 1)`).
 * - Value2 of one cell is a scalar, of several a list of rows (airsheet.wps.cn, Range → Value2 属性: examples add
 *   `Range("B1").Value2 + Range("C1").Value2`; Microsoft, Range.Value2). Writing an array whose shape is not the
 *   range's fails here (Excel fills the rest with #N/A: no WPS document; the stricter choice).
 * - An empty sheet's UsedRange is A1 (no WPS document found; Excel's object model does so): it reads empty.
 * - Colours are BGR numbers, RGB(r, g, b) = r + 256·g + 65536·b (airsheet.wps.cn, Interior 属性:
 *   `interior.Color = RGB(255, 0, 0)`; Microsoft, "RGB function").
 * - No fill is ColorIndex -4142, xlColorIndexNone (Microsoft, Interior.ColorIndex: "xlColorIndexNone. Use to
 *   specify no interior fill"); the Color of an unfilled cell then reads white, 16777215 (Excel does; no WPS
 *   document: the stricter choice, since white then looks like a fill).
 * - An omitted argument before a given one is passed as null, as WPS's own examples do
 *   (`Worksheets.Add(null, Worksheets.Item(1), 2)`: airsheet.wps.cn, Worksheets → Add 方法); an explicit undefined
 *   there is refused (no WPS document says the JS-to-COM bridge takes it as "missing": the stricter choice).
 * - Worksheets.Add with neither Before nor After inserts the new sheet before the active sheet, and it becomes
 *   active (airsheet.wps.cn, Worksheets → Add 方法: "如果同时省略 Before 和 After，则新工作表插入到活动工作表之前").
 * - Range.Address is a method (et-jsapi-declare: `Address(RowAbsolute?, …): string`); reading it as a property
 *   gives a function, never the address. Range.Value too ("JSAPI里的Value是个方法", airsheet.wps.cn).
 * - An error cell's Value2 is a number, the HRESULT COM gives CVErr values (-2146826281 for #DIV/0!: Mike
 *   Rosenblum, "Dealing with CVErr Values in .NET"); its Text shows "#DIV/0!". No WPS document found: a number
 *   is the stricter choice, since it passes for an amount unless Text is asked.
 * - A string written to a cell not formatted "@" is parsed as Excel parses typing: `1-3` becomes a date serial,
 *   `001` the number 1, `=x` a formula, `TRUE` a boolean; a leading apostrophe is a prefix, not text (Microsoft,
 *   "Format numbers as text"). So the number format must be set before the values.
 * - Deleting a sheet while DisplayAlerts is on asks the clerk (Microsoft, Worksheet.Delete: "this method displays
 *   a dialog box that prompts the user to confirm the deletion by default"): here it fails.
 * - Range("…") takes at most 255 characters (Excel fails with error 1004 beyond; no WPS document found).
 * - ListObjects.Add(xlSrcRange, …): Source must be a Range and LinkSource omitted ("If SourceType is xlSrcRange,
 *   this argument is not valid, and an error is returned if not omitted": Microsoft, ListObjects.Add).
 * - Sheet names: 31 characters at most, none of : \ / ? * [ ], unique ignoring case (Microsoft, "Rename a
 *   worksheet").
 * - Range.Select on a sheet that is not active fails ("Select method of Range class failed" in Excel).
 * - Frozen panes belong to the window: SplitRow and FreezePanes apply to the active sheet (Microsoft,
 *   Window.FreezePanes).
 * - PageSetup: Orientation is xlPortrait 1 or xlLandscape 2 (et-jsapi-declare, XlPageOrientation); Zoom is False
 *   or 10…400 ("between 10 and 400 percent"), FitToPagesWide/Tall False or a page count, and they count only while
 *   Zoom is False ("If the Zoom property is True, the FitToPagesWide property is ignored": Microsoft,
 *   PageSetup.FitToPagesWide); PrintTitleRows is whole rows such as "$1:$1", or "" for none (Microsoft,
 *   PageSetup.PrintTitleRows); a header or footer section holds at most 255 characters (Excel's "Header and footer"
 *   limit, Microsoft, "Excel specifications and limits"). Anything else fails here.
 * - Notes: Range.Comment is Nothing (null here) on a cell without one; Range.AddComment on a cell that has one
 *   fails with run-time error 1004, which is why VBA code calls ClearComments first (no Microsoft page states it:
 *   Excel does so; no WPS document found, the stricter choice), and on several cells fails here (one cell only);
 *   the note's author is Application.UserName; its text is read through Comment.Text(), a method (Microsoft,
 *   Comment.Text method; et-jsapi-declare); a deleted note fails every later call; Worksheet.Comments.Item is
 *   1-based, in the sheet's order (Microsoft, Comments object).
 * - Range.Rows.AutoFit works on rows or columns only ("The Range object must be a row or a range of rows, or a
 *   column or a range of columns. Otherwise, this method generates an error": Microsoft, Range.AutoFit).
 * - Range.AutoFilter() with no arguments toggles the drop-down arrows (Microsoft, Range.AutoFilter); on one cell
 *   Excel guesses the region around it, which the fake refuses, and inside a table it would act on the table's
 *   filter, which the fake refuses too.
 */
import { cellAddress, columnLetter, parseCellAddress } from "../../src/core/model/cell-address";
import {
  EtBookModel,
  EtSheetModel,
  type EtComment,
  type EtPageSetup,
  MAX_COLUMN,
  MAX_ROW,
  type EtCell,
  type EtFill,
  type Rect,
} from "./et-model";

const XL_NONE = -4142;
const XL_SOLID = 1;
const WHITE = 16777215;
/** The HRESULT of each error literal, as COM hands CVErr values to other languages. */
const ERROR_NUMBERS: Readonly<Record<string, number>> = {
  "#NULL!": 2000 - 2146828288,
  "#DIV/0!": 2007 - 2146828288,
  "#VALUE!": 2015 - 2146828288,
  "#REF!": 2023 - 2146828288,
  "#NAME?": 2029 - 2146828288,
  "#NUM!": 2036 - 2146828288,
  "#N/A": 2042 - 2146828288,
};
export const MAX_RANGE_ADDRESS = 255;

class EtError extends Error {
  constructor(message: string) {
    super(`ET: ${message}`);
    this.name = "EtError";
  }
}

/**
 * Defines a member that this build exposes as a property or as a zero-argument method when read
 * (EtBookModel.drift); an assignment, where the member takes one, is a property set in both.
 */
function drifting(
  target: object,
  member: string,
  model: EtBookModel,
  read: () => unknown,
  write?: (value: never) => void,
): void {
  const get = () => {
    model.calls++;
    return read();
  };
  Object.defineProperty(target, member, {
    get: model.drift === "method" ? () => get : get,
    ...(write ? { set: write } : {}),
    configurable: true,
  });
}

/** "A1", "$B$2:C3", "A1:B2,D4" → areas; anything else fails, as Range("…") does. */
function parseAreas(address: string): Rect[] {
  if (address.length > MAX_RANGE_ADDRESS) throw new EtError(`Range address longer than 255 characters`);
  return address.split(",").map((part) => {
    const [a, b, extra] = part.replace(/\$/g, "").trim().split(":");
    const first = a ? parseCellAddress(a) : null;
    const second = b === undefined ? first : parseCellAddress(b);
    if (!first || !second || extra !== undefined) throw new EtError(`not a range address: ${address}`);
    if (Math.max(first.row, second.row) > MAX_ROW || Math.max(first.column, second.column) > MAX_COLUMN)
      throw new EtError(`beyond the sheet: ${address}`);
    return {
      top: Math.min(first.row, second.row),
      left: Math.min(first.column, second.column),
      bottom: Math.max(first.row, second.row),
      right: Math.max(first.column, second.column),
    };
  });
}

function areaAddress(rect: Rect): string {
  const start = `$${columnLetter(rect.left)}$${rect.top}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:$${columnLetter(rect.right)}$${rect.bottom}`;
}

/** A date serial for a string Excel would take as a date; the exact number does not matter, only that it is one. */
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$/;
/** 12, -3.5, 1,000, 1E3, 50%, +10 */
const NUMBER_LIKE = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?(?:E[+-]?\d+)?%?$/i;

/** What a typed string becomes in a cell that is not text-formatted (a subset of Excel's parsing, enough to catch order). */
function parseTyped(text: string): Pick<EtCell, "value" | "formula"> {
  if (text.startsWith("=")) return { value: 0, formula: text };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  const trimmed = text.trim();
  if (NUMBER_LIKE.test(trimmed)) {
    const n = Number(trimmed.replace(/,/g, "").replace(/%$/, ""));
    return { value: trimmed.endsWith("%") ? n / 100 : n };
  }
  if (DATE_LIKE.test(trimmed) || /^\d{1,2}:\d{2}(?::\d{2})?$/.test(trimmed)) return { value: 45000 };
  return { value: text };
}

export class FakeEtRange {
  /** Drifting members (defined in the constructor). */
  declare readonly Text: string;
  declare readonly Count: number;
  readonly areas: Rect[];
  constructor(
    readonly model: EtBookModel,
    readonly sheet: EtSheetModel,
    areas: Rect[],
    /** "rows" for what Range.Rows gives: AutoFit works on rows (or columns) only. */
    readonly unit: "cells" | "rows" = "cells",
  ) {
    this.areas = areas;
    drifting(this, "Text", model, () => this.text());
    drifting(this, "Count", model, () =>
      this.areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0),
    );
  }

  private count(): void {
    this.model.calls++;
  }

  private *cells(): Generator<{ row: number; column: number }> {
    for (const a of this.areas)
      for (let row = a.top; row <= a.bottom; row++)
        for (let column = a.left; column <= a.right; column++) yield { row, column };
  }

  private writable(): void {
    if (this.sheet.protectContents) throw new EtError(`sheet ${this.sheet.name} is protected`);
  }

  /** "$A$1:$B$2" (several areas joined by commas): a method, as in the JSAPI. */
  Address(): string {
    this.count();
    return this.areas.map(areaAddress).join(",");
  }

  Value(): never {
    throw new EtError("Range.Value is a method the applier is not meant to use: Value2 is the property");
  }

  get Worksheet(): FakeEtWorksheet {
    this.count();
    return new FakeEtWorksheet(this.model, this.sheet);
  }

  get Value2(): unknown {
    this.count();
    const area = this.areas[0]!;
    const read = (row: number, column: number): unknown => {
      const cell = this.sheet.cell(row, column);
      if (!cell) return undefined;
      if (cell.error) return ERROR_NUMBERS[cell.error];
      return cell.value === "" ? undefined : cell.value;
    };
    if (area.top === area.bottom && area.left === area.right) return read(area.top, area.left);
    const rows: unknown[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: unknown[] = [];
      for (let c = area.left; c <= area.right; c++) row.push(read(r, c));
      rows.push(row);
    }
    return rows;
  }

  set Value2(value: unknown) {
    this.count();
    this.writable();
    if (this.areas.length !== 1) throw new EtError("Value2 written to several areas");
    const area = this.areas[0]!;
    const rows = area.bottom - area.top + 1;
    const columns = area.right - area.left + 1;
    if (Array.isArray(value)) {
      if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== columns))
        throw new EtError(`an array that is not ${rows}×${columns} written to ${this.Address()}`);
    }
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const v = Array.isArray(value) ? (value[r] as unknown[])[c] : value;
        this.write(this.sheet.touch(area.top + r, area.left + c), v);
      }
  }

  private write(cell: EtCell, value: unknown): void {
    delete cell.formula;
    delete cell.error;
    if (value === null || value === undefined || value === "") {
      cell.value = "";
      return;
    }
    if (typeof value === "number" || typeof value === "boolean") {
      cell.value = value;
      return;
    }
    if (typeof value !== "string") throw new EtError(`cannot write ${typeof value}`);
    if (value.startsWith("'")) cell.value = value.slice(1);
    else if (cell.numberFormat === "@") cell.value = value;
    else Object.assign(cell, parseTyped(value));
  }

  private text(): string {
    const area = this.areas[0]!;
    const cell = this.sheet.cell(area.top, area.left);
    if (!cell) return "";
    return cell.error ?? String(cell.value);
  }

  get NumberFormat(): string | null {
    this.count();
    const formats = new Set<string>();
    for (const { row, column } of this.cells())
      formats.add(this.sheet.cell(row, column)?.numberFormat ?? "General");
    return formats.size === 1 ? [...formats][0]! : null;
  }

  set NumberFormat(format: string) {
    this.count();
    this.writable();
    for (const { row, column } of this.cells()) this.sheet.touch(row, column).numberFormat = format;
  }

  get Interior(): FakeEtInterior {
    this.count();
    return new FakeEtInterior(this);
  }

  get Font(): FakeEtFont {
    this.count();
    return new FakeEtFont(this);
  }

  /** Whether every cell is bold (null when mixed), and setting it for all. */
  get bold(): boolean | null {
    return common([...this.cells()].map((p) => !!this.sheet.cell(p.row, p.column)?.bold));
  }

  set bold(on: boolean | null) {
    this.writable();
    for (const { row, column } of this.cells()) this.sheet.touch(row, column).bold = !!on;
  }

  set WrapText(on: boolean) {
    this.count();
    this.writable();
    for (const { row, column } of this.cells()) this.sheet.touch(row, column).wrap = on;
  }

  get ColumnWidth(): number | null {
    this.count();
    const widths = new Set(
      this.areas.flatMap((a) => range(a.left, a.right).map((c) => this.sheet.columnWidths.get(c) ?? 8.38)),
    );
    return widths.size === 1 ? [...widths][0]! : null;
  }

  /** Sets the width of every column the range touches, in characters (ET's unit). */
  set ColumnWidth(width: number) {
    this.count();
    if (!(width >= 0 && width <= 255)) throw new EtError(`column width ${width}`);
    for (const a of this.areas) for (let c = a.left; c <= a.right; c++) this.sheet.columnWidths.set(c, width);
  }

  get Rows(): FakeEtRange {
    this.count();
    return new FakeEtRange(this.model, this.sheet, this.areas, "rows");
  }

  /** Fits the rows' heights to their (wrapped) text: recorded per area. */
  AutoFit(): boolean {
    this.count();
    const wholeRows = this.areas.every((a) => a.left === 1 && a.right === MAX_COLUMN);
    if (this.unit !== "rows" && !wholeRows)
      throw new EtError("AutoFit method of Range class failed: not rows or columns");
    for (const a of this.areas) this.sheet.autofitRows.push(rectText(a));
    return true;
  }

  /** With no arguments, toggles the drop-down arrows on the range's first row. */
  AutoFilter(...args: unknown[]): unknown {
    this.count();
    this.writable();
    if (args.some((a) => a !== undefined)) throw new EtError("AutoFilter with criteria is not faked");
    if (this.areas.length !== 1) throw new EtError("AutoFilter on several areas");
    const area = this.areas[0]!;
    if (area.top === area.bottom) throw new EtError("AutoFilter on one row: Excel would guess the region");
    if (this.sheet.lists.some((l) => overlaps(l.rect, area)))
      throw new EtError("AutoFilter inside a table acts on the table's filter: not faked");
    this.sheet.autoFilter = this.sheet.autoFilter ? null : area;
    return true;
  }

  /** The note on the first cell, or null (VBA's Nothing). */
  get Comment(): FakeEtComment | null {
    this.count();
    if (!this.model.features.comments) throw new EtError("Range.Comment is not available in this build");
    const area = this.areas[0]!;
    return this.sheet.cell(area.top, area.left)?.comment
      ? new FakeEtComment(this.model, this.sheet, area.top, area.left)
      : null;
  }

  AddComment(text?: unknown): FakeEtComment {
    this.count();
    if (!this.model.features.comments) throw new EtError("Range.AddComment is not available in this build");
    this.writable();
    const area = this.areas[0]!;
    if (this.areas.length !== 1 || area.top !== area.bottom || area.left !== area.right)
      throw new EtError("AddComment on more than one cell");
    if (text !== undefined && typeof text !== "string") throw new EtError("AddComment takes a string");
    if ((text ?? "").length > 32767) throw new EtError("a note holds at most 32,767 characters");
    const cell = this.sheet.touch(area.top, area.left);
    if (cell.comment)
      throw new EtError("AddComment method of Range class failed: the cell has a note (1004)");
    cell.comment = { text: text ?? "", author: this.model.userName };
    return new FakeEtComment(this.model, this.sheet, area.top, area.left);
  }

  Select(): void {
    this.count();
    if (this.model.activeSheet !== this.sheet)
      throw new EtError("Select method of Range class failed: sheet not active");
    this.sheet.selection = this.areas;
  }

  /** Every cell's fill, for the Interior. */
  fills(): (EtFill | undefined)[] {
    return [...this.cells()].map(({ row, column }) => this.sheet.cell(row, column)?.fill);
  }

  setFills(update: (fill: EtFill | undefined) => EtFill | undefined): void {
    this.writable();
    for (const { row, column } of this.cells()) {
      const cell = this.sheet.touch(row, column);
      const next = update(cell.fill);
      if (next) cell.fill = next;
      else delete cell.fill;
    }
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function rectText(rect: Rect): string {
  return areaAddress(rect).replace(/\$/g, "");
}

/** A note on one cell; it fails every call once deleted (or replaced). */
export class FakeEtComment {
  private readonly note: EtComment | undefined;
  constructor(
    private readonly model: EtBookModel,
    private readonly sheet: EtSheetModel,
    private readonly row: number,
    private readonly column: number,
  ) {
    this.note = sheet.cell(row, column)?.comment;
  }

  private alive(): void {
    this.model.calls++;
    if (!this.note || this.sheet.cell(this.row, this.column)?.comment !== this.note)
      throw new EtError("the note was deleted");
  }

  /** A method, as in VBA: with no arguments it returns the text; setting text through it is not faked. */
  Text(...args: unknown[]): string {
    this.alive();
    if (args.some((a) => a !== undefined)) throw new EtError("Comment.Text with arguments is not faked");
    return this.note!.text;
  }

  get Author(): string {
    this.alive();
    return this.note!.author;
  }

  Delete(): void {
    this.alive();
    if (this.sheet.protectContents) throw new EtError(`sheet ${this.sheet.name} is protected`);
    delete this.sheet.cell(this.row, this.column)!.comment;
  }
}

const FOOTER_MEMBERS = {
  LeftFooter: "leftFooter",
  CenterFooter: "centerFooter",
  RightFooter: "rightFooter",
} as const;

/** Worksheet.PageSetup: each member checked as Excel checks it, stored raw on the sheet's model. */
function pageSetupOf(model: EtBookModel, sheet: EtSheetModel): Record<string, unknown> {
  const setup = sheet.pageSetup;
  const fail = (what: string) => {
    throw new EtError(`Unable to set the ${what} property of the PageSetup class`);
  };
  const member = <K extends keyof EtPageSetup>(
    name: string,
    key: K,
    valid: (value: unknown) => boolean,
  ): PropertyDescriptor => ({
    get: () => {
      model.calls++;
      return setup[key];
    },
    set: (value: unknown) => {
      model.calls++;
      if (sheet.protectContents) throw new EtError(`sheet ${sheet.name} is protected`);
      if (!valid(value)) fail(name);
      setup[key] = value as EtPageSetup[K];
    },
    enumerable: true,
  });
  const pages = (v: unknown) =>
    v === false || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 32767);
  const footer = (v: unknown) => typeof v === "string" && v.length <= 255;
  const target = {};
  Object.defineProperties(target, {
    Orientation: member("Orientation", "orientation", (v) => v === 1 || v === 2),
    // Excel asks the printer's driver: a paper it does not offer fails ("Unable to set the PaperSize property").
    PaperSize: member(
      "PaperSize",
      "paperSize",
      (v) => Number.isInteger(v) && (v as number) >= 1 && (v !== 9 || model.printerHasA4),
    ),
    Zoom: member("Zoom", "zoom", (v) => v === false || (typeof v === "number" && v >= 10 && v <= 400)),
    FitToPagesWide: member("FitToPagesWide", "fitToPagesWide", pages),
    FitToPagesTall: member("FitToPagesTall", "fitToPagesTall", pages),
    PrintTitleRows: member(
      "PrintTitleRows",
      "printTitleRows",
      // "$1:$1", "$1:$3"; "" removes them.
      (v) => v === "" || (typeof v === "string" && /^\$?\d+:\$?\d+$/.test(v)),
    ),
    ...Object.fromEntries(
      Object.entries(FOOTER_MEMBERS).map(([name, key]) => [name, member(name, key, footer)]),
    ),
  });
  return target as Record<string, unknown>;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The same value for every cell of the range, or null when they differ (as Excel answers a mixed range). */
function common<T>(values: readonly T[]): T | null {
  const first = values[0] as T;
  return values.every((v) => v === first) ? first : null;
}

export class FakeEtFont {
  constructor(private readonly range: FakeEtRange) {}
  get Bold(): boolean | null {
    this.range.model.calls++;
    return this.range.bold;
  }
  set Bold(on: boolean | null) {
    this.range.model.calls++;
    this.range.bold = on;
  }
}

export class FakeEtInterior {
  constructor(private readonly range: FakeEtRange) {}

  private count(): void {
    this.range.model.calls++;
  }

  get ColorIndex(): number | null {
    this.count();
    // A filled cell reports a palette index (never -4142); which one does not matter here.
    return common(this.range.fills().map((f) => (f ? 1 + (f.color % 56) : XL_NONE)));
  }

  set ColorIndex(index: number) {
    this.count();
    if (index !== XL_NONE) throw new EtError("only xlColorIndexNone is supported by the fake");
    this.range.setFills(() => undefined);
  }

  get Color(): number | null {
    this.count();
    return common(this.range.fills().map((f) => (f ? f.color : WHITE)));
  }

  /** Colouring an unfilled cell gives it a solid fill; a pattern keeps its pattern over the new colour. */
  set Color(color: number) {
    this.count();
    if (!Number.isInteger(color) || color < 0 || color > WHITE)
      throw new EtError(`not a BGR colour: ${color}`);
    // Setting a colour drops the tint (Excel: Color sets an RGB, not a theme colour with a tint).
    this.range.setFills((f) =>
      f
        ? { pattern: f.pattern, color, patternColor: f.patternColor }
        : { pattern: XL_SOLID, color, patternColor: 0 },
    );
  }

  get Pattern(): number | null {
    this.count();
    return common(this.range.fills().map((f) => (f ? f.pattern : XL_NONE)));
  }

  set Pattern(pattern: number) {
    this.count();
    this.range.setFills((f) =>
      pattern === XL_NONE
        ? undefined
        : { pattern, color: f?.color ?? WHITE, patternColor: f?.patternColor ?? 0 },
    );
  }

  get TintAndShade(): number | null {
    this.count();
    return common(this.range.fills().map((f) => f?.tint ?? 0));
  }

  set TintAndShade(tint: number) {
    this.count();
    if (!(tint >= -1 && tint <= 1)) throw new EtError(`TintAndShade ${tint} is outside -1…1`);
    this.range.setFills((f) =>
      f ? { ...f, tint } : { pattern: XL_SOLID, color: WHITE, patternColor: 0, tint },
    );
  }

  get PatternColor(): number | null {
    this.count();
    return common(this.range.fills().map((f) => (f ? f.patternColor : 0)));
  }

  set PatternColor(color: number) {
    this.count();
    this.range.setFills((f) =>
      f ? { ...f, patternColor: color } : { pattern: XL_SOLID, color: WHITE, patternColor: color },
    );
  }
}

export class FakeEtWorksheet {
  /** The sheet's name: read as a property or a method (the build's drift), assigned as a property. */
  declare Name: string;
  constructor(
    readonly model: EtBookModel,
    readonly sheet: EtSheetModel,
  ) {
    drifting(
      this,
      "Name",
      model,
      () => this.sheet.name,
      (name: string) => this.rename(name),
    );
  }

  private alive(): void {
    if (!this.model.sheets.includes(this.sheet)) throw new EtError("the sheet was deleted");
  }

  private rename(name: string): void {
    this.model.calls++;
    this.alive();
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
      throw new EtError(`invalid sheet name ${name}`);
    if (this.model.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === name.toLowerCase()))
      throw new EtError(`a sheet named ${name} exists`);
    const old = this.sheet.name;
    this.sheet.name = name;
    this.model.retarget(old, name);
  }

  get Index(): number {
    this.model.calls++;
    return this.model.sheets.indexOf(this.sheet) + 1;
  }

  get ProtectContents(): boolean {
    this.model.calls++;
    return this.sheet.protectContents;
  }

  Range(address: string): FakeEtRange {
    this.model.calls++;
    this.alive();
    if (typeof address !== "string") throw new EtError("Range takes an address string here");
    return new FakeEtRange(this.model, this.sheet, parseAreas(address));
  }

  get UsedRange(): FakeEtRange {
    this.model.calls++;
    return new FakeEtRange(this.model, this.sheet, [
      this.sheet.usedRect() ?? { top: 1, left: 1, bottom: 1, right: 1 },
    ]);
  }

  Activate(): void {
    this.model.calls++;
    this.alive();
    this.model.active = this.model.sheets.indexOf(this.sheet);
  }

  Delete(): void {
    this.model.calls++;
    this.alive();
    if (this.model.displayAlerts) {
      this.model.prompts.push(this.sheet.name);
      throw new EtError(`deleting ${this.sheet.name} would ask the clerk to confirm (DisplayAlerts is on)`);
    }
    if (this.model.sheets.length === 1) throw new EtError("a workbook must keep one sheet");
    const index = this.model.sheets.indexOf(this.sheet);
    const wasActive = index === this.model.active;
    this.model.sheets.splice(index, 1);
    if (index < this.model.active || (wasActive && index === this.model.sheets.length)) this.model.active--;
    this.model.retarget(this.sheet.name, null);
  }

  get PageSetup(): Record<string, unknown> {
    this.model.calls++;
    this.alive();
    if (!this.model.features.pageSetup) throw new EtError("PageSetup is not available in this build");
    return pageSetupOf(this.model, this.sheet);
  }

  /** The sheet's notes, 1-based in the sheet's order. */
  get Comments(): { Item(i: number): FakeEtComment } {
    this.model.calls++;
    this.alive();
    if (!this.model.features.comments) throw new EtError("Comments is not available in this build");
    const sheet = this.sheet;
    const model = this.model;
    const comments = {
      Item(i: number): FakeEtComment {
        model.calls++;
        const found = sheet.comments()[i - 1];
        if (!found || !Number.isInteger(i) || i < 1) throw new EtError(`Comments.Item(${i})`);
        const at = parseCellAddress(found[0])!;
        return new FakeEtComment(model, sheet, at.row, at.column);
      },
    };
    drifting(comments, "Count", model, () => sheet.comments().length);
    return comments;
  }

  get Hyperlinks(): { Add: (...args: unknown[]) => unknown } {
    this.model.calls++;
    if (!this.model.features.links) throw new EtError("Hyperlinks is not available in this build");
    return {
      Add: (...args: unknown[]) => {
        const [anchor, address, subAddress, , text] = args;
        this.model.calls++;
        refuseUndefinedBeforeGiven("Hyperlinks.Add", args);
        if (!(anchor instanceof FakeEtRange) || anchor.sheet !== this.sheet)
          throw new EtError("Anchor must be a Range of this sheet");
        if (anchor.areas.length !== 1) throw new EtError("Anchor must be one area");
        const a = anchor.areas[0]!;
        const cell = this.sheet.touch(a.top, a.left);
        const shown = typeof text === "string" ? text : String(subAddress ?? address ?? "");
        cell.link = { subAddress: String(subAddress ?? ""), text: shown };
        // Excel shows TextToDisplay in the cell.
        if (typeof text === "string") cell.value = text;
        return {};
      },
    };
  }

  get ListObjects(): unknown {
    this.model.calls++;
    if (!this.model.features.tables) throw new EtError("ListObjects is not available in this build");
    const sheet = this.sheet;
    const model = this.model;
    const item = (list: (typeof sheet.lists)[number]) => ({
      get Name() {
        model.calls++;
        return list.name;
      },
      set Name(name: string) {
        model.calls++;
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new EtError(`invalid table name ${name}`);
        if (
          model.sheets.some((s) =>
            s.lists.some((l) => l !== list && l.name.toLowerCase() === name.toLowerCase()),
          )
        )
          throw new EtError(`a table named ${name} exists`);
        list.name = name;
      },
      set TableStyle(style: string) {
        model.calls++;
        list.style = style;
      },
    });
    const lists = {
      Add: (...args: unknown[]) => {
        const [sourceType, source, linkSource, headers] = args;
        model.calls++;
        refuseUndefinedBeforeGiven("ListObjects.Add", args);
        if (sourceType !== 1) throw new EtError("only xlSrcRange");
        if (!(source instanceof FakeEtRange) || source.sheet !== sheet)
          throw new EtError("Source must be a Range of this sheet");
        if (linkSource !== undefined && linkSource !== null)
          throw new EtError("LinkSource is not valid with xlSrcRange");
        if (headers !== 1) throw new EtError("the applier's tables have headers (xlYes)");
        const rect = source.areas[0]!;
        if (
          sheet.lists.some(
            (l) =>
              l.rect.top <= rect.bottom &&
              rect.top <= l.rect.bottom &&
              l.rect.left <= rect.right &&
              rect.left <= l.rect.right,
          )
        )
          throw new EtError("tables may not overlap");
        const list = {
          name: `表${model.sheets.reduce((n, s) => n + s.lists.length, 0) + 1}`,
          style: "TableStyleMedium2",
          rect,
        };
        sheet.lists.push(list);
        return item(list);
      },
      Item: (i: number) => {
        model.calls++;
        const list = sheet.lists[i - 1];
        if (!list || i < 1) throw new EtError(`ListObjects.Item(${i})`);
        return item(list);
      },
    };
    drifting(lists, "Count", model, () => sheet.lists.length);
    return lists;
  }
}

class FakeEtSheets {
  constructor(private readonly model: EtBookModel) {
    drifting(this, "Count", model, () => model.sheets.length);
  }

  /** 1-based, or by name ignoring case; anything else fails. */
  Item(index: number | string): FakeEtWorksheet {
    this.model.calls++;
    const sheet =
      typeof index === "number"
        ? Number.isInteger(index) && index >= 1
          ? this.model.sheets[index - 1]
          : undefined
        : this.model.sheetByName(index);
    if (!sheet) throw new EtError(`Worksheets.Item(${JSON.stringify(index)}): no such sheet`);
    return new FakeEtWorksheet(this.model, sheet);
  }

  /** Before a given sheet, after one, or (neither given) before the active sheet; the new sheet is active. */
  Add(...args: unknown[]): FakeEtWorksheet {
    const [before, after, count, type] = args;
    this.model.calls++;
    refuseUndefinedBeforeGiven("Worksheets.Add", args);
    if (before !== undefined && before !== null && after !== undefined && after !== null)
      throw new EtError("Before and After both given");
    if ((count !== undefined && count !== null && count !== 1) || (type !== undefined && type !== null))
      throw new EtError("one worksheet at a time");
    const indexOf = (ref: unknown): number => {
      if (!(ref instanceof FakeEtWorksheet)) throw new EtError("Before/After must be a Worksheet");
      return this.model.sheets.indexOf(ref.sheet);
    };
    const at =
      before !== undefined && before !== null
        ? indexOf(before)
        : after !== undefined && after !== null
          ? indexOf(after) + 1
          : this.model.active;
    let n = this.model.sheets.length + 1;
    while (this.model.sheetByName(`Sheet${n}`)) n++;
    const sheet = this.model.addSheet(`Sheet${n}`, at);
    this.model.active = this.model.sheets.indexOf(sheet);
    return new FakeEtWorksheet(this.model, sheet);
  }
}

/** An explicit undefined before a given argument: WPS's examples pass null for an omitted one (see the top). */
function refuseUndefinedBeforeGiven(call: string, args: readonly unknown[]): void {
  let lastGiven = -1;
  for (let i = 0; i < args.length; i++) if (args[i] !== undefined) lastGiven = i;
  for (let i = 0; i < lastGiven; i++)
    if (args[i] === undefined)
      throw new EtError(`${call}: argument ${i + 1} is undefined; pass null for an omitted argument`);
}

function namesOf(model: EtBookModel) {
  const item = (entry: EtBookModel["names"][number]) => {
    const name = {
      get Visible() {
        model.calls++;
        return entry.visible;
      },
      set Visible(on: boolean) {
        model.calls++;
        entry.visible = on;
      },
      Delete() {
        model.calls++;
        model.names = model.names.filter((n) => n !== entry);
      },
    };
    drifting(name, "Name", model, () => entry.name);
    // RefersTo drifts like Name when read; it is always assigned as a property.
    const read = () => {
      model.calls++;
      return entry.refersTo;
    };
    Object.defineProperty(name, "RefersTo", {
      get: model.drift === "method" ? () => read : read,
      set: (formula: string) => {
        model.calls++;
        if (typeof formula !== "string" || !formula.startsWith("="))
          throw new EtError("RefersTo must be a formula");
        entry.refersTo = formula;
      },
    });
    return name;
  };
  const names = {
    Item(index: number | string) {
      model.calls++;
      const entry =
        typeof index === "number"
          ? index >= 1
            ? model.names[index - 1]
            : undefined
          : model.names.find((n) => n.name.toLowerCase() === index.toLowerCase());
      if (!entry) throw new EtError(`Names.Item(${JSON.stringify(index)}): no such name`);
      return item(entry);
    },
    Add(name: string, refersTo: string, visible?: boolean) {
      model.calls++;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new EtError(`invalid name ${name}`);
      if (typeof refersTo !== "string" || !refersTo.startsWith("="))
        throw new EtError("RefersTo must be a formula");
      model.names = model.names.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
      const entry = { name, refersTo, visible: visible ?? true };
      model.names.push(entry);
      return item(entry);
    },
  };
  drifting(names, "Count", model, () => model.names.length);
  return names;
}

function namespaceOf(xml: string): string {
  const root = /<(?!\?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)\b([^>]*)>/.exec(xml);
  if (!root) throw new EtError("not XML");
  const prefix = root[1]!.includes(":") ? root[1]!.split(":")[0] : null;
  const ns = new RegExp(`xmlns${prefix ? `:${prefix}` : ""}="([^"]*)"`).exec(root[2]!);
  return ns ? ns[1]! : "";
}

function partsOf(model: EtBookModel, filter: (ns: string) => boolean = () => true) {
  if (!model.features.customXml) throw new EtError("CustomXMLParts is not available in this build");
  const selected = () => model.parts.filter((p) => filter(namespaceOf(p.xml)));
  const part = (entry: EtBookModel["parts"][number]) => {
    const p = {
      get NamespaceURI() {
        model.calls++;
        return namespaceOf(entry.xml);
      },
      Delete() {
        model.calls++;
        model.parts = model.parts.filter((x) => x !== entry);
      },
    };
    drifting(p, "XML", model, () => entry.xml);
    return p;
  };
  const parts = {
    Item(index: number) {
      model.calls++;
      const entry = index >= 1 ? selected()[index - 1] : undefined;
      if (!entry) throw new EtError(`CustomXMLParts.Item(${index})`);
      return part(entry);
    },
    Add(xml: string) {
      model.calls++;
      namespaceOf(xml);
      return part(model.addPart(xml));
    },
    SelectByNamespace(ns: string) {
      model.calls++;
      return partsOf(model, (x) => filter(x) && x === ns);
    },
  };
  drifting(parts, "Count", model, () => selected().length);
  return parts;
}

export class FakeEtWorkbook {
  declare readonly Name: string;
  constructor(readonly model: EtBookModel) {
    drifting(this, "Name", model, () => model.name);
  }

  get Worksheets(): FakeEtSheets {
    this.model.calls++;
    return new FakeEtSheets(this.model);
  }

  get Names(): ReturnType<typeof namesOf> {
    this.model.calls++;
    return namesOf(this.model);
  }

  get CustomXMLParts(): ReturnType<typeof partsOf> {
    this.model.calls++;
    return partsOf(this.model);
  }
}

/** The window's split and freeze, applied to whichever sheet is active when FreezePanes is set. */
class FakeEtWindow {
  private splitRow = 0;
  private splitColumn = 0;
  constructor(private readonly model: EtBookModel) {
    if (!model.features.freeze) throw new EtError("ActiveWindow has no FreezePanes in this build");
  }
  get FreezePanes(): boolean {
    this.model.calls++;
    return this.model.activeSheet.frozenRows > 0;
  }
  set FreezePanes(on: boolean) {
    this.model.calls++;
    this.model.activeSheet.frozenRows = on ? this.splitRow : 0;
  }
  set SplitRow(rows: number) {
    this.model.calls++;
    this.splitRow = rows;
  }
  set SplitColumn(columns: number) {
    this.model.calls++;
    this.splitColumn = columns;
  }
  get SplitColumn(): number {
    return this.splitColumn;
  }
}

/** What the task pane and the ribbon page reach through window.Application: ET's Application plus the add-in root. */
export class FakeEtApplication {
  readonly taskPanes: {
    ID: number;
    url: string;
    Visible: boolean;
    Navigate: (url: string) => void;
    navigations: string[];
  }[] = [];
  readonly storage = new Map<string, string | number | boolean>();
  constructor(readonly model: EtBookModel) {}

  get ActiveWorkbook(): FakeEtWorkbook {
    this.model.calls++;
    return new FakeEtWorkbook(this.model);
  }

  get ActiveSheet(): FakeEtWorksheet {
    this.model.calls++;
    return new FakeEtWorksheet(this.model, this.model.activeSheet);
  }

  get Worksheets(): FakeEtSheets {
    this.model.calls++;
    return new FakeEtSheets(this.model);
  }

  get Selection(): FakeEtRange {
    this.model.calls++;
    const sheet = this.model.activeSheet;
    return new FakeEtRange(this.model, sheet, sheet.selection);
  }

  get ActiveWindow(): FakeEtWindow {
    this.model.calls++;
    return new FakeEtWindow(this.model);
  }

  get DisplayAlerts(): boolean {
    this.model.calls++;
    return this.model.displayAlerts;
  }

  set DisplayAlerts(on: boolean) {
    this.model.calls++;
    this.model.displayAlerts = on;
  }

  /** The add-in root (WPS.AddonRoot): data shared by the add-in's pages (strings, numbers, booleans). */
  get PluginStorage(): {
    setItem(k: string, v: string | number | boolean): void;
    getItem(k: string): string | number | boolean | null;
    removeItem(k: string): void;
  } {
    const storage = this.storage;
    return {
      setItem: (k, v) => void storage.set(k, v),
      getItem: (k) => storage.get(k) ?? null,
      removeItem: (k) => void storage.delete(k),
    };
  }

  CreateTaskPane(url: string) {
    const pane = {
      ID: this.taskPanes.length + 1,
      url,
      Visible: false,
      navigations: [] as string[],
      Navigate(to: string) {
        pane.navigations.push(to);
        pane.url = to;
      },
    };
    this.taskPanes.push(pane);
    return pane;
  }

  GetTaskPane(id: number) {
    const pane = this.taskPanes.find((p) => p.ID === Number(id));
    if (!pane) throw new EtError(`no task pane ${id}`);
    return pane;
  }
}

/** A fake ET with one empty sheet, or the given model; cast to the package's type where the applier wants it. */
export function fakeEtApplication(model = new EtBookModel()): {
  app: Et.Application & Pick<WPS.AddonRoot, "PluginStorage">;
  fake: FakeEtApplication;
  model: EtBookModel;
} {
  const fake = new FakeEtApplication(model);
  return { app: fake as unknown as Et.Application & Pick<WPS.AddonRoot, "PluginStorage">, fake, model };
}

/** A cell's address, for tests. */
export { cellAddress };
