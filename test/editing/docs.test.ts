/**
 * The editing docs say what the tools really do: every complete frontmatter example is one
 * test/docs/examples.test.ts can validate, the documented `--json` shape is the printed
 * one, and the worked example's comparison sentence is the one the build generates.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { LIMITS } from "../../src/content/limits.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { verdictSentence } from "../../src/model/sentence.ts";
import { projectRoot, runTool } from "./support.ts";

const docs = suite("docs for editors");

const docFiles = () => readdirSync(join(projectRoot, "docs")).filter((name) => name.endsWith(".md"));
const read = (name: string) => readFileSync(join(projectRoot, "docs", name), "utf8");
/** Every fenced block: its info string and its text. */
const fences = (text: string) =>
  [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((match) => ({ info: match[1]!, body: match[2]! }));

docs("every complete frontmatter example names its file, so the examples test validates it", () => {
  for (const name of docFiles()) {
    for (const { info, body } of fences(read(name))) {
      if (body.startsWith("---\n"))
        assert.match(
          info,
          /^md file=content\/(organisations|inspections|events)\/\S+\.md$/,
          `${name}: a frontmatter example without file=:\n${body.slice(0, 200)}`,
        );
      if (info.startsWith("yaml file="))
        assert.match(
          info,
          /^yaml file=content\/(inspectorates|scales|frameworks)\/[a-z0-9-]+\.yaml$/,
          `${name}: ${info}`,
        );
    }
  }
});

docs("the documented --json shape is the one npm run check prints", () => {
  const documented = fences(read("editing.md"))
    .filter((fence) => fence.info === "json")
    .map((fence) => JSON.parse(fence.body) as Record<string, unknown>);
  assert.is(documented.length, 1);
  const printed = JSON.parse(runTool("check", ["--json"]).stdout) as Record<string, unknown>;
  const shape = (report: Record<string, unknown>) => ({
    top: Object.keys(report),
    checked: Object.keys(report.checked as object),
  });
  assert.equal(shape(documented[0]!), shape(printed));
  const problem = (documented[0]!.problems as Record<string, unknown>[])[0]!;
  assert.equal(Object.keys(problem), ["file", "line", "column", "field", "found", "message", "fix"]);
});

/** The sample content with every example file of the docs added, checked; `use` gets the model. */
function withDocExamples(use: (model: NonNullable<ReturnType<typeof checkContent>["model"]>) => void): void {
  const work = mkdtempSync(join(tmpdir(), "explainers-docs-editing-"));
  try {
    cpSync(join(projectRoot, "content"), join(work, "content"), { recursive: true });
    for (const name of docFiles()) {
      for (const match of read(name).matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) {
        mkdirSync(dirname(join(work, match[1]!)), { recursive: true });
        writeFileSync(join(work, match[1]!), match[2]!);
      }
    }
    const result = checkContent(work);
    assert.equal(result.problems.map(formatProblem), []);
    use(result.model!);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

docs("the worked example in frameworks.md compares through its crosswalk as the doc says", () => {
  withDocExamples((model) => {
    const inspection = model.inspections.find((candidate) => candidate.id === "example-city/2026-joint-inspection")!;
    assert.equal(
      inspection.comparison!.rows.map((row) => `${row.relation} ${row.area?.id} ${row.change}`),
      [
        "split children-protected improved",
        "split children-needs-met unchanged",
        "same leadership improved",
        "new children-heard no-arrow",
      ],
    );
    const quoted = /rows:\n\n> (.+)\n/.exec(read("frameworks.md"))?.[1];
    assert.is(quoted, verdictSentence(inspection));
  });
});

docs("the CQC example in frameworks.md: the focused inspection and the one after it read as the doc says", () => {
  withDocExamples((model) => {
    const find = (id: string) => model.inspections.find((candidate) => candidate.id === `example-care-home/${id}`)!;
    const focused = find("2022-focused-inspection");
    const after = find("2023-comprehensive-inspection");
    const doc = read("frameworks.md");
    assert.is(/key\nquestions with the ratings they kept:\n\n> (.+)\n/.exec(doc)?.[1], verdictSentence(focused));
    assert.is(/which still stood:\n\n> (.+)\n/.exec(doc)?.[1], verdictSentence(after));
    const caring = after.comparison!.rows.find((row) => row.area?.id === "caring")!;
    assert.equal(
      [caring.change, caring.previous[0]!.inspection!.id],
      ["improved", "example-care-home/2019-comprehensive-inspection"],
    );
  });
});

docs("the limits in content-format.md are the ones the check applies", () => {
  const table = read("content-format.md").split("## Limits and what is refused")[1]!.split("\n\n")[2]!;
  const row = (starts: string) => table.split("\n").find((line) => line.startsWith(`| ${starts}`)) ?? "";
  const count = (value: number) => value.toLocaleString("en-GB");
  assert.match(row("A content file"), `${count(LIMITS.fileBytes)} bytes`);
  assert.match(row("A line of text"), `${count(LIMITS.shortText)} characters`);
  assert.match(row("A paragraph"), `${count(LIMITS.longText)} characters`);
  assert.match(row("The Markdown"), `${count(LIMITS.body)} characters`);
  assert.match(row("A web address"), `${count(LIMITS.url)} characters`);
  assert.match(row("An id"), `${count(LIMITS.id)} characters`);
  assert.match(row("Lists and groups"), `${LIMITS.nesting} levels`);
});

docs.run();
