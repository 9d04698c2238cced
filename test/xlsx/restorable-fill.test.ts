import { restorableFill } from "../../src/xlsx/restorable-fill";
import { assertWellFormed } from "./package-helpers";

describe("a recorded fill is rebuilt from the fill vocabulary", () => {
  test.each([
    ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="none"/></fill>'],
    [
      '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998"/><bgColor indexed="64"/></patternFill></fill>',
      '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998"/><bgColor indexed="64"/></patternFill></fill>',
    ],
    // A prefixed part's record: the prefix and its declaration go (the styles part adds its own prefix).
    [
      '<x:fill xmlns:x="urn:x"><x:patternFill patternType=\'solid\'><x:fgColor rgb="FFFFEB9C"/></x:patternFill></x:fill>',
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/></patternFill></fill>',
    ],
    [
      '<fill><gradientFill degree="90"><stop position="0"><color rgb="FF5B9BD5"/></stop><stop position="1"><color theme="4"/></stop></gradientFill></fill>',
      '<fill><gradientFill degree="90"><stop position="0"><color rgb="FF5B9BD5"/></stop><stop position="1"><color theme="4"/></stop></gradientFill></fill>',
    ],
  ])("%s is kept", (fill, rebuilt) => {
    expect(restorableFill(fill)).toBe(rebuilt);
  });

  test.each([
    ["a section closed and XML injected", '<fill/></fills><cellXfs count="1"><xf/></cellXfs><fills><fill/>'],
    ["a second root", "<fill/><fill/>"],
    ["another element", '<fill><patternFill patternType="solid"/><script/></fill>'],
    ["another root", "<font><b/></font>"],
    ["text", "<fill>hello</fill>"],
    ["an attribute value breaking out", '<fill><patternFill patternType="solid&quot;/&gt;&lt;x"/></fill>'],
    ["a colour that is not hex", '<fill><patternFill><fgColor rgb="FF&amp;0000"/></patternFill></fill>'],
    ["an unclosed element", '<fill><patternFill patternType="solid">'],
    ["mismatched ends", "<fill><patternFill></fill></patternFill>"],
    ["CDATA", "<fill><![CDATA[</fills>]]></fill>"],
    ["nothing", ""],
  ])("%s is unreadable", (_, fill) => {
    expect(restorableFill(fill)).toBeNull();
  });

  test("whatever it keeps is well-formed XML", () => {
    const kept = restorableFill(
      '<fill><!-- a comment --><patternFill patternType="darkGrid" extra="&lt;"><fgColor auto="1"/></patternFill></fill>',
    );
    expect(kept).toBe('<fill><patternFill patternType="darkGrid"><fgColor auto="1"/></patternFill></fill>');
    assertWellFormed(kept!);
  });
});
