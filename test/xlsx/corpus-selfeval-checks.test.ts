/**
 * The self-evaluation checks (check/check-self-evaluation.ts, issue #24) on the corpus's real self-evaluation
 * tables, as the CLI reads them: the issues of the self-evaluation rules on each table as published, checked by
 * hand against the corpus file and the fixture's knownDefects. No table gets an error that is not a real defect
 * of the table as published; the warnings of a table cut in the excerpt (分值 short of 100) are listed as such.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { analyzeTable } from "../../src/core/analyze-table";
import { SELF_EVALUATION_RULES } from "../../src/core/check/check-self-evaluation";
import type { Issue, RuleId } from "../../src/core/model/issue";
import { readInput } from "../../src/xlsx/read-input";

const DIR = join(__dirname, "..", "fixtures", "corpus", "selfeval");

/** The self-evaluation rules, and the shared one its 执行率 raises. */
const SELF_EVALUATION: ReadonlySet<RuleId> = new Set<RuleId>([...SELF_EVALUATION_RULES, "wrong-ratio"]);

/** A score sum's culprit or 尾差 (wrong-amount, rounding-gap on points) is the self-evaluation's too. */
const ofSelfEvaluation = (i: Issue): boolean => SELF_EVALUATION.has(i.rule) || i.details.scores === true;

// Each table's issues of the self-evaluation rules: [severity, rule, cell], and why, from the corpus file.
const EXPECTED: Readonly<Record<string, readonly (readonly [string, RuleId, string])[]>> = {
  // The excerpt is cut at 可持续影响: its indicators' 70 and the budget's 10 make 80 of 100.
  "selfeval-anhui-chizhou-2022.xlsx": [["warning", "weight-sum", "G13"]],
  // knownDefects: 4604人 against >=4754人 and 5830元/户 against <=5300元/户 with full marks, the second without
  // a reason.
  "selfeval-anhui-suixi-2019.xlsx": [
    ["error", "full-marks-missed", "H14"],
    ["error", "full-marks-missed", "H18"],
    ["warning", "missing-deviation-reason", "I18"],
  ],
  // A blank template: nothing to judge.
  "selfeval-central-kejibu-2021-template.xlsx": [],
  // knownDefects: a department's self-evaluation cut after six indicators (60 of 100 分值); its 总分 97.93 counts
  // rows not in the excerpt, so Σ 得分 is not held against it. `0.4%` for 成灾率 (no sign) is not judged.
  "selfeval-chongqing-liangping-2023-department.xlsx": [["warning", "weight-sum", "F8"]],
  // knownDefects: the 预算执行率 row with the budget's 分值 is cut in the excerpt; the indicators' 分值 make 90.
  "selfeval-hebei-chengan-2020.xlsx": [["warning", "weight-sum", "M12"]],
  // knownDefects: the 全年完成值 cell repeats the indicator's name (words against 11个).
  "selfeval-hubei-xianning-2021.xlsx": [["warning", "actual-not-number", "E13"]],
  // knownDefects: the numbers stripped by the hosting site leave `分` in 总分 and score cells, and a note in F11.
  "selfeval-hubei-xiaogan-undated.xlsx": [
    ["error", "score-not-number", "E2"],
    ["error", "score-not-number", "F9"],
    ["error", "score-not-number", "F11"],
    ["error", "score-not-number", "F18"],
  ],
  // knownDefects: every 分值, 指标值 and 得分 of the grid is left out of the excerpt: nothing scored to judge.
  "selfeval-ningxia-yuanzhou-2022.xlsx": [],
  // Cut after the first 指标值: nothing scored to judge.
  "selfeval-sichuan-daying-2023.xlsx": [],
  // knownDefects: the scores left empty (not evaluated): an empty cell is no number to check; 60 + 30 + 10 = 100.
  "selfeval-sichuan-qingshen-2023.xlsx": [],
  // knownDefects: points deducted though every actual meets its target (J13, J14, J15, J16).
  "selfeval-yunnan-gucheng-2020.xlsx": [
    ["warning", "deducted-but-met", "J13"],
    ["warning", "deducted-but-met", "J14"],
    ["warning", "deducted-but-met", "J15"],
    ["warning", "deducted-but-met", "J16"],
  ],
};

describe("the self-evaluation checks on the corpus's real self-evaluation tables", () => {
  test.each(Object.keys(EXPECTED))("%s: the real defects as published, and no other", async (file) => {
    const input = await readInput(join(DIR, file));
    const analysis = analyzeTable(input.grid, { origin: input.origin });
    const found = analysis.issues.filter(ofSelfEvaluation).map((i) => [i.severity, i.rule, i.cell]);
    expect(found).toEqual(EXPECTED[file]);
  });

  test("every self-evaluation fixture of the corpus is listed here", () => {
    expect(
      readdirSync(DIR)
        .filter((name) => name.endsWith(".xlsx"))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });
});
