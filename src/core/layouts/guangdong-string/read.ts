import {
  AMOUNT_ROLES,
  amountsOf,
  type AmountCell,
  type AmountCells,
  type AmountRole,
  type ClassifiedRow,
  type GrandTotalRow,
  type IndicatorText,
  type ProjectRead,
  type TableRead,
  type TextPiece,
  type UnitRow,
} from "../../model/analysis";
import { cellAddress, columnLetter } from "../../model/cell-address";
import { rawText, type Grid } from "../../model/grid";
import { makeIssue, type IssueDetails, type IssueDraft } from "../../model/issue";
import { amountIssue } from "../amount-issue";
import { parseAmount } from "../../model/parse-amount";
import { GuangdongCells } from "./cells";
import { guangdongEquations, type SubtotalRow } from "./equations";
import type { GuangdongTable } from "./locate";

/** Reads the classified rows of a Guangdong table (see TableReader). */
export function readGuangdongTable(
  grid: Grid,
  table: GuangdongTable,
  rows: readonly ClassifiedRow[],
): TableRead {
  return new TableReader(grid, table).read(rows);
}

interface ProjectDraft {
  readonly row: number;
  readonly unit: string | null;
  readonly name: string;
  readonly amountCells: AmountCells;
  readonly goalPieces: TextPiece[];
  readonly indicatorPieces: TextPiece[];
  readonly continuationRows: number[];
}

interface UnitDraft {
  readonly row: number;
  readonly name: string;
  readonly nameCell: string;
  readonly amountCells: AmountCells;
  readonly projectIndexes: number[];
}

/**
 * Reads the body of a pasted 项目支出绩效目标表 row by row, as classified: the 合计 row, the unit rows and
 * the projects with their amounts, and each project's goal and indicator text joined over its continuation rows
 * (split later, by split-table.ts). Amount cells that are not numbers, and text with no project above it, become
 * issues; nothing throws.
 */
class TableReader {
  private readonly cells: GuangdongCells;
  private readonly issues: IssueDraft[] = [];
  private readonly units: UnitDraft[] = [];
  private readonly projects: ProjectRead[] = [];
  private readonly subtotals: SubtotalRow[] = [];
  /** Index of the first project a 小计 row below would add up: the first after the last unit or 小计 row. */
  private groupStart = 0;
  private grandTotal: GrandTotalRow | null = null;
  private current: ProjectDraft | null = null;
  private currentUnit: UnitDraft | null = null;
  /** Sheet column of each role; a missing amount column reads as empty, at the name cell's address. */
  private readonly sheetColumns: Readonly<Record<AmountRole | "name" | "goal" | "indicators", number>>;
  /** Column letter of each amount role, computed once: every row's amount cells are in these columns. */
  private readonly amountLetters: Readonly<Record<AmountRole, string>>;

  constructor(
    private readonly grid: Grid,
    private readonly table: GuangdongTable,
  ) {
    this.cells = new GuangdongCells(grid, table);
    const col = table.gridColumns;
    const sheetColumn = (c: number | undefined): number => table.origin.column + (c ?? col.name!);
    this.sheetColumns = {
      name: sheetColumn(col.name),
      total: sheetColumn(col.total),
      fiscal: sheetColumn(col.fiscal),
      specialAccount: sheetColumn(col.specialAccount),
      other: sheetColumn(col.other),
      goal: sheetColumn(col.goal),
      indicators: sheetColumn(col.indicators),
    };
    this.amountLetters = {
      total: columnLetter(this.sheetColumns.total),
      fiscal: columnLetter(this.sheetColumns.fiscal),
      specialAccount: columnLetter(this.sheetColumns.specialAccount),
      other: columnLetter(this.sheetColumns.other),
    };
  }

  read(rows: readonly ClassifiedRow[]): TableRead {
    // rows[k] is grid row table.start + k (classifyRows gives every row, in order).
    for (let k = 0; k < rows.length; k++) this.readRow(this.table.start + k, rows[k]!);
    this.finishProject();
    const units: UnitRow[] = this.units.map((u) => ({
      row: u.row,
      name: u.name,
      nameCell: u.nameCell,
      amounts: amountsOf(u.amountCells),
      amountCells: u.amountCells,
      projectIndexes: u.projectIndexes,
    }));
    const equations = guangdongEquations({
      columns: this.table.info.columns,
      grandTotal: this.grandTotal,
      units,
      subtotals: this.subtotals,
      projects: this.projects,
    });
    return {
      table: this.table.info,
      grandTotal: this.grandTotal,
      units,
      projects: this.projects,
      rows,
      issues: this.issues,
      equations,
    };
  }

  private readRow(r: number, { row, kind }: ClassifiedRow): void {
    switch (kind) {
      case "title":
      case "header":
      case "blank":
        return;
      case "note":
        this.finishProject();
        return;
      case "grand-total": {
        this.finishProject();
        const amountCells = this.readAmounts(r, row, {}, -1);
        this.grandTotal ??= { row, amounts: amountsOf(amountCells), amountCells };
        return;
      }
      case "subtotal": {
        this.finishProject();
        const unit = this.currentUnit?.name ?? null;
        const projectIndexes: number[] = [];
        for (let i = this.groupStart; i < this.projects.length; i++) projectIndexes.push(i);
        this.groupStart = this.projects.length;
        this.subtotals.push({
          row,
          unit,
          amountCells: this.readAmounts(r, row, unit === null ? {} : { unit }, -1),
          projectIndexes,
        });
        return;
      }
      case "unit": {
        this.finishProject();
        this.groupStart = this.projects.length;
        const name = this.cells.name(r);
        const unit: UnitDraft = {
          row,
          name,
          nameCell: cellAddress(row, this.sheetColumns.name),
          amountCells: this.readAmounts(r, row, { unit: name }, -1),
          projectIndexes: [],
        };
        this.units.push(unit);
        this.currentUnit = unit;
        return;
      }
      case "continuation":
        this.continueProject(r, row);
        return;
      default:
        this.startProject(r, row);
    }
  }

  private startProject(r: number, row: number): void {
    this.finishProject();
    const name = this.cells.name(r);
    const unit = this.currentUnit?.name ?? null;
    const details: IssueDetails = unit !== null ? { project: name, unit } : { project: name };
    const draft: ProjectDraft = {
      row,
      unit,
      name,
      amountCells: this.readAmounts(r, row, details, this.projects.length),
      goalPieces: [],
      indicatorPieces: [],
      continuationRows: [],
    };
    this.current = draft;
    this.addPieces(r, row, draft);
  }

  private continueProject(r: number, row: number): void {
    const draft = this.current;
    if (draft) {
      draft.continuationRows.push(row);
      this.addPieces(r, row, draft);
      return;
    }
    // Continuation text with no project above it: keep it visible as unparsed text.
    for (const role of ["goal", "indicators"] as const) {
      const text = this.cells.text(r, role);
      if (text === "") continue;
      const column = this.sheetColumns[role];
      this.issues.push(makeIssue("unparsed", { row, column, address: cellAddress(row, column) }, { text }));
    }
  }

  private addPieces(r: number, row: number, draft: ProjectDraft): void {
    const col = this.table.gridColumns;
    if (this.cells.text(r, "goal") !== "") {
      draft.goalPieces.push({ row, text: rawText(this.grid[r]?.[col.goal!]) });
    }
    if (this.cells.text(r, "indicators") !== "") {
      draft.indicatorPieces.push({ row, text: rawText(this.grid[r]?.[col.indicators!]) });
    }
  }

  private finishProject(): void {
    const draft = this.current;
    if (!draft) return;
    this.current = null;
    const texts: IndicatorText[] = [];
    if (draft.goalPieces.length > 0) {
      texts.push({ role: "goal", column: this.sheetColumns.goal, pieces: draft.goalPieces });
    }
    if (draft.indicatorPieces.length > 0) {
      const role = this.table.layout === "indicator-segments" ? "segments" : "indicators";
      texts.push({ role, column: this.sheetColumns.indicators, pieces: draft.indicatorPieces });
    }
    this.currentUnit?.projectIndexes.push(this.projects.length);
    this.projects.push({
      row: draft.row,
      unit: draft.unit,
      name: draft.name,
      nameCell: cellAddress(draft.row, this.sheetColumns.name),
      amountCells: draft.amountCells,
      texts,
      continuationRows: draft.continuationRows,
    });
  }

  /** The row's amount cells; `projectIndex` is the project the row is, or -1 (合计, a unit row). */
  private readAmounts(r: number, row: number, details: IssueDetails, projectIndex: number): AmountCells {
    const cells = {} as Record<AmountRole, AmountCell>;
    const gridRow = this.grid[r];
    for (const role of AMOUNT_ROLES) {
      const c = this.table.gridColumns[role];
      const parsed = c === undefined ? parseAmount(null) : parseAmount(gridRow?.[c]);
      const cell = `${this.amountLetters[role]}${row}`;
      cells[role] = { cell, raw: parsed.raw, value: parsed.value, decimals: parsed.decimals };
      if (parsed.value === null) {
        const at = { row, column: this.sheetColumns[role], address: cell };
        const about = projectIndex < 0 ? undefined : { projectIndex };
        const issue = amountIssue(parsed, at, { ...details, amountColumn: role }, about);
        if (issue) this.issues.push(issue);
      }
    }
    return cells;
  }
}
