/**
 * The single-project form (DOMAIN.md, "Other layouts"): a header block (项目名称, 主管部门, 实施单位, 项目起止时间,
 * 项目资金 with 资金总额 and its parts, 年度目标 or 总体目标), then an indicator grid 一级指标 | 二级指标 | 三级指标 |
 * 指标值 whose level cells are merged down. One form per sheet or several stacked: each form is one project.
 */
import { registerLayout } from "../layout";
import { locateProjectForms, locateTitledGrid, type FormTable } from "./locate";
import { classifyFormRows, readProjectForm } from "./read";

export const projectForm = registerLayout({
  id: "project-form",
  // A sheet with no 项目名称: one form whose title names its project, if any.
  locate: (grid, origin): FormTable[] => {
    const forms = locateProjectForms(grid, origin);
    if (forms.length > 0) return forms;
    const titled = locateTitledGrid(grid, origin);
    return titled === null ? [] : [titled];
  },
  classify: classifyFormRows,
  read: readProjectForm,
});
