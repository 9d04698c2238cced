/**
 * One shape for what a clerk would see in a workbook, from the fake Excel host and from the fake ET host, so the
 * same scenario run in both can be compared cell by cell: the sheets in tab order and the active one, every
 * non-empty cell's value and number format, every fill (colour and pattern), every link's target, the frozen
 * rows and the tables; bold and wrapped cells, the column widths set, the rows fitted to their text, the print
 * setup and the notes.
 */
import { bgrToHex, PATTERN_NAMES, XL_PATTERN_SOLID } from "../../src/wps/et-facade";
import { ooxmlPatternOf } from "../../src/workbook/run-record-format";
import type { FakeWorkbook } from "../fake-excel/workbook-model";
import { MAX_COLUMN, type EtBookModel, type EtSheetModel } from "./et-model";
import type { FakePageLayout } from "../fake-excel/workbook-model";
import { cellAddress, columnLetter } from "../../src/core/model/cell-address";

export interface SheetView {
  readonly name: string;
  /** "A1" → [value, number format]. */
  readonly cells: Record<string, [string | number | boolean, string]>;
  /** "A1" → "#FFC7CE solid". */
  readonly fills: Record<string, string>;
  /** "N2" → "'Sheet1'!G25". */
  readonly links: Record<string, string>;
  readonly frozenRows: number;
  /** "A1" → "b" (bold), "w" (wrapped) or "bw". */
  readonly formats: Record<string, string>;
  /** "B" → width in characters, for the columns whose width was set. */
  readonly widths: Record<string, number>;
  /** Ranges whose rows were fitted to their text, "A2:N133". */
  readonly autofitRows: string[];
  /** The print setup, or null when the sheet has the default one. */
  readonly print: PrintView | null;
  /** "G25" → the note's text. */
  readonly notes: Record<string, string>;
}

/** A print setup in one vocabulary for both hosts. */
export interface PrintView {
  readonly orientation: string;
  readonly paper: string;
  /** "fit 1 wide × any tall" or "zoom 100". */
  readonly scale: string;
  readonly titleRows: string;
  readonly footer: readonly [string, string, string];
}

export interface BookView {
  readonly sheets: SheetView[];
  readonly active: string;
  /** [table, sheet, "A1:N133"]. */
  readonly tables: [string, string, string][];
}

function address(key: number): string {
  return cellAddress(Math.floor(key / MAX_COLUMN) + 1, (key % MAX_COLUMN) + 1);
}

function rectText(r: { top: number; left: number; bottom: number; right: number }): string {
  return `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
}

/** Excel's column width unit is a character; the Office.js shell writes points, 6 to a character. */
const POINTS_PER_CHARACTER = 6;

function formatFlags(cell: { bold?: boolean; wrap?: boolean }): string {
  return `${cell.bold ? "b" : ""}${cell.wrap ? "w" : ""}`;
}

function widthsOf(widths: ReadonlyMap<number, number>, unit: number): Record<string, number> {
  const view: Record<string, number> = {};
  for (const [column, width] of widths) view[columnLetter(column)] = Math.round((width / unit) * 100) / 100;
  return view;
}

function officePrint(layout: FakePageLayout): PrintView | null {
  if (Object.keys(layout).length === 0) return null;
  const pages = (n: number | undefined) => (n ? String(n) : "any");
  return {
    orientation: (layout.orientation ?? "Portrait").toLowerCase(),
    paper: layout.paperSize ?? "",
    scale: layout.zoom?.scale
      ? `zoom ${layout.zoom.scale}`
      : `fit ${pages(layout.zoom?.horizontalFitToPages)} wide × ${pages(layout.zoom?.verticalFitToPages)} tall`,
    titleRows: layout.printTitleRows ?? "",
    footer: [layout.leftFooter ?? "", layout.centerFooter ?? "", layout.rightFooter ?? ""],
  };
}

/** XlPaperSize numbers the tool uses, by Office.js's name. */
const PAPER_NAMES: Readonly<Record<number, string>> = { 9: "A4", 1: "Letter" };

function etPrint(sheet: EtSheetModel): PrintView | null {
  const s = sheet.pageSetup;
  const untouched =
    s.orientation === 1 &&
    s.zoom === 100 &&
    s.printTitleRows === "" &&
    !s.leftFooter &&
    !s.centerFooter &&
    !s.rightFooter;
  if (untouched) return null;
  const pages = (n: number | false) => (n === false ? "any" : String(n));
  return {
    orientation: s.orientation === 2 ? "landscape" : "portrait",
    paper: PAPER_NAMES[s.paperSize] ?? String(s.paperSize),
    // FitToPages counts only while Zoom is False.
    scale:
      s.zoom === false
        ? `fit ${pages(s.fitToPagesWide)} wide × ${pages(s.fitToPagesTall)} tall`
        : `zoom ${s.zoom}`,
    titleRows: s.printTitleRows,
    footer: [s.leftFooter, s.centerFooter, s.rightFooter],
  };
}

/** Office.js names patterns "Solid", "Gray50"; styles.xml (and the ET record) "solid", "mediumGray". */
const OFFICE_PATTERNS: Readonly<Record<string, string>> = {
  Solid: "solid",
  None: "none",
  Gray50: "mediumGray",
};

export function officeView(book: FakeWorkbook): BookView {
  return {
    sheets: book.sheets.map((sheet) => {
      const view: SheetView = {
        name: sheet.name,
        cells: {},
        fills: {},
        links: {},
        frozenRows: sheet.frozenRows,
        formats: {},
        widths: widthsOf(sheet.columnWidths, POINTS_PER_CHARACTER),
        autofitRows: [...sheet.autofitRows],
        print: officePrint(sheet.pageLayout),
        notes: Object.fromEntries([...sheet.comments].map(([at, c]) => [at, c.content])),
      };
      for (const [key, cell] of sheet.cells) {
        const at = address(key);
        if (formatFlags(cell)) view.formats[at] = formatFlags(cell);
        if (cell.value !== "" || cell.formula)
          view.cells[at] = [cell.formula ?? cell.value, cell.numberFormat];
        if (cell.fill)
          view.fills[at] =
            `${cell.fill.color.toUpperCase()} ${OFFICE_PATTERNS[cell.fill.pattern] ?? ooxmlPatternOf(cell.fill.pattern) ?? cell.fill.pattern}` +
            // A pattern's colour (the marks' patterns have one), "#000000" when unset as Excel reports it.
            (cell.fill.pattern !== "Solid" ? ` ${(cell.fill.patternColor ?? "#000000").toUpperCase()}` : "");
        if (cell.hyperlink?.documentReference) view.links[at] = cell.hyperlink.documentReference;
      }
      return view;
    }),
    active: book.activeSheet.name,
    tables: book.tables.map((t) => [t.name, book.sheetById(t.sheetId)!.name, rectText(t.rect)]),
  };
}

export function etView(book: EtBookModel): BookView {
  return {
    sheets: book.sheets.map((sheet) => {
      const view: SheetView = {
        name: sheet.name,
        cells: {},
        fills: {},
        links: {},
        frozenRows: sheet.frozenRows,
        formats: {},
        widths: widthsOf(sheet.columnWidths, 1),
        autofitRows: [...sheet.autofitRows],
        print: etPrint(sheet),
        notes: Object.fromEntries(sheet.comments().map(([at, c]) => [at, c.text])),
      };
      for (const [key, cell] of sheet.cells) {
        const at = address(key);
        if (formatFlags(cell)) view.formats[at] = formatFlags(cell);
        if (cell.value !== "" || cell.formula || cell.error)
          view.cells[at] = [cell.formula ?? cell.error ?? cell.value, cell.numberFormat];
        if (cell.fill)
          view.fills[at] =
            `${bgrToHex(cell.fill.color)} ${PATTERN_NAMES.get(cell.fill.pattern) ?? cell.fill.pattern}` +
            (cell.fill.pattern !== XL_PATTERN_SOLID ? ` ${bgrToHex(cell.fill.patternColor)}` : "");
        if (cell.link) view.links[at] = cell.link.subAddress;
      }
      return view;
    }),
    active: book.activeSheet.name,
    tables: book.sheets.flatMap((s) =>
      s.lists.map((l) => [l.name, s.name, rectText(l.rect)] as [string, string, string]),
    ),
  };
}

/**
 * The first difference between two views, as "sheet!cell: what ≠ what", or null when they are the same. Reading
 * one line beats reading a 4,000-line diff of two snapshots.
 */
export function firstDifference(excel: BookView, et: BookView): string | null {
  const names = (v: BookView) => v.sheets.map((s) => s.name).join(", ");
  if (names(excel) !== names(et)) return `sheets: ${names(excel)} ≠ ${names(et)}`;
  if (excel.active !== et.active) return `active sheet: ${excel.active} ≠ ${et.active}`;
  if (JSON.stringify(excel.tables) !== JSON.stringify(et.tables))
    return `tables: ${JSON.stringify(excel.tables)} ≠ ${JSON.stringify(et.tables)}`;
  for (const [i, a] of excel.sheets.entries()) {
    const b = et.sheets[i]!;
    if (a.frozenRows !== b.frozenRows) return `${a.name} frozen rows: ${a.frozenRows} ≠ ${b.frozenRows}`;
    for (const part of ["print", "autofitRows"] as const)
      if (JSON.stringify(a[part]) !== JSON.stringify(b[part]))
        return `${a.name} ${part}: ${JSON.stringify(a[part])} ≠ ${JSON.stringify(b[part])}`;
    for (const part of ["cells", "fills", "links", "formats", "widths", "notes"] as const) {
      const keys = new Set([...Object.keys(a[part]), ...Object.keys(b[part])]);
      for (const key of keys) {
        const x = JSON.stringify(a[part][key] ?? null);
        const y = JSON.stringify(b[part][key] ?? null);
        if (x !== y) return `${a.name}!${key} ${part}: ${x} ≠ ${y}`;
      }
    }
  }
  return null;
}
