/**
 * A layout's id: what `table.layout` of the analysis says. Each layout names itself (its folder's index.ts), and
 * the registry (index.ts) is the one list of the layouts the core reads: guangdong-string (one row per project,
 * numbered items run on in one 绩效指标 cell), indicator-segments (the same table, one `一级指标：…,…;` segment
 * per indicator), department-columns (a department table, one row per indicator), project-form (the
 * single-project form). A layout outside the registry (a province's, a test's) names itself the same way, so the
 * type is open: whoever shows an id to a user keeps a fallback for ids it does not know (the CLI shows the id).
 */
export type LayoutId = string;
