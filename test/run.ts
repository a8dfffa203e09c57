/**
 * Runs every `*.test.ts` under test/ with uvu and ends with the plain summary line CI
 * reads: `N passed, N failed`. uvu's own summary ("Total: / Passed:") is not recognised.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
// uvu's package exports do not include its bin, so it is found by path.
const uvu = fileURLToPath(new URL("../node_modules/uvu/bin.js", import.meta.url));
const tsx = require.resolve("tsx/cli");
const pattern = process.argv[2] ?? "\\.test\\.ts$";

const child = spawn(process.execPath, [tsx, uvu, "test", pattern], { stdio: ["ignore", "pipe", "inherit"] });
let output = "";
child.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
child.on("close", (code) => {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? NaN);
  const total = count("Total");
  const passed = count("Passed");
  const skipped = count("Skipped") || 0;
  if (Number.isNaN(total) || Number.isNaN(passed)) {
    console.log(`\nThe test run stopped before uvu printed its totals (exit code ${code}).`);
    console.log(`0 passed, 1 failed`);
    process.exit(1);
  }
  const failed = total - passed - skipped;
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
});
