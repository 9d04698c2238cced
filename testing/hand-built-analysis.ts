/** Small analyses built by hand, so the plan and the shells can be tested apart from the parser. */
import type { AmountCells, Analysis, Indicator, IndicatorValue, Project } from "../src/core/model/analysis";
import type { Issue, IssueSubject, RuleId, Severity } from "../src/core/model/issue";

export function value(
  op: IndicatorValue["op"],
  v: number | null,
  unit: string | null,
  raw: string,
): IndicatorValue {
  return { op, value: v, upper: null, unit, raw };
}

export function indicator(
  row: number,
  seq: number | null,
  name: string,
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    row,
    cell: `G${row}`,
    seq,
    level1: { code: "1", name: "产出指标", written: "1-产出指标", writtenCode: "1" },
    level2: { code: "11", name: "数量指标", written: "11-数量指标", writtenCode: "11" },
    name,
    periodValue: "1",
    annualValue: "1",
    period: value("=", 1, null, "1"),
    annual: value("=", 1, null, "1"),
    raw: `${seq ?? ""}、1-产出指标：11-数量指标：${name}；实施周期指标值：1；年度指标值：1。`,
    ...extra,
  };
}

function amountCells(row: number): AmountCells {
  const cell = (col: string) => ({ cell: `${col}${row}`, raw: null, value: 0, decimals: 2 });
  return { total: cell("B"), fiscal: cell("C"), specialAccount: cell("D"), other: cell("E") };
}

export function project(row: number, name: string, indicators: Indicator[], unit = "某单位"): Project {
  return {
    row,
    unit,
    name,
    nameCell: `A${row}`,
    amounts: { total: 0, fiscal: 0, specialAccount: 0, other: 0 },
    amountCells: amountCells(row),
    goal: "",
    indicators,
    continuationRows: [],
  };
}

/** An issue at `cell`, about the project or item `about` refers to (the plan attaches it by that reference). */
export function issue(
  rule: RuleId,
  severity: Severity,
  cell: string | null,
  message: string,
  details: Issue["details"] = {},
  about?: IssueSubject,
): Issue {
  const match = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
  return {
    rule,
    severity,
    row: match ? Number(match[2]) : null,
    column: match ? match[1]! : null,
    cell,
    ...(about ? { about } : {}),
    details,
    message,
  };
}

export function analysis(projects: Project[], issues: Issue[] = []): Analysis {
  return {
    table: {
      layout: "guangdong-string",
      title: null,
      department: "某部门",
      amountUnit: "万元",
      headerRow: 9,
      headerRows: [9],
      columns: { name: 1, total: 2, fiscal: 3, specialAccount: 4, other: 5, goal: 6, indicators: 7 },
    },
    grandTotal: null,
    units: [],
    projects,
    rows: [],
    issues,
  };
}
