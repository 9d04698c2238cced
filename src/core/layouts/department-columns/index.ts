/**
 * The department table of a provincial budget system (DOMAIN.md, "Other layouts"): one row per indicator under
 * 单位名称 · 项目名称 · 预算数 · 年度目标 · 一级指标 · 二级指标 · 三级指标 · 指标性质 · 指标值 · 度量单位 · 权重 ·
 * 指标方向, columns found by their names; a project's name, amount and goal merged down over its indicator rows;
 * department and unit rows carrying the total of the projects below them.
 */
import { registerLayout } from "../layout";
import { locateDepartmentTables } from "./locate";
import { classifyDepartmentRows, readDepartmentTable } from "./read";

export const departmentColumns = registerLayout({
  id: "department-columns",
  locate: locateDepartmentTables,
  classify: classifyDepartmentRows,
  read: readDepartmentTable,
});
