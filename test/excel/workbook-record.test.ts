/**
 * The run record from the add-in's side: a workbook the CLI normalized, opened in Excel and run again from the
 * pane, gets no `指标明细 (2)` and every CLI mark gives the clerk's fill back; the record the add-in leaves is the
 * CLI's format. And the fake host's names and custom XML parts behave as Excel's documentation says, failing
 * below the ExcelApi level that brings them.
 */
import { written } from "../../testing/written-workbook";
import { MARK_COLORS } from "../../src/core/plan/plan";
import { RECORD_NAMESPACE } from "../../src/workbook/run-record-format";
import { clearMarks, runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import { RUN_STATE_KEY } from "../../src/excel/run-state";
import { parseRecordPart } from "../../src/workbook/run-record";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInputBytes } from "../../src/xlsx/read-input";
import { clerkWorkbook, SOURCE_SHEET } from "../../testing/fake-excel/clerk-workbook";
import { FakeRequestContext, installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { fakeFromXlsx, xlsxFromFake } from "../../testing/fake-excel/workbook-file";
import { FakeWorkbook, type ApiLevel } from "../../testing/fake-excel/workbook-model";

jest.setTimeout(60_000);

async function cliNormalize(bytes: Uint8Array) {
  const input = await readInputBytes("book.xlsx", bytes, { codec: nodeZipCodec });
  return written(await normalizeInput(input, { locale: "zh-CN", codec: nodeZipCodec }));
}

function done(outcome: RunOutcome): Extract<RunOutcome, { kind: "done" }>["summary"] {
  if (outcome.kind !== "done") throw new Error(`run ended ${outcome.kind}`);
  return outcome.summary;
}

const markColors = Object.values(MARK_COLORS);

describe("a workbook the CLI normalized, run again in Excel", () => {
  test.each<ApiLevel>(["1.5", "1.9"])(
    "at %s: the CLI's sheets are replaced, its marks restored, and 清除标记 gives back every clerk's fill",
    async (level) => {
      const { model: original, marked } = clerkWorkbook(level);
      const cli = await cliNormalize(await xlsxFromFake(original));
      const model = installFakeOffice(await fakeFromXlsx(cli.bytes, level));
      // The CLI showed 校验结果: the add-in, run from there, analyses the sheet the record names as the source.
      expect(model.activeSheet.name).toBe("校验结果");
      const summary = done(await runNormalizer({ locale: "zh-CN" }));
      expect(summary.sourceSheet).toBe(SOURCE_SHEET);
      expect(model.sheets.map((s) => s.name)).toEqual([SOURCE_SHEET, "指标明细", "校验结果"]);
      expect(summary.marksLeftAlone).toBe(0);
      // The record is the add-in's now, in the CLI's format, one part, hidden names.
      expect(model.customXmlParts).toHaveLength(1);
      const part = parseRecordPart(model.customXmlParts[0]!.xml)!;
      expect(part.groups[0]!.marks.map((m) => m.cell)).toEqual(marked);
      expect(model.customXmlParts[0]!.xml).toContain('tool="addin"');
      expect(model.names.every((n) => !n.visible)).toBe(true);
      const cleared = await clearMarks();
      expect(cleared).toMatchObject({ restored: marked.length, leftAlone: 0 });
      for (const [cell, fill] of original.activeSheet.fills()) {
        const now = model.sheetByName(SOURCE_SHEET)!.fills().get(cell);
        // The file carries the tinted blue as a plain RGB colour here (ExcelJS writes a tint only on a theme
        // colour); below 1.9 Office.js sees no pattern either: the colour comes back, solid.
        const { tintAndShade: _tint, ...untinted } = fill;
        expect([cell, now]).toEqual([
          cell,
          level === "1.9" ? untinted : { color: fill.color, pattern: "Solid" },
        ]);
      }
      expect(model.customXmlParts).toEqual([]);
      expect(model.names.map((n) => n.name).sort()).toEqual([
        "IndicatorNormalizer.Checks",
        "IndicatorNormalizer.Detail",
        "IndicatorNormalizer.Source",
      ]);
    },
  );

  test("at 1.1 (Office 2016): no 指标明细 (2); the CLI's marks it cannot read stay, and the clerk is told how many", async () => {
    const { model: original, marked } = clerkWorkbook("1.1");
    const cli = await cliNormalize(await xlsxFromFake(original));
    const model = installFakeOffice(await fakeFromXlsx(cli.bytes, "1.1"));
    model.activeSheetId = model.sheetByName(SOURCE_SHEET)!.id;
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    expect(model.sheets.map((s) => s.name)).toEqual([SOURCE_SHEET, "指标明细", "校验结果"]);
    expect(summary.marksUnreadable).toBe(marked.length);
    // Nothing was written that the level does not have: the state went to the settings.
    expect(model.customXmlParts).toHaveLength(1);
    expect(JSON.parse(model.savedSettings)[RUN_STATE_KEY].sheets).toHaveLength(2);
  });

  test("a CLI mark over a theme colour comes back as no fill, counted (Office.js cannot set a theme colour)", async () => {
    const { model: original, marked } = clerkWorkbook("1.9");
    const cli = await cliNormalize(await xlsxFromFake(original));
    // The clerk's fill of the first marked cell as a theme colour in the CLI's record (no RGB to give back).
    const model = installFakeOffice(await fakeFromXlsx(cli.bytes, "1.9"));
    const part = model.customXmlParts[0]!;
    part.xml = part.xml.replace(
      new RegExp(`(<mark cell="${marked[0]}"[^>]*?) previousColor="#[0-9A-F]{6}"`),
      "$1",
    );
    model.activeSheetId = model.sheetByName(SOURCE_SHEET)!.id;
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    expect(summary.marksColourLost).toBe(1);
  });
});

describe("the record outlasts the session; worksheet ids do not", () => {
  test.each<ApiLevel>(["1.1", "1.9"])(
    "at %s: saved, reopened with the sheets moved, run again: the tool's sheets are replaced and no other",
    async (level) => {
      const { model } = clerkWorkbook(level);
      installFakeOffice(model);
      done(await runNormalizer({ locale: "zh-CN" }));
      // The clerk adds a sheet in front and comes back another day: Excel numbers the sheets anew.
      const notes = model.addSheet("备注");
      notes.putGrid([["请勿删除"]]);
      model.sheets = [notes, ...model.sheets.filter((s) => s !== notes)];
      model.reopen();
      installFakeOffice(model);
      model.activeSheetId = model.sheetByName(SOURCE_SHEET)!.id;
      done(await runNormalizer({ locale: "zh-CN" }));
      expect(model.sheets.map((s) => s.name)).toEqual(["备注", SOURCE_SHEET, "指标明细", "校验结果"]);
      expect(model.sheetByName("备注")!.valuesOf({ top: 1, left: 1, bottom: 1, right: 1 })).toEqual([
        ["请勿删除"],
      ]);
      const cleared = await clearMarks();
      expect(cleared!.leftAlone).toBe(0);
      const marks = [...model.sheetByName(SOURCE_SHEET)!.fills().values()].filter(
        (f) => markColors.includes(f.color) && f.color !== "#FFC7CE",
      );
      expect(marks).toEqual([]);
    },
  );
});

describe("the fake's workbook.names, as Excel's", () => {
  async function failsWith(model: FakeWorkbook, queue: (ctx: FakeRequestContext) => void): Promise<string> {
    const ctx = new FakeRequestContext(model);
    queue(ctx);
    return ctx.sync().then(
      () => "ok",
      (error: { code: string }) => error.code,
    );
  }

  test("reading is 1.1; add, delete and getItemOrNullObject are 1.4; formula is 1.7", async () => {
    const model = new FakeWorkbook("1.1");
    expect(await failsWith(model, (ctx) => ctx.workbook.names.load("items/name,items/value"))).toBe("ok");
    expect(await failsWith(model, (ctx) => ctx.workbook.names.add("A_b", "=Sheet1!$A$1"))).toBe(
      "ApiNotFound",
    );
    expect(await failsWith(model, (ctx) => ctx.workbook.names.getItemOrNullObject("x").load("name"))).toBe(
      "ApiNotFound",
    );
    model.apiLevel = "1.4";
    expect(await failsWith(model, (ctx) => ctx.workbook.names.add("A_b", "=Sheet1!$A$1"))).toBe("ok");
    expect(await failsWith(model, (ctx) => ctx.workbook.names.load("items/formula"))).toBe("ApiNotFound");
    expect(await failsWith(model, (ctx) => ctx.workbook.names.getItem("a_B").delete())).toBe("ok");
    expect(model.names).toEqual([]);
  });

  test("names are checked as Excel checks them, and a taken name is refused", async () => {
    const model = new FakeWorkbook("1.9");
    for (const bad of ["A1", "R1C1", "has space", "1st", "x".repeat(256)])
      expect([bad, await failsWith(model, (ctx) => ctx.workbook.names.add(bad, "=Sheet1!$A$1"))]).toEqual([
        bad,
        "InvalidArgument",
      ]);
    expect(
      await failsWith(model, (ctx) => ctx.workbook.names.add("IndicatorNormalizer.Cells.1", "=Sheet1!$A$1")),
    ).toBe("ok");
    expect(
      await failsWith(model, (ctx) => ctx.workbook.names.add("indicatornormalizer.cells.1", "=Sheet1!$B$1")),
    ).toBe("ItemAlreadyExists");
    expect(
      await failsWith(model, (ctx) =>
        ctx.workbook.names.add("Long", `=${"Sheet1!$A$1,".repeat(700)}Sheet1!$A$1`),
      ),
    ).toBe("InvalidArgument");
  });

  test("a name moves with its cells, follows its sheet's new name, and reads #REF! once its rows or sheet are gone", async () => {
    const model = new FakeWorkbook("1.9");
    const other = model.addSheet("目标 表");
    const ctx = new FakeRequestContext(model);
    ctx.workbook.names.add("Cells.1", "='目标 表'!$G$20,'目标 表'!$G$30").visible = false;
    ctx.workbook.names.add("Sheet", ctx.workbook.worksheets.getItem("Sheet1").getRange("A1"));
    await ctx.sync();
    other.shiftRows(5, 2);
    other.shiftRows(30, -3);
    other.name = "源表";
    const name = model.nameByName("Cells.1")!;
    expect(model.nameFormula(name)).toBe("=源表!$G$22,源表!#REF!");
    expect(name.visible).toBe(false);
    const context = new FakeRequestContext(model);
    const items = context.workbook.names;
    items.load("items/name,items/type,items/value,items/formula");
    const range = context.workbook.names.getItem("Sheet").getRange();
    range.load("address");
    await context.sync();
    expect(items.items.map((i) => [i.name, i.type, i.value])).toEqual([
      ["Cells.1", "Error", "#REF!"],
      ["Sheet", "Range", "=Sheet1!$A$1"],
    ]);
    expect(range.address).toBe("Sheet1!A1");
    // A Range is one area: getRange on several fails, as the reference says for a name that is not a range.
    expect(
      await failsWith(model, (c) => c.workbook.names.getItem("Cells.1").getRange().load("address")),
    ).toBe("InvalidArgument");
    const deleting = new FakeRequestContext(model);
    deleting.workbook.worksheets.getItem("Sheet1").delete();
    await deleting.sync();
    expect(model.nameFormula(model.nameByName("Sheet")!)).toBe("=#REF!$A$1");
  });
});

describe("the fake's workbook.customXmlParts, as Excel's", () => {
  const xml = `<run xmlns="${RECORD_NAMESPACE}" version="1"><marks sheet="s"/></run>`;

  test("is ExcelApi 1.5: below, every use fails with ApiNotFound", async () => {
    const model = new FakeWorkbook("1.4");
    const ctx = new FakeRequestContext(model);
    ctx.workbook.customXmlParts.add(xml);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    const reading = new FakeRequestContext(model);
    reading.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE).load("items/id");
    await expect(reading.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("add takes well-formed XML only; getByNamespace needs a namespace; getXml answers after the sync", async () => {
    const model = new FakeWorkbook("1.5");
    const bad = new FakeRequestContext(model);
    bad.workbook.customXmlParts.add("<run><mark></run>");
    await expect(bad.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const empty = new FakeRequestContext(model);
    empty.workbook.customXmlParts.getByNamespace("").load("items/id");
    await expect(empty.sync()).rejects.toMatchObject({ code: "InvalidArgument" });

    const ctx = new FakeRequestContext(model);
    ctx.workbook.customXmlParts.add(xml);
    ctx.workbook.customXmlParts.add("<other/>");
    await ctx.sync();
    expect(model.customXmlParts.map((p) => p.namespaceUri)).toEqual([RECORD_NAMESPACE, ""]);
    const context = new FakeRequestContext(model);
    const parts = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
    parts.load("items/id");
    const only = parts.getOnlyItem().getXml();
    /* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read -- a ClientResult
       has no load, and reading it before the sync is what this test checks fails */
    expect(() => only.value).toThrow(/not been loaded/);
    await context.sync();
    expect(parts.items).toHaveLength(1);
    // The content, not the bytes: a reader has to parse it.
    expect(only.value).toMatch(/^<\?xml[^>]*\?>\s*<run /);
    expect(parseRecordPart(only.value)).toMatchObject({ groups: [{ sheet: "s", marks: [] }] });
    /* eslint-enable office-addins/load-object-before-read, office-addins/call-sync-before-read */
    const deleting = new FakeRequestContext(model);
    deleting.workbook.customXmlParts.getItem(parts.items[0]!.id).delete();
    await deleting.sync();
    const none = new FakeRequestContext(model);
    none.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE).getOnlyItem().load("id");
    await expect(none.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("a part that is not a record is not read as one", () => {
    expect(parseRecordPart("<run><mark cell='A1'/>")).toBeNull();
    expect(parseRecordPart(`<run xmlns="urn:other"><marks/></run>`)).toBeNull();
    expect(
      parseRecordPart(`<run xmlns="${RECORD_NAMESPACE}"><marks sheet="s"><mark cell="A1"/></marks>`),
    ).toBeNull();
  });
});
