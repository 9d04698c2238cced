import {
  AMOUNT_ROLES,
  type AmountCell,
  type AmountCells,
  type AmountRole,
  type ClassifiedRow,
  type IndicatorSource,
  type RowKind,
  type TableRead,
} from "../../model/analysis";
import { sheetCell } from "../../model/cell-address";
import { isDateRange } from "../../split/date-range";
import { cellText, type Grid } from "../../model/grid";
import { makeIssue, type IssueDetails, type IssueDraft } from "../../model/issue";
import { amountIssue } from "../amount-issue";
import { parseAmount } from "../../model/parse-amount";
import { amountEquations } from "../amount-equations";
import { hasIndicatorCells, ProjectIndicatorRows } from "../indicator-rows";
import { fieldText, type FormTable } from "./locate";

/**
 * The kind of every row of a form: title lines above 项目名称, the 项目名称 row (the project), the rest of the
 * header block and the indicator rows (its continuation), the indicator grid's header, blanks and notes.
 */
export function classifyFormRows(grid: Grid, table: FormTable): ClassifiedRow[] {
  const nameRow = table.headerRows[0]!;
  const rows: ClassifiedRow[] = [];
  for (let r = table.start; r < table.end; r++) {
    const blank = (grid[r] ?? []).every((cell) => cellText(cell) === "");
    let kind: RowKind;
    if (blank) kind = "blank";
    else if (r < nameRow) kind = "title";
    else if (r === nameRow) kind = "project";
    else if (r < table.gridHeader) kind = "continuation";
    else if (r === table.gridHeader) kind = "header";
    else kind = hasIndicatorCells(grid, r, table.gridColumns) ? "continuation" : "note";
    rows.push({ row: table.origin.row + r, kind });
  }
  return rows;
}

/**
 * Reads a form: the project's name, unit, amounts (资金总额 and its parts, wherever their cells are) and goal from
 * the header block, its indicators from the grid (merged level cells filled), a 项目起止时间 that is not a date
 * range flagged, and the equation 资金总额 = Σ its parts.
 */
export function readProjectForm(grid: Grid, table: FormTable, rows: readonly ClassifiedRow[]): TableRead {
  const origin = table.origin;
  const fields = table.fields;
  const issues: IssueDraft[] = [];
  const at = (r: number, c: number) => sheetCell(origin.row + r, origin.column + c);
  const nameField = fields.name!;
  const nameCell = at(nameField.r, nameField.valueColumn);
  const name = fieldText(grid, nameField);
  const unit = fields.unit ? fieldText(grid, fields.unit) || null : null;
  const details: IssueDetails = unit === null ? { project: name } : { project: name, unit };

  const amountCells = {} as Record<AmountRole, AmountCell>;
  const present: AmountRole[] = [];
  for (const role of AMOUNT_ROLES) {
    const field = fields[role];
    if (!field) {
      amountCells[role] = { cell: nameCell.address, raw: null, value: 0, decimals: 0 };
      continue;
    }
    present.push(role);
    const where = at(field.r, field.valueColumn);
    const parsed = parseAmount(field.inline ?? grid[field.r]?.[field.valueColumn]);
    amountCells[role] = {
      cell: where.address,
      raw: parsed.raw,
      value: parsed.value,
      decimals: parsed.decimals,
    };
    const issue = amountIssue(parsed, where, Object.assign({}, details, { amountColumn: role }), {
      projectIndex: 0,
    });
    if (issue) issues.push(issue);
  }

  const period = fields.period;
  if (period) {
    const text = fieldText(grid, period);
    if (text !== "" && !isDateRange(text)) {
      issues.push(
        makeIssue("bad-date-range", at(period.r, period.valueColumn), Object.assign({}, details, { text }), {
          about: { projectIndex: 0 },
        }),
      );
    }
  }

  const indicators = new ProjectIndicatorRows(grid, {
    columns: table.gridColumns,
    originRow: origin.row,
    originColumn: origin.column,
  });
  const continuationRows: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = table.start + k;
    if (rows[k]!.kind !== "continuation") continue;
    continuationRows.push(rows[k]!.row);
    if (r > table.gridHeader) indicators.add(r);
  }
  const texts: IndicatorSource[] = [];
  const goalField = fields.goal ?? fields.overallGoal;
  if (goalField) {
    const goal = fieldText(grid, goalField);
    if (goal !== "")
      texts.push({
        role: "goal",
        column: origin.column + goalField.valueColumn,
        pieces: [{ row: origin.row + goalField.r, text: goal }],
      });
  }
  texts.push({ role: "rows", items: indicators.indicators() });
  const weight = indicators.weightIssue(unit === null ? { project: name } : { project: name, unit }, 0);
  if (weight) issues.push(weight);

  const project = {
    row: origin.row + nameField.r,
    unit,
    name,
    nameCell: nameCell.address,
    amountCells: amountCells as AmountCells,
    texts,
    continuationRows,
  };
  const equations = amountEquations({
    present,
    grandTotal: null,
    groups: [],
    projects: [{ name, unit, amountCells: project.amountCells }],
    names: "form",
  });
  return { table: table.info, grandTotal: null, units: [], projects: [project], rows, issues, equations };
}
