import { userGuideHtml, userGuideMarkdown } from "./user-guide";

/** The generated guide files by their path in the repository, as scripts/write-guide.ts writes them. */
export function guideFiles(): Record<string, string> {
  return {
    "docs/使用说明.md": userGuideMarkdown("zh-CN"),
    "src/taskpane/guide.generated.html":
      "<!-- Written by scripts/write-guide.ts from the message tables (npm run guide); do not edit. -->\n" +
      `<section lang="zh-CN">\n${userGuideHtml("zh-CN")}</section>\n` +
      `<section lang="en">\n${userGuideHtml("en-US")}</section>\n`,
    // The WPS add-in's help page and the offline page's 使用说明: the same guide, with their own how-to.
    "src/wps/guide.generated.html":
      "<!-- Written by scripts/write-guide.ts from the message tables (npm run guide); do not edit. -->\n" +
      `<section lang="zh-CN">\n${userGuideHtml("zh-CN", "wps")}</section>\n` +
      `<section lang="en">\n${userGuideHtml("en-US", "wps")}</section>\n`,
    "src/offline/guide.generated.html":
      "<!-- Written by scripts/write-guide.ts from the message tables (npm run guide); do not edit. -->\n" +
      `<section lang="zh-CN">\n${userGuideHtml("zh-CN", "page")}</section>\n` +
      `<section lang="en">\n${userGuideHtml("en-US", "page")}</section>\n`,
  };
}
