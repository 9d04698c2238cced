import {
  AMOUNT_ROLES,
  type AmountCell,
  type AmountCells,
  type AmountRole,
  type Amounts,
  type ClassifiedRow,
  type GrandTotalRow,
  type Indicator,
  type ParsedTable,
  type Project,
  type RowKind,
  type UnitRow,
} from "./analysis";
import { cellAddress, columnLetter } from "./cell-address";
import { A1_ORIGIN, type CellValue, type Grid, type Origin } from "./grid";
import { DEFAULT_SEVERITY, type IssueDetails, type IssueDraft, type RuleId } from "./issue";
import { cellText, locateTable, type LocatedTable } from "./locate-table";
import { parseAmount } from "./parse-amount";
import { parseValue } from "./parse-value";
import { splitIndicators, type SplitResult } from "./split-indicators";

/** 合计 / 总计 in the name column: the grand total row (spaces inside are ignored: `合 计`). */
const GRAND_TOTAL_NAMES = new Set(["合计", "总计", "总合计", "全部合计", "合计数"]);

/** A row of text outside the table body: `注：…`, `备注：…`, `说明：…`. */
function isNoteText(text: string): boolean {
  return /^(?:注|备注|说明|附注)\s*[：:]/.test(text); // 注：单位为万元 · 备注:… · 说明 ：…
}

function compact(text: string): string {
  let out = "";
  for (const ch of text) if (ch.trim() !== "") out += ch;
  return out;
}

/** One piece of a multi-row text: the cell's text and the sheet row it came from. */
interface TextPiece {
  readonly row: number;
  readonly text: string;
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

/** Pieces joined with "\n", remembering where each starts, to find the sheet row of any offset. */
class JoinedText {
  readonly text: string;
  private readonly starts: number[] = [];
  constructor(private readonly pieces: readonly TextPiece[]) {
    let text = "";
    for (const piece of pieces) {
      if (text !== "") text += "\n";
      this.starts.push(text.length);
      text += piece.text;
    }
    this.text = text;
  }
  rowAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.pieces[lo]?.row ?? 0;
  }
}

/**
 * Reads a pasted 项目支出绩效目标表: locates the header and title lines, classifies every row, reads the
 * amounts, joins continuation rows to their project and splits every indicator text. Problems of the input
 * become issues (no-table, amount-not-number, unparsed, misplaced-indicators, markup); nothing throws.
 */
export function parseTable(grid: Grid, origin: Origin = A1_ORIGIN): ParsedTable {
  const located = locateTable(grid, origin);
  if (!located) {
    const issue: IssueDraft = {
      rule: "no-table",
      severity: DEFAULT_SEVERITY["no-table"],
      row: null,
      column: null,
      cell: null,
      details: {},
    };
    return { table: null, grandTotal: null, units: [], projects: [], rows: [], issues: [issue] };
  }
  return new TableReader(grid, origin, located).read();
}

class TableReader {
  private readonly rows: ClassifiedRow[] = [];
  private readonly issues: IssueDraft[] = [];
  private readonly units: { row: UnitRow; projectIndexes: number[] }[] = [];
  private readonly projects: Project[] = [];
  private grandTotal: GrandTotalRow | null = null;
  private current: ProjectDraft | null = null;
  private currentUnit: { row: UnitRow; projectIndexes: number[] } | null = null;
  private readonly col: LocatedTable["gridColumns"];
  /** Column letter of each amount role, computed once: every row's amount cells are in these columns. */
  private readonly amountLetters: Readonly<Record<AmountRole, string>>;

  constructor(
    private readonly grid: Grid,
    private readonly origin: Origin,
    private readonly located: LocatedTable,
  ) {
    this.col = located.gridColumns;
    // A missing amount column reads as empty (0); its address is the name cell's, where nothing is marked.
    const letterOf = (role: AmountRole): string =>
      columnLetter(origin.column + (this.col[role] ?? this.col.name!));
    this.amountLetters = {
      total: letterOf("total"),
      fiscal: letterOf("fiscal"),
      specialAccount: letterOf("specialAccount"),
      other: letterOf("other"),
    };
  }

  read(): ParsedTable {
    const { grid, located } = this;
    const headerRows = new Set(located.info.headerRows);
    for (let r = 0; r <= located.lastHeaderIndex; r++) {
      const row = this.sheetRow(r);
      const kind: RowKind = headerRows.has(row) ? "header" : this.isBlank(grid[r]) ? "blank" : "title";
      this.rows.push({ row, kind });
    }
    for (let r = located.lastHeaderIndex + 1; r < grid.length; r++) this.readRow(r);
    this.finishProject();
    return {
      table: located.info,
      grandTotal: this.grandTotal,
      units: this.units.map((u) => ({ ...u.row, projectIndexes: u.projectIndexes })),
      projects: this.projects,
      rows: this.rows,
      issues: this.issues,
    };
  }

  private sheetRow(r: number): number {
    return this.origin.row + r;
  }

  private text(r: number, role: keyof LocatedTable["gridColumns"]): string {
    const c = this.col[role];
    return c === undefined ? "" : cellText(this.grid[r]?.[c]);
  }

  private isBlank(row: readonly CellValue[] | undefined): boolean {
    return !row || row.every((cell) => cellText(cell) === "");
  }

  private hasAmounts(r: number): boolean {
    return AMOUNT_ROLES.some((role) => this.text(r, role) !== "");
  }

  /** Empty name and amounts, text in the goal or indicator column: a multi-line cell split by the paste. */
  private isContinuationShaped(r: number): boolean {
    return (
      this.text(r, "name") === "" &&
      !this.hasAmounts(r) &&
      (this.text(r, "goal") !== "" || this.text(r, "indicators") !== "")
    );
  }

  private classify(r: number): RowKind {
    const row = this.grid[r];
    if (this.isBlank(row)) return "blank";
    const name = this.text(r, "name");
    if (isNoteText(firstTextOf(row))) return "note";
    if (name.length <= 8 && GRAND_TOTAL_NAMES.has(compact(name))) return "grand-total";
    if (this.isContinuationShaped(r)) return "continuation";
    const goal = this.text(r, "goal");
    const indicators = this.text(r, "indicators");
    if (name === "" && !this.hasAmounts(r)) return "note"; // text only in columns outside the table
    if (name !== "" && goal === "" && indicators === "") {
      // A name with no goal or indicators is a unit row, unless its goal starts on the next rows.
      let next = r + 1;
      while (next < this.grid.length && this.isBlank(this.grid[next])) next++;
      return next < this.grid.length && this.isContinuationShaped(next) ? "project" : "unit";
    }
    return "project";
  }

  private readRow(r: number): void {
    const kind = this.classify(r);
    const row = this.sheetRow(r);
    this.rows.push({ row, kind });
    switch (kind) {
      case "blank":
        return;
      case "note":
      case "grand-total":
      case "unit":
        this.finishProject();
        if (kind === "grand-total") {
          const amountCells = this.readAmounts(r, {});
          this.grandTotal ??= { row, amounts: amountsOf(amountCells), amountCells };
        } else if (kind === "unit") {
          const name = this.text(r, "name");
          const amountCells = this.readAmounts(r, { unit: name });
          const unit = {
            row: {
              row,
              name,
              nameCell: this.address(r, "name"),
              amounts: amountsOf(amountCells),
              amountCells,
              projectIndexes: [],
            },
            projectIndexes: [] as number[],
          };
          this.units.push(unit);
          this.currentUnit = unit;
        }
        return;
      case "continuation":
        this.continueProject(r);
        return;
      default:
        this.startProject(r);
    }
  }

  private startProject(r: number): void {
    this.finishProject();
    const name = this.text(r, "name");
    const unit = this.currentUnit?.row.name ?? null;
    const details: IssueDetails = unit !== null ? { project: name, unit } : { project: name };
    const draft: ProjectDraft = {
      row: this.sheetRow(r),
      unit,
      name,
      amountCells: this.readAmounts(r, details),
      goalPieces: [],
      indicatorPieces: [],
      continuationRows: [],
    };
    this.current = draft;
    this.addPieces(r, draft);
  }

  private continueProject(r: number): void {
    const draft = this.current;
    if (draft) {
      draft.continuationRows.push(this.sheetRow(r));
      this.addPieces(r, draft);
      return;
    }
    // Continuation text with no project above it: keep it visible as unparsed text.
    for (const role of ["goal", "indicators"] as const) {
      const text = this.text(r, role);
      if (text !== "") this.issue("unparsed", r, this.col[role]!, { text });
    }
  }

  private addPieces(r: number, draft: ProjectDraft): void {
    const row = this.sheetRow(r);
    const goal = this.text(r, "goal");
    const indicators = this.text(r, "indicators");
    if (goal !== "") draft.goalPieces.push({ row, text: rawText(this.grid[r]?.[this.col.goal!]) });
    if (indicators !== "") {
      draft.indicatorPieces.push({ row, text: rawText(this.grid[r]?.[this.col.indicators!]) });
    }
  }

  private finishProject(): void {
    const draft = this.current;
    if (!draft) return;
    this.current = null;
    const details: IssueDetails =
      draft.unit !== null ? { project: draft.name, unit: draft.unit } : { project: draft.name };
    const indicators: Indicator[] = [];
    let goal = "";

    if (draft.goalPieces.length > 0) {
      const joined = new JoinedText(draft.goalPieces);
      const split = splitIndicators(joined.text, { mode: "goal" });
      goal = split.goal;
      if (split.items.length > 0) {
        const first = split.items[0]!;
        this.issueAtRow("misplaced-indicators", joined.rowAt(first.start), "goal", details);
      }
      this.collect(split, joined, "goal", details, indicators);
    }
    if (draft.indicatorPieces.length > 0) {
      const joined = new JoinedText(draft.indicatorPieces);
      const split = splitIndicators(joined.text, { mode: "indicators" });
      this.collect(split, joined, "indicators", details, indicators);
    }

    const project: Project = {
      row: draft.row,
      unit: draft.unit,
      name: draft.name,
      nameCell: cellAddress(draft.row, this.sheetColumn("name")),
      amounts: amountsOf(draft.amountCells),
      amountCells: draft.amountCells,
      goal,
      indicators,
      continuationRows: draft.continuationRows,
    };
    this.currentUnit?.projectIndexes.push(this.projects.length);
    this.projects.push(project);
  }

  /** Turns split items into indicators and reports the split's leftovers and markup. */
  private collect(
    split: SplitResult,
    joined: JoinedText,
    role: "goal" | "indicators",
    details: IssueDetails,
    into: Indicator[],
  ): void {
    const text = joined.text;
    const letter = columnLetter(this.sheetColumn(role));
    // Items of one cell share its address: build the string once per row, not once per item.
    let cellRow = -1;
    let cell = "";
    for (const item of split.items) {
      const row = joined.rowAt(item.start);
      if (row !== cellRow) {
        cellRow = row;
        cell = `${letter}${row}`;
      }
      const period = item.periodValue === null ? null : parseValue(item.periodValue, item.name);
      // Most items repeat the period value as the annual one: parse it once (the objects are read-only).
      const annual =
        item.annualValue === null
          ? null
          : item.annualValue === item.periodValue
            ? period
            : parseValue(item.annualValue, item.name);
      into.push({
        row,
        cell,
        seq: item.seq,
        level1: item.level1,
        level2: item.level2,
        name: item.name,
        periodValue: item.periodValue,
        annualValue: item.annualValue,
        period,
        annual,
        raw: item.raw,
      });
    }
    for (const leftover of split.unparsed) {
      this.issueAtRow("unparsed", joined.rowAt(leftover.start), role, { ...details, text: leftover.text });
    }
    let lastMarkupRow = -1;
    for (const run of split.markup) {
      const row = joined.rowAt(run.start);
      if (row === lastMarkupRow) continue;
      lastMarkupRow = row;
      this.issueAtRow("markup", row, role, { ...details, text: text.slice(run.start, run.end) });
    }
  }

  private readAmounts(r: number, details: IssueDetails): AmountCells {
    const cells = {} as Record<AmountRole, AmountCell>;
    const sheetRow = this.sheetRow(r);
    const gridRow = this.grid[r];
    for (const role of AMOUNT_ROLES) {
      const c = this.col[role];
      const letter = this.amountLetters[role];
      const parsed = c === undefined ? parseAmount(null) : parseAmount(gridRow?.[c]);
      const cell = `${letter}${sheetRow}`;
      cells[role] = { cell, raw: parsed.raw, value: parsed.value, decimals: parsed.decimals };
      if (parsed.value === null) {
        this.issues.push({
          rule: "amount-not-number",
          severity: DEFAULT_SEVERITY["amount-not-number"],
          row: sheetRow,
          column: letter,
          cell,
          actual: typeof parsed.raw === "number" ? parsed.raw : String(parsed.raw),
          details: { ...details, amountColumn: role },
        });
      }
    }
    return cells;
  }

  private sheetColumn(role: keyof LocatedTable["gridColumns"]): number {
    return this.origin.column + (this.col[role] ?? this.col.name!);
  }

  private address(r: number, role: keyof LocatedTable["gridColumns"]): string {
    return cellAddress(this.sheetRow(r), this.sheetColumn(role));
  }

  private issue(rule: RuleId, r: number, gridColumn: number, details: IssueDetails): void {
    const column = this.origin.column + gridColumn;
    this.issues.push({
      rule,
      severity: DEFAULT_SEVERITY[rule],
      row: this.sheetRow(r),
      column: columnLetter(column),
      cell: cellAddress(this.sheetRow(r), column),
      details,
    });
  }

  private issueAtRow(
    rule: RuleId,
    sheetRow: number,
    role: "goal" | "indicators",
    details: IssueDetails,
  ): void {
    this.issue(rule, sheetRow - this.origin.row, this.col[role]!, details);
  }
}

/** The first non-empty cell text of a row ("" if none): where a note (注：…) would start. */
function firstTextOf(row: readonly CellValue[] | undefined): string {
  for (const cell of row ?? []) {
    const text = cellText(cell);
    if (text !== "") return text;
  }
  return "";
}

/** A cell's text as pasted (not trimmed), so that offsets and quotes match the cell. */
function rawText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "string" ? cell : String(cell);
}

function amountsOf(cells: AmountCells): Amounts {
  return {
    total: cells.total.value,
    fiscal: cells.fiscal.value,
    specialAccount: cells.specialAccount.value,
    other: cells.other.value,
  };
}
