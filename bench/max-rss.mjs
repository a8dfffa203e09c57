// Preloaded (NODE_OPTIONS=--import) into every Node process of a measured build when
// /usr/bin/time is not available: each appends its peak resident set size, in kilobytes,
// to the file named by BENCH_RSS_FILE as it exits.
import { appendFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
  });
}
