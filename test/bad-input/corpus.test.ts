/**
 * Every case of the corpus (cases/*.ts, one kind of bad input each) against a fresh copy
 * of the sample project: check lists exactly the problems the case expects, each with its
 * file, line, field, what is wrong and what to do, and nothing is thrown; the problems read
 * as the terminal and tools get them (no control character reaches a terminal, every one
 * has its fix in the JSON); and the build refuses, or builds, as the case says.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkProject } from "../../src/content/index.ts";
import { checkReport } from "../../src/content/problem-json.ts";
import { linesFromDisk } from "../../src/content/problem-quote.ts";
import { NO_COLOURS, problemReport } from "../../src/content/problem-report.ts";
import { formatProblem, problemText, type ContentProblem } from "../../src/content/problems.ts";
import { notAContentFolder } from "../../src/cli/args.ts";
import { buildRefusal } from "../../src/cli/build-refusal.ts";
import { readSite } from "../../src/site.ts";
import { makeProject, removeProject, runCommand, TODAY, type BadInput, type Expected } from "./corpus.ts";

const corpus = suite("bad input: every kind, in one pass of check, and the build");
const casesFolder = join(import.meta.dirname, "cases");
const names = readdirSync(casesFolder)
  .filter((name) => name.endsWith(".ts"))
  .sort();

const words = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

function assertProblems(found: readonly ContentProblem[], expected: readonly Expected[]): void {
  const listing = found.map(formatProblem).join("\n") || "(none)";
  assert.is(found.length, expected.length, `Expected ${expected.length} problems; check reported:\n${listing}`);
  expected.forEach((want, index) => {
    const problem = found[index]!;
    const where = `problem ${index + 1} (${formatProblem(problem)})`;
    assert.is(problem.file, want.file, `${where}: file`);
    if (want.line !== undefined) assert.is(problem.line, want.line, `${where}: line`);
    if (want.column !== undefined) assert.is(problem.column, want.column, `${where}: column`);
    if (want.field !== undefined) assert.is(problem.field, want.field, `${where}: field`);
    for (const text of words(want.says))
      assert.ok(problem.message.includes(text), `${where}: should say ${JSON.stringify(text)}`);
    for (const text of words(want.fix))
      assert.ok(problem.fix.includes(text), `${where}: its fix should say ${JSON.stringify(text)}`);
  });
}

/** What every problem of every case must be, whatever the case. */
function assertWellTold(project: string, problems: readonly ContentProblem[], input: BadInput): void {
  for (const problem of problems) {
    assert.ok(problem.line >= 1 && problem.column >= 1, `${formatProblem(problem)}: a line and a column`);
    assert.ok(/[.?!)]$/.test(problem.message), `${formatProblem(problem)}: the message is a sentence`);
    assert.ok(problem.fix.trim().length > 0, `${formatProblem(problem)}: has a fix`);
    assert.not.match(
      problemText(problem),
      /Invalid|undefined|\[object /,
      `${formatProblem(problem)}: no machine words`,
    );
  }
  const report = problemReport(problems, linesFromDisk(project, input.content ?? "content"), NO_COLOURS);
  if (input.neverShown)
    assert.not.match(
      report + problems.map(formatProblem).join("\n"),
      input.neverShown,
      "nothing of a file that is not content is shown",
    );
  assert.not.match(
    report,
    /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/,
    "the terminal report holds no control character",
  );
  const json = checkReport(
    { inspectorates: [], scales: [], frameworks: [], organisations: [], inspections: [], events: [] },
    problems,
  );
  assert.ok(json.problems.every((problem) => problem.fix.length > 0));
}

function checkedInProcess(input: BadInput, project: string): ContentProblem[] {
  const content = input.content ?? "content";
  const misuse = notAContentFolder(project, content);
  if (input.misuse) {
    assert.ok(misuse, "the command is refused before checking anything");
    for (const text of input.misuse) assert.match(misuse!, text);
    return [];
  }
  assert.is(misuse, undefined);
  return checkProject(project, content, { today: TODAY }).problems;
}

/** Problems as the real check command reports them (--json), run as a user the file system refuses. */
function checkedUnprivileged(project: string, input: BadInput): ContentProblem[] {
  const run = runCommand(project, "check", ["--json", ...(input.content ? ["--content", input.content] : [])], true);
  assert.is(run.stderr, "", run.stderr);
  return (JSON.parse(run.stdout) as { problems: (ContentProblem & { found: string | null })[] }).problems.map(
    (problem) => ({
      ...problem,
      message: problem.message.slice(0, problem.message.length - problem.fix.length).trimEnd(),
    }),
  );
}

function buildExit(input: BadInput, project: string): number {
  if (input.misuse) return 2;
  if (input.unprivileged) return runCommand(project, "build", ["--quiet", "--no-search"], true).status ?? -1;
  const site = readSite(project, input.content ?? "content", {});
  return buildRefusal(site, { content: input.content ?? "content", allowEmpty: false })?.exitCode ?? 0;
}

for (const name of names) {
  const input = ((await import(join(casesFolder, name))) as { default: BadInput }).default;
  const reason = input.skip?.();
  if (reason) {
    console.log(`bad input ${name}: skipped, ${reason}`);
    corpus.skip(`${name}: ${input.what}`, () => {});
    continue;
  }
  corpus(`${name.replace(/\.ts$/, "")}: ${input.what}`, () => {
    const project = makeProject(input);
    try {
      const problems = input.unprivileged ? checkedUnprivileged(project, input) : checkedInProcess(input, project);
      assertProblems(problems, input.problems);
      assertWellTold(project, problems, input);
      assert.is(buildExit(input, project), input.build, "the build's exit code");
    } finally {
      removeProject(project);
    }
  });
}

corpus("the corpus is at least as broad as the issue's list", () => {
  assert.ok(names.length >= 58, `${names.length} kinds`);
});

corpus.run();
