/**
 * Excel 97-2003 workbooks (.xls, BIFF8 in a compound file; [MS-XLS]) → one grid per worksheet, as the .xlsx
 * reader gives them: text as written, numbers as numbers, a percentage as it is shown (`100%`), a formula's
 * saved result, a merged range's text in its top-left cell (BIFF writes the covered cells as blanks). WPS saves
 * .et in the same container and records, so .et files that hold a `Workbook` stream are read the same way.
 *
 * Records read: BOUNDSHEET (sheets), SST + CONTINUE (shared strings), FORMAT and XF (to know a percentage),
 * LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA (+ STRING), BOOLERR. Everything else is skipped by its length.
 * Encrypted files (FILEPASS) and BIFF5 and older are refused with one line (XlsFormatError).
 */
import type { CellValue, Grid } from "../core";
import { readCfbStream } from "./read-cfb";

export class XlsFormatError extends Error {
  constructor(
    readonly reason: "encrypted" | "old-biff" | "no-workbook" | "damaged",
    message: string,
  ) {
    super(message);
    this.name = "XlsFormatError";
  }
}

export interface XlsSheet {
  readonly name: string;
  readonly grid: Grid;
}

/** Built-in number formats that show a percentage (ifmt 9 `0%`, 10 `0.00%`). */
const PERCENT_BUILTIN: Readonly<Record<number, number>> = { 9: 0, 10: 2 };

/** A record stream with the bounds checked: a truncated record ends the read as damage, not a throw elsewhere. */
class Records {
  private at = 0;
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  seek(at: number): void {
    this.at = at;
  }
  /** The next record: its type and data, or null at the end. */
  next(): { type: number; data: Uint8Array; offset: number } | null {
    if (this.at + 4 > this.bytes.length) return null;
    const offset = this.at;
    const type = this.view.getUint16(this.at, true);
    const length = this.view.getUint16(this.at + 2, true);
    const start = this.at + 4;
    if (start + length > this.bytes.length) throw new XlsFormatError("damaged", "record past the end");
    this.at = start + length;
    return { type, data: this.bytes.subarray(start, start + length), offset };
  }
}

const dv = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset, data.byteLength);

/** `cch` characters from `data` at `at`, 8-bit (compressed) or UTF-16LE: the string and where it ends. */
function chars(data: Uint8Array, at: number, cch: number, wide: boolean): { text: string; end: number } {
  let text = "";
  if (wide) {
    const n = Math.min(cch, Math.floor((data.length - at) / 2));
    for (let k = 0; k < n; k++) text += String.fromCharCode(data[at + 2 * k]! | (data[at + 2 * k + 1]! << 8));
    return { text, end: at + 2 * n };
  }
  const n = Math.min(cch, data.length - at);
  for (let k = 0; k < n; k++) text += String.fromCharCode(data[at + k]!);
  return { text, end: at + n };
}

/** An XLUnicodeString (cch u16, flags, chars) inside one record: LABEL, STRING, FORMAT. */
function unicodeString(data: Uint8Array, at: number): string {
  if (at + 3 > data.length) return "";
  const cch = data[at]! | (data[at + 1]! << 8);
  return chars(data, at + 3, cch, (data[at + 2]! & 1) === 1).text;
}

/** The shared strings: SST and its CONTINUE records, strings split across records as BIFF8 splits them. */
function sharedStrings(pieces: readonly Uint8Array[]): string[] {
  const out: string[] = [];
  if (pieces.length === 0 || pieces[0]!.length < 8) return out;
  const unique = dv(pieces[0]!).getUint32(4, true);
  let p = 0;
  let data = pieces[0]!;
  let at = 8;
  const nextPiece = (): boolean => {
    p++;
    if (p >= pieces.length) return false;
    data = pieces[p]!;
    at = 0;
    return true;
  };
  for (let s = 0; s < unique; s++) {
    if (at >= data.length && !nextPiece()) break;
    if (at + 3 > data.length) break;
    const cch = data[at]! | (data[at + 1]! << 8);
    const flags = data[at + 2]!;
    at += 3;
    let runs = 0;
    let ext = 0;
    if (flags & 0x8) {
      runs = data[at]! | (data[at + 1]! << 8);
      at += 2;
    }
    if (flags & 0x4) {
      ext = dv(data).getUint32(at, true);
      at += 4;
    }
    let wide = (flags & 1) === 1;
    let text = "";
    while (text.length < cch) {
      const got = chars(data, at, cch - text.length, wide);
      text += got.text;
      at = got.end;
      if (text.length < cch) {
        // The characters go on in the next CONTINUE, which starts with its own flags byte.
        if (!nextPiece()) break;
        wide = (data[0]! & 1) === 1;
        at = 1;
      }
    }
    out.push(text);
    // Formatting runs and the phonetic block follow; they may also cross into the next CONTINUE.
    let skip = runs * 4 + ext;
    while (skip > 0) {
      const here = Math.min(skip, data.length - at);
      at += here;
      skip -= here;
      if (skip > 0 && !nextPiece()) break;
    }
  }
  return out;
}

/** An RK number: a 30-bit integer or the high bits of a double, perhaps divided by 100. */
function rkValue(rk: number): number {
  let value: number;
  if (rk & 2) value = rk >> 2;
  else {
    const buffer = new DataView(new ArrayBuffer(8));
    buffer.setUint32(4, rk & 0xfffffffc, true);
    buffer.setUint32(0, 0, true);
    value = buffer.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}

/** The sheets of an .xls or .et file's Workbook stream, in order (worksheets only). */
export function readXlsSheets(bytes: Uint8Array): XlsSheet[] {
  try {
    return readSheets(bytes);
  } catch (error) {
    // A length or offset that points outside its record (a damaged file): DataView's RangeError.
    if (error instanceof RangeError) throw new XlsFormatError("damaged", error.message);
    throw error;
  }
}

function readSheets(bytes: Uint8Array): XlsSheet[] {
  const stream = readCfbStream(bytes, ["Workbook", "Book"]);
  if (stream === null) throw new XlsFormatError("no-workbook", "no Workbook stream");
  const records = new Records(stream);
  const first = records.next();
  if (
    !first ||
    first.type !== 0x0809 ||
    first.data.length < 2 ||
    dv(first.data).getUint16(0, true) !== 0x0600
  )
    throw new XlsFormatError("old-biff", "not BIFF8");

  const sheets: { name: string; offset: number }[] = [];
  const sst: Uint8Array[] = [];
  const formats = new Map<number, number>(); // ifmt → decimals of a percentage format
  const xfPercent: (number | null)[] = [];
  let inSst = false;
  for (let r = records.next(); r !== null && r.type !== 0x000a; r = records.next()) {
    const d = dv(r.data);
    if (r.type !== 0x003c) inSst = false;
    switch (r.type) {
      case 0x002f:
        throw new XlsFormatError("encrypted", "encrypted");
      case 0x0085: {
        if (r.data.length < 8 || r.data[5] !== 0) break;
        const cch = r.data[6]!;
        const name = chars(r.data, 8, cch, (r.data[7]! & 1) === 1).text;
        sheets.push({ name, offset: d.getUint32(0, true) });
        break;
      }
      case 0x00fc:
        sst.push(r.data);
        inSst = true;
        break;
      case 0x003c:
        if (inSst) sst.push(r.data);
        break;
      case 0x041e: {
        if (r.data.length < 5) break;
        const code = unicodeString(r.data, 2);
        // A percentage format: `0%`, `0.00%`, `#,##0.0%` (the % outside quotes).
        const shown = code.replace(/"[^"]*"/g, "");
        if (shown.includes("%")) formats.set(d.getUint16(0, true), (/\.(0+)%/.exec(shown)?.[1] ?? "").length);
        break;
      }
      case 0x00e0: {
        if (r.data.length < 4) break;
        const ifmt = d.getUint16(2, true);
        xfPercent.push(PERCENT_BUILTIN[ifmt] ?? formats.get(ifmt) ?? null);
        break;
      }
    }
  }
  const strings = sharedStrings(sst);

  return sheets.map(({ name, offset }) => {
    const grid: CellValue[][] = [];
    const put = (row: number, col: number, value: CellValue) => {
      if (value === null || value === "" || row > 1_048_575 || col > 16_383) return;
      while (grid.length <= row) grid.push([]);
      const cells = grid[row]!;
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    };
    const number = (value: number, ixfe: number): CellValue => {
      const percent = xfPercent[ixfe];
      if (percent === null || percent === undefined) return value;
      return `${(value * 100).toFixed(percent)}%`;
    };
    records.seek(offset);
    const bof = records.next();
    if (!bof || bof.type !== 0x0809) return { name, grid };
    let pendingString: { row: number; col: number } | null = null;
    for (let r = records.next(); r !== null && r.type !== 0x000a; r = records.next()) {
      const d = dv(r.data);
      const n = r.data.length;
      if (r.type === 0x0809) {
        // An embedded substream (a chart): skip to its EOF.
        for (let inner = records.next(); inner !== null && inner.type !== 0x000a; inner = records.next());
        continue;
      }
      if (r.type === 0x0207) {
        // The text result of the FORMULA record just before.
        if (pendingString) put(pendingString.row, pendingString.col, unicodeString(r.data, 0));
        pendingString = null;
        continue;
      }
      if (n < 6) continue;
      const row = d.getUint16(0, true);
      const col = d.getUint16(2, true);
      switch (r.type) {
        case 0x00fd:
          if (n >= 10) put(row, col, strings[d.getUint32(6, true)] ?? null);
          break;
        case 0x0204:
          put(row, col, unicodeString(r.data, 6));
          break;
        case 0x0203:
          if (n >= 14) put(row, col, number(d.getFloat64(6, true), d.getUint16(4, true)));
          break;
        case 0x027e:
          if (n >= 10) put(row, col, number(rkValue(d.getUint32(6, true)), d.getUint16(4, true)));
          break;
        case 0x00bd: {
          const last = d.getUint16(n - 2, true);
          for (let c = col, at = 4; c <= last && at + 6 <= n - 2; c++, at += 6)
            put(row, c, number(rkValue(d.getUint32(at + 2, true)), d.getUint16(at, true)));
          break;
        }
        case 0x0205:
          if (n >= 8 && r.data[7] === 0) put(row, col, r.data[6] ? "TRUE" : "FALSE");
          break;
        case 0x0006:
          if (n < 14) break;
          if (d.getUint16(12, true) !== 0xffff)
            put(row, col, number(d.getFloat64(6, true), d.getUint16(4, true)));
          else if (r.data[6] === 0) pendingString = { row, col };
          else if (r.data[6] === 1) put(row, col, r.data[8] ? "TRUE" : "FALSE");
          break;
      }
    }
    return { name, grid };
  });
}
