/**
 * The layouts the core reads, by id: the closed list that `table.layout` of the analysis takes its value from.
 * A new layout adds its id here and its folder to the registry (index.ts).
 * - guangdong-string: one row per project, numbered items run on in one 绩效指标 cell;
 * - indicator-segments: the same table, one `一级指标：…,二级指标：…,…;` segment per indicator;
 * - department-columns: a department table from a provincial budget system, one row per indicator;
 * - project-form: the single-project form, a header block and an indicator grid.
 */
export const LAYOUT_IDS = [
  "guangdong-string",
  "indicator-segments",
  "department-columns",
  "project-form",
] as const;

export type LayoutId = (typeof LAYOUT_IDS)[number];
