/**
 * Changes the style (`s`) of given cells in a worksheet's XML, touching nothing else: the rest of each cell, row
 * and the sheet stay as written. A cell that does not exist is inserted in row and column order, starting from
 * the style it showed (its row's or its column's). One forward pass over the rows; cells are found by their
 * `r` reference or, where a writer left it out, by position.
 */
import { cellAddress, parseCellAddress } from "../core";
import { attribute } from "../workbook/xml-scanner";
import { setTagAttributes, startTagEnd } from "./start-tag";

/** Called for each target cell with the style it has now; returns the style to set, or null to leave it. */
export type RestyleCell = (cell: string, currentStyle: number) => number | null;

interface Target {
  row: number;
  column: number;
  cell: string;
}

export function editCellStyles(xml: string, cells: Iterable<string>, restyle: RestyleCell): string {
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    const p = parseCellAddress(cell);
    if (!p) continue;
    const address = cellAddress(p.row, p.column);
    if (seen.has(address)) continue;
    seen.add(address);
    targets.push({ ...p, cell: address });
  }
  if (targets.length === 0) return xml;
  targets.sort((a, b) => a.row - b.row || a.column - b.column);
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return xml;
  const p = open[1] ?? "";
  const columnStyles = readColumnStyles(xml.slice(0, open.index));
  const out: string[] = [];
  let pos: number;
  let dataEnd: number;
  if (open[2] === "/") {
    out.push(xml.slice(0, open.index), open[0].replace(/\s*\/>$/, ">"));
    pos = open.index + open[0].length;
    dataEnd = pos;
  } else {
    pos = open.index + open[0].length;
    out.push(xml.slice(0, pos));
    dataEnd = xml.indexOf(`</${p}sheetData>`, pos);
    if (dataEnd < 0) return xml;
  }
  let t = 0;
  let lastRow = 0;
  while (t < targets.length) {
    const rowNumber = targets[t]!.row;
    let end = t;
    while (end < targets.length && targets[end]!.row === rowNumber) end++;
    const rowTargets = targets.slice(t, end);
    t = end;
    // Find the row, copying the rows before it.
    for (;;) {
      const start = findTag(xml, `<${p}row`, pos, dataEnd);
      if (start < 0) {
        out.push(xml.slice(pos, dataEnd), newRow(p, rowNumber, rowTargets, columnStyles, restyle));
        pos = dataEnd;
        break;
      }
      const tagEnd = xml.indexOf(">", start);
      const tag = xml.slice(start + 1, tagEnd);
      const r = Number(attribute(tag, "r") ?? lastRow + 1);
      if (r > rowNumber) {
        out.push(xml.slice(pos, start), newRow(p, rowNumber, rowTargets, columnStyles, restyle));
        pos = start;
        break;
      }
      const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f;
      const close = selfClosing ? tagEnd + 1 : xml.indexOf(`</${p}row>`, tagEnd);
      lastRow = r;
      if (r < rowNumber) {
        const after = selfClosing ? close : close + `</${p}row>`.length;
        out.push(xml.slice(pos, after));
        pos = after;
        continue;
      }
      const rowStyle = attribute(tag, "customFormat") === "1" ? Number(attribute(tag, "s") ?? 0) : null;
      const base = (column: number): number => rowStyle ?? columnStyles(column);
      if (selfClosing) {
        const cells = rowTargets.map((x) => newCell(p, x, base(x.column), restyle)).join("");
        out.push(
          xml.slice(pos, start),
          cells ? `<${tag.replace(/\s*\/$/, "")}>${cells}</${p}row>` : `<${tag}>`,
        );
        pos = tagEnd + 1;
      } else {
        out.push(
          xml.slice(pos, tagEnd + 1),
          editRow(xml.slice(tagEnd + 1, close), p, rowTargets, base, restyle),
        );
        pos = close;
      }
      break;
    }
  }
  out.push(xml.slice(pos, dataEnd));
  if (open[2] === "/") out.push(`</${p}sheetData>`);
  out.push(xml.slice(dataEnd));
  return out.join("");
}

/** The next `<tag` (followed by a space, `>` or `/`) from `from`, before `end`; -1 if none. */
function findTag(xml: string, tag: string, from: number, end: number): number {
  let at = from;
  for (;;) {
    at = xml.indexOf(tag, at);
    if (at < 0 || at >= end) return -1;
    const next = xml.charCodeAt(at + tag.length);
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
      return at;
    at += tag.length;
  }
}

function editRow(
  body: string,
  p: string,
  targets: readonly Target[],
  base: (column: number) => number,
  restyle: RestyleCell,
): string {
  const out: string[] = [];
  let pos = 0;
  let column = 0;
  let t = 0;
  while (t < targets.length) {
    const target = targets[t]!;
    const start = findTag(body, `<${p}c`, pos, body.length);
    if (start < 0) break;
    const tagEnd = body.indexOf(">", start);
    const tag = body.slice(start + 1, tagEnd);
    const ref = attribute(tag, "r");
    column = ref ? (parseCellAddress(ref)?.column ?? column + 1) : column + 1;
    if (column < target.column) {
      out.push(body.slice(pos, tagEnd + 1));
      pos = tagEnd + 1;
      continue;
    }
    if (column > target.column) {
      out.push(body.slice(pos, start), newCell(p, target, base(target.column), restyle));
      pos = start;
      column--; // the same cell is examined again for the next target
      t++;
      continue;
    }
    const current = Number(attribute(tag, "s") ?? 0);
    const style = restyle(target.cell, current);
    out.push(body.slice(pos, start));
    out.push(style === null ? `<${tag}>` : `<${setStyle(tag, style)}>`);
    pos = tagEnd + 1;
    t++;
  }
  // Targets past the row's last cell.
  const rest = targets.slice(t).map((x) => newCell(p, x, base(x.column), restyle));
  out.push(body.slice(pos), ...rest);
  return out.join("");
}

/** `c r="A1" t="s"` → `c r="A1" t="s" s="5"`; an existing s (any quotes, blanks around `=`) is replaced where it stands. */
function setStyle(tag: string, style: number): string {
  return setTagAttributes(tag, { s: String(style) });
}

function newCell(p: string, target: Target, baseStyle: number, restyle: RestyleCell): string {
  const style = restyle(target.cell, baseStyle);
  return style === null || style === baseStyle ? "" : `<${p}c r="${target.cell}" s="${style}"/>`;
}

function newRow(
  p: string,
  row: number,
  targets: readonly Target[],
  columnStyles: (column: number) => number,
  restyle: RestyleCell,
): string {
  const cells = targets.map((t) => newCell(p, t, columnStyles(t.column), restyle)).join("");
  return cells ? `<${p}row r="${row}">${cells}</${p}row>` : "";
}

/** Column styles from `<cols>`: the style a cell with no element of its own shows. */
function readColumnStyles(head: string): (column: number) => number {
  const spans: { min: number; max: number; style: number }[] = [];
  for (const match of head.matchAll(/<(?:\w+:)?col\b([^>]*)>/g)) {
    const tag = `col ${match[1]}`;
    const style = attribute(tag, "style");
    if (style === null) continue;
    spans.push({
      min: Number(attribute(tag, "min")),
      max: Number(attribute(tag, "max")),
      style: Number(style),
    });
  }
  return (column) => spans.find((s) => column >= s.min && column <= s.max)?.style ?? 0;
}

/** Marks the sheet selected or not in its first sheet view (only one sheet may be selected when a file opens). */
export function setTabSelected(xml: string, selected: boolean): string {
  const view = /<(?:\w+:)?sheetView\b/.exec(xml);
  if (!view) return xml;
  const end = startTagEnd(xml, view.index + 1);
  if (end < 0) return xml;
  const tag = xml.slice(view.index + 1, end);
  const value = attribute(tag, "tabSelected");
  const has = value === "1" || value === "true";
  if (has === selected) return xml;
  const edited = setTagAttributes(tag, { tabSelected: selected ? "1" : null });
  return `${xml.slice(0, view.index + 1)}${edited}${xml.slice(end)}`;
}
