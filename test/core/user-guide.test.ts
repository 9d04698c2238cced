import { readFileSync } from "fs";
import { join } from "path";
import { RULE_IDS } from "../../src/core/model/issue";
import { messagesFor } from "../../src/core/messages";
import { RULE_EXAMPLES } from "../../src/core/guide/rule-examples";
import { userGuideHtml, userGuideMarkdown } from "../../src/core/guide/user-guide";
import { guideFiles } from "../../src/core/guide/user-guide-files";

const ROOT = join(__dirname, "..", "..");

test("the committed guide files are what the message tables write now (run `npm run guide` after a change)", () => {
  for (const [path, text] of Object.entries(guideFiles()))
    expect([path, readFileSync(join(ROOT, path), "utf8") === text]).toEqual([path, true]);
});

describe("docs/使用说明.md", () => {
  const guide = userGuideMarkdown("zh-CN");
  const zh = messagesFor("zh-CN");

  test("says what the tool does and how to run it: in Excel, in WPS and on the offline page", () => {
    expect(guide).toContain("## 这个工具做什么");
    expect(guide).toContain("## 在 Excel 中使用");
    expect(guide).toContain("## 在 WPS 表格中使用");
    expect(guide).toContain("## 在离线页面中使用（不需要安装）");
    expect(guide).toContain("npm run --silent cli -- normalize");
  });

  test.each([
    ["excel", "“开始”选项卡", "“绩效指标”选项卡"],
    ["wps", "“绩效指标”选项卡", "“开始”选项卡"],
    ["page", "复制起始单元格", "“开始”选项卡"],
  ] as const)("the %s help says how to run it there, not another host's buttons", (host, has, hasNot) => {
    const html = userGuideHtml("zh-CN", host);
    expect(html).toContain(has);
    expect(html).not.toContain(hasNot);
  });

  test.each(RULE_IDS)("rule %s: its name, meaning, an example message and what to do", (rule) => {
    expect(guide).toContain(`### ${zh.ruleNames[rule]}（${rule}）`);
    expect(guide).toContain(zh.ruleMeanings[rule]);
    expect(guide).toContain(zh.issues[rule](RULE_EXAMPLES[rule]));
    expect(guide).toContain(zh.advice[rule](RULE_EXAMPLES[rule]));
  });

  test("every column of 指标明细 and 校验结果 is explained", () => {
    for (const key of Object.keys(zh.detailColumns) as (keyof typeof zh.detailColumns)[])
      expect(guide).toContain(`| ${zh.detailColumns[key]} | ${zh.detailColumnNotes[key]} |`);
    for (const key of Object.keys(zh.checkColumns) as (keyof typeof zh.checkColumns)[])
      expect(guide).toContain(`| ${zh.checkColumns[key]} | ${zh.checkColumnNotes[key]} |`);
  });

  test("a list after a paragraph line is its own block (Markdown would run them together)", () => {
    expect(guide).toContain("三件事：\n\n- 把每个项目");
    expect(guide).toContain("加批注。\n\n原表中的数值不会被改动。");
  });
});

test("the help page's guide escapes what it quotes and renders lists and tables", () => {
  const html = userGuideHtml("zh-CN");
  expect(html).toContain("&lt;p&gt;");
  expect(html).not.toMatch(/<p>\s*<p>/);
  expect(html).toContain("<ol><li>把表格连同表头行粘贴到一张工作表中");
  expect(html).toContain("<table><thead><tr><th>列</th><th>含义</th></tr></thead>");
  expect(userGuideHtml("en-US")).toContain("<h1>Indicator normalizer: user guide</h1>");
});
