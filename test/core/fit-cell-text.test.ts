import fc from "fast-check";
import { cutText, fitCellText, MAX_CELL_TEXT } from "../../src/core/plan/fit-cell-text";

const note = (length: number): string => `…（共 ${length} 字）`;

describe("cutText", () => {
  test.each([
    ["abc", 5, "abc"],
    ["abcdef", 3, "abc"],
    // 😀 is two UTF-16 units: cutting after its first half drops the whole emoji.
    ["ab😀c", 3, "ab"],
    ["ab😀c", 4, "ab😀"],
    ["abc", 0, ""],
  ])("%j cut at %i → %j", (text, max, expected) => {
    expect(cutText(text, max)).toBe(expected);
  });
});

describe("fitCellText", () => {
  test("text that fits is returned as it is", () => {
    const fits = "字".repeat(MAX_CELL_TEXT);
    expect(fitCellText(fits, note)).toBe(fits);
  });

  test("longer text keeps its start and ends with the note, within Excel's limit", () => {
    const long = "字".repeat(MAX_CELL_TEXT + 10);
    const fitted = fitCellText(long, note);
    expect(fitted).toHaveLength(MAX_CELL_TEXT);
    expect(fitted.endsWith(note(long.length))).toBe(true);
    expect(long.startsWith(fitted.slice(0, -note(long.length).length))).toBe(true);
  });

  test("never ends the kept text on half a surrogate pair, wherever the cut falls", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 12, max: 40 }), (pad, max) => {
        const text = "a".repeat(pad) + "😀".repeat(30);
        const fitted = fitCellText(text, () => "!", max);
        expect(fitted.length).toBeLessThanOrEqual(max);
        const kept = text.length <= max ? fitted : fitted.slice(0, -1);
        // A well-formed string survives a round trip through UTF-8 unchanged; a lone surrogate does not.
        expect(Buffer.from(kept, "utf8").toString("utf8")).toBe(kept);
      }),
    );
  });
});
