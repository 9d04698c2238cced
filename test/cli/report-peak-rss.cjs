// Preloaded with `node -r` by the CLI tests: prints the process's peak resident memory (KB) on exit. VmHWM
// is this process's own high-water mark; getrusage's maxRSS is not, on Linux: a child started by fork and exec
// keeps its parent's high-water mark (jest's, here) when that is higher.
const { readFileSync } = require("fs");

process.on("exit", () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) kb = Number(match[1]);
  } catch {
    // Not Linux: maxRSS is the best there is.
  }
  process.stderr.write(`peak-rss-kb ${kb}\n`);
});
