/**
 * The check before publishing works in a temporary copy of the content as the branch has
 * it committed, and never deletes or writes anywhere else: a path with `..` (issue 27:
 * `content/../../../X` deleted /X), or one through a symbolic link in the content that
 * leads out of it, is refused before the copy is touched, and the file it names is still
 * there. Changes not committed are not what is checked.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runCheck } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { OutsideTheCopy, problemsOnDeleting, problemsOnSaving } from "../../src/authoring/editors/publish-check.ts";
import { projectRoot } from "../browser/support.ts";

const check = suite("the check before publishing touches only its copy of the content");

let project = "";
let outside = "";

const IDENTITY = {
  GIT_AUTHOR_NAME: "Check Test",
  GIT_AUTHOR_EMAIL: "check@example.org",
  GIT_COMMITTER_NAME: "Check Test",
  GIT_COMMITTER_EMAIL: "check@example.org",
};

function git(args: string[]): void {
  const result = spawnSync("git", args, { cwd: project, encoding: "utf8", env: { ...process.env, ...IDENTITY } });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
}

/** A repository with the project at its top, and the same project again in nested/. */
check.before(() => {
  project = mkdtempSync(join(tmpdir(), "explainers-publish-check-"));
  outside = mkdtempSync(join(tmpdir(), "explainers-publish-outside-"));
  for (const at of [project, join(project, "nested")]) {
    mkdirSync(at, { recursive: true });
    cpSync(join(projectRoot, "content"), join(at, "content"), { recursive: true });
    cpSync(join(projectRoot, "site.yaml"), join(at, "site.yaml"));
  }
  writeFileSync(join(outside, "victim.md"), "Not the check's to touch.\n");
  git(["init", "-q", "-b", "main"]);
  git(["add", "."]);
  git(["commit", "-q", "-m", "The project"]);
});

check.after(() => {
  for (const folder of [project, outside]) rmSync(folder, { recursive: true, force: true });
});

const place = () => ({ repository: project, root: project, content: "content", into: "main" });

check("a path that climbs out of the content is refused, and the file it names is kept", () => {
  const climb = `content/${relative(join(project, "content"), join(outside, "victim.md"))}`;
  assert.match(climb, /^content\/\.\.\/\.\.\//);
  assert.throws(
    () => problemsOnDeleting(place(), [climb]),
    (error: unknown) => error instanceof OutsideTheCopy,
  );
  assert.throws(
    () => problemsOnSaving(place(), new Map([[climb, "replaced"]])),
    (error: unknown) => error instanceof OutsideTheCopy,
  );
  assert.is(readFileSync(join(outside, "victim.md"), "utf8"), "Not the check's to touch.\n");
});

check("a path through a committed link in the content that leads out of it is refused, and the file kept", () => {
  const link = join(project, "content/organisations/elsewhere");
  symlinkSync(outside, link);
  git(["add", "content/organisations/elsewhere"]);
  git(["commit", "-q", "-m", "A link out"]);
  try {
    assert.throws(
      () => problemsOnDeleting(place(), ["content/organisations/elsewhere/victim.md"]),
      (error: unknown) => error instanceof OutsideTheCopy,
    );
    assert.throws(
      () => problemsOnSaving(place(), new Map([["content/organisations/elsewhere/victim.md", "replaced"]])),
      (error: unknown) => error instanceof OutsideTheCopy,
    );
  } finally {
    git(["rm", "-q", "content/organisations/elsewhere"]);
    git(["commit", "-q", "-m", "No link out"]);
  }
  assert.is(readFileSync(join(outside, "victim.md"), "utf8"), "Not the check's to touch.\n");
});

check("what is checked is the committed content: a broken file not committed is neither checked nor blamed", () => {
  const file = join(project, "content/organisations/oxfordshire.md");
  const before = readFileSync(file, "utf8");
  writeFileSync(file, "---\nname: \n---\n");
  try {
    const event = "content/organisations/fine-council.md";
    const problems = problemsOnSaving(place(), new Map([[event, "---\nname: \n---\n"]]));
    assert.equal(
      [...new Set(problems.map((problem) => problem.file))],
      [event],
      "only the new file's problem: the editor's broken local file is not what is published",
    );
  } finally {
    writeFileSync(file, before);
  }
});

check("a save straight to the branch is checked as npm run check would check it, in the copy", () => {
  const file = join(project, "content/organisations/oxfordshire.md");
  const before = readFileSync(file, "utf8");
  const problems = problemsOnSaving(place(), new Map([["content/organisations/oxfordshire.md", "---\nname: \n---\n"]]));
  assert.ok(
    problems.some((problem) => problem.file === "content/organisations/oxfordshire.md" && problem.field === "name"),
    `breaking an organisation's file is a problem there: ${problems.map(formatProblem).join("\n")}`,
  );
  assert.equal(problemsOnSaving(place(), new Map([["content/organisations/oxfordshire.md", before]])), []);
  assert.is(readFileSync(file, "utf8"), before, "the content itself is untouched");
});

check(
  "a report dated after today cannot be published: the check is npm run check's own, today's dates included",
  () => {
    const path = "content/inspections/oxfordshire/2024-standard-inspection.md";
    const file = join(project, path);
    const text = readFileSync(file, "utf8");
    const later = text.replace(/^published: .*$/m, "published: 2099-03-12");
    assert.is.not(later, text);
    const problems = problemsOnSaving(place(), new Map([[path, later]]));
    assert.equal(
      problems.map((problem) => [problem.file, problem.field]),
      [[path, "published"]],
    );
    // The same words as npm run check on the content as it would be.
    writeFileSync(file, later);
    try {
      const checked = runCheck(project, "content", { notices: false }).problems;
      assert.equal(problems.map(formatProblem), checked.map(formatProblem));
      assert.match(problems[0]!.message, "This date is after today");
    } finally {
      writeFileSync(file, text);
    }
  },
);

check("a problem's file is named from the repository's folder when the project is inside it", () => {
  const inner = { repository: project, root: join(project, "nested"), content: "content", into: "main" };
  const path = "nested/content/organisations/oxfordshire.md";
  const problems = problemsOnSaving(inner, new Map([[path, "---\nname: \n---\n"]]));
  assert.ok(problems.length > 0);
  for (const problem of problems) assert.is(problem.file, path);
});

check.run();
