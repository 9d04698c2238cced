/**
 * What `compareTables` reports: one finding per change between last year's table and this year's that a
 * reviewer would ask about. `last` and `this` are the values (or names, or amounts) exactly as written.
 */

/** The closed list of finding kinds (the table; `added` is listed for the clerk, not a fault). */
export const FINDING_KINDS = [
  "op-lost",
  "op-changed",
  "unit-changed",
  "magnitude",
  "kind-changed",
  "renamed",
  "dropped",
  "project-renamed",
  "amount-vs-quantity",
  "added",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Where a value sits: its A1 cell, and its sheet when the analysis read several. */
export interface FindingPlace {
  readonly cell: string;
  readonly sheet?: string;
}

export interface Finding {
  readonly kind: FindingKind;
  /** This year's project name (last year's for a finding about something only last year has). */
  readonly project: string;
  /** This year's indicator name; last year's for `dropped`; null for a finding about the project. */
  readonly indicator: string | null;
  /** The value, name or amount as last year's table writes it; null when last year has none (`added`). */
  readonly last: string | null;
  /** The same in this year's table; null when this year has none (`dropped`). */
  readonly this: string | null;
  readonly lastPlace: FindingPlace | null;
  readonly thisPlace: FindingPlace | null;
}

/** What the comparison found, with the projects it could not pair (new or ended projects are not faults). */
export interface Comparison {
  readonly findings: readonly Finding[];
  /** Projects matched between the years (by name or, when renamed, by amounts, goal and indicators). */
  readonly matchedProjects: number;
  /** Last year's projects with no counterpart this year, and this year's new ones: names as written. */
  readonly onlyLast: readonly string[];
  readonly onlyThis: readonly string[];
}
