/**
 * A field left empty (`published:` with nothing after the colon) is shown to the editor as
 * that, never as "(found null)": YAML reads an empty value as null, which no editor wrote.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runCheck } from "../../src/content/index.ts";
import { describeValue, foundText } from "../../src/content/problems.ts";
import { projectRoot } from "../fixtures/content.ts";

const empty = suite("an empty field, as check tells it");

empty("null is 'nothing after the colon'; nothing at all is 'nothing'", () => {
  assert.is(describeValue(null), "nothing after the colon");
  assert.is(describeValue(undefined), "nothing");
});

empty("a publication date left empty is reported without '(found null)'", () => {
  const folder = mkdtempSync(join(tmpdir(), "explainers-empty-field-"));
  try {
    cpSync(join(projectRoot, "content"), join(folder, "content"), { recursive: true });
    cpSync(join(projectRoot, "site.yaml"), join(folder, "site.yaml"));
    const file = join(folder, "content/inspections/oxfordshire/2024-standard-inspection.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^published: .*$/m, "published:"));
    const problems = runCheck(folder, "content", { notices: false }).problems;
    const published = problems.find((problem) => problem.field === "published");
    assert.ok(published, "the empty field is a problem");
    // Told as empty, with the fix, and no "(found ...)" after it: the message already says what was found.
    assert.match(published!.message, /^is empty/);
    assert.match(published!.fix ?? "", "after the colon");
    assert.is(foundText(published!), "");
    assert.not.match(JSON.stringify(problems), "found null");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

empty.run();
