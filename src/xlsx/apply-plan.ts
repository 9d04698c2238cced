/* eslint-disable office-addins/call-sync-before-read -- ExcelJS, not Office.js: its cells are plain in-memory objects, there is no context to sync. */
import type ExcelJS from "exceljs";
import type { Plan, PlanCell, PlanSheet } from "../core/plan";
import { MARK_COLORS } from "../core/plan";
import { quoteSheetName } from "../core/sheet-name";
import { parseCellAddress } from "../core/cell-address";

/**
 * How the tool recognises its own work in a workbook it wrote before: workbook-level defined names. A name
 * follows its sheet when the user renames it, survives Excel and LibreOffice round trips, and a user's own
 * sheet that happens to be called 指标明细 carries no such name, so it is never deleted.
 */
export const OWN_NAME_PREFIX = "IndicatorNormalizer.";
const SHEET_NAME_KEY = { detail: `${OWN_NAME_PREFIX}Detail`, checks: `${OWN_NAME_PREFIX}Checks` } as const;
const MARKS_NAME = `${OWN_NAME_PREFIX}Marks`;

const MARK_ARGB = new Set(Object.values(MARK_COLORS).map(argb));

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

function definedNames(workbook: ExcelJS.Workbook): DefinedNameModel[] {
  return (workbook.definedNames as unknown as { model: DefinedNameModel[] }).model;
}

function setDefinedNames(workbook: ExcelJS.Workbook, model: DefinedNameModel[]): void {
  (workbook.definedNames as unknown as { model: DefinedNameModel[] }).model = model;
}

/** `'指标明细'!$A$1` → { sheet: "指标明细", cell: "A1" }; `'It''s'!$B$2:$C$3` → its top-left cell. */
function splitReference(reference: string): { sheet: string; cell: string } | null {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const cell = reference
    .slice(bang + 1)
    .split(":")[0]!
    .replace(/\$/g, "");
  return parseCellAddress(cell) ? { sheet, cell } : null;
}

/** Names of the sheets a previous run of the tool created in this workbook. */
export function ownSheetNames(workbook: ExcelJS.Workbook): string[] {
  const keys = new Set<string>(Object.values(SHEET_NAME_KEY));
  const names: string[] = [];
  for (const dn of definedNames(workbook)) {
    if (!keys.has(dn.name)) continue;
    for (const range of dn.ranges) {
      const ref = splitReference(range);
      if (ref && workbook.getWorksheet(ref.sheet)) names.push(ref.sheet);
    }
  }
  return names;
}

/**
 * Undoes a previous run in a workbook the tool wrote: deletes its sheets, and clears its marks where the cell
 * still has the mark's fill (a fill the user changed since is theirs and stays).
 */
export function removePreviousRun(workbook: ExcelJS.Workbook, keepSheet?: string): void {
  for (const name of ownSheetNames(workbook)) {
    // Analysing one of the tool's own sheets is odd but allowed: it is not deleted from under the run.
    if (name === keepSheet) continue;
    const sheet = workbook.getWorksheet(name);
    if (sheet) workbook.removeWorksheet(sheet.id);
  }
  for (const dn of definedNames(workbook)) {
    if (dn.name !== MARKS_NAME) continue;
    for (const range of dn.ranges) {
      const ref = splitReference(range);
      const cell = ref ? workbook.getWorksheet(ref.sheet)?.getCell(ref.cell) : undefined;
      const fill = cell?.fill as ExcelJS.FillPattern | undefined;
      if (cell && fill?.type === "pattern" && MARK_ARGB.has(fill.fgColor?.argb ?? "")) {
        const { fill: _mark, ...style } = cell.style;
        cell.style = style;
      }
    }
  }
  setDefinedNames(
    workbook,
    definedNames(workbook).filter((dn) => !dn.name.startsWith(OWN_NAME_PREFIX)),
  );
}

/** Names of all tables in the workbook, which the plan's table names must avoid. */
export function tableNames(workbook: ExcelJS.Workbook): string[] {
  const names: string[] = [];
  for (const sheet of workbook.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, unknown> }).tables ?? {};
    names.push(...Object.keys(tables));
  }
  return names;
}

/**
 * Applies a plan to a workbook that holds the source sheet (call removePreviousRun first): fills the marked
 * cells (values and other formatting untouched), adds the plan's sheets, records them as the tool's own, and
 * makes the plan's chosen sheet the active one.
 */
export function applyPlan(workbook: ExcelJS.Workbook, plan: Plan): void {
  const source = workbook.getWorksheet(plan.sourceSheet);
  if (!source) throw new Error(`applyPlan: the source sheet "${plan.sourceSheet}" is not in the workbook`);
  const ranges: string[] = [];
  for (const mark of plan.marks) {
    const cell = source.getCell(mark.cell);
    // A new style object: loaded cells may share one, and only this cell must change.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(mark.color) } },
    };
    ranges.push(`${quoteSheetName(plan.sourceSheet)}!${absolute(mark.cell)}`);
  }
  const names = definedNames(workbook);
  if (ranges.length > 0) names.push({ name: MARKS_NAME, ranges });
  for (const planSheet of plan.sheets) {
    writeSheet(workbook, planSheet);
    names.push({ name: SHEET_NAME_KEY[planSheet.key], ranges: [`${quoteSheetName(planSheet.name)}!$A$1`] });
  }
  setDefinedNames(workbook, names);
  const active = workbook.worksheets.findIndex(
    (ws) => ws.name === plan.sheets.find((s) => s.key === plan.activate)?.name,
  );
  if (active >= 0) {
    // Keep the workbook's own window settings; only the active tab changes.
    const views = workbook.views?.length
      ? workbook.views
      : [{ visibility: "visible" } as ExcelJS.WorkbookView];
    workbook.views = views.map((v) => ({ ...v, activeTab: active, firstSheet: 0 }));
    // Only one sheet may be selected when the file opens.
    for (const [i, ws] of workbook.worksheets.entries()) {
      ws.views = (ws.views?.length ? ws.views : [{}]).map((v) => ({ ...v, tabSelected: i === active }));
    }
  }
}

function absolute(cell: string): string {
  const parsed = /^([A-Z]+)(\d+)$/.exec(cell);
  return parsed ? `$${parsed[1]}$${parsed[2]}` : cell;
}

/** A plan cell as an ExcelJS value: a link becomes an internal hyperlink (`#'Sheet'!B12`). */
function cellValue(cell: PlanCell): ExcelJS.CellValue {
  if (cell === null || typeof cell !== "object") return cell;
  return { text: cell.text, hyperlink: `#${quoteSheetName(cell.link.sheet)}!${cell.link.cell}` };
}

/** Shared by every empty cell, so ExcelJS looks its style up once (a fresh {} per cell costs a lookup each). */
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

function writeSheet(workbook: ExcelJS.Workbook, planSheet: PlanSheet): void {
  const sheet = workbook.addWorksheet(planSheet.name, {
    views: planSheet.freezeRows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: planSheet.freezeRows }] : [],
  });
  // One style object per column, shared by all its cells: ExcelJS recognises a style object it has seen and
  // skips serialising it again, which keeps a 70,000-row sheet fast. Never mutate these: assign new objects.
  const styles = planSheet.columns.map((c): Partial<ExcelJS.Style> => ({
    numFmt: c.numberFormat,
    alignment: { vertical: "top", wrapText: c.wrap },
  }));
  const linkStyles = styles.map((style): Partial<ExcelJS.Style> => ({
    ...style,
    font: { color: { argb: "FF0563C1" }, underline: true },
  }));
  // Column formats also cover the empty cells below the table, for rows the user adds.
  sheet.columns = planSheet.columns.map((c, i) => ({ width: c.width, style: styles[i]! }));
  const rows = planSheet.rows.map((row) => row.map(cellValue));
  if (planSheet.table) {
    sheet.addTable({
      name: planSheet.table.name,
      ref: "A1",
      headerRow: true,
      style: { theme: planSheet.table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: planSheet.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows,
    });
  } else {
    const header = sheet.addRow(planSheet.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const row of rows) sheet.addRow(row);
  }
  planSheet.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(r + 2);
    row.forEach((cell, c) => {
      const isLink = cell !== null && typeof cell === "object";
      // An empty cell gets no style of its own and is not written at all: the column's format covers it.
      sheetRow.getCell(c + 1).style = cell === null ? NO_STYLE : (isLink ? linkStyles : styles)[c]!;
    });
  });
}
