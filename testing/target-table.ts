/**
 * The target table a self-evaluation's indicators were set in, rebuilt from what the self-evaluation states
 * (项目名称 and, per indicator, its levels, name and 年度指标值) as a department table writes it: the other side
 * of `compare TARGET SELFEVAL` where no real target table of the same projects exists (the corpus tests, the
 * benchmark). `edit` may change an indicator's value or leave the indicator out (undefined); `extra` adds
 * indicators to every project.
 */
import type { Analysis, Indicator } from "../src/core/model/analysis";
import type { CellValue } from "../src/core/model/grid";

export function targetTableOf(
  self: Analysis,
  edit: (indicator: Indicator) => string | null | undefined = (i) => i.annualValue,
  extra: readonly string[] = [],
): CellValue[][] {
  const grid: CellValue[][] = [["项目名称", "一级指标", "二级指标", "三级指标", "年度指标值"]];
  for (const project of self.projects) {
    let first = true;
    for (const i of project.indicators) {
      const value = edit(i);
      if (value === undefined) continue;
      grid.push([
        first ? project.name : null,
        i.level1?.written ?? null,
        i.level2?.written ?? null,
        i.name,
        value,
      ]);
      first = false;
    }
    for (const name of extra) grid.push([first ? project.name : null, "产出指标", "数量指标", name, "≥1个"]);
  }
  return grid;
}
