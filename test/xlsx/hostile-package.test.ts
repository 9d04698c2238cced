/**
 * Issue #25, output that must always be valid: tags written with single quotes or blanks around `=`, an empty
 * `<definedNames/>`, a data bar whose `<cfRule>` has an `<extLst>`; every part of the output is well-formed XML with
 * each attribute once, and LibreOffice opens it.
 */
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInputBytes } from "../../src/xlsx/read-input";
import { assertWellFormed, libreOfficeOpens, partText, unzipParts } from "./package-helpers";
import { RAW_STYLES, rawRows, rawWorkbook } from "../../testing/raw-workbook";

const INDICATORS =
  "1、1-产出指标：11-数量指标：车辆数；实施周期指标值：1；年度指标值：1。2、2-效益指标：22-社会效益：保障；实施周期指标值：有效；年度指标值：有效。";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A table whose 合计 (B2, written with single quotes and blanks around `=`) is wrong, so it gets a mark and a note. */
function hostileSheet(): string {
  const text = (ref: string, t: string): string => `<c r='${ref}' t = 'inlineStr'><is><t>${t}</t></is></c>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='${MAIN}' xmlns:r = '${REL}' xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
    "<sheetViews><sheetView tabSelected = '1' workbookViewId='0'/></sheetViews><sheetData>" +
    `<row r='1'>${text("A1", "项目名称")}${text("B1", "总计")}${text("C1", "绩效目标")}${text("D1", "绩效指标")}</row>` +
    `<row r='2'>${text("A2", "合计")}<c r = 'B2' s = '1' ><v>999</v></c></row>` +
    `<row r='3'>${text("A3", "甲")}<c r='B3' s='1'><v>100</v></c>${text("C3", "完成")}${text("D3", INDICATORS)}</row>` +
    "</sheetData>" +
    "<conditionalFormatting sqref='B3:B3'><cfRule type='dataBar' priority='1'><dataBar><cfvo type='min'/><cfvo type='max'/><color rgb='FF638EC6'/></dataBar>" +
    "<extLst><ext uri='{B025F937-C7B1-47D3-B67F-A62EFF666E3E}'><x14:id>{00000000-0000-0000-0000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>" +
    "<pageMargins left='0.7' right='0.7' top='0.75' bottom='0.75' header='0.3' footer='0.3'/>" +
    "<extLst><ext uri='{78C0D931-6437-407d-A8EE-F0AAD7539E65}'><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm='http://schemas.microsoft.com/office/excel/2006/main'>" +
    "<x14:cfRule type='dataBar' id='{00000000-0000-0000-0000-000000000001}'><x14:dataBar minLength='0' maxLength='100'><x14:cfvo type='autoMin'/><x14:cfvo type='autoMax'/></x14:dataBar></x14:cfRule><xm:sqref>B3:B3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>" +
    "</worksheet>"
  );
}

async function normalized(): Promise<Map<string, Uint8Array>> {
  const bytes = rawWorkbook({
    sheet: hostileSheet(),
    styles: RAW_STYLES.replace('<cellXfs count="2">', "<cellXfs count = '2'>").replace(
      '<fills count="2">',
      "<fills count = '2' >",
    ),
    workbook:
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns='${MAIN}' xmlns:r='${REL}'><bookViews><workbookView activeTab = '0' firstSheet = '0'/></bookViews>` +
      "<sheets><sheet name='表' sheetId = '1' r:id = 'rId1'/></sheets><definedNames/></workbook>",
  });
  const input = await readInputBytes("hostile.xlsx", bytes);
  const out = await normalizeInput(input, { locale: "zh-CN" });
  expect(out.plan.marks.length).toBeGreaterThan(0);
  return unzipParts(out.bytes!);
}

describe("edits through a parsed view of each tag", () => {
  test("every XML part is well-formed, with each attribute once (saxes refuses a repeated one)", async () => {
    const parts = await normalized();
    for (const name of parts.keys())
      if (/\.(xml|rels|vml)$/.test(name)) assertWellFormed(partText(parts, name), name);
  });

  test("the marked cell keeps one s, the styles one count, the workbook one definedNames and one activeTab", async () => {
    const parts = await normalized();
    const sheet = partText(parts, "xl/worksheets/sheet1.xml");
    const b2 = /<c r = 'B2'[^>]*>/.exec(sheet)![0];
    expect(b2.match(/\ss\s*=/g)).toHaveLength(1);
    expect(b2).not.toContain("s = '1'");
    const styles = partText(parts, "xl/styles.xml");
    expect(/<cellXfs[^>]*>/.exec(styles)![0].match(/count/g)).toHaveLength(1);
    expect(/<fills[^>]*>/.exec(styles)![0].match(/count/g)).toHaveLength(1);
    const workbook = partText(parts, "xl/workbook.xml");
    expect(workbook.match(/<definedNames\b/g)).toHaveLength(1);
    expect(workbook).not.toContain("<definedNames/>");
    expect(/<workbookView[^>]*>/.exec(workbook)![0].match(/activeTab/g)).toHaveLength(1);
    expect(workbook).not.toContain("firstSheet");
    expect(/<sheetView\b[^>]*>/.exec(sheet)![0]).not.toContain("tabSelected");
  });

  test("<legacyDrawing> goes among the worksheet's children, before its own <extLst>, never inside a <cfRule>", async () => {
    const parts = await normalized();
    const sheet = partText(parts, "xl/worksheets/sheet1.xml");
    const at = sheet.indexOf("<legacyDrawing");
    expect(at).toBeGreaterThan(sheet.indexOf("</conditionalFormatting>"));
    expect(at).toBeGreaterThan(sheet.indexOf("<pageMargins"));
    expect(sheet.slice(at)).toMatch(/^<legacyDrawing [^>]*\/><extLst><ext uri='\{78C0D931/);
  });

  test("LibreOffice opens the output", async () => {
    const parts = await normalized();
    const { zipSync } = await import("fflate");
    const opened = libreOfficeOpens(zipSync(Object.fromEntries(parts)));
    expect(opened).toMatchObject({ ok: true });
  }, 120_000);
});

describe("zip entries dated outside 1980–2099", () => {
  /** The package with every entry's DOS date set to `date` (local and central headers alike). */
  function dated(bytes: Uint8Array, date: number): Uint8Array {
    const out = new Uint8Array(bytes);
    const view = new DataView(out.buffer);
    for (let at = 0; at + 4 <= out.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50) view.setUint16(at + 12, date, true);
      else if (signature === 0x02014b50) view.setUint16(at + 14, date, true);
    }
    return out;
  }

  test.each([
    ["a zero date (30 November 1979)", 0],
    ["2107, the last year a DOS date holds", (127 << 9) | (12 << 5) | 31],
  ])("%s: the output is written, not refused by the zip writer", async (_label, date) => {
    const bytes = dated(
      rawWorkbook({
        sheet: rawRows([
          ["项目名称", "总计", "绩效指标"],
          ["甲", 1, "1、1-产出指标：11-数量指标：车辆数；实施周期指标值：1；年度指标值：1。"],
        ]),
      }),
      date,
    );
    const input = await readInputBytes("dated.xlsx", bytes);
    const out = await normalizeInput(input, { locale: "zh-CN" });
    const parts = [...unzipParts(out.bytes!).keys()].length;
    expect(parts).toBeGreaterThan(5);
  });
});
