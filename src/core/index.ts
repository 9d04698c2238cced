/**
 * The core's one entry for the shells (src/workbook and every adapter): the pipeline locate → classify → read →
 * split → check → plan, and the types and helpers a shell needs around it. Tests and benches may reach into a
 * stage directly; shells import from here, so what they depend on is listed in one place.
 */
export * from "./analyze-table";
export * from "./model/analysis";
export * from "./model/issue";
export * from "./model/grid";
export * from "./model/cell-address";
export * from "./model/count-analysis";
export * from "./model/analyze-options";
export * from "./model/work-slices";
export * from "./model/exact-decimal";
export * from "./model/parse-amount";
export * from "./locate/locate-table";
export type { FoundTable } from "./layouts/layout";
export type { LayoutId } from "./layouts/layout-id";
export * from "./split/split-table";
export * from "./check/check-indicators";
export { checkSelfEvaluation, selfEvaluationEquations } from "./check/check-self-evaluation";
export * from "./check/reconcile-totals";
export { outsideRepeatedRows } from "./check/explain-gaps";
export { tableFingerprint } from "./check/find-doubled-tables";
export * from "./plan/plan";
export * from "./plan/build-plan";
export * from "./plan/plan-layout";
export * from "./plan/sheet-name";
export * from "./plan/fit-cell-text";
export * from "./plan/text-guard";
export * from "./compare/finding";
export { compareTables } from "./compare/compare-tables";
export * from "./messages";
export { zhCN } from "./messages/zh-CN";
export { enUS } from "./messages/en-US";
