/**
 * The ET applier on what only WPS does: builds whose members drift between property and method, builds without
 * tables, frozen panes or links, error cells that read back as numbers, the order of "@" and values, patterned
 * fills restored exactly, a record the CLI wrote, and how many calls a run makes.
 */
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { analyzeTable } from "../../src/core/analyze-table";
import { cellAddress } from "../../src/core/model/cell-address";
import { buildPlan } from "../../src/core/plan/build-plan";
import { needsTextGuard } from "../../src/core/plan/text-guard";
import { hexToBgr } from "../../src/wps/et-facade";
import { escapeXmlText } from "../../src/workbook/xml-text";
import { etRecordXml, marksStore } from "../../src/wps/et-record";
import { clearMarksEt, runNormalizerEt, selectCellEt, type EtRunOutcome } from "../../src/wps/run-et";
import { DEFAULT_LIMITS } from "../../src/xlsx/package-limits";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInput } from "../../src/xlsx/read-input";
import { readRunRecord, recordXml } from "../../src/xlsx/run-record";
import { openPackage } from "../../src/xlsx/xlsx-package";
import { fflateCodec } from "../../src/xlsx/zip-codec";
import { etView } from "../../testing/fake-et/compare-workbooks";
import { EtBookModel } from "../../testing/fake-et/et-model";
import { fakeEtApplication } from "../../testing/fake-et/fake-et";
import { loadSampleGrid, SAMPLE_PATH } from "../../testing/sample";
import { withPart } from "../xlsx/package-helpers";

function setUp(configure: (model: EtBookModel) => void = () => undefined) {
  const model = new EtBookModel();
  configure(model);
  model.activeSheet.putGrid(loadSampleGrid());
  return fakeEtApplication(model);
}

function done(outcome: EtRunOutcome) {
  if (outcome.kind !== "done") throw new Error(`run ended ${outcome.kind}`);
  return outcome;
}

test("text Excel would reinterpret is stored as text: the number formats go on before the values", () => {
  const { app, model } = setUp();
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  const plan = buildPlan(analyzeTable(loadSampleGrid()), {
    sourceSheet: "Sheet1",
    locale: "zh-CN",
    avoidSheetNames: ["Sheet1"],
  });
  const detail = model.sheetByName("指标明细")!;
  let guarded = 0;
  plan.sheets[0]!.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const text = typeof cell === "string" ? cell : cell && typeof cell === "object" ? cell.text : null;
      const stored = detail.cell(r + 2, c + 1);
      if (text === null) return;
      if (needsTextGuard(text)) guarded++;
      expect({ at: [r + 2, c + 1], value: stored?.value, formula: stored?.formula }).toEqual({
        at: [r + 2, c + 1],
        value: text,
        formula: undefined,
      });
    }),
  );
  expect(guarded).toBeGreaterThan(0);
});

test("a build with the drifting members as methods gives the same workbook as one with properties", () => {
  const asProperties = setUp();
  const asMethods = setUp((m) => (m.drift = "method"));
  done(runNormalizerEt(asProperties.app, { locale: "zh-CN" }));
  done(runNormalizerEt(asMethods.app, { locale: "zh-CN" }));
  expect(etView(asMethods.model)).toEqual(etView(asProperties.model));
  expect(clearMarksEt(asMethods.app)).toEqual({ restored: 4, leftAlone: 0, colourLost: 0, unreadable: 0 });
});

test("a build without tables, frozen panes or links: the run goes on, the values are there, and it says what it skipped", () => {
  const { app, model } = setUp(
    (m) => (m.features = { ...m.features, tables: false, freeze: false, links: false }),
  );
  const outcome = done(runNormalizerEt(app, { locale: "zh-CN" }));
  expect(outcome.skipped).toEqual(["table", "freeze", "links"]);
  const detail = model.sheetByName("指标明细")!;
  expect(detail.usedRect()!.bottom).toBe(133);
  expect(detail.lists).toEqual([]);
  // The header still has its filter buttons, through the plain AutoFilter.
  expect(detail.autoFilter).toEqual({ top: 1, left: 1, bottom: 133, right: detail.autoFilter!.right });
  expect(detail.autoFilter!.right).toBeGreaterThan(5);
  expect(detail.frozenRows).toBe(0);
  expect([...detail.cells.values()].some((c) => c.link)).toBe(false);
  expect(model.sheetByName("Sheet1")!.fills().size).toBe(4);
});

test("a build without custom XML keeps the marks list in hidden names: the next session reads it back", () => {
  const { app, model, fake } = setUp((m) => (m.features = { ...m.features, customXml: false }));
  const outcome = done(runNormalizerEt(app, { locale: "zh-CN" }));
  expect(outcome.skipped).toEqual([]);
  expect(model.parts).toEqual([]);
  expect(fake.storage.size).toBe(0);
  const kept = model.names.filter((n) => n.name.startsWith("IndicatorNormalizer.Part."));
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.every((n) => !n.visible && n.refersTo.startsWith('="'))).toBe(true);
  // WPS closed and opened again: the session's storage is gone, the names are in the file.
  const reopened = fakeEtApplication(model);
  expect(clearMarksEt(reopened.app)).toEqual({ restored: 4, leftAlone: 0, colourLost: 0, unreadable: 0 });
  expect(model.names.some((n) => n.name.startsWith("IndicatorNormalizer.Part."))).toBe(false);
  expect(model.sheetByName("Sheet1")!.fills().size).toBe(0);
});

test("a build that refuses such names keeps the list for the session (the pane says to clear before closing)", () => {
  // A workbook of a build without custom XML whose Names.Add refuses the part's names (the Cells names go in).
  const names: { name: string; refersTo: string }[] = [];
  const book = {
    Name: "工作簿1.et",
    get CustomXMLParts(): never {
      throw new Error("CustomXMLParts is not available in this build");
    },
    Names: {
      get Count() {
        return names.length;
      },
      Item: (i: number) => ({
        Name: names[i - 1]!.name,
        RefersTo: names[i - 1]!.refersTo,
        Delete: () => undefined,
      }),
      Add: (name: string, refersTo: string) => {
        if (name.startsWith("IndicatorNormalizer.Part.")) throw new Error("formula too long");
        names.push({ name, refersTo });
        return { Visible: true };
      },
    },
  } as unknown as Et.Workbook;
  const session = new Map<string, string>();
  const storage = {
    getItem: (k: string) => session.get(k) ?? null,
    setItem: (k: string, v: string) => void session.set(k, v),
    removeItem: (k: string) => void session.delete(k),
  } as unknown as WPS.PluginStorage;
  const store = marksStore(book, storage);
  store.write(
    etRecordXml("Sheet1", [
      {
        cell: "G25",
        severity: "error",
        previousPattern: "none",
        previousColor: null,
        previousBackground: null,
      },
    ]),
  );
  expect(store.lasting).toBe(false);
  expect(names).toEqual([]);
  expect(store.read()[0]).toContain('<mark cell="G25"');
  store.write(null);
  expect(session.size).toBe(0);
});

test("an error cell (Value2 a number) is analysed as its error text, as Office.js hands it to the Excel shell", () => {
  const grid = loadSampleGrid();
  const row = grid.findIndex((r) => r[0] === "合计");
  const { app, model } = setUp();
  const cell = model.activeSheet.cell(row + 1, 2)!;
  cell.value = "";
  cell.error = "#DIV/0!";
  // A real amount equal to an error code stays a number.
  model.activeSheet.touch(row + 1, 9).value = 2007;
  const outcome = done(runNormalizerEt(app, { locale: "zh-CN" }));
  const withError = grid.map((r) => [...r]);
  withError[row]![1] = "#DIV/0!";
  withError[row]![8] = 2007;
  const expected = analyzeTable(withError);
  expect(outcome.summary.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual(
    expected.issues.map((i) => `${i.rule}@${i.cell}`),
  );
  expect(outcome.summary.issues.some((i) => i.cell === `B${row + 1}`)).toBe(true);
});

test("a patterned fill under a mark comes back exactly: pattern, its colour, the colour under it", () => {
  const { app, model } = setUp();
  const patterned = { pattern: -4125, color: hexToBgr("#DDEBF7"), patternColor: hexToBgr("#1F4E78") };
  model.activeSheet.touch(25, 7).fill = patterned;
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  // A solid mark (the pattern colour left from before does not show under a solid fill).
  expect(model.sheetByName("Sheet1")!.cell(25, 7)!.fill).toMatchObject({
    pattern: 1,
    color: hexToBgr("#FFC7CE"),
  });
  expect(model.parts[0]!.xml).toContain(
    'cell="G25" severity="error" previousPattern="mediumGray" previousColor="#1F4E78" previousBackground="#DDEBF7"',
  );
  clearMarksEt(app);
  expect(model.sheetByName("Sheet1")!.cell(25, 7)!.fill).toEqual(patterned);
});

test("no table on the sheet: nothing is added or marked, and the pane is told what was looked for", () => {
  const model = new EtBookModel();
  model.activeSheet.putGrid([
    ["会议纪要", "2024年"],
    ["参会人员", "张三"],
  ]);
  const { app } = fakeEtApplication(model);
  const outcome = runNormalizerEt(app, { locale: "zh-CN" });
  expect(outcome).toMatchObject({ kind: "no-table", sheet: "Sheet1" });
  expect(outcome.kind === "no-table" ? outcome.lookedFor : "").toMatch(/^没有找到项目支出绩效目标表/);
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  expect(model.parts).toEqual([]);
});

test("the cell to change red, the totals it upsets light blue: 清除标记 gives both their fills back", () => {
  const model = new EtBookModel();
  const grid = loadSampleGrid();
  grid[11]![2] = "17.00"; // C12: 财政拨款 of 公务用车购置费, lowered
  model.activeSheet.putGrid(grid);
  const { app } = fakeEtApplication(model);
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  const fill = (r: number, c: number) => model.sheetByName("Sheet1")!.cell(r, c)?.fill?.color;
  expect([fill(12, 3), fill(12, 2), fill(11, 3)]).toEqual(
    ["#FFC7CE", "#DDEBF7", "#DDEBF7"].map((hex) => hexToBgr(hex)),
  );
  expect(model.parts[0]!.xml).toContain('cell="B12" severity="consequence"');
  const cleared = clearMarksEt(app);
  expect([fill(12, 3), fill(12, 2), fill(11, 3)]).toEqual([undefined, undefined, undefined]);
  expect(cleared).toMatchObject({ leftAlone: 0 }); // the light blue ones too: the record reads them back as consequences
});

test("a workbook the CLI marked: the ET run restores the CLI's marks and replaces its sheets", () => {
  const { app, model } = setUp();
  const source = model.activeSheet;
  // What the CLI leaves (docs/marks-record.md): its sheets, the names, the record, and the marks on the source.
  model.addSheet("指标明细").putGrid([["旧的明细"]]);
  model.addSheet("校验结果").putGrid([["旧的结果"]]);
  model.names.push(
    { name: "IndicatorNormalizer.Detail", refersTo: "='指标明细'!$A$1", visible: false },
    { name: "IndicatorNormalizer.Checks", refersTo: "='校验结果'!$A$1", visible: false },
    { name: "IndicatorNormalizer.Source", refersTo: "='Sheet1'!$A$1", visible: false },
  );
  const solidBlue =
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>';
  const theme = '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.8"/></patternFill></fill>';
  model.addPart(
    recordXml([
      {
        sheet: "Sheet1",
        marks: [
          { cell: "B12", severity: "error", style: 9, previousStyle: 3, previousFill: solidBlue },
          { cell: "C12", severity: "warning", style: 10, previousStyle: 0, previousFill: null },
          { cell: "D12", severity: "error", style: 11, previousStyle: 4, previousFill: theme },
        ],
      },
    ]),
  );
  source.touch(12, 2).fill = { pattern: 1, color: hexToBgr("#FFC7CE"), patternColor: 0 };
  source.touch(12, 3).fill = { pattern: 1, color: hexToBgr("#FFEB9C"), patternColor: 0 };
  source.touch(12, 4).fill = { pattern: 1, color: hexToBgr("#FFC7CE"), patternColor: 0 };
  const outcome = done(runNormalizerEt(app, { locale: "zh-CN" }));
  expect(outcome.summary.marksLeftAlone).toBe(0);
  // The theme colour could not be given back: the pane says so, as the Excel add-in's does.
  expect(outcome.summary.marksColourLost).toBe(1);
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
  expect(model.sheetByName("指标明细")!.cell(1, 1)!.value).not.toBe("旧的明细");
  // The CLI's solid blue comes back; no fill stays none; a theme colour ET cannot name is cleared, not left red.
  expect(source.cell(12, 2)!.fill).toEqual({ pattern: 1, color: hexToBgr("#DDEBF7"), patternColor: 0 });
  expect(source.cell(12, 3)?.fill).toBeUndefined();
  expect(source.cell(12, 4)?.fill).toBeUndefined();
  expect(model.parts).toHaveLength(1);
  expect(model.parts[0]!.xml).toContain('tool="addin"');
});

test("marks moved by inserted rows are followed through the Cells names; a tint an Excel run recorded comes back", () => {
  const { app, model } = setUp();
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  const cells = model.names.find((n) => n.name === "IndicatorNormalizer.Cells.1")!;
  expect(cells.refersTo).toBe("='Sheet1'!$G$20,'Sheet1'!$G$22,'Sheet1'!$G$25,'Sheet1'!$F$34");
  // The clerk inserts two rows above row 20: Excel and WPS move the names' references with the cells.
  const sheet = model.sheetByName("Sheet1")!;
  const moved = new Map<number, typeof sheet.cells extends Map<number, infer C> ? C : never>();
  for (const [key, cell] of sheet.cells) {
    const row = Math.floor(key / 16384) + 1;
    moved.set(row >= 20 ? key + 2 * 16384 : key, cell);
  }
  sheet.cells.clear();
  for (const [key, cell] of moved) sheet.cells.set(key, cell);
  cells.refersTo = "='Sheet1'!$G$22,'Sheet1'!$G$24,'Sheet1'!$G$27,'Sheet1'!$F$36";
  // An Excel run had recorded a tinted fill for the first mark.
  const part = model.parts[0]!;
  model.parts = [
    {
      id: part.id,
      xml: part.xml.replace(
        'cell="G20" severity="warning" previousPattern="none"',
        'cell="G20" severity="warning" previousPattern="solid" previousColor="#DDEBF7" previousTint="0.4"',
      ),
    },
  ];
  expect(clearMarksEt(app)).toEqual({ restored: 4, leftAlone: 0, colourLost: 0, unreadable: 0 });
  expect([...sheet.fills()]).toEqual([
    ["G22", { pattern: 1, color: hexToBgr("#DDEBF7"), patternColor: 0, tint: 0.4 }],
  ]);
  expect(model.names.map((n) => n.name)).toEqual([
    "IndicatorNormalizer.Detail",
    "IndicatorNormalizer.Checks",
    "IndicatorNormalizer.Source",
  ]);
});

test("the record the ET run writes is the contract's: the CLI's reader finds every mark and its previous fill", async () => {
  const { app, model } = setUp();
  model.activeSheet.touch(20, 7).fill = { pattern: 1, color: hexToBgr("#DDEBF7"), patternColor: 0 };
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  const xml = model.parts[0]!.xml;
  expect(xml).toContain(
    '<run xmlns="urn:indicator-normalizer:run:1" version="1" tool="addin" part="1"><marks sheet="Sheet1">',
  );
  // The CLI's own output for the sample, with its record part replaced by the one ET wrote: the CLI reads it.
  const cli = await normalizeInput(await readInput(SAMPLE_PATH), { locale: "zh-CN", codec: fflateCodec });
  const bytes = withPart(cli.bytes!, "customXml/item1.xml", () => xml);
  const record = readRunRecord(openPackage("et.xlsx", bytes, fflateCodec, DEFAULT_LIMITS));
  expect(record.marked).toHaveLength(1);
  expect(record.marked[0]!.marks.map((m) => [m.cell, m.severity, m.previousFill])).toEqual([
    [
      "G20",
      "warning",
      '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>',
    ],
    ["G22", "warning", '<fill><patternFill patternType="none"/></fill>'],
    ["G25", "error", '<fill><patternFill patternType="none"/></fill>'],
    ["F34", "error", '<fill><patternFill patternType="none"/></fill>'],
  ]);
});

test("a record WPS kept in names (no custom XML) is read by the CLI as its part", async () => {
  const { app, model } = setUp((m) => (m.features = { ...m.features, customXml: false }));
  model.activeSheet.touch(20, 7).fill = { pattern: 1, color: hexToBgr("#DDEBF7"), patternColor: 0 };
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  const kept = model.names.filter((n) => n.name.startsWith("IndicatorNormalizer.Part."));
  // The CLI's own output for the sample, its part made not a record and WPS's names added beside its own.
  const cli = await normalizeInput(await readInput(SAMPLE_PATH), { locale: "zh-CN", codec: fflateCodec });
  const noPart = withPart(cli.bytes!, "customXml/item1.xml", () => "<other/>");
  const bytes = withPart(noPart, "xl/workbook.xml", (xml) =>
    xml.replace(
      "</definedNames>",
      kept
        .map(
          (n) =>
            `<definedName name="${n.name}" hidden="1">${escapeXmlText(n.refersTo.slice(1))}</definedName>`,
        )
        .join("") + "</definedNames>",
    ),
  );
  const record = readRunRecord(openPackage("et.xlsx", bytes, fflateCodec, DEFAULT_LIMITS));
  expect(record.marked[0]!.marks.map((m) => [m.cell, m.severity])).toEqual([
    ["G20", "warning"],
    ["G22", "warning"],
    ["G25", "error"],
    ["F34", "error"],
  ]);
});

test("select an issue's cell: its sheet is shown and the cell selected", () => {
  const { app, model } = setUp();
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  expect(model.activeSheet.name).toBe("校验结果");
  selectCellEt(app, "Sheet1", "G25");
  expect(model.activeSheet.name).toBe("Sheet1");
  expect(model.activeSheet.selection).toEqual([{ top: 25, left: 7, bottom: 25, right: 7 }]);
});

test("calls into ET grow with the links and marks, not with the cells: a block of rows per Value2", () => {
  const grid = buildSyntheticGrid(loadSampleGrid(), 2_000);
  const model = new EtBookModel();
  model.activeSheet.putGrid(grid);
  const { app } = fakeEtApplication(model);
  const outcome = done(runNormalizerEt(app, { locale: "zh-CN" }));
  const indicators = outcome.summary.indicators;
  expect(indicators).toBeGreaterThan(13_000);
  const cells = 14 * indicators;
  // Two calls per link (the anchor and the Add; the collection is read once), a few per issue and mark, a
  // constant few per sheet: the sample made about 700 calls, now about 570; 10,000 projects 168,000 (was 244,000).
  expect(model.calls).toBeLessThan(2.5 * (indicators + outcome.summary.issues.length) + 500);
  expect(model.calls).toBeLessThan(cells / 3);
  expect(model.sheetByName("指标明细")!.usedRect()!.bottom).toBe(indicators + 1);
});

test("the printed setup is there: landscape A4, one page wide, header on every page, name and page in the footer", () => {
  const { app, model } = setUp();
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  for (const name of ["指标明细", "校验结果"]) {
    const sheet = model.sheetByName(name)!;
    expect(sheet.pageSetup).toEqual({
      orientation: 2,
      paperSize: 9,
      // Zoom False hands the scale to FitToPages: one page wide, as many tall as the rows need.
      zoom: false,
      fitToPagesWide: 1,
      fitToPagesTall: false,
      printTitleRows: "$1:$1",
      leftFooter: "&A",
      centerFooter: "",
      rightFooter: "第 &P 页，共 &N 页",
    });
    expect(sheet.cell(1, 1)!.bold).toBe(true);
    // Every data row fitted to its wrapped text.
    const used = sheet.usedRect()!;
    expect(sheet.autofitRows).toEqual([`A2:${cellAddress(used.bottom, used.right)}`]);
  }
  // The clerk's own sheet prints as it did.
  expect(model.sheetByName("Sheet1")!.pageSetup.orientation).toBe(1);
});

test("a printer without A4 refuses the paper: the rest of the print setup stands, and nothing is reported missing", () => {
  const { app, model } = setUp((m) => (m.printerHasA4 = false));
  const outcome = done(runNormalizerEt(app, { locale: "zh-CN" }));
  expect(outcome.skipped).toEqual([]);
  const setup = model.sheetByName("指标明细")!.pageSetup;
  expect(setup).toMatchObject({ orientation: 2, zoom: false, fitToPagesWide: 1, printTitleRows: "$1:$1" });
  expect(setup.paperSize).not.toBe(9);
});

test("a re-run removes the tool's notes (its own and the command line's) and keeps the clerk's", () => {
  const { app, model } = setUp();
  const source = model.activeSheet;
  // The clerk's note on a cell the run marks, one on a cell it does not, and a note the CLI left on G20.
  source.touch(25, 7).comment = { text: "请核对（财务科）", author: "张会计" };
  source.touch(3, 1).comment = { text: "表头", author: "张会计" };
  source.touch(20, 7).comment = { text: "旧的说明", author: "绩效指标规范化" };
  const first = done(runNormalizerEt(app, { locale: "zh-CN" }));
  expect(first.summary.commentsSkipped).toBe(1);
  const notes = () => Object.fromEntries(source.comments().map(([at, c]) => [at, c.text]));
  const once = notes();
  expect(once.G25).toBe("请核对（财务科）");
  expect(once.A3).toBe("表头");
  expect(once.G20).toMatch(/^【绩效指标规范化】/);
  expect(once.F34).toMatch(/^【绩效指标规范化】/);
  expect(source.cell(34, 6)!.comment!.author).toBe(model.userName);
  done(runNormalizerEt(app, { locale: "zh-CN" }));
  expect(notes()).toEqual(once);
  clearMarksEt(app);
  expect(notes()).toEqual({ G25: "请核对（财务科）", A3: "表头" });
});

test("a build without notes or print setup: the run goes on and says what it left out", () => {
  const { app, model } = setUp((m) => (m.features = { ...m.features, comments: false, pageSetup: false }));
  const outcome = done(runNormalizerEt(app, { locale: "zh-CN" }));
  expect(outcome.skipped).toEqual(["print", "notes"]);
  expect(model.sheetByName("Sheet1")!.fills().size).toBe(4);
  expect(model.sheetByName("指标明细")!.usedRect()!.bottom).toBe(133);
  expect(clearMarksEt(app)).toEqual({ restored: 4, leftAlone: 0, colourLost: 0, unreadable: 0 });
});

describe("the ET calls are batched: values in blocks of rows, one link costs two calls, the rest is per block", () => {
  test.each([true, false])(
    "at 500 projects (links in this build: %s) the calls stay within the bound",
    (links) => {
      const grid = buildSyntheticGrid(loadSampleGrid(), 500);
      const { app, model } = fakeEtApplication(new EtBookModel("Sheet1"));
      model.features.links = links;
      model.activeSheet.putGrid(grid);
      expect(runNormalizerEt(app, { locale: "zh-CN" }).kind).toBe("done");
      const plan = buildPlan(analyzeTable(grid), { sourceSheet: "Sheet1", locale: "zh-CN" });
      const rows = plan.sheets.reduce((n, s) => n + s.rows.length, 0);
      const linked = plan.sheets.reduce(
        (n, s) =>
          n + s.rows.reduce((m, row) => m + row.filter((c) => c !== null && typeof c === "object").length, 0),
        0,
      );
      // Measured: 0.26 calls a row without links, and 2 more per link (npm run bench figures in the report).
      const bound = (links ? 2 * linked : 0) + 0.3 * rows + 5 * plan.notes.length + 300;
      expect(model.calls).toBeLessThanOrEqual(bound);
      // Per-cell writes would cost at least one call a cell: far over.
      expect(model.calls).toBeLessThan(rows * plan.sheets[0]!.columns.length);
    },
  );
});
