/**
 * Runs every `*.test.ts` under test/ with uvu and ends with the plain summary line CI
 * reads: `N passed, N failed` (test/summary.ts). Exits 0 only when nothing failed.
 *
 * `tsx test/run.ts [pattern] [--dir <folder>]`: a pattern picks test files by name; `--dir`
 * runs another folder (the runner's own tests use it on tests that must fail).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { summarise } from "./summary.ts";

const require = createRequire(import.meta.url);
// uvu's package exports do not include its bin, so it is found by path.
const uvu = fileURLToPath(new URL("../node_modules/uvu/bin.js", import.meta.url));
const tsx = require.resolve("tsx/cli");
const args = process.argv.slice(2);
const dirFlag = args.indexOf("--dir");
const dir = dirFlag >= 0 ? args.splice(dirFlag, 2)[1]! : "test";
const pattern = args[0] ?? "\\.test\\.ts$";

const child = spawn(process.execPath, [tsx, uvu, dir, pattern], { stdio: ["ignore", "pipe", "inherit"] });
let output = "";
child.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
child.on("close", (code) => {
  const summary = summarise(output, code);
  if (summary.skipped > 0) {
    console.log(`\n${summary.skipped} skipped.`);
    if (summary.needsShared.length > 0) {
      console.log(`Skipped because ../shared is not beside the project: ${summary.needsShared.join("; ")}.`);
    }
  }
  if (summary.passed === 0 && summary.failed === 1 && !/Total:/.test(output)) {
    console.log(`\nThe test run stopped before uvu printed its totals (exit code ${code}).`);
  }
  console.log(`\n${summary.line}`);
  process.exit(summary.exitCode);
});
