/**
 * Scattered cells are formatted a few ranges at a time, never one request per cell: at ExcelApi 1.9 as
 * multi-area ranges (Worksheet.getRanges, within the limits below), below 1.9 as
 * the contiguous rectangles that cover exactly the given cells.
 */
import { parseCellAddress } from "../core";
import { rectAddress, type CellRect } from "./range-address";

/**
 * How much one getRanges address holds. The reference says only "under 8,192 characters", but Excel has refused
 * addresses of about 8,200 characters and of 513 areas (office-js issues #5198 and #4263: "InvalidArgument" on
 * getRanges with many areas, below the documented length), so the add-in stays well inside both: 2,000
 * characters and 200 areas. Marks then take a few more requests, each far from either limit.
 */
export const MAX_AREAS_ADDRESS_LENGTH = 2000;
export const MAX_AREAS_PER_ADDRESS = 200;

/** Groups items by a key, keeping first-seen order of keys and items. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Rectangles covering exactly the given A1 cells (duplicates ignored): vertical runs per column, then runs with
 * the same rows in neighbouring columns merged. ["B2","B3","C2","C3","E9"] → ["B2:C3","E9"].
 */
export function contiguousBlocks(cells: readonly string[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const cell of cells) {
    const pos = parseCellAddress(cell);
    if (!pos) throw new Error(`not a cell address: ${cell}`);
    const rows = byColumn.get(pos.column);
    if (rows) rows.push(pos.row);
    else byColumn.set(pos.column, [pos.row]);
  }
  const runs: CellRect[] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byColumn.get(column))].sort((a, b) => a - b);
    let start = rows[0]!;
    let prev = start;
    for (const row of rows.slice(1).concat([Number.NaN])) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      runs.push({ top: start, bottom: prev, left: column, right: column });
      start = prev = row;
    }
  }
  // A run continues a block when the block ends in the previous column over exactly the same rows.
  const openBlocks = new Map<string, number>();
  const blocks: CellRect[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const index = openBlocks.get(key);
    const open = index === undefined ? undefined : blocks[index];
    if (index !== undefined && open && open.right === run.left - 1) {
      blocks[index] = { ...open, right: run.right };
    } else {
      openBlocks.set(key, blocks.length);
      blocks.push(run);
    }
  }
  return blocks.map(rectAddress);
}

/** Joins addresses with commas into strings within the getRanges limits (length and areas). */
export function joinAreas(
  addresses: readonly string[],
  limit = MAX_AREAS_ADDRESS_LENGTH,
  maxAreas = MAX_AREAS_PER_ADDRESS,
): string[] {
  const joined: string[] = [];
  let current = "";
  let areas = 0;
  for (const address of addresses) {
    if (current && (current.length + 1 + address.length > limit || areas >= maxAreas)) {
      joined.push(current);
      current = "";
      areas = 0;
    }
    current = current ? `${current},${address}` : address;
    areas++;
  }
  if (current) joined.push(current);
  return joined;
}
