/**
 * One shape for what a clerk would see in a workbook, from the fake Excel host and from the fake ET host, so the
 * same scenario run in both can be compared cell by cell: the sheets in tab order and the active one, every
 * non-empty cell's value and number format, every fill (colour and pattern), every link's target, the frozen
 * rows and the tables.
 */
import { bgrToHex, PATTERN_NAMES } from "../../src/wps/et-facade";
import type { FakeWorkbook } from "../fake-excel/workbook-model";
import { MAX_COLUMN, type EtBookModel } from "./et-model";
import { cellAddress } from "../../src/core/cell-address";

export interface SheetView {
  readonly name: string;
  /** "A1" → [value, number format]. */
  readonly cells: Record<string, [string | number | boolean, string]>;
  /** "A1" → "#FFC7CE solid". */
  readonly fills: Record<string, string>;
  /** "N2" → "'Sheet1'!G25". */
  readonly links: Record<string, string>;
  readonly frozenRows: number;
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
      };
      for (const [key, cell] of sheet.cells) {
        const at = address(key);
        if (cell.value !== "" || cell.formula)
          view.cells[at] = [cell.formula ?? cell.value, cell.numberFormat];
        if (cell.fill)
          view.fills[at] =
            `${cell.fill.color.toUpperCase()} ${OFFICE_PATTERNS[cell.fill.pattern] ?? cell.fill.pattern}`;
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
      };
      for (const [key, cell] of sheet.cells) {
        const at = address(key);
        if (cell.value !== "" || cell.formula || cell.error)
          view.cells[at] = [cell.formula ?? cell.error ?? cell.value, cell.numberFormat];
        if (cell.fill)
          view.fills[at] =
            `${bgrToHex(cell.fill.color)} ${PATTERN_NAMES.get(cell.fill.pattern) ?? cell.fill.pattern}`;
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
    for (const part of ["cells", "fills", "links"] as const) {
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
