// Preloaded with `node -r` by the CLI tests: prints the process's peak resident memory (KB) on exit.
process.on("exit", () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
