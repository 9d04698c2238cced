import fc from "fast-check";
import { RECORD_NAMESPACE } from "../../src/workbook/run-record-format";
import {
  joinRecordParts,
  markXml,
  MAX_RECORD_MARKS,
  MAX_RECORD_TEXT,
  parseRecordPart,
  partNameFormulas,
  PLAN_SHEET_KEYS,
  readRecordNames,
  recordNamesToWrite,
  recordPartXml,
  resolveMarks,
  type RecordMark,
} from "../../src/workbook/run-record";

const mark = (cell: string, more: Partial<RecordMark> = {}): RecordMark => ({
  cell,
  severity: "error",
  previousPattern: "none",
  previousColor: null,
  previousBackground: null,
  previousTint: null,
  style: null,
  previousStyle: null,
  previousFill: null,
  ...more,
});

const exists = (names: string[]) => (sheet: string) => names.includes(sheet);

describe("the record part, written by older versions, is still read", () => {
  test.each([
    [
      "the CLI's (format indexes, the exact fill as text)",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<run xmlns="${RECORD_NAMESPACE}" version="1" tool="cli"><marks sheet="目标表"><mark cell="G20" severity="warning" style="17" previousStyle="3" previousPattern="solid" previousColor="#FFEB9C">&lt;fill&gt;&lt;patternFill patternType="solid"/&gt;&lt;/fill&gt;</mark></marks></run>`,
      {
        order: 1,
        groups: [
          {
            sheet: "目标表",
            marks: [
              mark("G20", {
                severity: "warning",
                style: 17,
                previousStyle: 3,
                previousPattern: "solid",
                previousColor: "#FFEB9C",
                previousFill: '<fill><patternFill patternType="solid"/></fill>',
              }),
            ],
          },
        ],
      },
    ],
    [
      "the Excel add-in's second part (no declaration, a tint, a pattern over a background)",
      `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="addin" part="2"><marks sheet="s"><mark cell="b3" severity="consequence" previousPattern="mediumGray" previousColor="#00b050" previousBackground="#FFFFFF" previousTint="-0.25"/></marks></run>`,
      {
        order: 2,
        groups: [
          {
            sheet: "s",
            marks: [
              mark("B3", {
                severity: "consequence",
                previousPattern: "mediumGray",
                previousColor: "#00B050",
                previousBackground: "#FFFFFF",
                previousTint: -0.25,
              }),
            ],
          },
        ],
      },
    ],
    [
      "a prefixed namespace, as another program may save it; a bad address and a bad colour skipped",
      `<r:run xmlns:r="${RECORD_NAMESPACE}"><r:marks sheet="s"><r:mark cell="ZZZZ1"/><r:mark cell="A1" severity="odd" previousColor="red"/></r:marks></r:run>`,
      { order: 1, groups: [{ sheet: "s", marks: [mark("A1", { previousPattern: null })] }] },
    ],
  ])("%s", (_name, xml, expected) => {
    expect(parseRecordPart(xml)).toEqual(expected);
  });

  test.each([
    ["not closed", `<run xmlns="${RECORD_NAMESPACE}"><marks sheet="s">`],
    ["another namespace", `<run xmlns="urn:other"><marks sheet="s"><mark cell="A1"/></marks></run>`],
    ["another root", `<other xmlns="${RECORD_NAMESPACE}"/>`],
    ["not XML", `<run xmlns="${RECORD_NAMESPACE}"><mark cell="A1"`],
  ])("a part that is %s is not a record", (_name, xml) => {
    expect(parseRecordPart(xml)).toBeNull();
  });
});

describe("the one writer", () => {
  const anyMark = fc.record({
    cell: fc
      .tuple(fc.constantFrom("A", "G", "AB"), fc.integer({ min: 1, max: 1048576 }))
      .map(([c, r]) => c + r),
    severity: fc.constantFrom("error" as const, "warning" as const, "consequence" as const),
    previousPattern: fc.constantFrom("none", "solid", "mediumGray", "lightTrellis"),
    previousColor: fc.option(fc.constantFrom("#FFC7CE", "#00B050", "#000000")),
    previousBackground: fc.option(fc.constantFrom("#FFFFFF", "#DDEBF7")),
    previousTint: fc.option(fc.constantFrom(-0.25, 0.5999938962981048)),
    style: fc.option(fc.integer({ min: 0, max: 64000 })),
    previousFill: fc.option(fc.constantFrom('<fill><patternFill patternType="none"/></fill>', "a & <b>")),
  });

  test("reads back every mark it wrote, in every group and part", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom("目标表", "O'Brien & 1", "<s>"), fc.array(anyMark, { maxLength: 5 })),
        ),
        (groups) => {
          const written = groups.map(([sheet, marks]) => ({
            sheet,
            marks: marks.map((m): RecordMark => ({ ...m, previousStyle: m.style === null ? null : 0 })),
          }));
          const xml = recordPartXml(written, { tool: "cli", declaration: true });
          expect(parseRecordPart(xml)?.groups).toEqual(written);
        },
      ),
    );
  });

  test("parts split by the add-in are joined in their order, one sheet's runs as one group", () => {
    const first = recordPartXml([{ sheet: "s", marks: [markXml(mark("A1"))] }], {
      tool: "addin",
      part: 1,
      declaration: false,
    });
    const second = recordPartXml([{ sheet: "s", marks: [mark("A2")] }], {
      tool: "addin",
      part: 2,
      declaration: false,
    });
    const groups = joinRecordParts([parseRecordPart(second), null, parseRecordPart(first)]);
    expect(groups.map((g) => [g.sheet, g.marks.map((m) => m.cell)])).toEqual([["s", ["A1", "A2"]]]);
  });
});

describe("the names", () => {
  const written = recordNamesToWrite({
    sheets: PLAN_SHEET_KEYS.map((key) => ({ key, name: `${key} sheet` })),
    sources: ["目标表", "Sheet2"],
    marks: [
      { sheet: "目标表", cells: ["G20", "G22"] },
      { sheet: "Sheet2", cells: ["B2"] },
    ],
  });

  test("every plan key's sheet is named, read back as the tool's (a third output sheet would be too)", () => {
    const read = readRecordNames(
      written,
      exists(["目标表", "Sheet2", ...PLAN_SHEET_KEYS.map((key) => `${key} sheet`)]),
    );
    expect(read.ownSheets).toEqual(PLAN_SHEET_KEYS.map((key) => ({ key, name: `${key} sheet` })));
    expect(read.sources).toEqual(["目标表", "Sheet2"]);
    expect(read.positions).toEqual([
      { sheet: "目标表", cell: "G20" },
      { sheet: "目标表", cell: "G22" },
      { sheet: "Sheet2", cell: "B2" },
    ]);
  });

  test("a name whose sheet is gone (#REF!) or another's name is not the tool's", () => {
    const read = readRecordNames(
      [
        { name: "IndicatorNormalizer.Detail", formula: "=#REF!$A$1" },
        { name: "Mine", formula: "=Sheet1!$A$1" },
        { name: "IndicatorNormalizer.Checks", formula: "='校验结果'!$A$1" },
      ],
      exists(["校验结果"]),
    );
    expect(read.ownSheets).toEqual([{ key: "checks", name: "校验结果" }]);
    expect(read.names).toEqual(["IndicatorNormalizer.Detail", "IndicatorNormalizer.Checks"]);
  });
});

describe("marks moved by inserted rows", () => {
  const groups = [
    { sheet: "目标表", marks: [mark("G20"), mark("G22")] },
    { sheet: "Sheet2", marks: [mark("B2")] },
  ];
  const sheets = exists(["目标表", "Sheet2", "改名"]);

  test("follow the Cells names; a deleted row's mark goes with it; a renamed sheet by its Source name", () => {
    const names = readRecordNames(
      [
        { name: "IndicatorNormalizer.Source", formula: "='改名'!$A$1" },
        { name: "IndicatorNormalizer.Cells.1", formula: "='改名'!$G$21,'改名'!#REF!" },
        { name: "IndicatorNormalizer.Cells.2", formula: "=Sheet2!$B$5" },
      ],
      sheets,
    );
    expect(resolveMarks(groups, names, sheets).map((m) => [m.sheet, m.marks.map((x) => x.cell)])).toEqual([
      ["改名", ["G21"]],
      ["Sheet2", ["B5"]],
    ]);
  });

  test("without the names, or when they do not line up with the part, the part's addresses stand", () => {
    const dropped = readRecordNames(
      [{ name: "IndicatorNormalizer.Cells.1", formula: "=目标表!$G$30" }],
      sheets,
    );
    for (const names of [readRecordNames([], sheets), dropped])
      expect(resolveMarks(groups, names, sheets).map((m) => [m.sheet, m.marks.map((x) => x.cell)])).toEqual([
        ["目标表", ["G20", "G22"]],
        ["Sheet2", ["B2"]],
      ]);
  });
});

describe("the part kept in hidden names, where custom XML cannot be written", () => {
  test("reads back as written: quotes, CJK, a surrogate pair, a long record over several names", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30000 }), (text) => {
        const formulas = partNameFormulas(text);
        for (const formula of formulas) {
          expect(formula.length).toBeLessThanOrEqual(8000);
          // Every text value within Excel's 255 characters (a doubled quote is one character).
          for (const value of formula.match(/"(?:[^"]|"")*"/g) ?? [])
            expect(value.slice(1, -1).replace(/""/g, '"').length).toBeLessThanOrEqual(255);
        }
        const names = formulas.map((formula, i) => ({
          name: `IndicatorNormalizer.Part.${i + 1}`,
          formula: `=${formula}`,
        }));
        expect(readRecordNames(names.reverse(), () => true).keptPart).toBe(
          formulas.length === 0 ? null : text,
        );
      }),
      { numRuns: 50 },
    );
  });

  test("a record of 2,000 marks fits in a few names", () => {
    const xml = recordPartXml(
      [
        {
          sheet: "目标表",
          marks: Array.from({ length: 2000 }, (_, i) => mark(`G${i + 1}`, { previousColor: "#FFEB9C" })),
        },
      ],
      { tool: "addin", part: 1, declaration: true },
    );
    const formulas = partNameFormulas(xml);
    expect(formulas.length).toBeLessThan(30);
    const names = formulas.map((formula, i) => ({ name: `IndicatorNormalizer.Part.${i + 1}`, formula }));
    expect(parseRecordPart(readRecordNames(names, () => true).keptPart!)?.groups[0]!.marks).toHaveLength(
      2000,
    );
  });
});

describe("a record over the cap is unreadable, never read whole", () => {
  const open = `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="cli"><marks sheet="s">`;
  const close = "</marks></run>";

  test("one part with a mark more than MAX_RECORD_MARKS (a forged record) reads as no record", () => {
    const xml = open + '<mark cell="A1"/>'.repeat(MAX_RECORD_MARKS + 1) + close;
    expect(parseRecordPart(xml)).toBeNull();
  });

  test("text longer than MAX_RECORD_TEXT is not scanned", () => {
    expect(parseRecordPart(open + " ".repeat(MAX_RECORD_TEXT) + close)).toBeNull();
  });

  test("parts each under the cap but over it together give no marks; under it they are joined", () => {
    const half = { order: 1, groups: [{ sheet: "s", marks: Array(MAX_RECORD_MARKS / 2).fill(mark("A1")) }] };
    expect(joinRecordParts([half, { ...half, order: 2 }])[0]!.marks).toHaveLength(MAX_RECORD_MARKS);
    const over = { order: 3, groups: [{ sheet: "s", marks: [mark("B2")] }] };
    expect(joinRecordParts([half, { ...half, order: 2 }, over])).toEqual([]);
  });
});
