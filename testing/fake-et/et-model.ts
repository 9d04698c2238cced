/**
 * The data behind the fake ET (WPS 表格) host: sheets of cells with values, number formats, fills, links; the
 * workbook's names and custom XML parts; the active sheet, the selection, the frozen panes; and a count of every
 * call the applier makes. fake-et.ts wraps it in the object model the applier sees. Test code only, no Node APIs.
 */
import { cellAddress } from "../../src/core/model/cell-address";
import type { CellValue } from "../../src/core/model/grid";

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A cell's fill as ET's Interior holds it: pattern (XlPattern), BGR colours. Absent = no fill. */
export interface EtFill {
  readonly pattern: number;
  readonly color: number;
  readonly patternColor: number;
  /** Interior.TintAndShade, when set (-1 darkest … 1 lightest). */
  readonly tint?: number;
}

export interface EtCell {
  /** What Value2 gives back for a value cell; "" for none. */
  value: string | number | boolean;
  /** An error cell ("#DIV/0!"): Value2 reads a number, Text the error. */
  error?: string;
  /** The formula, when the written string started with "=". */
  formula?: string;
  numberFormat: string;
  fill?: EtFill;
  bold?: boolean;
  wrap?: boolean;
  link?: { readonly subAddress: string; readonly text: string };
  /** A note (legacy comment): its text and its author (Application.UserName when AddComment wrote it). */
  comment?: EtComment;
}

export interface EtComment {
  readonly text: string;
  readonly author: string;
}

/**
 * A sheet's PageSetup as set: the raw values, so a test sees exactly what the applier wrote (Zoom false, FitToPages
 * numbers or false). The defaults are Excel's for a new sheet: portrait, 100 %, no print titles, empty footers.
 */
export interface EtPageSetup {
  orientation: number;
  paperSize: number;
  zoom: number | false;
  fitToPagesWide: number | false;
  fitToPagesTall: number | false;
  printTitleRows: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface EtList {
  name: string;
  style: string;
  readonly rect: Rect;
}

/** Largest column and row: XFD, 1,048,576 (ET has Excel's grid). */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

export class EtSheetModel {
  readonly cells = new Map<number, EtCell>();
  readonly columnWidths = new Map<number, number>();
  readonly lists: EtList[] = [];
  /** Rows frozen at the top, as the window showed them when this sheet was active. */
  frozenRows = 0;
  /** Protected contents: every change to a cell fails. */
  protectContents = false;
  pageSetup: EtPageSetup = {
    orientation: 1,
    // The printer's default paper; Letter (1) here, so a test sees whether A4 (9) was set.
    paperSize: 1,
    zoom: 100,
    fitToPagesWide: 1,
    fitToPagesTall: 1,
    printTitleRows: "",
    leftFooter: "",
    centerFooter: "",
    rightFooter: "",
  };
  /** The AutoFilter's range (drop-down arrows on its first row), or null. */
  autoFilter: Rect | null = null;
  /** Ranges whose rows ET fitted to their content (Rows.AutoFit), as "A2:N133". */
  readonly autofitRows: string[] = [];
  /** The selection on this sheet (one or more areas); A1 by default. */
  selection: Rect[] = [{ top: 1, left: 1, bottom: 1, right: 1 }];
  constructor(public name: string) {}

  static key(row: number, column: number): number {
    return (row - 1) * MAX_COLUMN + (column - 1);
  }

  static position(key: number): { row: number; column: number } {
    return { row: Math.floor(key / MAX_COLUMN) + 1, column: (key % MAX_COLUMN) + 1 };
  }

  cell(row: number, column: number): EtCell | undefined {
    return this.cells.get(EtSheetModel.key(row, column));
  }

  touch(row: number, column: number): EtCell {
    const key = EtSheetModel.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: "General" };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Puts a grid on the sheet as a paste of text would (every value as given). */
  putGrid(grid: readonly (readonly CellValue[])[], top = 1, left = 1): void {
    grid.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== "") this.touch(top + r, left + c).value = value;
      }),
    );
  }

  /**
   * The smallest block holding every cell with a value or a format: ET's UsedRange, like Excel's, counts
   * formatted empty cells too. Null for a blank sheet (whose UsedRange then reads as A1).
   */
  usedRect(): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of this.cells) {
      const formatted = !!cell.fill || cell.numberFormat !== "General" || !!cell.link;
      if (cell.value === "" && !cell.error && !cell.formula && !formatted) continue;
      const { row, column } = EtSheetModel.position(key);
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** Every cell with a note, as "A1" → note, in the sheet's order (row by row). */
  comments(): [string, EtComment][] {
    const found: [number, string, EtComment][] = [];
    for (const [key, cell] of this.cells) {
      if (!cell.comment) continue;
      const { row, column } = EtSheetModel.position(key);
      found.push([key, cellAddress(row, column), cell.comment]);
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, at, comment]) => [at, comment]);
  }

  /** Every cell with a fill, as "A1" → fill. */
  fills(): Map<string, EtFill> {
    const fills = new Map<string, EtFill>();
    for (const [key, cell] of this.cells) {
      if (!cell.fill) continue;
      const { row, column } = EtSheetModel.position(key);
      fills.set(cellAddress(row, column), cell.fill);
    }
    return fills;
  }
}

export interface EtName {
  name: string;
  refersTo: string;
  visible: boolean;
}

export interface EtPart {
  readonly id: string;
  readonly xml: string;
}

/** What a WPS build lacks: each missing feature makes its calls fail, as a member the build does not have. */
export interface EtFeatures {
  tables: boolean;
  freeze: boolean;
  links: boolean;
  /** Custom XML parts (the marks record); a build without them fails every call on CustomXMLParts. */
  customXml: boolean;
  /** Worksheet.PageSetup. */
  pageSetup: boolean;
  /** Notes: Range.AddComment, Range.Comment, Worksheet.Comments. */
  comments: boolean;
}

export class EtBookModel {
  /** The workbook's file name, as Workbook.Name gives it. */
  name = "工作簿1.xlsx";
  sheets: EtSheetModel[] = [];
  /** Index into `sheets` of the active sheet. */
  active = 0;
  names: EtName[] = [];
  parts: EtPart[] = [];
  displayAlerts = true;
  features: EtFeatures = {
    tables: true,
    freeze: true,
    links: true,
    customXml: true,
    pageSetup: true,
    comments: true,
  };
  /** Whether the printer's driver offers A4: one that does not refuses PaperSize = xlPaperA4. */
  printerHasA4 = true;
  /** Application.UserName: the author AddComment gives a note. */
  userName = "张会计";
  /**
   * How this build exposes members that drift between a property and a zero-argument method (Text, Count, Name,
   * RefersTo, XML): "property" as the package's types say, "method" as some builds do. Address and Value are
   * methods in every build (the JSAPI reference).
   */
  drift: "property" | "method" = "property";
  /** Every call the applier made into the object model: property reads and writes, method calls. */
  calls = 0;
  /** Sheets deleted while DisplayAlerts was on: WPS would have stopped to ask the clerk each time. */
  readonly prompts: string[] = [];
  private nextPart = 1;

  constructor(firstSheet = "Sheet1") {
    this.sheets.push(new EtSheetModel(firstSheet));
  }

  get activeSheet(): EtSheetModel {
    return this.sheets[this.active]!;
  }

  sheetByName(name: string): EtSheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string, index = this.sheets.length): EtSheetModel {
    const sheet = new EtSheetModel(name);
    this.sheets.splice(index, 0, sheet);
    if (index <= this.active && this.sheets.length > 1) this.active++;
    return sheet;
  }

  addPart(xml: string): EtPart {
    const part = { id: `{FAKE-PART-${this.nextPart++}}`, xml };
    this.parts.push(part);
    return part;
  }

  /** Defined names' references after their sheet was renamed or deleted, as Excel rewrites them: every area. */
  retarget(from: string, to: string | null): void {
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // An area of the sheet: `'from'!$A$1` or `from!$A$1`, at the start or after a comma.
    const area = new RegExp(
      `(^=|,)(?:${escape(quoted(from))}|${escape(from)})!(\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?)`,
      "g",
    );
    for (const n of this.names)
      n.refersTo = n.refersTo.replace(area, (_all, lead: string, cell: string) =>
        to === null ? `${lead}#REF!${cell}` : `${lead}${quoted(to)}!${cell}`,
      );
  }
}
