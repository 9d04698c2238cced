import { decodeCellText, escapeXmlAttribute, escapeXmlText } from "../../src/workbook/xml-text";
import { assertWellFormed } from "../xlsx/package-helpers";

describe("escapeXmlText and decodeCellText", () => {
  test.each([
    ["plain", "项目名称", "项目名称"],
    ["markup", "a<b & c>d", "a&lt;b &amp; c&gt;d"],
    ["CR (a parser would turn it into LF)", "a\r\nb", "a_x000D_\nb"],
    ["tab and LF are kept", "a\tb\nc", "a\tb\nc"],
    ["U+FFFE", "x\uFFFEy", "x_xFFFE_y"],
    ["U+FFFF", "\uFFFF", "_xFFFF_"],
    ["a lone high surrogate", "a\uD800b", "a_xD800_b"],
    ["a lone low surrogate", "\uDC00", "_xDC00_"],
    ["a pair is kept", "😀", "😀"],
    ["a literal escape typed by the clerk", "_x000D_", "_x005F_x000D_"],
    ["an escape-like text that is not one", "_x00G0_ _x12_", "_x00G0_ _x12_"],
  ])("%s", (_name, text, escaped) => {
    expect(escapeXmlText(text)).toBe(escaped);
    expect(decodeCellText(escaped)).toBe(text);
    assertWellFormed(`<t>${escaped}</t>`);
  });

  test("every C0 control character is escaped, well-formed, and reads back", () => {
    for (let code = 0; code < 0x20; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      const escaped = escapeXmlText(text);
      assertWellFormed(`<t>${escaped}</t>`, `U+${code.toString(16)}`);
      expect(decodeCellText(escaped)).toBe(text);
    }
  });

  test("entities and character references are decoded", () => {
    expect(decodeCellText("&amp;&lt;&gt;&quot;&apos;&#13;&#x1F600;")).toBe("&<>\"'\r😀");
  });

  test("attributes keep quotes, tabs and line breaks", () => {
    const escaped = escapeXmlAttribute('a"b\tc\nd');
    assertWellFormed(`<x v="${escaped}"/>`);
    expect(escaped).toBe("a&quot;b&#9;c&#10;d");
  });
});
