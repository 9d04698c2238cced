/**
 * What `compareTables` reports: one finding per change between last year's table and this year's that a
 * reviewer would ask about. `last` and `this` are the values (or names, or amounts) exactly as written.
 * The same comparison reads a year's target table against the same year's self-evaluation table (绩效自评表):
 * then `last` is the target table, `this` the self-evaluation, and every target that changed between them is a
 * finding (`against: "self-evaluation"`).
 */

/**
 * What the two tables are: two years' tables (absent), or a target table and its year's self-evaluation, in either
 * order (the marks go on `this` table, whichever it is).
 */
export type ComparedAgainst = "self-evaluation";

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
  // Target against self-evaluation only: a target the self-evaluation writes otherwise than the target table did.
  "target-changed",
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
  /** A target table against its self-evaluation (the messages then say 目标表 / 自评表, not 去年 / 今年). */
  readonly against?: ComparedAgainst;
  /** With `against`: which of the two is the self-evaluation (the other is the target table). */
  readonly selfEvaluation?: "last" | "this";
}

/** What the comparison found, with the projects it could not pair (new or ended projects are not faults). */
export interface Comparison {
  readonly findings: readonly Finding[];
  /** Projects matched between the years (by name or, when renamed, by amounts, goal and indicators). */
  readonly matchedProjects: number;
  /** Last year's projects with no counterpart this year, and this year's new ones: names as written. */
  readonly onlyLast: readonly string[];
  readonly onlyThis: readonly string[];
  /** A target table against its self-evaluation; absent for two years' tables. */
  readonly against?: ComparedAgainst;
  /** With `against`: which of the two is the self-evaluation. */
  readonly selfEvaluation?: "last" | "this";
}

/**
 * Whether a finding is a change to check: every kind but a new indicator between two years (targets are meant to
 * move and grow). Between a target table and its self-evaluation, an indicator added at year end is one too.
 */
export function isChangeToCheck(finding: Pick<Finding, "kind" | "against">): boolean {
  return finding.kind !== "added" || finding.against === "self-evaluation";
}
