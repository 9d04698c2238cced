/**
 * The built scripts on Internet Explorer 11's built-ins (testing/ie11-realm): the pane, the ribbon's function
 * file and its result dialog, the WPS pane and the WPS ribbon, each loaded as its page loads them, driven through
 * its real code path against the fake hosts, on the sample and on every table fixture. Each page runs twice, in
 * the IE11 realm and in a realm with a modern engine's built-ins; the test fails on any read of a built-in IE11
 * lacks (after the polyfills had their chance), on a RegExp IE11 refuses, on an uncaught error, and on any
 * difference between the two runs: the workbook each left (every sheet, value, format, fill, link and note), the
 * text the clerk reads, the dialog's address. The bundles are built once (the Office build with office.js named at
 * the CDN, which these pages never load: the fake stands in for it).
 */
import { DOMParser } from "@xmldom/xmldom";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Grid, Origin } from "../../src/core/model/grid";
import { readInput } from "../../src/xlsx/read-input";
import { etView, officeView } from "../../testing/fake-et/compare-workbooks";
import { EtBookModel } from "../../testing/fake-et/et-model";
import { FakeEtApplication } from "../../testing/fake-et/fake-et";
import { createFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type ApiLevel } from "../../testing/fake-excel/workbook-model";
import { PageRealm } from "../../testing/ie11-realm/ie11-realm";
import { ROOT, runWebpack } from "../../testing/pane-harness";
import { SAMPLE_PATH } from "../../testing/sample";

jest.setTimeout(600_000);

const OUT = join(ROOT, ".tmp", "ie11-realm");
const OFFICE = join(OUT, "office");
const WPS = join(OUT, "wps");
const FIXTURES = join(__dirname, "..", "fixtures", "tables");

interface Sheet {
  readonly name: string;
  readonly grid: Grid;
  readonly origin: Origin;
}
interface Input {
  readonly name: string;
  readonly sheets: readonly Sheet[];
}

/** Self-evaluation tables (绩效自评表) of three provinces' shapes: scored rows, a two-row header, label | value pairs. */
const SELF_EVALUATIONS = join(__dirname, "..", "fixtures", "corpus", "selfeval");

const INPUT_PATHS = [
  SAMPLE_PATH,
  ...readdirSync(FIXTURES)
    .filter((f) => !f.endsWith(".json"))
    .map((f) => join(FIXTURES, f)),
  ...[
    "selfeval-anhui-suixi-2019.xlsx",
    "selfeval-yunnan-gucheng-2020.xlsx",
    "selfeval-hebei-chengan-2020.xlsx",
  ].map((f) => join(SELF_EVALUATIONS, f)),
];

let inputs: Input[] = [];

beforeAll(async () => {
  runWebpack(OFFICE, { OFFICE_JS: "cdn" });
  runWebpack(WPS, {}, "production", ["wps"]);
  inputs = await Promise.all(
    INPUT_PATHS.map(async (path) => {
      const input = await readInput(path);
      return {
        name: path.replace(/^.*[\\/]/, ""),
        sheets: input.sheets.map((s) => ({ name: s.name || "Sheet1", grid: s.grid, origin: s.origin })),
      };
    }),
  );
});

/** Waits, as the clerk does, until `done` holds (the page's promises and the fake's timers run meanwhile). */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function html(dir: string, page: string): string {
  return readFileSync(join(dir, page), "utf8");
}

/** A page of the Office build with the fake Excel over `model` as Office and Excel. */
function officePage(
  ie11: boolean,
  model: FakeWorkbook,
  page: string,
  scripts: string[],
  query = "",
): PageRealm {
  const { Office, Excel } = createFakeOffice(model);
  const realm = new PageRealm({
    ie11,
    href: `https://addins.example.gov.cn/indicators/${page}${query}`,
    html: html(OFFICE, page),
    hostGlobals: { Office, Excel, DOMParser },
  });
  for (const script of scripts) realm.load(join(OFFICE, script));
  realm.finishLoading();
  realm.arm();
  return realm;
}

function excelWith(input: Input, level: ApiLevel = "1.10"): FakeWorkbook {
  const model = new FakeWorkbook(level, "zh-CN");
  input.sheets.forEach((sheet, i) => {
    const target = i === 0 ? model.activeSheet : model.addSheet(sheet.name);
    target.name = sheet.name;
    target.putGrid(sheet.grid, sheet.origin.row, sheet.origin.column);
  });
  return model;
}

function etWith(input: Input): EtBookModel {
  const model = new EtBookModel(input.sheets[0]!.name);
  input.sheets.forEach((sheet, i) => {
    const target = i === 0 ? model.activeSheet : model.addSheet(sheet.name);
    target.putGrid(sheet.grid, sheet.origin.row, sheet.origin.column);
  });
  return model;
}

/** The text of every element of the page that has an id: what the clerk reads. */
function pageText(realm: PageRealm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const element of realm.document.documentElement.getElementsByTagName("*")) {
    const id = element.getAttribute("id");
    if (id) out[id] = `${element.hidden ? "(hidden) " : ""}${element.textContent}`;
  }
  return out;
}

/** What one run left, and what went wrong in the realm. */
interface Run {
  readonly result: unknown;
  readonly trips: string[];
  readonly uncaught: string[];
}

function expectSameAsModern(ie: Run, modern: Run): void {
  expect(ie.trips).toEqual([]);
  expect(ie.uncaught).toEqual([]);
  expect(modern.uncaught).toEqual([]);
  expect(ie.result).toEqual(modern.result);
}

function finished(realm: PageRealm, result: unknown): Run {
  return { result, trips: realm.allTrips(), uncaught: realm.uncaught };
}

/** The pane in Excel: 规范化指标, then 清除标记. */
async function excelPane(ie11: boolean, input: Input, level: ApiLevel = "1.10"): Promise<Run> {
  const model = excelWith(input, level);
  const realm = officePage(ie11, model, "taskpane.html", ["pane-guard.js", "taskpane.js"]);
  const doc = realm.document;
  const idle = (): boolean => doc.body.getAttribute("aria-busy") === "false";
  doc.getElementById("run")!.click();
  await until(idle, "the pane's run");
  const afterRun = { page: pageText(realm), book: officeView(model) };
  doc.getElementById("clear-marks")!.click();
  await until(() => idle() && doc.getElementById("status")!.textContent !== afterRun.page.status, "清除标记");
  return finished(realm, { afterRun, afterClear: { page: pageText(realm), book: officeView(model) } });
}

/** The ribbon's 规范化指标 (commands.js), then its result dialog (dialog.js) at the address the ribbon gave. */
async function excelRibbon(ie11: boolean, input: Input): Promise<{ ribbon: Run; dialog: Run }> {
  const model = excelWith(input);
  const commands = officePage(ie11, model, "commands.html", ["commands.js"]);
  const action = model.actions.get("normalizeIndicators");
  if (!action) throw new Error("commands.js did not associate normalizeIndicators");
  let completed = 0;
  void action({ completed: () => void completed++ });
  await until(() => model.dialogs.length > 0 || completed > 0, "the result dialog");
  const dialog = model.dialogs[0];
  // The id differs per click (and so per realm): the rest of the address must not.
  const url = (dialog?.url ?? "").replace(/&id=[0-9a-z]+/, "&id=…");
  const query = (dialog?.url ?? "").slice((dialog?.url ?? "").indexOf("?"));
  const dialogPage = officePage(ie11, model, "dialog.html", ["pane-guard.js", "dialog.js"], query);
  const shown = pageText(dialogPage);
  dialogPage.document.getElementById("close")!.click();
  dialog?.clickOk();
  await until(() => completed > 0, "event.completed()");
  return {
    ribbon: finished(commands, { url, completed, book: officeView(model), closed: dialog?.closed }),
    dialog: finished(dialogPage, { shown, parentMessages: [...model.parentMessages] }),
  };
}

/** The pane in WPS 表格 (the WPS build, over the fake ET host): 规范化指标, then 清除标记. */
async function wpsPane(ie11: boolean, input: Input): Promise<Run> {
  const model = etWith(input);
  const realm = new PageRealm({
    ie11,
    href: "file:///C:/Users/clerk/AppData/Roaming/kingsoft/wps/jsaddons/indicator-normalizer_1.0.0/taskpane.html",
    html: html(WPS, "taskpane.html"),
    hostGlobals: { Application: new FakeEtApplication(model), DOMParser },
  });
  realm.load(join(WPS, "pane-guard.js"));
  realm.load(join(WPS, "taskpane.js"));
  realm.finishLoading();
  realm.arm();
  const doc = realm.document;
  const idle = (): boolean => doc.body.getAttribute("aria-busy") === "false";
  doc.getElementById("run")!.click();
  await until(idle, "the WPS pane's run");
  const afterRun = { page: pageText(realm), book: etView(model), calls: model.calls };
  doc.getElementById("clear-marks")!.click();
  await until(() => idle() && doc.getElementById("status")!.textContent !== afterRun.page.status, "清除标记");
  return finished(realm, { afterRun, afterClear: { page: pageText(realm), book: etView(model) } });
}

/** The WPS ribbon's page (ribbon.js): WPS calls its callbacks by name; 规范化指标 opens the pane asking to run. */
function wpsRibbon(ie11: boolean): Run {
  const model = new EtBookModel("Sheet1");
  const app = new FakeEtApplication(model);
  const realm = new PageRealm({
    ie11,
    href: "file:///C:/Users/clerk/AppData/Roaming/kingsoft/wps/jsaddons/indicator-normalizer_1.0.0/index.html",
    html: html(WPS, "index.html"),
    hostGlobals: { Application: app },
  });
  realm.load(join(WPS, "ribbon.js"));
  realm.finishLoading();
  realm.arm();
  const page = realm.window as Record<string, (arg: unknown) => unknown>;
  const loaded = page.OnAddinLoad!({});
  const first = page.OnAction!(realm.inward({ Id: "btnNormalize" }));
  const second = page.OnAction!(realm.inward({ Id: "btnClearMarks" }));
  const image = page.GetImage!(realm.inward({ Id: "btnNormalize" }));
  const panes = app.taskPanes.map((p) => ({ url: p.url.replace(/&t=\d+$/, ""), visible: p.Visible }));
  return finished(realm, { loaded, first, second, image, panes });
}

describe("the built scripts on IE11's built-ins give what a modern engine gives", () => {
  test.each(INPUT_PATHS.map((p) => p.replace(/^.*[\\/]/, "")))("the Excel pane on %s", async (name) => {
    const input = inputs.find((i) => i.name === name)!;
    const ie = await excelPane(true, input);
    const modern = await excelPane(false, input);
    expectSameAsModern(ie, modern);
    // The run really ran: the pane says where the results are, or why not.
    const page = (modern.result as { afterRun: { page: Record<string, string> } }).afterRun.page;
    expect(`${page.status}${page.alert}`).not.toBe("");
  });

  test.each(INPUT_PATHS.map((p) => p.replace(/^.*[\\/]/, "")))(
    "the ribbon and its dialog on %s",
    async (name) => {
      const input = inputs.find((i) => i.name === name)!;
      const ie = await excelRibbon(true, input);
      const modern = await excelRibbon(false, input);
      expectSameAsModern(ie.ribbon, modern.ribbon);
      expectSameAsModern(ie.dialog, modern.dialog);
      const shown = (modern.dialog.result as { shown: Record<string, string> }).shown;
      expect(shown.verdict).not.toBe("");
    },
  );

  test.each(INPUT_PATHS.map((p) => p.replace(/^.*[\\/]/, "")))("the WPS pane on %s", async (name) => {
    const input = inputs.find((i) => i.name === name)!;
    const ie = await wpsPane(true, input);
    const modern = await wpsPane(false, input);
    expectSameAsModern(ie, modern);
    const page = (modern.result as { afterRun: { page: Record<string, string> } }).afterRun.page;
    expect(`${page.status}${page.alert}`).not.toBe("");
  });

  test.each<ApiLevel>(["1.1", "1.2", "1.4", "1.5", "1.7", "1.9", "1.18"])(
    "the Excel pane on the sample at ExcelApi %s",
    async (level) => {
      const input = inputs.find((i) => i.name === "baiyun-2024.tsv")!;
      expectSameAsModern(await excelPane(true, input, level), await excelPane(false, input, level));
    },
  );

  test("the WPS ribbon", () => {
    const ie = wpsRibbon(true);
    const modern = wpsRibbon(false);
    expectSameAsModern(ie, modern);
    expect((modern.result as { panes: unknown[] }).panes.length).toBe(1);
  });
});
