/**
 * A fake Excel workbook saved as .xlsx, and an .xlsx opened in the fake: what Excel itself does with the file
 * between the add-in and the CLI. Sheets with values and fills (solid and patterned, as styles.xml has them),
 * the tables' names and blocks, defined names (hidden ones hidden) and custom XML parts go through; the rest of a
 * workbook is not needed by the run record's tests. ExcelJS writes and reads the cells; the names and the parts,
 * which ExcelJS does not keep, are put into and taken out of the package directly. Node only (tests).
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseCellAddress } from "../../src/core/model/cell-address";
import { fillPatternOf, ooxmlPatternOf } from "../../src/workbook/run-record-format";
import { recordPropsXml } from "../../src/xlsx/run-record";
import { FakeWorkbook, type ApiLevel, type FakeFill, type FakeNameRef, type Rect } from "./workbook-model";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function argbOf(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

function colorOf(argb: string | undefined): string | null {
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** The fake's fill as styles.xml writes it: a solid fill's colour is its foreground, a pattern's is its background. */
function excelFill(fill: FakeFill): ExcelJS.Fill {
  const pattern = (ooxmlPatternOf(fill.pattern) ?? "solid") as ExcelJS.FillPatterns;
  if (pattern === "solid") return { type: "pattern", pattern, fgColor: { argb: argbOf(fill.color) } };
  return {
    type: "pattern",
    pattern,
    fgColor: { argb: argbOf(fill.patternColor ?? "#000000") },
    bgColor: { argb: argbOf(fill.color) },
  };
}

function fakeFill(fill: ExcelJS.Fill | undefined): FakeFill | undefined {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return undefined;
  const pattern = fillPatternOf(fill.pattern) ?? "Solid";
  const fg = colorOf(fill.fgColor?.argb);
  // A theme colour has no RGB in the file; the fake shows it as Office's default accent.
  if (pattern === "Solid") return { color: fg ?? "#4472C4", pattern };
  const bg = colorOf(fill.bgColor?.argb) ?? "#FFFFFF";
  return fg && fg !== "#000000" ? { color: bg, pattern, patternColor: fg } : { color: bg, pattern };
}

/** Saves the fake workbook as Excel would: cells, fills, tables' sheets, names and custom XML parts. */
export async function xlsxFromFake(model: FakeWorkbook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = book.addWorksheet(sheet.name);
    for (const [key, cell] of sheet.cells) {
      const row = Math.floor(key / 16384) + 1;
      const column = (key % 16384) + 1;
      const target = ws.getCell(row, column);
      if (cell.value !== "") target.value = cell.value;
      if (cell.fill) target.fill = excelFill(cell.fill);
    }
  }
  book.views = [{ activeTab: Math.max(0, model.sheets.indexOf(model.activeSheet)) } as ExcelJS.WorkbookView];
  const parts = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));

  const names = model.names
    .map((n) => {
      const hidden = n.visible ? "" : ' hidden="1"';
      return `<definedName name="${n.name}"${hidden}>${escapeText(model.nameFormula(n).slice(1))}</definedName>`;
    })
    .join("");
  let workbook = strFromU8(parts["xl/workbook.xml"]!).replace(/<definedNames>[\s\S]*?<\/definedNames>/, "");
  if (names) workbook = workbook.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
  parts["xl/workbook.xml"] = strToU8(workbook);

  let rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
  let types = strFromU8(parts["[Content_Types].xml"]!);
  model.customXmlParts.forEach((part, i) => {
    const n = i + 1;
    parts[`customXml/item${n}.xml`] = strToU8(part.xml);
    parts[`customXml/itemProps${n}.xml`] = strToU8(recordPropsXml(part.id));
    parts[`customXml/_rels/item${n}.xml.rels`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps${n}.xml"/></Relationships>`,
    );
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdCustomXml${n}" Type="${REL}/customXml" Target="../customXml/item${n}.xml"/></Relationships>`,
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/customXml/itemProps${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
    );
  });
  if (!/Extension="xml"/.test(types))
    types = types.replace("<Default ", '<Default Extension="xml" ContentType="application/xml"/><Default ');
  parts["xl/_rels/workbook.xml.rels"] = strToU8(rels);
  parts["[Content_Types].xml"] = strToU8(types);
  return zipSync(parts);
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Opens an .xlsx in the fake at `level`: its sheets (the active one active), cells, fills, tables, names, parts. */
export async function fakeFromXlsx(bytes: Uint8Array, level: ApiLevel = "1.9"): Promise<FakeWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const model = new FakeWorkbook(level);
  model.sheets = [];
  for (const ws of book.worksheets) {
    const sheet = model.addSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.value;
        const fill = fakeFill(cell.fill);
        const plain =
          value === null || value === undefined
            ? ""
            : typeof value === "object"
              ? "richText" in value
                ? value.richText.map((t) => t.text).join("")
                : "result" in value
                  ? String(value.result ?? "")
                  : "text" in value
                    ? String(value.text)
                    : ""
              : (value as string | number | boolean);
        if (plain === "" && !fill) return;
        const target = sheet.touch(r, c);
        if (plain !== "") target.value = plain as string | number | boolean;
        if (fill) target.fill = fill;
      }),
    );
    for (const table of ws.getTables() as unknown as {
      table?: { name: string; tableRef?: string; ref?: string };
    }[]) {
      const model_ = table.table;
      const ref = model_?.tableRef ?? model_?.ref;
      if (!model_ || !ref) continue;
      const [a, b] = ref.split(":").map((x) => parseCellAddress(x)!);
      const rect = { top: a!.row, left: a!.column, bottom: (b ?? a)!.row, right: (b ?? a)!.column };
      model.tables.push({ name: model_.name, style: "TableStyleMedium2", sheetId: sheet.id, rect });
    }
  }
  const active = book.views?.[0]?.activeTab ?? 0;
  model.activeSheetId = (model.sheets[active] ?? model.sheets[0]!).id;
  model.selection = { sheetId: model.activeSheetId, rect: { top: 1, left: 1, bottom: 1, right: 1 } };

  const parts = unzipSync(bytes);
  const workbook = strFromU8(parts["xl/workbook.xml"]!);
  for (const match of workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attrs = match[1]!;
    if (/localSheetId=/.test(attrs)) continue;
    const name = /name="([^"]+)"/.exec(attrs)![1]!;
    const refs = referencesOf(model, match[2]!.replace(/&amp;/g, "&").replace(/&apos;/g, "'"));
    if (refs) model.names.push({ name, refs, visible: !/hidden="(1|true)"/.test(attrs), comment: "" });
  }
  for (const [path, data] of Object.entries(parts)) {
    if (!/^customXml\/item\d+\.xml$/.test(path)) continue;
    const xml = strFromU8(data).replace(/^\uFEFF/, "");
    const root = /<(?!\?)([\w:.-]+)\b[^>]*>/.exec(xml);
    const ns = root ? /\sxmlns="([^"]*)"/.exec(root[0])?.[1] : undefined;
    model.customXmlParts.push({
      id: `{F11E0000-0000-4000-8000-${path.replace(/\D/g, "").padStart(12, "0")}}`,
      xml,
      namespaceUri: ns ?? "",
    });
  }
  return model;
}

/** A defined name's references (`'目标表'!$G$20,目标表!$B$2:$C$3`, `#REF!`), or null for a constant. */
function referencesOf(model: FakeWorkbook, formula: string): FakeNameRef[] | null {
  const refs: FakeNameRef[] = [];
  for (const area of formula.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? []) {
    const bang = area.lastIndexOf("!");
    if (bang < 0) return null;
    const quoted = area.slice(0, bang);
    const sheetName = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
    const cells = area
      .slice(bang + 1)
      .split(":")
      .map((c) => parseCellAddress(c));
    const rect: Rect | null =
      cells[0] && (cells[1] ?? cells[0])
        ? {
            top: cells[0].row,
            left: cells[0].column,
            bottom: (cells[1] ?? cells[0]).row,
            right: (cells[1] ?? cells[0]).column,
          }
        : null;
    refs.push({ sheet: model.sheetByName(sheetName) ?? null, rect });
  }
  return refs;
}
