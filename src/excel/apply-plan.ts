/**
 * Applies a Plan to the open workbook through Office.js, in a small constant number of syncs plus one per
 * chunk: restore the previous run's marks and delete its sheets, create the new sheets, write number formats
 * then values in row chunks, then tables, frozen headers, marks and links.
 */
import type { Plan, PlanCell, PlanSheet } from "../core/plan";
import { needsTextGuard } from "../core/text-guard";
import type { ApiSupport } from "./api-support";
import { contiguousBlocks, groupBy, joinAreas } from "./group-cells";
import { quoteSheetName } from "../core/sheet-name";
import { rectAddress } from "./range-address";
import type { SheetRef } from "./read-source";
import { jsonBytes, REQUEST_BUDGET_BYTES, RequestBudget } from "./request-budget";
import type { RunState, SavedFill } from "./run-state";
import { columnLetter } from "../core/cell-address";

/** Rough request cost of one queued operation besides its values (object path, method, address). */
const OPERATION_BYTES = 200;

/** Excel's column width unit is a character; Office.js takes points (about 6 per character at 11 pt). */
const POINTS_PER_CHARACTER = 6;

export interface ApplyProgress {
  readonly rowsWritten: number;
  readonly rowsTotal: number;
}

export interface ApplyOptions {
  readonly support: ApiSupport;
  /** The state the previous run left (its sheets and marks). */
  readonly previous: RunState;
  /** Every worksheet now in the workbook, from the read step. */
  readonly sheets: readonly SheetRef[];
  /** Id of the sheet the plan's marks and links refer to. */
  readonly sourceSheetId: string;
  /** Called as rows are queued; the state is recorded as soon as it changes in the document. */
  readonly onProgress?: (progress: ApplyProgress) => void;
  readonly recordState?: (state: RunState) => void;
  readonly budgetBytes?: number;
}

/** Applies the plan; returns the state to remember for the next run and for 清除标记. */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: Plan,
  options: ApplyOptions,
): Promise<RunState> {
  const { support, previous } = options;
  const budget = new RequestBudget(context, options.budgetBytes);
  const worksheets = context.workbook.worksheets;
  const existingIds = new Set(options.sheets.map((s) => s.id));

  // 1. Undo the previous run: its marks first (so the fills read below are the user's), then its sheets.
  if (previous.marks && existingIds.has(previous.marks.sheetId)) {
    const marked = worksheets.getItem(previous.marks.sheetId);
    await restoreFills(marked, previous.marks.fills, support, budget);
  }
  for (const id of previous.sheetIds) {
    if (existingIds.has(id) && id !== options.sourceSheetId) worksheets.getItem(id).delete();
  }

  // 2. Create the new sheets with their column layout and header row.
  const created = plan.sheets.map((planSheet) => {
    const sheet = worksheets.add(planSheet.name);
    sheet.load("id");
    queueLayout(sheet, planSheet, support);
    return sheet;
  });
  await budget.flush();
  const tableNames = plan.sheets.flatMap((s) => (s.table ? [s.table.name] : []));
  let state: RunState = {
    version: 1,
    sheetIds: created.map((s) => s.id),
    tableNames,
    sourceSheetId: options.sourceSheetId,
    marks: null,
  };
  options.recordState?.(state);

  // 3. The fills the marked cells have now, read a chunk at a time.
  const source = worksheets.getItem(options.sourceSheetId);
  const fillProperties = support.multiAreaAndPattern ? "color,pattern" : "color";
  const fills: Excel.RangeFill[] = [];
  await budget.queueInChunks(
    plan.marks,
    () => OPERATION_BYTES,
    (mark) => {
      // `format.fill` is a child object, not a loaded property; the fill is loaded on the next line.
      // eslint-disable-next-line office-addins/load-object-before-read
      const fill = source.getRange(mark.cell).format.fill;
      fill.load(fillProperties);
      fills.push(fill);
    },
  );
  if (fills.length > 0) await budget.flush();
  const saved: SavedFill[] = plan.marks.map((mark, i) => ({
    cell: mark.cell,
    color: fills[i]!.color ?? null,
    pattern: support.multiAreaAndPattern ? (fills[i]!.pattern ?? null) : null,
  }));

  // 4. Values, a row chunk per request: number formats first so Excel keeps text as text.
  const rowsTotal = plan.sheets.reduce((n, s) => n + s.rows.length, 0);
  let rowsWritten = 0;
  for (const [index, planSheet] of plan.sheets.entries()) {
    const sheet = created[index]!;
    const formats = planSheet.columns.map((c) => c.numberFormat);
    const formatBytes = jsonBytes(formats);
    const lastColumn = columnLetter(Math.max(1, planSheet.columns.length));
    let start = 0;
    while (start < planSheet.rows.length) {
      let end = start;
      let bytes = OPERATION_BYTES;
      const values: (string | number)[][] = [];
      const limit = (options.budgetBytes ?? REQUEST_BUDGET_BYTES) - OPERATION_BYTES;
      while (end < planSheet.rows.length) {
        const row = planSheet.rows[end]!.map(cellValue);
        const rowBytes = jsonBytes(row) + formatBytes;
        if (end > start && bytes + rowBytes > limit) break;
        values.push(row);
        bytes += rowBytes;
        end++;
      }
      await budget.reserve(bytes);
      const range = sheet.getRange(`A${start + 2}:${lastColumn}${end + 1}`);
      range.numberFormat = values.map(() => formats);
      range.values = values;
      rowsWritten += end - start;
      options.onProgress?.({ rowsWritten, rowsTotal });
      start = end;
    }
  }

  // 5. Tables, frozen headers, the marks, and the sheet to show.
  for (const [index, planSheet] of plan.sheets.entries()) {
    const sheet = created[index]!;
    if (planSheet.table) {
      const bottom = Math.max(2, planSheet.rows.length + 1);
      const address = rectAddress({ top: 1, left: 1, bottom, right: Math.max(1, planSheet.columns.length) });
      const table = sheet.tables.add(address, true);
      table.name = planSheet.table.name;
      table.style = planSheet.table.style;
    }
    if (support.linksAndFreeze && planSheet.freezeRows > 0)
      sheet.freezePanes.freezeRows(planSheet.freezeRows);
  }
  for (const [color, marks] of groupBy(plan.marks, (m) => m.color)) {
    await forEachTarget(
      source,
      marks.map((m) => m.cell),
      support,
      budget,
      (target) => (target.format.fill.color = color),
    );
  }
  const shown = plan.sheets.findIndex((s) => s.key === plan.activate);
  if (shown >= 0) created[shown]!.activate();
  await budget.flush();
  state = { ...state, marks: { sheetId: options.sourceSheetId, fills: saved } };
  options.recordState?.(state);

  // 6. Links to the source cells (ExcelApi 1.7); below 1.7 the cells keep the address as text.
  if (support.linksAndFreeze) {
    const links: { sheet: Excel.Worksheet; address: string; hyperlink: Excel.RangeHyperlink }[] = [];
    for (const [index, planSheet] of plan.sheets.entries()) {
      const sheet = created[index]!;
      for (const [r, row] of planSheet.rows.entries()) {
        for (const [c, cell] of row.entries()) {
          if (cell === null || typeof cell !== "object") continue;
          const hyperlink = {
            documentReference: `${quoteSheetName(cell.link.sheet)}!${cell.link.cell}`,
            textToDisplay: cell.text,
          };
          links.push({ sheet, address: `${columnLetter(c + 1)}${r + 2}`, hyperlink });
        }
      }
    }
    await budget.queueInChunks(
      links,
      (link) => OPERATION_BYTES + jsonBytes(link.hyperlink),
      (link) => (link.sheet.getRange(link.address).hyperlink = link.hyperlink),
    );
    if (links.length > 0) await budget.flush();
  }
  return state;
}

/** Puts back the fills saved when the cells were marked: same colour and pattern, or no fill at all. */
export async function restoreFills(
  sheet: Excel.Worksheet,
  fills: readonly SavedFill[],
  support: ApiSupport,
  budget: RequestBudget,
): Promise<void> {
  const groups = groupBy(fills, (f) => `${f.color ?? ""}|${f.pattern ?? ""}`);
  for (const group of groups.values()) {
    const { color, pattern } = group[0]!;
    // Excel reports an unfilled cell as white; only 1.9's pattern tells "None" from a real white fill.
    const noFill =
      color === null || pattern === "None" || (pattern === null && color.toUpperCase() === "#FFFFFF");
    await forEachTarget(
      sheet,
      group.map((f) => f.cell),
      support,
      budget,
      (target) => {
        if (noFill) return target.format.fill.clear();
        target.format.fill.color = color;
        if (support.multiAreaAndPattern && pattern && pattern !== "Solid")
          target.format.fill.pattern = pattern as Excel.FillPattern;
      },
    );
  }
}

/** Runs `apply` on the fewest ranges that cover exactly `cells`: multi-area at 1.9, blocks below. */
async function forEachTarget(
  sheet: Excel.Worksheet,
  cells: readonly string[],
  support: ApiSupport,
  budget: RequestBudget,
  apply: (target: Excel.Range | Excel.RangeAreas) => void,
): Promise<void> {
  const blocks = contiguousBlocks(cells);
  if (support.multiAreaAndPattern) {
    await budget.queueInChunks(
      joinAreas(blocks),
      (areas) => OPERATION_BYTES + areas.length,
      (areas) => apply(sheet.getRanges(areas)),
    );
  } else {
    await budget.queueInChunks(
      blocks,
      () => OPERATION_BYTES,
      (block) => apply(sheet.getRange(block)),
    );
  }
}

/** Column widths, wrapping, text formats and the header row of a new sheet: a handful of operations. */
function queueLayout(sheet: Excel.Worksheet, planSheet: PlanSheet, support: ApiSupport): void {
  const count = planSheet.columns.length;
  if (count === 0) return;
  const lastColumn = columnLetter(count);
  const header = sheet.getRange(`A1:${lastColumn}1`);
  header.numberFormat = [planSheet.columns.map(() => "@")];
  header.values = [planSheet.columns.map((c) => guardText(c.header))];
  header.format.font.bold = true;
  const dataRows = Math.max(1, planSheet.rows.length);
  for (const [i, column] of planSheet.columns.entries()) {
    const letter = columnLetter(i + 1);
    if (support.columnWidths)
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width * POINTS_PER_CHARACTER;
    if (column.wrap) sheet.getRange(`${letter}2:${letter}${dataRows + 1}`).format.wrapText = true;
  }
}

function cellValue(cell: PlanCell): string | number {
  if (cell === null) return "";
  if (typeof cell === "number") return cell;
  return guardText(typeof cell === "string" ? cell : cell.text);
}

/**
 * A leading apostrophe makes Excel keep the rest as text: `1-3` stays `1-3`, not a date; `=x` is not a formula.
 * A string that itself starts with an apostrophe gets one more, or Excel would swallow it.
 */
export function guardText(text: string): string {
  return needsTextGuard(text) || text.startsWith("'") ? `'${text}` : text;
}
