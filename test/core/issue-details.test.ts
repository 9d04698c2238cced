/**
 * Each rule's details are its own (IssueDetailsByRule): what makeIssue takes for a rule, and what a message
 * function of that rule sees. The type checks below are part of `npm test` (tsc --noEmit): a
 * `@ts-expect-error` that no longer finds an error fails it.
 */
import { messagesFor } from "../../src/core/messages";
import type { RuleMessages } from "../../src/core/messages/zh-CN";
import { makeIssue, type IssueDetailsByRule, type IssueDraftOf } from "../../src/core/model/issue";

test("makeIssue takes a rule's own facts, and refuses another rule's", () => {
  const sequence = makeIssue("sequence", null, { project: "培训", seq: 3, expectedSeq: 2 });
  expect(sequence.details).toEqual({ project: "培训", seq: 3, expectedSeq: 2 });
  // @ts-expect-error: a sequence issue has no amount column
  const wrong: IssueDetailsByRule["sequence"] = { amountColumn: "total" };
  // @ts-expect-error: no-table quotes nothing
  makeIssue("no-table", null, { project: "培训" });
  expect(wrong).toBeDefined();
});

test("a message function sees exactly its rule's details", () => {
  const seen = (i: IssueDraftOf<"sequence">) => i.details.expectedSeq;
  // @ts-expect-error: a sequence issue lists no cells
  const unseen = (i: IssueDraftOf<"sequence">) => i.details.cells;
  const table: Pick<RuleMessages<string>, "invalid-bytes"> = {
    "invalid-bytes": (i) => String(i.details.byteOffset),
  };
  expect([seen, unseen, table]).toHaveLength(3);
  // Dispatched by an issue's own rule, the tables take any issue.
  const issue = makeIssue("invalid-bytes", null, { byteOffset: 7 });
  expect(messagesFor("zh-CN").issues[issue.rule](issue)).toContain("第 7 字节");
});
