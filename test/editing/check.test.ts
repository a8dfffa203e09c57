import { rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { CheckReport } from "../../src/content/problem-json.ts";
import { quotedLine, type LinesOf } from "../../src/content/problem-quote.ts";
import { ANSI_COLOURS, coloursFor, NO_COLOURS, problemReport } from "../../src/content/problem-report.ts";
import type { ContentProblem } from "../../src/content/problems.ts";
import { editFile, runTool, sampleCopy } from "./support.ts";

const check = suite("npm run check");
let folder = "";
let content = "";

check.before(() => {
  ({ folder, content } = sampleCopy("check"));
  editFile(
    join(content, "inspections/oxfordshire/2024-standard-inspection.md"),
    "help-and-protection: good",
    "help-and-protection: goood",
  );
  editFile(
    join(content, "inspections/oxfordshire/2024-standard-inspection.md"),
    "children-in-care: good",
    "children-in-care: Good",
  );
  editFile(join(content, "organisations/wessex-police.md"), "kind:", "knd:");
});
check.after(() => rmSync(folder, { recursive: true, force: true }));

check("exits 0 with a count of what it checked when all is well", () => {
  const result = runTool("check", []);
  assert.is(result.status, 0, result.stdout + result.stderr);
  assert.match(
    result.stdout,
    /^OK: 6 inspections of 2 organisations, 3 events, 6 frameworks and 3 scales checked in \d+ ms\.\n$/,
  );
});

check("lists grades not on the site yet as notices, with the line and the report, and still exits 0", () => {
  const { folder: other, content: unknownContent } = sampleCopy("check-notices");
  try {
    editFile(
      join(unknownContent, "inspections/oxfordshire/2024-standard-inspection.md"),
      "help-and-protection: good",
      "help-and-protection: unknown",
    );
    const result = runTool("check", ["--content", unknownContent]);
    assert.is(result.status, 0, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      "content/inspections/oxfordshire/2024-standard-inspection.md\n  17:3  judgements.help-and-protection: The grade is not on this site yet. Add it from the report (https://files.ofsted.gov.uk/v1/file/50243682).",
    );
    assert.match(result.stdout, "1 notice in 1 file: grades, dates or kinds not on this site yet.");
    assert.match(result.stdout, /\nOK: 6 inspections/);
    const json = JSON.parse(runTool("check", ["--content", unknownContent, "--json"]).stdout) as CheckReport;
    assert.equal([json.ok, json.noticeCount, json.notices[0]?.field], [true, 1, "judgements.help-and-protection"]);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

check("groups problems by file, gives line:column, quotes the line with a caret, and counts them", () => {
  const result = runTool("check", ["--content", content]);
  assert.is(result.status, 1);
  const lines = result.stdout.split("\n");
  const header = lines.findIndex((line) =>
    line.endsWith("content/inspections/oxfordshire/2024-standard-inspection.md"),
  );
  assert.ok(header >= 0, result.stdout);
  assert.equal(lines.slice(header + 1, header + 4), [
    "  17:3  judgements.help-and-protection: 'goood' is not a grade on the Ofsted four-point scale. Did you mean 'good'? Allowed: 'outstanding', 'good', 'requires-improvement', 'inadequate', 'withheld', 'unknown', 'not-judged'. (found 'goood')",
    "    17 |   help-and-protection: goood",
    "       |   ^",
  ]);
  assert.match(
    result.stdout,
    "  18:3  judgements.children-in-care: 'Good' is not a grade on the Ofsted four-point scale. Did you mean 'good'?",
  );
  assert.match(
    result.stdout,
    /content\/organisations\/wessex-police\.md\n {2}2:1 {2}kind: This field is required and is missing\. Add 'kind:' with its value\.\n {2}\d+:1 {2}knd: 'knd' is not a field here\. Did you mean 'kind'\?/,
  );
  // A missing field is reported where its file starts; that line is not quoted, as it is not the mistake.
  assert.not.match(result.stdout, "     2 | name: Wessex Police");
  assert.match(result.stdout, "\n4 problems in 2 files.\nFix them, then run npm run check again.\n");
  assert.not.match(result.stdout, "\u001b[");
  assert.is(result.stderr.replace(/npm warn.*\n/g, ""), "");
});

check("--json prints one document of a stable shape, and exits 1", () => {
  const result = runTool("check", ["--content", content, "--json"]);
  assert.is(result.status, 1);
  const report = JSON.parse(result.stdout) as CheckReport;
  assert.equal(Object.keys(report), [
    "version",
    "ok",
    "problemCount",
    "fileCount",
    "problems",
    "noticeCount",
    "notices",
    "checked",
    "problemsLeftOut",
    "noticesLeftOut",
  ]);
  assert.is(report.version, 1);
  assert.is(report.ok, false);
  assert.is(report.problemCount, 4);
  assert.is(report.fileCount, 2);
  assert.equal(report.checked, {
    inspectorates: 2,
    scales: 3,
    frameworks: 6,
    organisations: 1,
    inspections: 6,
    events: 3,
  });
  const first = report.problems.find((problem) => problem.field === "judgements.help-and-protection")!;
  assert.equal(Object.keys(first), ["file", "line", "column", "field", "found", "message", "fix"]);
  assert.is(
    first.fix,
    "Did you mean 'good'? Allowed: 'outstanding', 'good', 'requires-improvement', 'inadequate', 'withheld', 'unknown', 'not-judged'.",
  );
  assert.ok(
    first.message.endsWith(` ${first.fix}`),
    "the message is the whole of what the editor is told, the fix last",
  );
  assert.match(first.file, /content\/inspections\/oxfordshire\/2024-standard-inspection\.md$/);
  assert.equal([first.line, first.column, first.found], [17, 3, "'goood'"]);
  assert.is(report.problems.find((problem) => problem.field === "kind")!.found, null);
  const ok = JSON.parse(runTool("check", ["--json"]).stdout) as CheckReport;
  assert.equal([ok.ok, ok.problemCount, ok.problems], [true, 0, []]);
});

check("exits 2 when misused: an unknown option, a file name, a content folder that is not there", () => {
  for (const args of [
    ["--frobnicate"],
    ["content/organisations/oxfordshire.md"],
    ["--content", join(folder, "no-such-folder")],
  ]) {
    const result = runTool("check", args);
    assert.is(result.status, 2, args.join(" "));
    assert.match(result.stderr, "Usage: explainers check");
    assert.is(result.stdout, "");
  }
});

check("colour only on a terminal, never with NO_COLOR, and on request with FORCE_COLOR", () => {
  assert.is(coloursFor({ isTTY: true }, {}), ANSI_COLOURS);
  assert.is(coloursFor({ isTTY: false }, {}), NO_COLOURS);
  assert.is(coloursFor({}, {}), NO_COLOURS);
  assert.is(coloursFor({ isTTY: true }, { NO_COLOR: "1" }), NO_COLOURS);
  assert.is(coloursFor({ isTTY: false }, { FORCE_COLOR: "1" }), ANSI_COLOURS);
  assert.is(coloursFor({ isTTY: true }, { FORCE_COLOR: "1", NO_COLOR: "1" }), NO_COLOURS);
  const forced = runTool("check", ["--content", content], { FORCE_COLOR: "1" });
  assert.match(forced.stdout, "\u001b[31m^\u001b[39m");
  const both = runTool("check", ["--content", content], { FORCE_COLOR: "1", NO_COLOR: "1" });
  assert.not.match(both.stdout, "\u001b[");
});

const problem = (overrides: Partial<ContentProblem>): ContentProblem => ({
  file: "content/a.yaml",
  line: 2,
  column: 3,
  field: "grades",
  message: "is wrong.",
  fix: "Write it right.",
  ...overrides,
});
const lines: LinesOf = () => ["name: A scale", "\t grades: x"];

check("the caret sits under the column, tabs kept, and long lines are cut around it", () => {
  assert.equal(problemReport([problem({})], lines, NO_COLOURS).split("\n"), [
    "content/a.yaml",
    "  2:3  grades: is wrong. Write it right.",
    "     2 | \t grades: x",
    "       | \t ^",
    "",
    "1 problem in 1 file.",
  ]);
  const long = `${"x".repeat(150)}: value`;
  const cut = quotedLine(long, 151);
  assert.ok(cut.text.startsWith("…") && cut.text.length <= 102, cut.text);
  assert.is(cut.text[cut.caret - 1], ":");
  assert.equal(quotedLine("name: x", 1), { text: "name: x", caret: 0 });
});

check.run();
