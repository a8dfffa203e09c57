import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ImportSetupError } from "../../src/authoring/import/index.ts";
import { parseMapping } from "../../src/authoring/import/mapping.ts";
import { importInto, projectRoot, shippedMapping, temporaryFolder } from "../fixtures/import/support.ts";

const shipped = readFileSync(join(projectRoot, shippedMapping), "utf8");

/** Runs the import with a changed copy of the shipped mapping; returns the error it must raise. */
function errorFor(change: (text: string) => string): ImportSetupError {
  const folder = temporaryFolder("mapping");
  try {
    const mapping = join(folder, "bad.yaml");
    writeFileSync(mapping, change(shipped));
    const content = join(folder, "content");
    try {
      importInto(content, { mapping });
    } catch (error) {
      assert.ok(error instanceof ImportSetupError, String(error));
      assert.not.ok(existsSync(content), "nothing is written when the mapping is bad");
      return error;
    }
    throw new Error("the import should have refused the mapping");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const mappings = suite("mapping files");

mappings("the shipped mapping reads without problems", () => {
  const result = parseMapping(shippedMapping, new TextEncoder().encode(shipped));
  assert.equal(result.problems, []);
  assert.ok(result.mapping);
  assert.equal(result.mapping.grade("Requires  Improvement "), { type: "grade", id: "requires-improvement" });
  assert.equal(result.mapping.grade("inspection_pre_dates_judgement").type, "leave-out");
  assert.equal(result.mapping.grade("data_unreadable").type, "unknown");
  assert.equal(result.mapping.grade("").type, "unknown");
  assert.equal(result.mapping.grade("adequate"), { type: "unmapped" });
});

mappings("a misspelt key is named with its line and the key meant", () => {
  const error = errorFor((text) => text.replace("\norganisation:", "\norgansation:"));
  assert.match(error.message, "has problems");
  assert.ok(
    error.details.some((line) =>
      /bad\.yaml:\d+:1 {2}organsation: 'organsation' is not a field here\. Did you mean 'organisation'\?/.test(line),
    ),
    error.details.join("\n"),
  );
});

mappings("ids and columns are checked against the frameworks and the CSV, all at once", () => {
  const error = errorFor((text) =>
    text
      .replace("      children-in-care-and-care-leavers: in_care_grade", "      children-in-care: in_care_grade")
      .replace("requires improvement: requires-improvement", "requires improvement: requires-improvment")
      .replace("column: inspection_start_date", "column: inspection_start")
      .replace("framework: ofsted-ilacs-2026", "framework: ofsted-ilacs-2027")
      .replace("format: dd/MM/yy\n", "format: dd/MM/qq\n"),
  );
  const all = error.details.join("\n");
  assert.match(all, /visit\.start\.column: The CSV has no column 'inspection_start'\./);
  assert.match(all, /published\.format: 'dd\/MM\/qq' is not a date format/);
  assert.match(
    all,
    /frameworks\.ofsted-ilacs-2018\.areas\.children-in-care: 'children-in-care' is not an area of ILACS 2018\./,
  );
  assert.match(
    all,
    /'requires-improvment' is not a grade or state on the Ofsted four-point scale.*Did you mean 'requires-improvement'\?/,
  );
  assert.match(all, /There is no framework 'ofsted-ilacs-2027'.*Did you mean 'ofsted-ilacs-2023'\?/);
  for (const line of error.details) assert.match(line, /bad\.yaml:\d+:\d+ {2}/);
});

mappings("a kind the framework does not have, a date range beyond the framework, a value meaning two things", () => {
  const error = errorFor((text) =>
    text
      .replace("    kind:\n      ifEmpty: single-inspection\n", "")
      .replace("    - from: 2013-11-01", "    - from: 2012-01-01")
      .replace("    data_unreadable: the scraper", "    good: the scraper"),
  );
  const all = error.details.join("\n");
  assert.match(
    all,
    /kind\.values\.short: SIF has no kind 'short'\..*Give SIF its own values under 'frameworks\.ofsted-sif-2013\.kind'\./,
  );
  assert.match(all, /framework\.byDate\[0\]: SIF was in force from 2013-11-01 to 2018-06-30/);
  assert.match(all, /grades\.unknown\.good: 'good' is also listed under grades\.values/);
});

mappings("YAML that cannot be read is reported at its line", () => {
  const error = errorFor((text) => text.replace("  name: local_authority", '  name: "local_authority'));
  assert.match(error.details.join("\n"), /opens a " quote that is never closed/);
});

mappings.run();
