import {
  AMOUNT_ROLES,
  type AmountCell,
  type AmountCells,
  type AmountRole,
  type ClassifiedRow,
  type IndicatorSource,
  type RowIndicator,
  type RowKind,
  type TableRead,
} from "../../model/analysis";
import { sheetCell } from "../../model/cell-address";
import { isDateRange } from "../../split/date-range";
import { cellText, firstTextOf, type Grid } from "../../model/grid";
import { makeIssue, type IssueDetails, type IssueDraft } from "../../model/issue";
import { amountIssue } from "../amount-issue";
import { amountInText, type AmountInText } from "../../locate/amount-in-text";
import { equationCell, type Equation, type EquationCell } from "../../model/total-equation";
import { hasIndicatorCells, ProjectIndicatorRows } from "../indicator-rows";
import { fieldText, type FormTable, type FundCell } from "./locate";

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
    else if (table.info.headerRows.includes(table.origin.row + r) || table.laterHeaders?.includes(r))
      kind = "header";
    else if (r < table.gridHeader) kind = "continuation";
    else if (SIGN_OFF.test(firstTextOf(grid[r]))) kind = "note";
    else
      kind =
        hasIndicatorCells(grid, r, table.gridColumns) ||
        table.subProjects.some((s) => cellText(grid[r]?.[s.column]) !== "")
          ? "continuation"
          : "note";
    rows.push({ row: table.origin.row + r, kind });
  }
  return rows;
}

/** A row that is never an indicator: a signature, stamp or review line under the grid (审核意见, 盖章, 填报人). */
const SIGN_OFF = /审核意见|审批意见|盖章|签字|签章|填报人|填表人|审核人|填报日期|填表日期/;

/**
 * Reads a form: the project's name, unit, amounts (this year's funding group, wherever its cells are) and goal
 * from the header block, its indicators from the grid (merged level cells filled), a 项目起止时间 that is not a
 * date range flagged, and each funding group's equation: total = Σ its parts when the parts are complete (they
 * include a rest: 其他, 地方资金).
 */
export function readProjectForm(grid: Grid, table: FormTable, rows: readonly ClassifiedRow[]): TableRead {
  const origin = table.origin;
  const fields = table.fields;
  const issues: IssueDraft[] = [];
  const at = (r: number, c: number) => sheetCell(origin.row + r, origin.column + c);
  const nameField = fields.name!;
  const nameCell = at(nameField.valueRow, nameField.valueColumn);
  const name = fieldText(grid, nameField);
  const unit = fields.unit ? fieldText(grid, fields.unit) || null : null;
  const details: IssueDetails = unit === null ? { project: name } : { project: name, unit };

  // Every funding cell read once (the same EquationCell in every equation it is in).
  const amountOf = new Map<FundCell, { parsed: AmountInText; cell: EquationCell | null }>();
  const read = (field: FundCell) => {
    let got = amountOf.get(field);
    if (got === undefined) {
      const parsed = amountInText(
        field.found ? (field.inline ?? grid[field.valueRow]?.[field.valueColumn]) : null,
        table.amountUnit,
      );
      const where = at(field.valueRow, field.valueColumn);
      const cell =
        parsed.value === null
          ? null
          : equationCell(where.row, where.column, where.address, parsed.value, parsed.decimals, null);
      got = { parsed, cell };
      amountOf.set(field, got);
    }
    return got;
  };

  const amountCells = {} as Record<AmountRole, AmountCell>;
  for (const role of AMOUNT_ROLES)
    amountCells[role] = { cell: nameCell.address, raw: null, value: 0, decimals: 0 };
  const chosen = table.funds[table.chosenFund];
  if (chosen) {
    for (const field of [chosen.total, ...chosen.parts]) {
      const role = field.role;
      if (role === null || amountCells[role].raw !== null) continue;
      const where = at(field.valueRow, field.valueColumn);
      const { parsed } = read(field);
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
  }

  const period = fields.period;
  if (period) {
    const text = fieldText(grid, period);
    if (text !== "" && !isDateRange(text)) {
      issues.push(
        makeIssue(
          "bad-date-range",
          at(period.valueRow, period.valueColumn),
          Object.assign({}, details, { text }),
          {
            about: { projectIndex: 0 },
          },
        ),
      );
    }
  }

  const indicators = new ProjectIndicatorRows(grid, {
    columns: table.gridColumns,
    originRow: origin.row,
    originColumn: origin.column,
    ...(table.subProjects.length > 0 ? { subProjects: table.subProjects } : {}),
  });
  // A long-term grid stacked with this year's (长期绩效指标 | 年度绩效指标): its rows read apart, their values the
  // 实施周期指标值 of this year's indicators of the same name.
  const periodGrid = table.periodGrid;
  const periodRows =
    periodGrid === undefined
      ? null
      : new ProjectIndicatorRows(grid, {
          columns: periodGrid.columns,
          originRow: origin.row,
          originColumn: origin.column,
        });
  const continuationRows: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = table.start + k;
    if (rows[k]!.kind !== "continuation") continue;
    continuationRows.push(rows[k]!.row);
    if (r <= table.gridHeader) continue;
    if (periodRows !== null && r >= periodGrid!.start && r < periodGrid!.end) periodRows.add(r);
    else indicators.add(r);
  }
  const texts: IndicatorSource[] = [];
  const goalField = [fields.goal, fields.overallGoal, fields.midGoal].find(
    (f) => f !== undefined && fieldText(grid, f) !== "",
  );
  if (goalField) {
    texts.push({
      role: "goal",
      column: origin.column + goalField.valueColumn,
      pieces: [{ row: origin.row + goalField.valueRow, text: fieldText(grid, goalField) }],
    });
  }
  const items = indicators.indicators();
  texts.push({
    role: "rows",
    items: periodRows === null ? items : withPeriodValues(items, periodRows.indicators()),
  });
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
  const equations: Equation[] = [];
  for (const group of table.funds) {
    const total = read(group.total);
    // A blank total states nothing to check (a form published with only its parts filled).
    if (total.cell === null || total.parsed.raw === null || group.parts.length === 0) continue;
    const readParts = group.parts.map(read);
    if (readParts.some((p) => p.cell === null) || readParts.every((p) => p.parsed.raw === null)) continue;
    // Empty parts add nothing (a blank 其他 is 0); they still say whether the parts listed are complete.
    const filled = group.parts.filter((_, k) => readParts[k]!.parsed.raw !== null);
    const cells = filled.map((p) => read(p).cell!);
    if (group.complete === true || group.parts.some((p) => p.residual)) {
      // Complete parts (they include the rest: 其他, 地方资金): the total is their sum.
      equations.push({
        rule: "row-total",
        target: total.cell,
        addends: cells,
        details: Object.assign(
          {},
          details,
          {
            amountColumn: "total",
            parts: filled.map((p) => (p.role !== null && p.role !== "total" ? p.role : p.key)),
            amountNames: "form" as const,
          },
          group.totalLabel === undefined ? {} : { totalLabel: group.totalLabel },
        ),
        about: { projectIndex: 0 },
      });
    } else {
      // A 其中 that lists only some parts: together they are at most the total.
      equations.push({
        kind: "at-most",
        rule: "part-over-total",
        parts: cells,
        total: total.cell,
        details: Object.assign({}, details, {
          partLabels: filled.map((p) => p.key),
          totalLabel: group.total.key,
        }),
        about: { projectIndex: 0 },
      });
    }
  }
  return { table: table.info, grandTotal: null, units: [], projects: [project], rows, issues, equations };
}

/** An indicator's name as two grids of one form write it alike: spaces and a leading `1.` or `（1）` dropped. */
function nameKey(name: string): string {
  return name.replace(/\s+/g, "").replace(/^(?:[0-9]{1,2}[.．、]|[（(][0-9]{1,2}[)）])/, "");
}

/**
 * This year's indicators with the long-term grid's values as their 实施周期指标值, paired by name (the first unpaired
 * of that name, one of the same level-2 first). A long-term indicator with no row this year is kept after them,
 * marked periodOnly: it states no annual target, and none is missing.
 */
export function withPeriodValues(
  annual: readonly RowIndicator[],
  period: readonly RowIndicator[],
): RowIndicator[] {
  const unpaired = new Map<string, RowIndicator[]>();
  for (const item of period) {
    const key = nameKey(item.name);
    unpaired.set(key, [...(unpaired.get(key) ?? []), item]);
  }
  const out: RowIndicator[] = annual.map((item) => {
    const same = unpaired.get(nameKey(item.name));
    if (same === undefined || same.length === 0 || item.name === "") return item;
    const at = Math.max(
      0,
      same.findIndex((p) => p.level2 === item.level2),
    );
    const match = same.splice(at, 1)[0]!;
    const periodCell = match.place.valueCell;
    return {
      ...item,
      periodValue: match.annualValue,
      place: periodCell === undefined ? item.place : { ...item.place, periodCell },
    };
  });
  for (const item of period) {
    const left = unpaired.get(nameKey(item.name));
    if (left === undefined || !left.includes(item)) continue;
    const periodCell = item.place.valueCell;
    out.push({
      ...item,
      periodValue: item.annualValue,
      annualValue: null,
      periodOnly: true,
      place: periodCell === undefined ? item.place : { ...item.place, periodCell },
    });
  }
  return out;
}
