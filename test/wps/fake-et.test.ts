/**
 * The fake ET host is only worth its strictness: each behaviour the applier relies on (testing/fake-et/fake-et.ts
 * names the source of each) is shown here, so a fake that drifted towards leniency fails.
 */
import { bgrToHex, hexToBgr, readMember } from "../../src/wps/et-facade";
import { EtBookModel } from "../../testing/fake-et/et-model";
import { fakeEtApplication, type FakeEtApplication } from "../../testing/fake-et/fake-et";

/** The fake as the applier types it is Et.*; here its own classes are used directly. */
function setUp(drift: "property" | "method" = "property") {
  const model = new EtBookModel();
  model.drift = drift;
  const { fake } = fakeEtApplication(model);
  return { model, fake: fake as FakeEtApplication };
}

test("collections are 1-based: Item(1) is the first sheet, Item(0) and Item(Count + 1) fail", () => {
  const { fake, model } = setUp();
  model.addSheet("第二");
  const sheets = fake.ActiveWorkbook.Worksheets;
  expect(readMember(sheets.Item(1), "Name")).toBe("Sheet1");
  expect(readMember(sheets.Item(2), "Name")).toBe("第二");
  expect(() => sheets.Item(0)).toThrow(/no such sheet/);
  expect(() => sheets.Item(3)).toThrow(/no such sheet/);
  expect(readMember(sheets.Item("sheet1"), "Name")).toBe("Sheet1");
});

test("Value2: a scalar for one cell, rows for several; an array of another shape is refused", () => {
  const { fake } = setUp();
  const sheet = fake.ActiveSheet;
  sheet.Range("A1:B2").Value2 = [
    [1, "x"],
    [2, "y"],
  ];
  expect(sheet.Range("A1").Value2).toBe(1);
  expect(sheet.Range("A1:B2").Value2).toEqual([
    [1, "x"],
    [2, "y"],
  ]);
  expect(sheet.Range("C1").Value2).toBeUndefined();
  expect(() => (sheet.Range("A1:B2").Value2 = [[1, 2]])).toThrow(/not 2×2/);
  sheet.Range("D1:D2").Value2 = "same";
  expect(sheet.Range("D1:D2").Value2).toEqual([["same"], ["same"]]);
});

test("an empty sheet's UsedRange is A1, and reads empty", () => {
  const { fake } = setUp();
  const used = fake.ActiveSheet.UsedRange;
  expect(used.Address()).toBe("$A$1");
  expect(used.Value2).toBeUndefined();
});

test("colours are BGR: RGB(255, 199, 206) is 0xCEC7FF; no fill is ColorIndex -4142 and reads white", () => {
  expect(hexToBgr("#FFC7CE")).toBe(0xcec7ff);
  expect(bgrToHex(0xcec7ff)).toBe("#FFC7CE");
  const { fake } = setUp();
  const interior = fake.ActiveSheet.Range("B2").Interior;
  expect([interior.ColorIndex, interior.Pattern, interior.Color]).toEqual([-4142, -4142, 16777215]);
  interior.Color = hexToBgr("#FFC7CE");
  expect([interior.Pattern, bgrToHex(interior.Color!)]).toEqual([1, "#FFC7CE"]);
  expect(interior.ColorIndex).not.toBe(-4142);
  interior.ColorIndex = -4142;
  expect([interior.ColorIndex, interior.Pattern, interior.Color]).toEqual([-4142, -4142, 16777215]);
});

test("Worksheets.Add with no position inserts before the active sheet and activates the new one", () => {
  const { fake, model } = setUp();
  model.addSheet("末尾");
  const sheets = fake.ActiveWorkbook.Worksheets;
  sheets.Add();
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet3", "Sheet1", "末尾"]);
  expect(model.activeSheet.name).toBe("Sheet3");
  sheets.Add(null, sheets.Item(readMember<number>(sheets, "Count")));
  expect(model.sheets.map((s) => s.name).at(-1)).toBe("Sheet4");
});

test("an omitted argument before a given one is null, as WPS's examples pass it; undefined is refused", () => {
  const { fake, model } = setUp();
  const sheets = fake.ActiveWorkbook.Worksheets;
  expect(() => sheets.Add(undefined, sheets.Item(1))).toThrow(/pass null/);
  expect(model.sheets.length).toBe(1);
  const added = sheets.Add(null, sheets.Item(1));
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", readMember(added, "Name")]);
  const sheet = fake.ActiveSheet;
  expect(() => sheet.Hyperlinks.Add(sheet.Range("A1"), "", "Sheet1!B2", undefined, "x")).toThrow(/pass null/);
  expect(() => sheet.Hyperlinks.Add(sheet.Range("A1"), "", "Sheet1!B2", null, "x")).not.toThrow();
});

test("Address is a method: read as a property it is a function, not the address", () => {
  const { fake } = setUp();
  const range = fake.ActiveSheet.Range("A1:C3");
  expect(typeof (range as unknown as { Address: unknown }).Address).toBe("function");
  expect(range.Address()).toBe("$A$1:$C$3");
  expect(fake.ActiveSheet.Range("$A$1:B2,D4").Address()).toBe("$A$1:$B$2,$D$4");
});

test("an error cell reads back as a number through Value2, and as its error through Text", () => {
  const { fake, model } = setUp();
  model.activeSheet.touch(1, 1).error = "#DIV/0!";
  const cell = fake.ActiveSheet.Range("A1");
  expect(cell.Value2).toBe(-2146826281);
  expect(readMember(cell, "Text")).toBe("#DIV/0!");
});

test.each(["property", "method"] as const)(
  "drifting members read the same through the facade when the build has them as a %s",
  (drift) => {
    const { fake } = setUp(drift);
    const sheet = fake.ActiveSheet;
    sheet.Range("A1").Value2 = "x";
    expect(typeof (sheet as unknown as { Name: unknown }).Name).toBe(
      drift === "method" ? "function" : "string",
    );
    expect(readMember(sheet, "Name")).toBe("Sheet1");
    expect(readMember(sheet.Range("A1"), "Text")).toBe("x");
    expect(readMember(fake.ActiveWorkbook.Worksheets, "Count")).toBe(1);
  },
);

test("strings typed into a General cell are parsed; into an @ cell they stay; an apostrophe is a prefix", () => {
  const { fake, model } = setUp();
  const sheet = fake.ActiveSheet;
  sheet.Range("A1:E1").Value2 = [["1-3", "001", "=SUM(1)", "TRUE", "'1-3"]];
  expect(sheet.Range("A1:E1").Value2).toEqual([[45000, 1, 0, true, "1-3"]]);
  expect(model.activeSheet.cell(1, 3)!.formula).toBe("=SUM(1)");
  sheet.Range("A2:D2").NumberFormat = "@";
  sheet.Range("A2:D2").Value2 = [["1-3", "001", "=SUM(1)", "TRUE"]];
  expect(sheet.Range("A2:D2").Value2).toEqual([["1-3", "001", "=SUM(1)", "TRUE"]]);
});

test("deleting a sheet while DisplayAlerts is on would ask the clerk: it fails", () => {
  const { fake, model } = setUp();
  model.addSheet("旧结果");
  expect(() => fake.ActiveWorkbook.Worksheets.Item("旧结果").Delete()).toThrow(/DisplayAlerts/);
  fake.DisplayAlerts = false;
  fake.ActiveWorkbook.Worksheets.Item("旧结果").Delete();
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("Range addresses over 255 characters, bad sheet names and a second table over the same cells fail", () => {
  const { fake } = setUp();
  const sheet = fake.ActiveSheet;
  const long = Array.from({ length: 60 }, (_, i) => `A${i + 1}`).join(",");
  expect(long.length).toBeLessThanOrEqual(255);
  expect(() => sheet.Range(long)).not.toThrow();
  expect(() =>
    sheet.Range(`${long},B1,B2,B3,B4,B5,B6,B7,B8,B9,B10,B11,B12,B13,B14,B15,B16,B17,B18,B19,B20,B21`),
  ).toThrow(/255/);
  for (const bad of ["a".repeat(32), "指标[1]", "x/y", "Sheet1".toLowerCase()])
    expect(() => (fake.Worksheets.Add().Name = bad)).toThrow();
  const lists = fake.ActiveSheet.ListObjects as { Add: (...a: unknown[]) => unknown };
  expect(() => lists.Add(1, "A1:B2", null, 1)).toThrow(/must be a Range/);
  lists.Add(1, fake.ActiveSheet.Range("A1:B2"), null, 1);
  expect(() => lists.Add(1, fake.ActiveSheet.Range("B2:C3"), null, 1)).toThrow(/overlap/);
});

test("names follow their sheet when it is renamed, and lose it when it is deleted", () => {
  const { fake, model } = setUp();
  const names = fake.ActiveWorkbook.Names;
  names.Add("IndicatorNormalizer.Detail", "='Sheet1'!$A$1", false);
  fake.ActiveSheet.Name = "改名";
  expect(model.names[0]!.refersTo).toBe("='改名'!$A$1");
  fake.Worksheets.Add();
  fake.DisplayAlerts = false;
  fake.Worksheets.Item("改名").Delete();
  expect(model.names[0]!.refersTo).toBe("=#REF!$A$1");
  expect(() => names.Item("nope")).toThrow(/no such name/);
});

test("Select needs the sheet to be active; frozen panes go to the active sheet", () => {
  const { fake, model } = setUp();
  const other = fake.Worksheets.Add(null, fake.Worksheets.Item(1));
  expect(model.activeSheet.name).toBe(readMember(other, "Name"));
  expect(() => fake.Worksheets.Item("Sheet1").Range("B2").Select()).toThrow(/not active/);
  const window = fake.ActiveWindow;
  window.SplitRow = 1;
  window.FreezePanes = true;
  expect(model.sheetByName("Sheet1")!.frozenRows).toBe(0);
  expect(model.activeSheet.frozenRows).toBe(1);
});

test("notes: Comment is null on a bare cell; AddComment on a cell with a note, or on two cells, fails", () => {
  const { fake, model } = setUp();
  const sheet = fake.ActiveSheet;
  expect(sheet.Range("B2").Comment).toBeNull();
  const note = sheet.Range("B2").AddComment("说明");
  expect(note.Text()).toBe("说明");
  expect(note.Author).toBe(model.userName);
  expect(() => sheet.Range("B2").AddComment("再一条")).toThrow(/has a note/);
  expect(() => sheet.Range("C2:C3").AddComment("x")).toThrow(/more than one cell/);
  expect(readMember(sheet.Comments, "Count")).toBe(1);
  sheet.Comments.Item(1).Delete();
  expect(() => note.Text()).toThrow(/deleted/);
  expect(() => sheet.Comments.Item(1)).toThrow(/Comments.Item/);
});

test("PageSetup: FitToPages needs Zoom False to count; bad orientation, zoom, title rows or a long footer fail", () => {
  const { fake, model } = setUp();
  const setup = fake.ActiveSheet.PageSetup;
  expect(() => (setup.Orientation = 3)).toThrow(/Orientation/);
  expect(() => (setup.Zoom = 5)).toThrow(/Zoom/);
  expect(() => (setup.FitToPagesWide = 0)).toThrow(/FitToPagesWide/);
  expect(() => (setup.PrintTitleRows = "A1")).toThrow(/PrintTitleRows/);
  expect(() => (setup.RightFooter = "页".repeat(256))).toThrow(/RightFooter/);
  setup.FitToPagesWide = 1;
  // Still zoomed: the fit is stored but does not count until Zoom is False (compare-workbooks reads it so).
  expect(model.activeSheet.pageSetup.zoom).toBe(100);
  setup.Zoom = false;
  expect(model.activeSheet.pageSetup).toMatchObject({ zoom: false, fitToPagesWide: 1 });
});

test("AutoFit works on Rows only; AutoFilter() toggles, and refuses one row or a table's cells", () => {
  const { fake, model } = setUp();
  const sheet = fake.ActiveSheet;
  expect(() => sheet.Range("A2:C5").AutoFit()).toThrow(/not rows or columns/);
  sheet.Range("A2:C5").Rows.AutoFit();
  expect(model.activeSheet.autofitRows).toEqual(["A2:C5"]);
  expect(() => sheet.Range("A1:C1").AutoFilter()).toThrow(/one row/);
  sheet.Range("A1:C5").AutoFilter();
  expect(model.activeSheet.autoFilter).toEqual({ top: 1, left: 1, bottom: 5, right: 3 });
  sheet.Range("A1:C5").AutoFilter();
  expect(model.activeSheet.autoFilter).toBeNull();
});
