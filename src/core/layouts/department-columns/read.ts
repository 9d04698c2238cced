import {
  AMOUNT_ROLES,
  amountsOf,
  type AmountCell,
  type AmountCells,
  type AmountRole,
  type ClassifiedRow,
  type GrandTotalRow,
  type IndicatorSource,
  type ProjectRead,
  type RowKind,
  type TableRead,
  type UnitRow,
} from "../../model/analysis";
import { cellAddress, sheetCell } from "../../model/cell-address";
import { isGrandTotalLabel, isSubtotalLabel, resolveUnitRows } from "../../classify/classify-rows";
import * as decimal from "../../model/exact-decimal";
import type { ExactDecimal } from "../../model/exact-decimal";
import { cellText, rawText, type Grid } from "../../model/grid";
import { makeIssue, type IssueDetails, type IssueDraft } from "../../model/issue";
import { amountIssue } from "../amount-issue";
import { parseAmount } from "../../model/parse-amount";
import { amountEquations } from "../amount-equations";
import {
  hasIndicatorCells,
  INDICATOR_FIELD_ROLES,
  ProjectIndicatorRows,
  type IndicatorColumns,
} from "../indicator-rows";
import type { DepartmentRole, DepartmentTable } from "./locate";

const { exactDecimal } = decimal;

/**
 * The cells of a department table by role: what the classifier and the reader ask of a row (within the table's
 * columns: another table may stand beside it).
 */
class DepartmentCells {
  constructor(
    readonly grid: Grid,
    readonly table: DepartmentTable,
  ) {}

  text(r: number, role: DepartmentRole): string {
    const c = this.table.gridColumns[role];
    return c === undefined ? "" : cellText(this.grid[r]?.[c]);
  }

  firstText(r: number): string {
    const row = this.grid[r];
    if (!row) return "";
    for (let c = this.table.columnStart; c < Math.min(this.table.columnEnd, row.length); c++) {
      const text = cellText(row[c]);
      if (text !== "") return text;
    }
    return "";
  }

  hasAmounts(r: number): boolean {
    return AMOUNT_ROLES.some((role) => this.text(r, role) !== "");
  }

  hasIndicators(r: number): boolean {
    return hasIndicatorCells(this.grid, r, this.table.gridColumns);
  }

  /** What a row says of its project (unit, name, goal, amounts), to tell a repeated project row from a new one. */
  projectKey(r: number): string {
    return [this.text(r, "unit"), this.text(r, "name"), this.text(r, "goal")]
      .concat(AMOUNT_ROLES.map((role) => this.text(r, role)))
      .join("\u0001");
  }

  /** What a row says of its indicator (its level, name, value cells). */
  indicatorKey(r: number): string {
    const row = this.grid[r] ?? [];
    return INDICATOR_FIELD_ROLES.map((role) => {
      const c = this.table.gridColumns[role];
      return c === undefined ? "" : cellText(row[c]);
    }).join("\u0001");
  }

  /** The row's 总计 (预算数), else its first amount that is not empty; 0 when none; null when not a number. */
  total(r: number): ExactDecimal | null {
    for (const role of AMOUNT_ROLES) {
      const c = this.table.gridColumns[role];
      if (c === undefined) continue;
      const parsed = parseAmount(this.grid[r]?.[c]);
      if (parsed.raw === null) continue;
      return parsed.value === null ? null : exactDecimal(parsed.value, parsed.decimals);
    }
    return exactDecimal(0, 0);
  }
}

/**
 * The kind of every row of a department table:
 * - a row naming a project (项目名称) starts it; the rows below with indicator cells and no project name (merged
 *   down) continue it, and so does a row that repeats the same project name (an export that repeats instead of
 *   merging);
 * - a row with a unit or department name (单位名称) and no project or indicator is a unit row, carrying the total
 *   of the projects below it; a project row with amounts and no indicator or goal is a unit row or a project
 *   without indicators, as the totals say (classify-rows.ts, resolveUnitRows);
 * - 合计 is the grand total, 小计 a subtotal; other text is a note.
 */
export function classifyDepartmentRows(grid: Grid, table: DepartmentTable): ClassifiedRow[] {
  const cells = new DepartmentCells(grid, table);
  const headerRows = new Set([...table.headerRows, ...table.repeatedHeaders]);
  const kinds: RowKind[] = [];
  let project = "";
  // The project row's own cells and the indicators seen under it: an export that repeats the project's cells on
  // every indicator row (no merge) continues the project; a row repeated whole is a doubled row.
  let projectKey = "";
  const seen = new Set<string>();
  for (let r = table.start; r < table.end; r++) {
    if (headerRows.has(r)) {
      kinds.push("header");
      continue;
    }
    const first = cells.firstText(r);
    if (first === "") {
      kinds.push("blank");
      continue;
    }
    if (r < table.bodyStart) {
      kinds.push("title");
      continue;
    }
    const unit = cells.text(r, "unit");
    const name = cells.text(r, "name");
    const indicators = cells.hasIndicators(r);
    const goal = cells.text(r, "goal") !== "";
    const label = unit !== "" ? unit : name !== "" ? name : first;
    let kind: RowKind;
    if (!indicators && !goal && isGrandTotalLabel(label)) kind = "grand-total";
    else if (!indicators && !goal && isSubtotalLabel(label)) kind = "subtotal";
    else if (name !== "") {
      if (name === project && indicators && !cells.hasAmounts(r)) kind = "continuation";
      else if (
        name === project &&
        indicators &&
        cells.projectKey(r) === projectKey &&
        !seen.has(cells.indicatorKey(r))
      )
        kind = "continuation";
      else if (!indicators && !goal) kind = "unit";
      else kind = "project";
    } else if (unit !== "" && !indicators && !goal) kind = "unit";
    else if (indicators || goal) kind = "continuation";
    else kind = "note";
    if (kind === "project") {
      project = name;
      projectKey = cells.projectKey(r);
      seen.clear();
    } else if (kind !== "continuation") project = "";
    if ((kind === "project" || kind === "continuation") && indicators) seen.add(cells.indicatorKey(r));
    kinds.push(kind);
  }
  resolveUnitRows(cells, kinds, table.start);
  return kinds.map((kind, k) => ({ row: table.origin.row + table.start + k, kind }));
}

interface ProjectDraft {
  readonly r: number;
  readonly row: number;
  readonly name: string;
  readonly unit: string | null;
  readonly amountCells: AmountCells;
  readonly goal: string;
  readonly indicators: ProjectIndicatorRows;
  readonly continuationRows: number[];
}

interface GroupDraft {
  readonly r: number;
  readonly row: number;
  readonly name: string;
  readonly nameCell: string;
  readonly amountCells: AmountCells;
  /** The digits a department or unit code starts with (`101-某部门` → 101), or null. */
  readonly code: string | null;
  /** Index of the first project after it. */
  readonly firstProject: number;
}

/** Reads a classified department table into projects, units and equations (see classifyDepartmentRows). */
export function readDepartmentTable(
  grid: Grid,
  table: DepartmentTable,
  rows: readonly ClassifiedRow[],
): TableRead {
  const cells = new DepartmentCells(grid, table);
  const col = table.gridColumns;
  const origin = table.origin;
  const sheetColumn = (c: number | undefined, fallback: number): number => origin.column + (c ?? fallback);
  const nameColumn = sheetColumn(col.name, col.name ?? table.columnStart);
  const unitColumn = col.unit === undefined ? nameColumn : origin.column + col.unit;
  const indicatorColumns: IndicatorColumns = {
    columns: col,
    originRow: origin.row,
    originColumn: origin.column,
  };
  const issues: IssueDraft[] = [];
  const projects: ProjectRead[] = [];
  const groups: GroupDraft[] = [];
  let grandTotal: GrandTotalRow | null = null;
  let current: ProjectDraft | null = null;
  let unitName: string | null = null;

  const readAmounts = (r: number, row: number, details: IssueDetails, projectIndex: number): AmountCells => {
    const out = {} as Record<AmountRole, AmountCell>;
    for (const role of AMOUNT_ROLES) {
      const c = col[role];
      const parsed = parseAmount(c === undefined ? null : grid[r]?.[c]);
      const column = c === undefined ? nameColumn : origin.column + c;
      const address = cellAddress(row, column);
      out[role] = { cell: address, raw: parsed.raw, value: parsed.value, decimals: parsed.decimals };
      const issue = amountIssue(
        parsed,
        { row, column, address },
        Object.assign({}, details, { amountColumn: role }),
        projectIndex < 0 ? undefined : { projectIndex },
      );
      if (issue) issues.push(issue);
    }
    return out;
  };

  const finish = (): void => {
    if (current === null) return;
    const draft = current;
    current = null;
    const index = projects.length;
    const texts: IndicatorSource[] = [];
    if (draft.goal !== "" && col.goal !== undefined)
      texts.push({
        role: "goal",
        column: origin.column + col.goal,
        pieces: [{ row: draft.row, text: draft.goal }],
      });
    texts.push({ role: "rows", items: draft.indicators.indicators() });
    const details: { project: string; unit?: string } =
      draft.unit === null ? { project: draft.name } : { project: draft.name, unit: draft.unit };
    const weight = draft.indicators.weightIssue(details, index);
    if (weight) issues.push(weight);
    projects.push({
      row: draft.row,
      unit: draft.unit,
      name: draft.name,
      nameCell: cellAddress(draft.row, nameColumn),
      amountCells: draft.amountCells,
      texts,
      continuationRows: draft.continuationRows,
    });
  };

  for (let k = 0; k < rows.length; k++) {
    const r = table.start + k;
    const { row, kind } = rows[k]!;
    switch (kind) {
      case "project": {
        finish();
        const name = cells.text(r, "name");
        const unitText = cells.text(r, "unit");
        if (unitText !== "") unitName = unitText;
        const details: IssueDetails =
          unitName === null ? { project: name } : { project: name, unit: unitName };
        const indicators = new ProjectIndicatorRows(grid, indicatorColumns);
        if (cells.hasIndicators(r)) indicators.add(r);
        current = {
          r,
          row,
          name,
          unit: unitName,
          amountCells: readAmounts(r, row, details, projects.length),
          goal: col.goal === undefined ? "" : rawText(grid[r]?.[col.goal]).trim(),
          indicators,
          continuationRows: [],
        };
        break;
      }
      case "continuation": {
        if (current === null) {
          // Indicator cells with no project above them: keep them visible.
          const text = cells.firstText(r);
          issues.push(makeIssue("unparsed", sheetCell(row, nameColumn), { text }));
          break;
        }
        const draft: ProjectDraft = current;
        draft.continuationRows.push(row);
        if (cells.hasIndicators(r)) draft.indicators.add(r);
        break;
      }
      case "unit": {
        finish();
        const name = cells.text(r, "unit") || cells.text(r, "name");
        unitName = name;
        const code = /^[0-9]+/.exec(name)?.[0] ?? null;
        groups.push({
          r,
          row,
          name,
          nameCell: cellAddress(row, cells.text(r, "unit") !== "" ? unitColumn : nameColumn),
          amountCells: readAmounts(r, row, { unit: name }, -1),
          code,
          firstProject: projects.length,
        });
        break;
      }
      case "grand-total": {
        finish();
        const amountCells = readAmounts(r, row, {}, -1);
        grandTotal ??= { row, amounts: amountsOf(amountCells), amountCells };
        unitName = null;
        break;
      }
      case "subtotal":
      case "note":
        finish();
        break;
      default:
        break;
    }
  }
  finish();

  const levels = groupLevels(groups, rows, table.start);
  const units: UnitRow[] = groups.map((g, i) => {
    // Its projects: those below it, to the next group of its level or higher.
    let end = projects.length;
    for (let j = i + 1; j < groups.length; j++) {
      if (levels[j]! <= levels[i]!) {
        end = groups[j]!.firstProject;
        break;
      }
    }
    const projectIndexes: number[] = [];
    for (let p = g.firstProject; p < end; p++) projectIndexes.push(p);
    return {
      row: g.row,
      name: g.name,
      nameCell: g.nameCell,
      amounts: amountsOf(g.amountCells),
      amountCells: g.amountCells,
      projectIndexes,
    };
  });
  const present = AMOUNT_ROLES.filter((role) => col[role] !== undefined);
  const equations = amountEquations({
    present,
    grandTotal,
    groups: units.map((unit, i) => ({ unit, level: levels[i]! })),
    projects: projects.map((p) => ({ name: p.name, unit: p.unit, amountCells: p.amountCells })),
    names: "department",
  });
  return { table: table.info, grandTotal, units, projects, rows, issues, equations };
}

/**
 * The level of each department or unit row (0 the highest). With codes on every row (`101-某部门`,
 * `101001-某单位`), a shorter code is a higher level. Without, a row directly followed by another unit row is a
 * department (0) over the units that follow it (1).
 */
function groupLevels(groups: readonly GroupDraft[], rows: readonly ClassifiedRow[], start: number): number[] {
  if (groups.length > 0 && groups.every((g) => g.code !== null)) {
    const lengths = [...new Set(groups.map((g) => g.code!.length))].sort((a, b) => a - b);
    return groups.map((g) => lengths.indexOf(g.code!.length));
  }
  const parent = groups.map((g) => {
    for (let k = g.r - start + 1; k < rows.length; k++) {
      const kind = rows[k]!.kind;
      if (kind === "blank") continue;
      return kind === "unit";
    }
    return false;
  });
  const anyParent = parent.some((p) => p);
  return parent.map((isParent) => (isParent || !anyParent ? 0 : 1));
}
