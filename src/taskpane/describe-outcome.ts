/** A run that did not get to write, and a 清除标记, in the user's words (the pane and the ribbon's dialog). */
import type { ClearResult, RunOutcome } from "../workbook/run-outcome";
import type { PaneMessages } from "./messages";

export function refusal(outcome: Exclude<RunOutcome, { kind: "done" }>, pane: PaneMessages): string {
  switch (outcome.kind) {
    case "empty":
      return pane.empty(outcome.sheet);
    case "no-table":
      return pane.noTable(outcome.sheet, outcome.lookedFor, outcome.advice);
    case "table-elsewhere":
      return pane.tableElsewhere(outcome.sheet, outcome.found);
    case "own-sheet":
      return pane.ownSheet(outcome.sheet);
    case "protected":
      return pane.protectedSheet(outcome.sheet);
    case "busy":
      return pane.busy;
    case "compare-sheet-missing":
      return pane.compareSheetMissing(outcome.sheet);
    case "compare-no-table":
      return pane.compareNoTable(outcome.sheet);
  }
}

export function clearedText(cleared: ClearResult, pane: PaneMessages): string {
  const parts = [cleared.restored > 0 ? pane.marksCleared(cleared.restored) : pane.noMarks];
  return parts
    .concat(
      marksNotes(
        { leftAlone: cleared.leftAlone, colourLost: cleared.colourLost, unreadable: cleared.unreadable },
        pane,
      ),
    )
    .join(" ");
}

/** What a run or 清除标记 could not do with earlier marks, one sentence each (nothing when all went well). */
export function marksNotes(
  counts: { readonly leftAlone: number; readonly colourLost?: number; readonly unreadable?: number },
  pane: PaneMessages,
): string[] {
  const notes: string[] = [];
  if (counts.colourLost) notes.push(pane.marksColourLost(counts.colourLost));
  if (counts.leftAlone > 0) notes.push(pane.marksLeftAlone(counts.leftAlone));
  if (counts.unreadable) notes.push(pane.marksUnreadable(counts.unreadable));
  return notes;
}
