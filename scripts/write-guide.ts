/**
 * Writes the clerk's guide from the message tables (src/core/guide/user-guide.ts): docs/使用说明.md, and the fragment
 * the add-in's help page shows (src/taskpane/guide.generated.html, Chinese then English). `npm run guide`;
 * test/core/user-guide.test.ts fails when a committed file is stale.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { guideFiles } from "../src/core/guide/user-guide-files";

const root = join(__dirname, "..");
for (const [path, text] of Object.entries(guideFiles())) {
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
