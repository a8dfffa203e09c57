/**
 * The runner's summary line is what CI reads: it must say "failed" when a test fails or uvu
 * crashes, and must not count a skipped test as failed.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { summarise } from "../summary.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const uvuOutput = (total: number, passed: number, skipped: number) =>
  `\n  Total:     ${total}\n  Passed:    ${passed}\n  Skipped:   ${skipped}\n  Duration:  5ms\n`;

const summary = suite("test runner: the summary line");

summary("a skipped test is neither passed nor failed", () => {
  // uvu's Total leaves skipped tests out already.
  const result = summarise(uvuOutput(374, 374, 1), 0);
  assert.is(result.line, "374 passed, 0 failed");
  assert.is(result.skipped, 1);
  assert.is(result.exitCode, 0);
});

summary("a failed test makes the exit code non-zero", () => {
  const result = summarise(uvuOutput(10, 9, 0), 1);
  assert.is(result.line, "9 passed, 1 failed");
  assert.is(result.exitCode, 1);
});

summary("uvu failing without a failed count still fails the run", () => {
  assert.is(summarise(uvuOutput(3, 3, 0), 1).exitCode, 1);
  assert.is(summarise(uvuOutput(3, 3, 0), 1).line, "3 passed, 1 failed");
});

summary("no totals from uvu means the run failed", () => {
  const result = summarise("Error: Cannot find module\n", 1);
  assert.is(result.line, "0 passed, 1 failed");
  assert.is(result.exitCode, 1);
});

summary("tests needing ../shared are named once each", () => {
  const output = `needs ../shared: the ILACS import\nneeds ../shared: the ILACS import\nneeds ../shared: the reports\n${uvuOutput(2, 2, 3)}`;
  assert.equal(summarise(output, 0).needsShared, ["the ILACS import", "the reports"]);
});

const runs = suite("test runner: real runs");
const run = (pattern: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "test/run.ts", pattern, "--dir", "test/fixtures/runner"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
const lastLine = (text: string) => text.trim().split("\n").at(-1);

runs("a failing test exits non-zero and says so", () => {
  const result = run("fails\\.fixture\\.ts$");
  assert.is(result.status, 1);
  assert.is(lastLine(result.stdout), "1 passed, 1 failed");
});

runs("a test file that crashes uvu exits non-zero", () => {
  const result = run("crashes\\.fixture\\.ts$");
  assert.is(result.status, 1);
  assert.is(lastLine(result.stdout), "0 passed, 1 failed");
});

runs("a skipped test passes the run and is said once", () => {
  const result = run("skips\\.fixture\\.ts$");
  assert.is(result.status, 0, result.stdout + result.stderr);
  assert.is(lastLine(result.stdout), "1 passed, 0 failed");
  assert.match(result.stdout, "Skipped because ../shared is not beside the project: the runner's own test of a skip.");
});

summary.run();
runs.run();
