/**
 * The layouts the core reads, by id: the closed list that `table.layout` of the analysis takes its value from.
 * A new layout adds its id here and its folder to the registry (index.ts).
 */
export const LAYOUT_IDS = ["guangdong-string"] as const;

export type LayoutId = (typeof LAYOUT_IDS)[number];
