import {
  amountsOf,
  type Indicator,
  type IndicatorText,
  type ParsedTable,
  type Project,
  type ProjectRead,
  type TableRead,
  type TextPiece,
} from "./analysis";
import type { SheetCell } from "./cell-address";
import { columnLetter } from "./cell-address";
import { makeIssue, type IssueDetails, type IssueDraft, type IssueSubject } from "./issue";
import { parseValue } from "./parse-value";
import { splitIndicators } from "./split-indicators";

/**
 * The split stage: every project's indicator texts, as a layout read them, become indicators (items split,
 * values parsed, each with the cell it starts in), and the goal cell's own text becomes the goal. What the text
 * holds besides items becomes an issue of the project: unparsed text, markup, indicators misplaced in the goal
 * cell.
 */
export function splitTable(read: TableRead): ParsedTable {
  const issues: IssueDraft[] = [...read.issues];
  const indicatorCells: SheetCell[][] = [];
  const projects = read.projects.map((project, projectIndex): Project => {
    const cells: SheetCell[] = [];
    indicatorCells.push(cells);
    return splitProject(project, { projectIndex }, cells, issues);
  });
  return {
    table: read.table,
    grandTotal: read.grandTotal,
    units: read.units,
    projects,
    rows: read.rows,
    issues,
    equations: read.equations,
    indicatorCells,
  };
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

function splitProject(
  read: ProjectRead,
  about: IssueSubject,
  cells: SheetCell[],
  issues: IssueDraft[],
): Project {
  const details: IssueDetails =
    read.unit !== null ? { project: read.name, unit: read.unit } : { project: read.name };
  const indicators: Indicator[] = [];
  let goal = "";
  for (const source of read.texts) {
    const text = splitText(source, details, about, indicators, cells, issues);
    if (source.role === "goal") goal = text;
  }
  return {
    row: read.row,
    unit: read.unit,
    name: read.name,
    nameCell: read.nameCell,
    amounts: amountsOf(read.amountCells),
    amountCells: read.amountCells,
    goal,
    indicators,
    continuationRows: read.continuationRows,
  };
}

/** The cell at (row, column), its column letter given (no closure per text: README, "Speed"). */
function cellAt(row: number, column: number, letter: string): SheetCell {
  return { row, column, address: `${letter}${row}` };
}

/** Splits one indicator text into `into`; returns the goal it holds (goal role) or "". */
function splitText(
  source: IndicatorText,
  details: IssueDetails,
  about: IssueSubject,
  into: Indicator[],
  cells: SheetCell[],
  issues: IssueDraft[],
): string {
  const joined = new JoinedText(source.pieces);
  const text = joined.text;
  const split = splitIndicators(text, { mode: source.role });
  const column = source.column;
  // Items of one cell share its address: one SheetCell per row, not per item.
  const letter = columnLetter(column);
  if (source.role === "goal" && split.items.length > 0) {
    const first = split.items[0]!;
    issues.push(
      makeIssue("misplaced-indicators", cellAt(joined.rowAt(first.start), column, letter), details, {
        about,
      }),
    );
  }
  let cell: SheetCell | null = null;
  for (const item of split.items) {
    const row = joined.rowAt(item.start);
    if (cell === null || cell.row !== row) cell = cellAt(row, column, letter);
    const period = item.periodValue === null ? null : parseValue(item.periodValue, item.name);
    // Most items repeat the period value as the annual one: parse it once (the objects are read-only).
    const annual =
      item.annualValue === null
        ? null
        : item.annualValue === item.periodValue
          ? period
          : parseValue(item.annualValue, item.name);
    cells.push(cell);
    into.push({
      row,
      cell: cell.address,
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
    const where = cellAt(joined.rowAt(leftover.start), column, letter);
    issues.push(makeIssue("unparsed", where, { ...details, text: leftover.text }, { about }));
  }
  let lastMarkupRow = -1;
  for (const run of split.markup) {
    const row = joined.rowAt(run.start);
    if (row === lastMarkupRow) continue;
    lastMarkupRow = row;
    const quoted = { ...details, text: text.slice(run.start, run.end) };
    issues.push(makeIssue("markup", cellAt(row, column, letter), quoted, { about }));
  }
  return split.goal;
}
