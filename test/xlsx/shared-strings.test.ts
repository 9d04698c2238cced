/**
 * Shared strings are read by a fast path for plain one-run items and by the general scanner for everything
 * else: whatever the part holds, the strings are those the general scanner reads (a prefixed part, which only
 * the general scanner takes, is the reference).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { DEFAULT_LIMITS } from "../../src/xlsx/package-limits";
import { readSharedStrings } from "../../src/xlsx/read-sheet-grid";
import { openPackage } from "../../src/xlsx/xlsx-package";
import { unzipParts, zipParts } from "./package-helpers";

const WORKBOOK = readFileSync(join(__dirname, "..", "fixtures", "tables", "department.xlsx"));
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

async function read(sharedXml: string): Promise<string[]> {
  const parts = unzipParts(WORKBOOK);
  parts.set("xl/sharedStrings.xml", new TextEncoder().encode(sharedXml));
  const pkg = openPackage("t.xlsx", zipParts(parts), nodeZipCodec, DEFAULT_LIMITS);
  return readSharedStrings(pkg, "xl/sharedStrings.xml");
}

/** The same items with every element prefixed `x:`, as some writers save them. */
function prefixed(items: string): string {
  const body = items.replace(/<(\/?)(si|t|r|rPr|b|rPh)\b/g, "<$1x:$2");
  return `<?xml version="1.0"?><x:sst xmlns:x="${NS}">${body}</x:sst>`;
}

const ITEMS = [
  "<si><t>报废小车数量</t></si>",
  '<si><t xml:space="preserve"> 前后空格 </t></si>',
  "<si><t>a_x000D_b &amp; &lt;c&gt; &#x4E2D;</t></si>",
  "<si><t>_x005F_x000D_</t></si>",
  "<si><t></t></si>",
  "<si><t/></si>",
  "<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb='0' eb='1'><t>フ</t></rPh></si>",
  "<si><t><![CDATA[<原样>]]></t></si>",
  "<si>\n  <t>缩进的</t>\n</si>",
  "<si><t>整</t><rPh><t>ボ</t></rPh></si>",
];

test.each([
  ["plain and tricky items", ITEMS.join("")],
  [
    "a comment between items",
    `${ITEMS.slice(0, 3).join("")}<!-- <si><t>不是</t></si> -->${ITEMS.slice(3).join("")}`,
  ],
  ["a comment holding </si> inside an item", `${ITEMS[0]}<si><!-- </si> --><t>注释后</t></si>${ITEMS[1]}`],
  [
    "items cut across the reader's 256 KB slices",
    Array.from({ length: 9000 }, (_, i) => ITEMS[i % 6]).join(""),
  ],
])("%s read as the general scanner reads them", async (_name, items) => {
  const fast = await read(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}">${items}</sst>`,
  );
  expect(fast).toEqual(await read(prefixed(items)));
  expect(fast.length).toBeGreaterThanOrEqual(3);
});

test("plain items decode entities and Excel's escapes, keep edge spaces, and leave phonetic runs out", async () => {
  expect(await read(`<sst xmlns="${NS}">${ITEMS.join("")}</sst>`)).toEqual([
    "报废小车数量",
    " 前后空格 ",
    "a\rb & <c> 中",
    "_x000D_",
    "",
    "",
    "富文本",
    "<原样>",
    "缩进的",
    "整",
  ]);
});
