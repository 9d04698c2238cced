/**
 * The fake host as the page sees it: served in place of office.js, it defines the globals Office and Excel
 * over a FakeWorkbook and exposes the workbook as window.__fakeExcel for the test to fill and inspect.
 * The API level and display language come from the query string of the script URL's page (?level=1.7&lang=en-US).
 */
import { createFakeOffice } from "./fake-office-js";
import { FakeWorkbook, type ApiLevel } from "./workbook-model";

const params = new URLSearchParams(window.location.search);
const model = new FakeWorkbook(
  (params.get("level") as ApiLevel | null) ?? "1.9",
  params.get("lang") ?? "zh-CN",
);
const { Office, Excel } = createFakeOffice(model);
Object.assign(window, { Office, Excel, __fakeExcel: model });
