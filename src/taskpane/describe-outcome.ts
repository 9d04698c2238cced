/** A run that did not get to write, and a 清除标记, in the user's words (the pane and the ribbon's dialog). */
import type { ClearResult, RunOutcome } from "../excel/run-normalizer";
import type { PaneMessages } from "./messages";

export function refusal(outcome: Exclude<RunOutcome, { kind: "done" }>, pane: PaneMessages): string {
  switch (outcome.kind) {
    case "empty":
      return pane.empty(outcome.sheet);
    case "table-elsewhere":
      return pane.tableElsewhere(outcome.sheet, outcome.found);
    case "own-sheet":
      return pane.ownSheet(outcome.sheet);
    case "protected":
      return pane.protectedSheet(outcome.sheet);
    case "busy":
      return pane.busy;
  }
}

export function clearedText(cleared: ClearResult, pane: PaneMessages): string {
  const parts = [cleared.restored > 0 ? pane.marksCleared(cleared.restored) : pane.noMarks];
  if (cleared.leftAlone > 0) parts.push(pane.marksLeftAlone(cleared.leftAlone));
  return parts.join(" ");
}
