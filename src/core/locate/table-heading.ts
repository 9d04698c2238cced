/**
 * What sits above a table and in its header, read the same way for every layout: the title lines (title,
 * department, amount unit: `单位：万元`, `金额单位：元`) and header cells compared by their names.
 */
import { withoutWhitespace } from "../model/chars";
import { cellText, type Grid } from "../model/grid";

export type AmountUnit = "万元" | "元";

export interface TitleLines {
  readonly title: string | null;
  readonly department: string | null;
  readonly amountUnit: AmountUnit | null;
}

/** Header text compared without whitespace or a unit remark: `总计（万元）` → `总计`, `绩效 目标` → `绩效目标`. */
export function headerKey(text: string): string {
  let key = withoutWhitespace(text);
  const open = Math.max(key.lastIndexOf("（"), key.lastIndexOf("("));
  if (open > 0 && /[万元]/.test(key.slice(open)) && !key.startsWith("项目")) key = key.slice(0, open);
  return key;
}

/** `单位：万元`, `金额单位:元`, `总计（万元）` → the amount unit, or null. */
export function amountUnitIn(text: string): AmountUnit | null {
  const at = text.indexOf("单位");
  if (at >= 0) {
    let i = at + 2;
    if (text[i] === "：" || text[i] === ":") {
      i++;
      while (text[i] === " " || text[i] === "\u3000") i++;
      if (text.startsWith("万元", i)) return "万元";
      if (text.startsWith("元", i)) return "元";
    }
  }
  return null;
}

/**
 * Where a department's name ends on a line that goes on with another label, as a web page or a Word document
 * writes the line above a table: a run of blanks (`XX局` and four full-width blanks before `金额单位：元`), or one blank before a short label
 * and its colon (`XX局 单位：万元`, `XX局 填报日期：2024-01-05`).
 */
const NAME_END = /[ \t\u3000]{2,}|[ \t\u3000]+[^ \t\u3000：:]{1,8}[：:]/;

/** `部门名称：广州市白云区人民政府办公室（部门）` → the text after the label (up to the line's next label), or null. */
function departmentIn(text: string): string | null {
  for (const label of ["部门名称", "部门"]) {
    if (!text.startsWith(label)) continue;
    const sep = text[label.length];
    if (sep === "：" || sep === ":") {
      const rest = text.slice(label.length + 1).replace(/^[ \t\u3000]+/, "");
      const end = NAME_END.exec(rest);
      return (end ? rest.slice(0, end.index) : rest).trim() || null;
    }
  }
  return null;
}

/**
 * The title lines of grid rows [start, headerStart) within grid columns [columnStart, columnEnd): the
 * department and amount unit lines, the title (the line naming a 绩效目标表, else the first other line). When no
 * line states the unit, the header rows may (`总计（万元）`).
 */
export function readTitleLines(
  grid: Grid,
  start: number,
  headerStart: number,
  headerRows: readonly number[],
  columnStart = 0,
  columnEnd = Number.MAX_SAFE_INTEGER,
): TitleLines {
  let title: string | null = null;
  let fallbackTitle: string | null = null;
  let department: string | null = null;
  let amountUnit: AmountUnit | null = null;
  for (let r = start; r < headerStart; r++) {
    const row = grid[r] ?? [];
    for (let c = columnStart; c < Math.min(columnEnd, row.length); c++) {
      const text = cellText(row[c]);
      if (text === "") continue;
      const dept = departmentIn(text);
      const unit = amountUnitIn(text);
      if (dept !== null) department ??= dept;
      if (unit !== null) amountUnit ??= unit;
      if (dept === null && unit === null) {
        if (text.includes("绩效目标表")) title ??= text;
        fallbackTitle ??= text;
      }
    }
  }
  if (amountUnit === null) {
    for (const r of headerRows) {
      const row = grid[r] ?? [];
      for (let c = columnStart; c < Math.min(columnEnd, row.length); c++) {
        const text = cellText(row[c]);
        if (text.includes("万元")) amountUnit ??= "万元";
        else if (/[（(]元[）)]/.test(text)) amountUnit ??= "元"; // `总计（元）`, `金额(元)`
      }
    }
  }
  return { title: title ?? fallbackTitle, department, amountUnit };
}
