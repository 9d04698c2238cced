/**
 * Document settings as strict as Excel keeps them: what the add-in set but never saved (saveAsync), and what it
 * saved into a workbook the clerk then closed without saving, are gone when the file is opened again. The add-in
 * must find its way from whatever the file holds.
 */
import { clearMarks, runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import { RUN_LOCK_KEY, RUN_STATE_KEY } from "../../src/excel/run-state";
import { createFakeOffice, installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type ApiLevel } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";

jest.setTimeout(60_000);

function done(outcome: RunOutcome): Extract<RunOutcome, { kind: "done" }>["summary"] {
  if (outcome.kind !== "done") throw new Error(`run ended ${outcome.kind}`);
  return outcome.summary;
}

/** The clerk's table, saved to disk. */
function savedClerkWorkbook(level: ApiLevel): FakeWorkbook {
  const model = new FakeWorkbook(level);
  model.activeSheet.putGrid(loadSampleGrid());
  model.save();
  return model;
}

interface Settings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: () => void): void;
}
const settingsOf = (model: FakeWorkbook) =>
  (createFakeOffice(model).Office as { context: { document: { settings: Settings } } }).context.document
    .settings;
const saved = (settings: Settings) => new Promise<void>((resolve) => settings.saveAsync(() => resolve()));

describe("the fake's document settings across a reopen", () => {
  test("kept when saved into the document and the workbook saved; lost when either was not", async () => {
    const model = savedClerkWorkbook("1.9");
    const settings = settingsOf(model);
    settings.set("kept", 1);
    await saved(settings);
    settings.set("never-saved", 2);
    model.reopen();
    expect(settingsOf(model).get("kept")).toBe(1);
    expect(settingsOf(model).get("never-saved")).toBeNull();

    const again = settingsOf(model);
    again.set("unsaved-workbook", 3);
    await saved(again);
    model.activeSheet.putGrid([["改过的"]]);
    model.reopen({ saved: false });
    expect(settingsOf(model).get("unsaved-workbook")).toBeNull();
    expect(settingsOf(model).get("kept")).toBe(1);
    expect(model.activeSheet.valuesOf({ top: 1, left: 1, bottom: 1, right: 1 })).toEqual([[""]]);
  });
});

describe.each<ApiLevel>(["1.1", "1.9"])("the add-in at %s", (level) => {
  test("a run in a workbook closed without saving leaves nothing: the next opening runs as the first did", async () => {
    const model = installFakeOffice(savedClerkWorkbook(level));
    const first = done(await runNormalizer({ locale: "zh-CN" }));
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
    model.reopen({ saved: false });
    installFakeOffice(model);
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(settingsOf(model).get(RUN_STATE_KEY)).toBeNull();
    const second = done(await runNormalizer({ locale: "zh-CN" }));
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
    expect(second.issues.map((i) => i.cell)).toEqual(first.issues.map((i) => i.cell));
    expect(second.marksLeftAlone).toBe(0);
  });

  test("a run saved, run again and closed without saving: the saved run's sheets are replaced, its marks given back", async () => {
    const model = installFakeOffice(savedClerkWorkbook(level));
    const clean = model.activeSheet.contentSnapshot();
    const fills = model.activeSheet.fills();
    done(await runNormalizer({ locale: "zh-CN" }));
    model.reopen();
    installFakeOffice(model);
    model.activeSheetId = model.sheetByName("Sheet1")!.id;
    // A second run, then the clerk closes without saving it: its settings are not in the file.
    done(await runNormalizer({ locale: "zh-CN" }));
    model.reopen({ saved: false });
    installFakeOffice(model);
    model.activeSheetId = model.sheetByName("Sheet1")!.id;
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
    done(await runNormalizer({ locale: "zh-CN" }));
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
    // No run lock is left in the file by a run that finished.
    expect(settingsOf(model).get(RUN_LOCK_KEY)).toBeNull();
    expect(await clearMarks()).toMatchObject({ leftAlone: 0 });
    expect(model.sheetByName("Sheet1")!.contentSnapshot()).toBe(clean);
    expect(model.sheetByName("Sheet1")!.fills()).toEqual(fills);
  });
});
