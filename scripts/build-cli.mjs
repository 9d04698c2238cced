// npm run build:cli (also run by `npm ci` through the prepare script): the command line as one compiled file,
// so a run starts node on plain JavaScript, with no TypeScript compiler at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  outfile: "dist-cli/indicator-normalizer.js",
  sourcemap: "linked",
  logLevel: "warning",
});
