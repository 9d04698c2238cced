import { readLocale, readTolerance } from "../../src/core/model/analyze-options";

describe("readTolerance: the one place a typed tolerance is accepted or refused", () => {
  test.each([
    [undefined, { ok: true, value: undefined }],
    [null, { ok: true, value: undefined }],
    ["", { ok: true, value: undefined }],
    ["   ", { ok: true, value: undefined }],
    ["0", { ok: true, value: 0 }],
    [" 0.01 ", { ok: true, value: 0.01 }],
    [2, { ok: true, value: 2 }],
    ["-1", { ok: false, raw: "-1" }],
    ["abc", { ok: false, raw: "abc" }],
    ["1e999", { ok: false, raw: "1e999" }],
    [-0.5, { ok: false, raw: "-0.5" }],
    [Number.NaN, { ok: false, raw: "NaN" }],
  ] as const)("%j → %j", (raw, expected) => {
    expect(readTolerance(raw)).toEqual(expected);
  });
});

describe("readLocale: English or Chinese by name, anything else refused", () => {
  test.each([
    [undefined, { ok: true, value: "zh-CN" }],
    ["en", { ok: true, value: "en-US" }],
    ["EN_gb", { ok: true, value: "en-US" }],
    ["zh", { ok: true, value: "zh-CN" }],
    ["zh-TW", { ok: true, value: "zh-CN" }],
    ["fr", { ok: false, raw: "fr" }],
    ["english", { ok: false, raw: "english" }],
  ] as const)("%j → %j", (raw, expected) => {
    expect(readLocale(raw)).toEqual(expected);
  });
});
