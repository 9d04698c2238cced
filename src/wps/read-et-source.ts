/**
 * Reads a sheet of the open workbook through the ET object model into the grid the core analyses: the used range
 * (or the part of a selection of several cells inside it), values as Value2 gives them, empty cells as null, error
 * cells as their "#DIV/0!"-style text (what Office.js hands the Excel shell, so both shells analyse the same grid).
 */
import { cellAddress, type CellValue, type Grid, type Origin } from "../core";
import { intersectRects, parseRangeAddress, type CellRect } from "../workbook/range-address";
import { ERROR_TEXTS, ERROR_VALUE_NUMBERS, plainAddress, readMember } from "./et-facade";

export interface EtSourceRead {
  readonly sheet: Et.Worksheet;
  readonly name: string;
  /** Cell values with empty cells as null; null when there is nothing to analyse. */
  readonly grid: Grid | null;
  /** Sheet position of grid[0][0]. */
  readonly origin: Origin;
  /** Several areas were selected: the used range was read instead. */
  readonly selectionIgnored: boolean;
  /** The sheet's contents are protected: nothing may be marked on it. */
  readonly protected: boolean;
}

/** The worksheets of the workbook, in tab order (a 1-based collection). */
export function worksheetsOf(book: Et.Workbook): Et.Worksheet[] {
  const sheets = book.Worksheets;
  const all: Et.Worksheet[] = [];
  const count = readMember<number>(sheets, "Count");
  for (let i = 1; i <= count; i++) all.push(sheets.Item(i) as Et.Worksheet);
  return all;
}

/** The selection's block when it is one area of several cells on `sheetName`; "several" when it has more areas. */
function selectedRect(app: Et.Application, sheetName: string): CellRect | "several" | null {
  let address: unknown;
  try {
    const selection = app.Selection as Et.Range;
    // A selected picture or chart has no Address: nothing to narrow the read to.
    if (!selection || readMember<string>(selection.Worksheet, "Name") !== sheetName) return null;
    address = readMember<unknown>(selection, "Address");
  } catch {
    return null;
  }
  if (typeof address !== "string") return null;
  if (address.includes(",")) return "several";
  const range = parseRangeAddress(plainAddress(address));
  if (!range) return null;
  const { rect } = range;
  return rect.top === rect.bottom && rect.left === rect.right ? null : rect;
}

/** Value2 of a block: a scalar for one cell, rows of values for more (airsheet.wps.cn, Range → Value2 属性). */
function blockValues(value: unknown, rows: number, columns: number): unknown[][] {
  if (rows === 1 && columns === 1 && !Array.isArray(value)) return [[value]];
  return Array.isArray(value) ? (value as unknown[][]) : [];
}

function toCellValue(value: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Reads `target` (the active sheet by default). Only the active sheet's selection narrows the read; a sheet read
 * again by name (the last source, when the run starts from one of the tool's sheets) is read whole.
 */
export function readEtSource(app: Et.Application, target?: Et.Worksheet): EtSourceRead {
  const sheet = target ?? (app.ActiveSheet as Et.Worksheet);
  const name = readMember<string>(sheet, "Name");
  const isProtected = Boolean(sheet.ProtectContents);
  const used = sheet.UsedRange;
  const usedRect = parseRangeAddress(plainAddress(readMember<string>(used, "Address")))?.rect ?? null;
  const selected = target ? null : selectedRect(app, name);
  const base = {
    sheet,
    name,
    protected: isProtected,
    selectionIgnored: selected === "several",
    origin: { row: 1, column: 1 },
  };
  if (!usedRect) return { ...base, grid: null };
  const rect = selected && selected !== "several" ? intersectRects(selected, usedRect) : usedRect;
  if (!rect) return { ...base, grid: null };
  // One read of the whole used range (an empty sheet's used range is A1 alone, and reads empty).
  const values = blockValues(
    used.Value2,
    usedRect.bottom - usedRect.top + 1,
    usedRect.right - usedRect.left + 1,
  );
  const grid: CellValue[][] = [];
  let hasContent = false;
  for (let r = rect.top; r <= rect.bottom; r++) {
    const source = values[r - usedRect.top] ?? [];
    const row: CellValue[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      let value = toCellValue(source[c - usedRect.left]);
      if (typeof value === "number" && ERROR_VALUE_NUMBERS.has(value))
        value = errorText(sheet, r, c) ?? value;
      if (value !== null) hasContent = true;
      row.push(value);
    }
    grid.push(row);
  }
  return {
    ...base,
    origin: { row: rect.top, column: rect.left },
    grid: hasContent ? grid : null,
  };
}

/** "#DIV/0!" when the cell shows an error; null when it shows a number that merely equals an error code. */
function errorText(sheet: Et.Worksheet, row: number, column: number): string | null {
  const text = String(readMember<unknown>(sheet.Range(cellAddress(row, column)), "Text") ?? "");
  return ERROR_TEXTS.has(text.trim()) ? text.trim() : null;
}
