/**
 * A check of any size: 150,000 problems crashed `npm run check` ("Maximum call stack size
 * exceeded", from `problems.push(...across)`). Lists of any length are joined without
 * spreading (src/model/arrays.ts; test/style/spreads.test.ts keeps it so), and the report
 * lists the first 1,000 and says how many more, in the terminal and in --json, which gives
 * the total.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { CheckReport } from "../../src/content/problem-json.ts";
import { checkReport, PROBLEMS_LISTED } from "../../src/content/problem-json.ts";
import { NO_COLOURS, problemReport } from "../../src/content/problem-report.ts";
import type { ContentProblem } from "../../src/content/problems.ts";
import { appendAll, largest, smallest } from "../../src/model/arrays.ts";
import { projectRoot } from "../fixtures/content.ts";

const test = suite("a check of 150,000 problems");

const EMPTY = { inspectorates: [], scales: [], frameworks: [], organisations: [], inspections: [], events: [] };

const problems: ContentProblem[] = Array.from({ length: 150_000 }, (_, index) => ({
  file: `content/inspections/many/file-${String(Math.floor(index / 5_000)).padStart(2, "0")}.md`,
  line: (index % 5_000) + 2,
  column: 3,
  field: `judgements.area-${index % 5_000}`,
  message: `'area-${index % 5_000}' is not an area of ILACS 2023.`,
  fix: "Write one of the framework's areas.",
}));

test("lists of any length are joined and measured without spreading them into arguments", () => {
  const million = Array.from({ length: 1_000_000 }, (_, index) => index);
  assert.throws(() => [].push(...(million as never[])), /call stack/);
  assert.is(appendAll([-1], million).length, 1_000_001);
  assert.is(largest(million), 999_999);
  assert.is(smallest(million), 0);
  assert.is(largest([]), -Infinity);
});

test("the terminal report lists the first 1,000, then how many more, and in how many more files", () => {
  const lines: string[] = [];
  const report = problemReport(problems, () => lines, NO_COLOURS, PROBLEMS_LISTED);
  assert.is(report.split("\n").filter((line) => line.startsWith("  ") && line.includes("is not an area")).length, 1_000);
  assert.match(report, "… and 149,000 more problems, 29 more files among them, not listed here: the first 1,000 are.");
  assert.match(report, "npm run check -- --max-problems 0");
  assert.ok(report.endsWith("150000 problems in 30 files."), report.slice(-100));
  const all = problemReport(problems, () => lines, NO_COLOURS);
  assert.not.match(all, "more problems");
});

test("--json lists the first 1,000 and gives the total and how many were left out", () => {
  const report = checkReport(EMPTY, problems, [], PROBLEMS_LISTED);
  assert.equal(
    [report.problemCount, report.problems.length, report.problemsLeftOut, report.fileCount],
    [150_000, 1_000, 149_000, 30],
  );
  const all = checkReport(EMPTY, problems);
  assert.equal([all.problems.length, all.problemsLeftOut], [150_000, 0]);
});

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

test("npm run check through a pipe: the limit, --max-problems 0, and JSON past 64 KB whole", () => {
  const project = mkdtempSync(join(tmpdir(), "explainers-many-problems-"));
  try {
    cpSync(join(projectRoot, "content"), join(project, "content"), { recursive: true });
    cpSync(join(projectRoot, "site.yaml"), join(project, "site.yaml"));
    const sample = readFileSync(join(projectRoot, "content/inspections/oxfordshire/2024-standard-inspection.md"), "utf8");
    const areas = Array.from({ length: 1_500 }, (_, index) => `  area-${index}: good\n`).join("");
    for (const year of [2025, 2026])
      writeFileSync(
        join(project, `content/inspections/oxfordshire/${year}-standard-inspection.md`),
        sample.replace("  care-leavers: good\n", `  care-leavers: good\n${areas}`).replace("2024-02-", `${year}-02-`).replace("published: 2024-04-09", `published: ${year}-04-09`),
      );
    const check = (args: string[]) =>
      spawnSync(process.execPath, [tsx, join(projectRoot, "src/cli/check.ts"), ...args], { cwd: project, encoding: "utf8", maxBuffer: 1 << 28 });
    const terminal = check([]);
    assert.is(terminal.status, 1, terminal.stderr);
    assert.match(terminal.stdout, /… and 2,\d{3} more problems/);
    const json = check(["--json"]);
    const report = JSON.parse(json.stdout) as CheckReport;
    assert.ok(json.stdout.length > 65_536, "more than one pipe's buffer");
    assert.equal([report.problems.length, report.problemsLeftOut], [1_000, report.problemCount - 1_000]);
    assert.ok(report.problemCount >= 3_000);
    const every = JSON.parse(check(["--json", "--max-problems", "0"]).stdout) as CheckReport;
    assert.equal([every.problems.length, every.problemsLeftOut], [every.problemCount, 0]);
    assert.is(check(["--max-problems", "some"]).status, 2);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

test.run();
