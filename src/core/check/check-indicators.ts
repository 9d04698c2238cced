import type {
  Indicator,
  IndicatorPlace,
  IndicatorValue,
  Level,
  ParsedTable,
  Project,
} from "../model/analysis";
import { sheetCell, type SheetCell } from "../model/cell-address";
import { damagedRateInText, probableRate } from "./damaged-rates";
import { withoutWhitespace } from "../model/chars";
import {
  frameworkCode,
  frameworkLabel,
  isLegacySatisfactionUnderOutcome,
  level2BelongsTo,
  type LevelDepth,
} from "../split/map-level";
import {
  makeIssue,
  type IssueDetails,
  type IssueDraft,
  type IssueSubject,
  type RuleId,
  type Severity,
} from "../model/issue";
import { runSlices, unslicedMeter, type SliceMeter } from "../model/work-slices";

export interface IndicatorCheckOptions {
  /**
   * Also report projects without a 满意度 indicator (as info). Off by default: 满意度 is optional
   * (DOMAIN.md: "Missing 满意度 is information, not an error"), and most projects of a real table lack it, so
   * the note would bury the findings a clerk has to act on.
   */
  readonly reportMissingSatisfaction?: boolean;
  /**
   * Project names (without whitespace) already seen per unit, for a table checked a part at a time (the CLI's
   * `check` drops each part once counted): filled in as projects are checked, so duplicates across parts count.
   */
  readonly projectNamesSeen?: Map<string | null, Map<string, number>>;
}

type Category = "output" | "outcome" | "satisfaction";

const CATEGORY_BY_LEVEL1_CODE: Readonly<Record<string, Category>> = {
  "1": "output",
  "2": "outcome",
  "3": "satisfaction",
};

/**
 * The indicator rules: level-mismatch, missing-value, sequence, missing-category, quantity-not-numeric,
 * period-is-definition, suspicious-value, duplicate-project, empty-project. Each issue points at the cell the
 * item came from. The parser's own rules (no-table, unparsed, markup, misplaced-indicators,
 * amount-not-number) are not repeated here.
 */
export function checkIndicators(parsed: ParsedTable, options: IndicatorCheckOptions = {}): IssueDraft[] {
  return runSlices(checkIndicatorsSteps(parsed, options, unslicedMeter()));
}

/**
 * checkIndicators in slices (work-slices.ts): a project at a time, each counted as its indicators (a project
 * without any counts 1); yields the number of projects checked so far whenever `meter` says the slice is full.
 */
export function* checkIndicatorsSteps(
  parsed: ParsedTable,
  options: IndicatorCheckOptions,
  meter: SliceMeter,
): Generator<number, IssueDraft[], undefined> {
  const issues: IssueDraft[] = [];
  const columns = parsed.table?.columns;
  // Project names seen so far, per unit, with the row of their first occurrence (a Map of Maps: no joined key).
  const seen = options.projectNamesSeen ?? new Map<string | null, Map<string, number>>();
  const levelFacts = new LevelFactsCache();
  // A self-evaluation whose grid has no level column at all (a department's whole-of-department self-evaluation:
  // 指标名称 | 计量单位 | 指标值 …) has no categories to miss: the form does not ask for them. A target form
  // without level columns still owes its 产出 and 效益 (the national framework asks every project for them).
  const withoutLevels =
    parsed.selfEvaluations !== undefined &&
    columns !== undefined &&
    columns.indicatorName !== undefined &&
    columns.level1 === undefined &&
    columns.level2 === undefined;
  const projects = parsed.projects;
  for (let projectIndex = 0; projectIndex < projects.length; projectIndex++) {
    const project = projects[projectIndex]!;
    const subject: IssueSubject = { projectIndex };
    const cells = parsed.indicatorCells[projectIndex] ?? [];
    let names = seen.get(project.unit);
    if (!names) seen.set(project.unit, (names = new Map()));
    const name = withoutWhitespace(project.name);
    const firstRow = names.get(name);
    if (firstRow !== undefined) {
      const nameCell = sheetCell(project.row, columns?.name ?? 1);
      const details = withExtra(projectDetails(project), { firstRow });
      issues.push(draft("duplicate-project", nameCell, details, subject));
    } else names.set(name, project.row);

    if (project.indicators.length === 0) {
      // No indicator: point at the project's (empty) indicator cell, else at its name.
      const cell = sheetCell(project.row, columns?.indicators ?? columns?.name ?? 1);
      issues.push(draft("empty-project", cell, projectDetails(project), subject));
    } else {
      // Project-wide findings point at its first indicator's cell.
      if (!withoutLevels) checkCategories(project, cells[0]!, subject, options, levelFacts, issues);
      checkSequence(project, projectIndex, cells, issues);
      for (let itemIndex = 0; itemIndex < project.indicators.length; itemIndex++) {
        const indicator = project.indicators[itemIndex]!;
        const cell = cells[itemIndex]!;
        checkIndicator(project, indicator, projectIndex, itemIndex, cell, levelFacts, issues);
      }
    }
    if (meter.add(Math.max(1, project.indicators.length)) && projectIndex + 1 < projects.length)
      yield projectIndex + 1;
  }
  return issues;
}

function checkCategories(
  project: Project,
  cell: SheetCell,
  about: IssueSubject,
  options: IndicatorCheckOptions,
  levelFacts: LevelFactsCache,
  issues: IssueDraft[],
): void {
  let output = false;
  let outcome = false;
  let satisfaction = false;
  for (const indicator of project.indicators) {
    const category = levelFacts.of(indicator.level1, indicator.level2).category;
    if (category === "output") output = true;
    else if (category === "outcome") outcome = true;
    else if (category === "satisfaction") satisfaction = true;
  }
  if (output && outcome && (satisfaction || !options.reportMissingSatisfaction)) return;
  const present: Category[] = [];
  if (output) present.push("output");
  if (outcome) present.push("outcome");
  if (satisfaction) present.push("satisfaction");
  if (!output) issues.push(missingCategory(project, cell, about, "output", present));
  if (!outcome) issues.push(missingCategory(project, cell, about, "outcome", present));
  if (options.reportMissingSatisfaction && !satisfaction) {
    issues.push(missingCategory(project, cell, about, "satisfaction", present, "info"));
  }
}

function missingCategory(
  project: Project,
  cell: SheetCell,
  about: IssueSubject,
  category: Category,
  present: readonly Category[],
  severity?: Severity,
): IssueDraft {
  const details = withExtra(projectDetails(project), { category, present });
  return draft("missing-category", cell, details, about, severity);
}

/**
 * Item numbers should run 1, 2, 3, …; one issue per break, then counting resumes from the number found, so
 * a single gap (1, 2, 4, 5) is one issue and not a cascade. Items without a number are not counted.
 */
function checkSequence(
  project: Project,
  projectIndex: number,
  cells: readonly SheetCell[],
  issues: IssueDraft[],
): void {
  let previous = 0;
  for (let itemIndex = 0; itemIndex < project.indicators.length; itemIndex++) {
    const indicator = project.indicators[itemIndex]!;
    if (indicator.seq === null) continue;
    const expectedSeq = previous + 1;
    if (indicator.seq !== expectedSeq) {
      const details = withExtra(indicatorDetails(project, indicator), { expectedSeq });
      issues.push(
        makeIssue("sequence", cells[itemIndex]!, details, {
          about: { projectIndex, itemIndex },
          expected: expectedSeq,
          actual: indicator.seq,
        }),
      );
    }
    previous = indicator.seq;
  }
}

/** What the checks need to know about an item's pair of levels. */
interface LevelFacts {
  /** What disagrees, with the label the framework expects; null when the pair is right (or not judged). */
  readonly mismatch: LevelMismatch | null;
  readonly quantity: boolean;
  readonly category: Category | null;
}

/**
 * LevelFacts per pair of Level objects. The parser gives every occurrence of a label the same Level object,
 * so a table's tens of thousands of items come down to a few dozen pairs, each worked out once.
 */
class LevelFactsCache {
  private readonly byLevel1 = new Map<Level | null, Map<Level | null, LevelFacts>>();

  of(level1: Level | null, level2: Level | null): LevelFacts {
    let byLevel2 = this.byLevel1.get(level1);
    if (byLevel2 === undefined) this.byLevel1.set(level1, (byLevel2 = new Map()));
    let facts = byLevel2.get(level2);
    if (facts === undefined) {
      facts = {
        mismatch: levelMismatch(level1, level2),
        quantity: isQuantity(level2),
        category: categoryOf(level1, level2),
      };
      byLevel2.set(level2, facts);
    }
    return facts;
  }
}

/** One finding about an indicator: the rule and the facts it adds to the indicator's details. */
interface Finding {
  readonly rule: RuleId;
  readonly extra: IssueDetails;
}

function withFinding(findings: Finding[] | null, rule: RuleId, extra: IssueDetails): Finding[] {
  const list = findings ?? [];
  list.push({ rule, extra });
  return list;
}

function checkIndicator(
  project: Project,
  indicator: Indicator,
  projectIndex: number,
  itemIndex: number,
  cell: IndicatorPlace,
  levelFacts: LevelFactsCache,
  issues: IssueDraft[],
): void {
  const findings = findingsOf(indicator, levelFacts.of(indicator.level1, indicator.level2));
  if (findings === null) return;
  // What every finding shares is built once, and only for an indicator with findings.
  const details = indicatorDetails(project, indicator);
  const subject: IssueSubject = { projectIndex, itemIndex };
  for (const finding of findings) {
    issues.push(draft(finding.rule, placeOf(finding, cell), withExtra(details, finding.extra), subject));
  }
}

/** The indicator's findings in reporting order, or null when it is clean (most are: nothing is allocated). */
function findingsOf(indicator: Indicator, levels: LevelFacts): Finding[] | null {
  // A module-level helper, not a closure: this runs once per indicator (README, "Speed").
  let findings: Finding[] | null = null;

  if (levels.mismatch) findings = withFinding(findings, "level-mismatch", levels.mismatch);

  const annualMissing = isBlank(indicator.annualValue);
  // The target is 年度指标值: an item with only that is complete (the columnar layouts have no other). The
  // message quotes 实施周期指标值 when there is one: what was written instead.
  if (annualMissing && indicator.periodOnly !== true)
    findings = withFinding(findings, "missing-value", otherValue("annual", indicator.periodValue));

  // The target is 年度指标值. Without it there is nothing to judge: 实施周期指标值 is often a definition
  // (`实际完成的工作量/计划完成的工作量`), not a target, and the missing value is the finding. A level pair in
  // doubt (level-mismatch) says nothing sure about the kind of value the item needs.
  const target = annualMissing ? null : indicator.annual;
  if (levels.quantity && !levels.mismatch && target && target.op === "text" && !isPlaceholder(target.raw)) {
    findings = withFinding(findings, "quantity-not-numeric", { field: "annual", text: target.raw });
  }

  const annual = indicator.annual;
  const period = indicator.period;
  if (period && annual && annual.op !== "text" && period.raw !== annual.raw && isDefinition(period)) {
    findings = withFinding(findings, "period-is-definition", { field: "period", text: period.raw });
  }

  // One report per distinct raw value: identical period and annual values are the same finding.
  const annualFinding = annual !== null ? suspiciousValue(annual, indicator.name, "annual") : null;
  if (annualFinding) findings = withFinding(findings, "suspicious-value", annualFinding);
  const periodFinding =
    period && !(annualFinding && period.raw === annual!.raw)
      ? suspiciousValue(period, indicator.name, "period")
      : null;
  if (periodFinding) findings = withFinding(findings, "suspicious-value", periodFinding);
  return findings;
}

function otherValue(field: "period" | "annual", other: string | null): IssueDetails {
  return isBlank(other) ? { field } : { field, text: other! };
}

/**
 * The cell a finding points at: in a columnar layout a level finding is at the level's cell and a value finding
 * at the value's cell; in the string layouts every finding is at the item's own cell.
 */
function placeOf({ rule, extra }: Finding, place: IndicatorPlace): SheetCell {
  if (rule === "level-mismatch") return place.levelCell ?? place;
  if (rule === "sequence") return place;
  // A 实施周期指标值 from a form's long-term grid is marked in that grid.
  if (extra.field === "period" && place.periodCell !== undefined) return place.periodCell;
  return place.valueCell ?? place;
}

/** Framework code of a level's canonical name ("产出指标" → "1", "社会效益指标" → "22"), or null. */
function namedCode(level: Level | null, depth: LevelDepth): string | null {
  // Called only while LevelFactsCache works out a new pair of levels, a few dozen times per table.
  return level?.name ? frameworkCode(level.name, depth) : null;
}

type LevelMismatch = Required<Pick<IssueDetails, "mismatch" | "expectedLevel">>;

/**
 * What is wrong with a pair of levels, or null:
 * - level1-code / level2-code: a written code disagrees with its name (`3-效益指标`, `11-质量指标`); the label
 *   expected is the name with its own code (`2-效益指标`, `12-质量指标`);
 * - level2-parent: a level-2 does not belong to its level-1 (`2-效益指标：31-服务对象满意度`,
 *   `1-产出指标：22-社会效益`); the label expected is the level-1 it belongs to (`3-满意度指标`).
 * Codes are the written ones, else the name's. The legacy `社会公众或服务对象满意度指标` inside the 效益 block is
 * the old framework, not a mistake; a level whose name and code are both unknown is not judged.
 */
function levelMismatch(level1: Level | null, level2: Level | null): LevelMismatch | null {
  const named1 = namedCode(level1, 1);
  const named2 = namedCode(level2, 2);
  if (level1?.writtenCode && named1 && level1.writtenCode !== named1)
    return { mismatch: "level1-code", expectedLevel: frameworkLabel(named1, true) ?? named1 };
  if (level2?.writtenCode && named2 && level2.writtenCode !== named2)
    return { mismatch: "level2-code", expectedLevel: frameworkLabel(named2, true) ?? named2 };
  if (!level1 || !level2) return null;
  const code1 = level1.writtenCode ?? named1;
  const code2 = level2.writtenCode ?? named2;
  if (!code1 || !code2 || level2BelongsTo(code1, code2)) return null;
  if (isLegacySatisfactionUnderOutcome(level1, level2)) return null;
  // The level-1 a level-2 code sits under: its first digit (`31` → `3-满意度指标`), written with a code as the
  // table writes its own.
  const parent = frameworkLabel(code2.charAt(0), level1.writtenCode !== null);
  return parent ? { mismatch: "level2-parent", expectedLevel: parent } : null;
}

/** Which block an item counts for: its level-1, else the first digit of its level-2 code. */
function categoryOf(level1: Level | null, level2: Level | null): Category | null {
  const code1 = level1 ? (namedCode(level1, 1) ?? level1.writtenCode ?? level1.code) : null;
  if (code1 && CATEGORY_BY_LEVEL1_CODE[code1]) return CATEGORY_BY_LEVEL1_CODE[code1];
  const code2 = level2 ? (level2.writtenCode ?? namedCode(level2, 2) ?? level2.code) : null;
  return code2 ? (CATEGORY_BY_LEVEL1_CODE[code2.charAt(0)] ?? null) : null;
}

/** A 数量指标: by name, else by code (a wrong code on a 数量指标 is level-mismatch's finding, not this one). */
function isQuantity(level2: Level | null): boolean {
  if (!level2) return false;
  const named = namedCode(level2, 2);
  return named !== null ? named === "11" : (level2.writtenCode ?? level2.code) === "11";
}

/**
 * A definition or formula rather than a target: a ratio of words (`实际完成的工作量/计划完成的工作量`), or text
 * that names the quantity measured (`一年内到用户单位回访的次数`, `出现故障到维护人员响应的的时间`,
 * `结算中心口所有核算单位数`). Qualitative text that states a target is not one: `保证…数据的一致性`,
 * `有所提升`, `提升服务效率` (it starts with what is to be achieved).
 */
function isDefinition(period: IndicatorValue): boolean {
  const raw = period.raw;
  if (/[/／]/.test(raw) && !/[0-9０-９]/.test(raw)) return true;
  if (period.op !== "text") return false;
  return QUANTITY_NAMED.test(raw) && !TARGET_STATED.test(raw);
}

/**
 * Ends with a measured quantity. Examples: `回访的次数`, `响应的时间`, `核算单位数`, `资金到位率`; not
 * `服务效率` or `绝大多数`.
 */
const QUANTITY_NAMED = /(?:时间|时长|数量|比例|比率|金额|满意度|[^效]率|[^少多]数)$/;

/** Starts with what is to be achieved. Examples: `保证…一致性`, `确保…`, `提升服务效率`, `不低于…`. */
const TARGET_STATED =
  /^(?:保证|保障|确保|达到|实现|完成|提升|提高|降低|减少|增加|满足|符合|维持|保持|优化|促进|推进|加强|不低于|不高于|不少于|不超过|按时|及时|有效)/;

/**
 * A value to check against the source:
 * - a placeholder: two or more X or × in a row (`XX%`, `xx次`, `××人`);
 * - a range whose lower end exceeds its upper (`35-20次`);
 * - a rate or satisfaction target above 100 (`292%` for `≥92%`, `210010` glued to its score), where the
 *   unit is % or the name says 率 / 满意度 / （%） and no other unit is given. Upper bounds (`≤120%`) are left
 *   alone: a cost may be capped above 100% of a reference.
 */
function suspicion(value: IndicatorValue, name: string): IssueDetails["reason"] | null {
  if (isPlaceholder(value.raw)) return "placeholder";
  if (value.op === "range" && value.value !== null && value.upper !== null && value.value > value.upper)
    return "reversed-range";
  if (value.op === "<" || value.op === "<=" || value.op === "text") return null;
  const top = value.op === "range" ? (value.upper ?? value.value) : value.value;
  if (top === null || top <= 100) return null;
  // Examples: 验收合格率（%）, 服务对象满意度, 覆盖率(%).
  const rateName = /率|满意度|[（(]\s*[%％]\s*[)）]/.test(name);
  const percent = value.unit === "%" || value.unit === "％";
  return percent || (value.unit === null && rateName) ? "over-100" : null;
}

/**
 * A suspicious value's facts: why, and for a rate above 100 what it probably was; inside a sentence
 * (`完成率达985%以上。`), which part is damaged (damaged-rates.ts).
 */
function suspiciousValue(
  value: IndicatorValue,
  name: string,
  field: "period" | "annual",
): IssueDetails | null {
  const reason = suspicion(value, name);
  if (reason === "over-100") {
    const top = value.op === "range" ? (value.upper ?? value.value) : value.value;
    const percent = value.unit === "%" || value.unit === "％";
    const probable =
      top === null ? null : probableRate(String(top), value.op === ">=" || value.op === ">", percent);
    // A value with its own comparison (`≥800%`) lost no sign: a digit too many or a glued score is left.
    const signed = value.op === ">=" || value.op === ">" || value.op === "<=" || value.op === "<";
    const details: IssueDetails = signed
      ? { field, text: value.raw, reason, signWritten: true }
      : { field, text: value.raw, reason };
    return probable === null ? details : { ...details, probable };
  }
  if (reason !== null) return { field, text: value.raw, reason };
  const damaged = damagedRateInText(value.raw, name);
  if (damaged === null) return null;
  const details: IssueDetails = { field, text: value.raw, reason: "over-100", fragment: damaged.fragment };
  return damaged.probable === null ? details : { ...details, probable: damaged.probable };
}

/** Examples: `XX%`, `xx次`, `××人`, `ＸＸ`. */
function isPlaceholder(raw: string): boolean {
  return /[XxＸｘ×]{2,}/.test(raw);
}

function isBlank(value: string | null): boolean {
  return value === null || value.trim() === "";
}

type MutableDetails = { -readonly [K in keyof IssueDetails]: IssueDetails[K] };

/* Details are built field by field, not with conditional spreads: one object shape (README, "Speed"). */

function projectDetails(project: Project): MutableDetails {
  const details: MutableDetails = { project: project.name };
  if (project.unit !== null) details.unit = project.unit;
  return details;
}

function indicatorDetails(project: Project, indicator: Indicator): IssueDetails {
  const details = projectDetails(project);
  if (indicator.seq !== null) details.seq = indicator.seq;
  if (indicator.name) details.indicator = indicator.name;
  if (indicator.level1) details.level1 = indicator.level1.written;
  if (indicator.level2) details.level2 = indicator.level2.written;
  return details;
}

/** A copy of the shared details with one finding's facts added after them. */
function withExtra(details: IssueDetails, extra: IssueDetails): IssueDetails {
  return Object.assign({}, details, extra);
}

function draft(
  rule: RuleId,
  cell: SheetCell,
  details: IssueDetails,
  subject: IssueSubject,
  severity?: Severity,
): IssueDraft {
  return makeIssue(rule, cell, details, { about: subject, severity });
}
