/**
 * Bundled for a Chromium page that has loaded Microsoft's own excel-web-16.00.js: runs the add-in's shell on the
 * real Office.js library, whose requests the RichApi responder answers from a fake workbook, and then the same
 * run on the fake host alone; returns the size of every request both ways. Driven by testing/real-office-js.ts.
 */
import type { CellValue } from "../../src/core/model/grid";
import { detectApiSupport } from "../../src/excel/api-support";
import { clearMarks, runNormalizer } from "../../src/excel/run-normalizer";
import type { DocumentSettings } from "../../src/excel/run-state";
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { markedCellsGrid } from "../marked-cells-grid";
import { createFakeOffice, FakeSettings } from "./fake-office-js";
import { answerRichApiRequest, type RichApiRequest } from "./rich-api-responder";
import { FakeWorkbook, type ApiLevel } from "./workbook-model";

export interface RequestSize {
  readonly bytes: number;
  readonly utf16Bytes: number;
}

export interface ScenarioResult {
  readonly outcome: string;
  readonly indicators: number;
  readonly marks: number;
  readonly ms: number;
  /** Requests of the run, then of 清除标记, as the real library sent them. */
  readonly real: { readonly run: RequestSize[]; readonly clear: RequestSize[] };
  /** The same run on the fake host alone, measured by its serializer. */
  readonly fake: { readonly run: RequestSize[]; readonly clear: RequestSize[] };
}

export type ScenarioGrid =
  | { readonly kind: "sample" }
  | { readonly kind: "synthetic"; readonly projects: number }
  | { readonly kind: "marked"; readonly rows: number };

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

interface RealOffice {
  Excel: { run: unknown; RequestContext: new (url: string) => { sync(): Promise<void> } };
  OfficeExtension: {
    HttpUtility: { setCustomSendRequestFunc(f: (request: { body: unknown }) => unknown): void };
  };
  Office: { AsyncResultStatus?: unknown };
}

function makeGrid(sample: CellValue[][], grid: ScenarioGrid): CellValue[][] {
  if (grid.kind === "synthetic") return buildSyntheticGrid(sample, grid.projects);
  if (grid.kind === "marked") return markedCellsGrid(sample, grid.rows);
  return sample;
}

async function runAndClear(model: FakeWorkbook, settings: DocumentSettings, sizes: () => number) {
  const support = detectApiSupport((name, version) => name === "ExcelApi" && model.supports(version));
  const outcome = await runNormalizer({ locale: "zh-CN", support, settings });
  const runRequests = sizes();
  const marks = model.sheets[0]!.fills().size;
  await clearMarks({ support, settings });
  return { outcome, runRequests, marks };
}

async function scenario(
  level: ApiLevel,
  sample: CellValue[][],
  which: ScenarioGrid,
): Promise<ScenarioResult> {
  const grid = makeGrid(sample, which);
  const page = window as unknown as RealOffice;
  page.Office.AsyncResultStatus ??= { Succeeded: "succeeded", Failed: "failed" };
  const realExcel = page.Excel;

  // 1. The real library, answered from a fake workbook.
  const model = new FakeWorkbook(level);
  model.activeSheet.putGrid(grid);
  const sent: RequestSize[] = [];
  page.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request) => {
    const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    sent.push({ bytes: utf8Length(text), utf16Bytes: 2 * text.length });
    const answer = await answerRichApiRequest(model, JSON.parse(text) as RichApiRequest);
    return { statusCode: 200, headers: {}, body: JSON.stringify(answer) };
  });
  realExcel.run = async (batch: (context: unknown) => Promise<unknown>) => {
    const context = new realExcel.RequestContext("https://excel.invalid/api");
    const result = await batch(context);
    await context.sync();
    return result;
  };
  (window as unknown as { Excel: unknown }).Excel = realExcel;
  const start = performance.now();
  const real = await runAndClear(
    model,
    new FakeSettings(model) as unknown as DocumentSettings,
    () => sent.length,
  );
  const ms = Math.round(performance.now() - start);

  // 2. The fake host alone.
  const fakeModel = new FakeWorkbook(level);
  fakeModel.activeSheet.putGrid(grid);
  const fake = createFakeOffice(fakeModel);
  (window as unknown as { Excel: unknown }).Excel = fake.Excel;
  const fakeSettings = new FakeSettings(fakeModel) as unknown as DocumentSettings;
  const alone = await runAndClear(fakeModel, fakeSettings, () => fakeModel.syncs.length);
  (window as unknown as { Excel: unknown }).Excel = realExcel;

  const summary = real.outcome.kind === "done" ? real.outcome.summary : null;
  const bothWays = (list: readonly RequestSize[], split: number) => ({
    run: list.slice(0, split),
    clear: list.slice(split),
  });
  return {
    outcome:
      real.outcome.kind === alone.outcome.kind
        ? real.outcome.kind
        : `${real.outcome.kind}/${alone.outcome.kind}`,
    indicators: summary?.indicators ?? 0,
    marks: real.marks,
    ms,
    real: bothWays(sent, real.runRequests),
    fake: bothWays(
      fakeModel.syncs.map((s) => ({ bytes: s.bytes, utf16Bytes: s.utf16Bytes })),
      alone.runRequests,
    ),
  };
}

Object.assign(window, { __realOffice: { scenario } });
