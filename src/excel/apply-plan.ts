/**
 * Applies a Plan to the open workbook through Office.js, in a small constant number of syncs plus one per
 * chunk: restore the previous run's marks and remove its comments and sheets, create the new sheets (widths,
 * bold header, print setup at ExcelApi 1.9), write number formats then values in row chunks, then tables,
 * frozen headers, filled severity cells, rows fitted to their wrapped text, marks, links, and (ExcelApi 1.10) a
 * comment on each marked cell that has none of the clerk's.
 */
import {
  columnLetter,
  parseCellAddress,
  quoteSheetName,
  type Plan,
  type PlanCell,
  type PlanSheet,
  MARK_PATTERNS,
} from "../core";
import type { ApiSupport } from "./api-support";
import { guardText } from "../workbook/guard-text";
import { isOwnComment, isOwnNoteAuthor, stillWearsMark } from "../workbook/rerun-rules";
import { contiguousBlocks, groupBy, joinAreas } from "../workbook/group-cells";
import { rectAddress } from "../workbook/range-address";
import { fillPatternOf, ooxmlPatternOf } from "../workbook/run-record-format";
import type { SheetRef } from "./read-source";
import { BULK_PIECE_CELLS, jsonBytes, OPERATION_BYTES, RequestBudget, utf8Bytes } from "./request-budget";
import type { RunState, SavedFill } from "./run-state";

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

export interface ApplyResult {
  /** The state to remember for the next run and for 清除标记. */
  readonly state: RunState;
  /** Marks of the previous run left alone: their cell no longer held the mark (refilled, or rows moved). */
  readonly marksLeftAlone: number;
  /** Marks of the previous run whose fill came back without its colour (SavedFill.colourLost). */
  readonly marksColourLost: number;
  /** Marked cells that kept a comment or note of the clerk's and got no comment of ours. */
  readonly commentsSkipped: number;
  /** Excel refused the print setup (its own last request): the run is complete without it. */
  readonly printSetupSkipped: boolean;
  /** Conditional formats of the clerk's lie over marked cells (ExcelApi 1.6): their fill may hide the marks. */
  readonly conditionalFormatsOverMarks: boolean;
}

/** Applies the plan. */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: Plan,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const { support, previous } = options;
  const budget = new RequestBudget(context, options.budgetBytes);
  const worksheets = context.workbook.worksheets;
  const existingIds = new Set(options.sheets.map((s) => s.id));

  // 1. Undo the previous run: its marks first (so the fills read below are the user's), then its sheets.
  let marksLeftAlone = 0;
  let marksColourLost = 0;
  if (previous.marks && existingIds.has(previous.marks.sheetId)) {
    const marked = worksheets.getItem(previous.marks.sheetId);
    const restored = await restoreMarks(marked, previous.marks.fills, support, budget);
    marksLeftAlone = restored.leftAlone;
    marksColourLost = restored.colourLost;
    // The source sheet's are removed below, just before the new ones are added.
    if (previous.marks.sheetId !== options.sourceSheetId) await removeComments(marked, support, budget);
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

  // 3. The fills the marked cells have now.
  const source = worksheets.getItem(options.sourceSheetId);
  const before = await readFills(
    source,
    plan.marks.map((m) => m.cell),
    support,
    budget,
  );
  const saved: SavedFill[] = plan.marks.map((mark, i) => ({
    cell: mark.cell,
    ...before[i]!,
    mark: mark.color,
  }));

  // 4. Values, a block of rows per request: number formats first so Excel keeps text as text.
  const rowsTotal = plan.sheets.reduce((n, s) => n + s.rows.length, 0);
  let rowsWritten = 0;
  for (const [index, planSheet] of plan.sheets.entries()) {
    const sheet = created[index]!;
    const formats = planSheet.columns.map((c) => c.numberFormat);
    // Each row: its values and formats as JSON, and its share of Office.js's 1,500-cell pieces (two properties).
    const rowFormatBytes =
      jsonBytes(formats) + 1 + (2 * OPERATION_BYTES.bulkPiece * formats.length) / BULK_PIECE_CELLS;
    const lastColumn = columnLetter(Math.max(1, planSheet.columns.length));
    const rows = planSheet.rows.map((row) => row.map(cellValue));
    // A block also carries its own range and its two actions.
    await budget.queueInChunks(
      rows,
      (row) => jsonBytes(row) + 1 + rowFormatBytes,
      (block, start) => {
        const range = sheet.getRange(`A${start + 2}:${lastColumn}${start + block.length + 1}`);
        range.numberFormat = block.map(() => formats);
        range.values = block as (string | number)[][];
        rowsWritten += block.length;
        options.onProgress?.({ rowsWritten, rowsTotal });
      },
      // Plus, per property, the piece a block starts (the per-row share above rounds it down).
      OPERATION_BYTES.valuesBlock + 2 * OPERATION_BYTES.bulkPiece,
    );
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
    // Excel measures wrapped text itself: the plan's row heights are the file shell's estimate.
    if (support.columnWidths && planSheet.rows.length > 0 && planSheet.columns.some((c) => c.wrap))
      sheet
        .getRange(`A2:${columnLetter(planSheet.columns.length)}${planSheet.rows.length + 1}`)
        .format.autofitRows();
  }
  await budget.reserve(OPERATION_BYTES.other * plan.sheets.length);
  for (const [index, planSheet] of plan.sheets.entries()) {
    const sheet = created[index]!;
    for (const [color, fills] of groupBy(planSheet.fills, (f) => f.color)) {
      const blocks = contiguousBlocks(fills.map((f) => `${columnLetter(f.column + 1)}${f.row + 2}`));
      await budget.queueInChunks(
        blocks,
        (block) => OPERATION_BYTES.fillWrite + block.length,
        (chunk) => {
          for (const block of chunk) sheet.getRange(block).format.fill.color = color;
        },
      );
    }
  }
  for (const [color, marks] of groupBy(plan.marks, (m) => m.color)) {
    // Each kind has its own colour, so a group is one kind: its pattern tells it in black-and-white print.
    const { pattern, color: patternColor } = MARK_PATTERNS[marks[0]!.severity];
    const fillPattern = (fillPatternOf(pattern) ?? "Solid") as Excel.FillPattern;
    await forEachTarget(
      source,
      marks.map((m) => m.cell),
      support,
      budget,
      support.multiAreaAndPattern ? (patternColor === null ? 2 : 3) : 0,
      (target) => {
        target.format.fill.color = color;
        // At 1.9 the kind's pattern (solid for an error), whatever pattern or tint the cell had: a mark must read
        // as a mark. Below 1.9 Office.js sets no pattern: the mark is its colour only.
        if (support.multiAreaAndPattern) {
          target.format.fill.pattern = fillPattern;
          if (patternColor !== null) target.format.fill.patternColor = patternColor;
          target.format.fill.tintAndShade = 0;
        }
      },
    );
  }
  const shown = plan.sheets.findIndex((s) => s.key === plan.activate);
  if (shown >= 0) created[shown]!.activate();
  const rulesOverMarks = countConditionalFormats(source, plan, support);
  await budget.flush();
  const conditionalFormatsOverMarks = (rulesOverMarks?.value ?? 0) > 0;
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
      (link) => OPERATION_BYTES.hyperlink + link.address.length + jsonBytes(link.hyperlink),
      (chunk) => {
        for (const link of chunk) link.sheet.getRange(link.address).hyperlink = link.hyperlink;
      },
    );
    await budget.flush();
  }

  // 7. A comment on each marked cell saying what is wrong (ExcelApi 1.10), beside the clerk's own; the tool's
  // earlier comments (and, from 1.18, the command line's notes) on the sheet go first.
  await removeComments(source, support, budget);
  const commentsSkipped =
    support.comments && plan.notes.length > 0 ? await addComments(source, plan, support, budget) : 0;

  // 8. Print setup, last and on its own: it is the part Excel may refuse (a PC without a printer driver, a
  // paper size the printer lacks, a fit Excel does not take), and a refusal must leave a complete run.
  await budget.flush();
  const printSetupSkipped = !(await applyPrintSetup(context, created, plan, support));
  return {
    state,
    marksLeftAlone,
    marksColourLost,
    commentsSkipped,
    printSetupSkipped,
    conditionalFormatsOverMarks,
  };
}

/**
 * Queues a count of the conditional formats over the marked cells' block (Range.conditionalFormats, ExcelApi 1.6:
 * "the collection of ConditionalFormats that intersect the range"): a rule's fill shows over a mark, so the pane
 * says when one is there. Null below 1.6 or without marks.
 */
function countConditionalFormats(
  source: Excel.Worksheet,
  plan: Plan,
  support: ApiSupport,
): OfficeExtension.ClientResult<number> | null {
  if (!support.conditionalFormats || plan.marks.length === 0) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const mark of plan.marks) {
    const at = parseCellAddress(mark.cell);
    if (!at) continue;
    top = Math.min(top, at.row);
    bottom = Math.max(bottom, at.row);
    left = Math.min(left, at.column);
    right = Math.max(right, at.column);
  }
  if (bottom === 0) return null;
  return source.getRange(rectAddress({ top, left, bottom, right })).conditionalFormats.getCount();
}

/**
 * Print setup (PageLayout, ExcelApi 1.9) in one request of its own: landscape A4, every column on one page wide,
 * as many pages tall as the rows need (verticalFitToPages 0, which the reference does not document; OOXML's
 * fitToHeight 0), the header row on every page, the sheet's name and page in the footer. False when Excel
 * refused it: the sheets then print with Excel's defaults. True when there is nothing to set (below 1.9).
 */
async function applyPrintSetup(
  context: Excel.RequestContext,
  created: readonly Excel.Worksheet[],
  plan: Plan,
  support: ApiSupport,
): Promise<boolean> {
  if (!support.multiAreaAndPattern) return true;
  for (const [index, planSheet] of plan.sheets.entries()) {
    if (planSheet.columns.length === 0) continue;
    const print = planSheet.print;
    const layout = created[index]!.pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = print.paper;
    layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
    if (print.repeatRows > 0) layout.setPrintTitleRows(`$1:$${print.repeatRows}`);
    layout.headersFooters.defaultForAllPages.leftFooter = print.footer.left;
    layout.headersFooters.defaultForAllPages.rightFooter = print.footer.right;
  }
  try {
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** The cells (A1, no sheet) that hold a comment, or at ExcelApi 1.18 a note, on the sheet. */
async function commentedCells(
  sheet: Excel.Worksheet,
  support: ApiSupport,
  budget: RequestBudget,
): Promise<Set<string>> {
  const collections = [sheet.comments, ...(support.notes ? [sheet.notes] : [])];
  for (const c of collections) c.load("items/id");
  await budget.flush();
  const ranges: Excel.Range[] = [];
  const items = collections.flatMap((c) => (c.items as { getLocation(): Excel.Range }[]).slice());
  await budget.queueInChunks(
    items,
    () => OPERATION_BYTES.commentItem,
    (chunk) => {
      for (const item of chunk) ranges.push(item.getLocation().load("address"));
    },
  );
  if (items.length > 0) await budget.flush();
  return new Set(ranges.map((r) => r.address.slice(r.address.lastIndexOf("!") + 1).replace(/\$/g, "")));
}

/**
 * Adds the plan's notes as comments on the source sheet, each starting with the plan's comment tag (Office.js
 * writes the clerk's name as a comment's author, so the tag is how the next run and 清除标记 know the comment is
 * the add-in's), skipping cells that have a comment or note already. A cell Excel refuses (a note below ExcelApi
 * 1.18, which the add-in cannot see) fails the last request; the comments that landed carry the tag all the same.
 * Returns how many marked cells got no comment.
 */
async function addComments(
  source: Excel.Worksheet,
  plan: Plan,
  support: ApiSupport,
  budget: RequestBudget,
): Promise<number> {
  const taken = await commentedCells(source, support, budget);
  const notes = plan.notes.filter((n) => !taken.has(n.cell));
  const prefix = `${quoteSheetName(plan.sourceSheet)}!`;
  try {
    await budget.queueInChunks(
      notes,
      (note) =>
        OPERATION_BYTES.commentAdd +
        utf8Bytes(plan.commentTag + note.text) +
        prefix.length +
        note.cell.length,
      (chunk) => {
        for (const note of chunk) source.comments.add(prefix + note.cell, plan.commentTag + note.text);
      },
    );
    await budget.flush();
    return plan.notes.length - notes.length;
  } catch {
    // Which ones landed: those on the sheet now with the tag.
    const comments = source.comments.load("items/content");
    await budget.flush();
    const landed = comments.items.filter((c) => isOwnComment(c.content)).length;
    return plan.notes.length - landed;
  }
}

/**
 * Deletes the tool's comments on the sheet (ExcelApi 1.10), recognised by their tag, and from ExcelApi 1.18 the
 * notes the command line wrote (recognised by their author); the clerk's stay.
 */
export async function removeComments(
  sheet: Excel.Worksheet,
  support: ApiSupport,
  budget: RequestBudget,
): Promise<void> {
  if (!support.comments) return;
  const comments = sheet.comments.load("items/content");
  const notes = support.notes ? sheet.notes.load("items/authorName") : null;
  await budget.flush();
  const ours: { delete(): void }[] = [
    ...comments.items.filter((c) => isOwnComment(c.content)),
    ...(notes ? notes.items.filter((n) => isOwnNoteAuthor(n.authorName)) : []),
  ];
  await budget.queueInChunks(
    ours,
    () => OPERATION_BYTES.commentItem,
    (chunk) => {
      for (const c of chunk) c.delete();
    },
  );
  if (ours.length > 0) await budget.flush();
}

/** A fill as read back: every property ExcelApi 1.9 lets us read, null where it does not. */
type FillReading = Omit<SavedFill, "cell" | "mark">;

/** Reads the fills of `cells`, one small load per cell, a chunk of cells per request. */
export async function readFills(
  sheet: Excel.Worksheet,
  cells: readonly string[],
  support: ApiSupport,
  budget: RequestBudget,
): Promise<FillReading[]> {
  const properties = support.multiAreaAndPattern ? "color,pattern,patternColor,tintAndShade" : "color";
  const fills: Excel.RangeFill[] = [];
  await budget.queueInChunks(
    cells,
    (cell) => OPERATION_BYTES.fillRead + cell.length,
    (chunk) => {
      for (const cell of chunk) {
        const fill = sheet.getRange(cell).format.fill;
        fill.load(properties);
        fills.push(fill);
      }
    },
  );
  if (cells.length > 0) await budget.flush();
  const full = support.multiAreaAndPattern;
  return fills.map((fill) => ({
    color: fill.color ?? null,
    pattern: full ? (fill.pattern ?? null) : null,
    patternColor: full ? (fill.patternColor ?? null) : null,
    tintAndShade: full ? (fill.tintAndShade ?? null) : null,
  }));
}

/** Does the cell still hold the mark the add-in put there (a solid fill of the mark colour; solid known at 1.9)? */
function stillMarked(now: FillReading, saved: SavedFill): boolean {
  return stillWearsMark(
    {
      solid: now.pattern === null ? null : now.pattern === "Solid",
      color: now.color,
      pattern: now.pattern === null ? null : ooxmlPatternOf(now.pattern),
    },
    saved.mark,
  );
}

/**
 * Puts back the saved fills of the cells that still hold their mark; a cell refilled since the run, or whose
 * address now names another cell (rows inserted or deleted), is left alone.
 */
export async function restoreMarks(
  sheet: Excel.Worksheet,
  fills: readonly SavedFill[],
  support: ApiSupport,
  budget: RequestBudget,
): Promise<{ restored: number; leftAlone: number; colourLost: number }> {
  const now = await readFills(
    sheet,
    fills.map((f) => f.cell),
    support,
    budget,
  );
  const marked = fills.filter((fill, i) => stillMarked(now[i]!, fill));
  await restoreFills(sheet, marked, support, budget);
  const colourLost = marked.filter((f) => f.colourLost).length;
  return { restored: marked.length, leftAlone: fills.length - marked.length, colourLost };
}

/**
 * Puts back the fills saved when the cells were marked: no fill, or the colour, and at ExcelApi 1.9 the pattern,
 * its colour and the tint too. Below 1.9 Excel reports an unfilled cell as white, so white comes back as no fill.
 */
async function restoreFills(
  sheet: Excel.Worksheet,
  fills: readonly SavedFill[],
  support: ApiSupport,
  budget: RequestBudget,
): Promise<void> {
  const groups = groupBy(fills, (f) =>
    JSON.stringify([f.color, f.pattern, f.patternColor ?? null, f.tintAndShade ?? null]),
  );
  for (const group of groups.values()) {
    const { color, pattern, patternColor, tintAndShade } = group[0]!;
    const noFill =
      color === null || pattern === "None" || (pattern === null && color.toUpperCase() === "#FFFFFF");
    const patterned = support.multiAreaAndPattern && !noFill && pattern !== null && pattern !== "Solid";
    const tinted =
      support.multiAreaAndPattern && !noFill && typeof tintAndShade === "number" && tintAndShade !== 0;
    const extra = (patterned ? 2 : 0) + (tinted ? 1 : 0) + (noFill ? 0 : 1);
    await forEachTarget(
      sheet,
      group.map((f) => f.cell),
      support,
      budget,
      extra,
      (target) => {
        const fill = target.format.fill;
        fill.clear();
        if (noFill || color === null) return;
        fill.color = color;
        if (patterned) {
          fill.pattern = pattern as Excel.FillPattern;
          if (patternColor) fill.patternColor = patternColor;
        }
        if (tinted) fill.tintAndShade = tintAndShade;
      },
    );
  }
}

/**
 * Runs `apply` on the fewest ranges that cover exactly `cells`: multi-area at 1.9, blocks below. `extraProperties`
 * is how many fill properties `apply` sets after the first.
 */
async function forEachTarget(
  sheet: Excel.Worksheet,
  cells: readonly string[],
  support: ApiSupport,
  budget: RequestBudget,
  extraProperties: number,
  apply: (target: Excel.Range | Excel.RangeAreas) => void,
): Promise<void> {
  const blocks = contiguousBlocks(cells);
  const perTarget = OPERATION_BYTES.fillWrite + extraProperties * OPERATION_BYTES.fillExtraProperty;
  if (support.multiAreaAndPattern) {
    await budget.queueInChunks(
      joinAreas(blocks),
      (areas) => perTarget + areas.length,
      (chunk) => {
        for (const areas of chunk) apply(sheet.getRanges(areas));
      },
    );
  } else {
    await budget.queueInChunks(
      blocks,
      (block) => perTarget + block.length,
      (chunk) => {
        for (const block of chunk) apply(sheet.getRange(block));
      },
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
