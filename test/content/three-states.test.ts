/**
 * The content format of the three states (grade, not judged, unknown), of undated reports
 * and unknown kinds, and of kinds that judge only some areas: what an editor may write,
 * what `npm run check` refuses (with the line and the fix), and what it lists as notices.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem, problemText } from "../../src/content/problems.ts";
import { assertProblems, checkWithFiles, lineOf, replaceOnce, sampleText, sampleWith } from "../fixtures/broken-content.ts";

const I2024 = "content/inspections/oxfordshire/2024-standard-inspection.md";
const I2014 = "content/inspections/oxfordshire/2014-single-inspection.md";
const ILACS_2023 = "content/frameworks/ofsted-ilacs-2023.yaml";
const SCALE = "content/scales/ofsted-four-point.yaml";
const UNDATED = "content/inspections/oxfordshire/2016-undated.md";

/** A SIF single inspection of Oxfordshire with no visit dates, published on `published`. */
function undated(published: string, more = ""): string {
  return [
    "---",
    "organisation: oxfordshire",
    "framework: ofsted-sif-2013",
    "kind: single-inspection",
    "visit: unknown",
    `published: ${published}`,
    "report: https://example.org/oxfordshire-2016",
    "summary: An inspection whose visit dates are not known.",
    "judgements:",
    "  overall-effectiveness: good",
    more,
    "---",
    "",
  ].join("\n");
}

const written = suite("the three states: what an editor may write");

written("'unknown', 'not-judged' and 'not-judged:' with a reason are every scale's, and pass", () => {
  const text = replaceOnce(
    sampleWith(I2024, "help-and-protection: good", "help-and-protection: unknown"),
    "care-leavers: good",
    "care-leavers:\n    not-judged: The report says care leavers were not looked at.",
  );
  const result = checkWithFiles({ [I2024]: sampleWith(I2024, "children-in-care: good", "children-in-care: not-judged") });
  assert.equal(result.problems.map(formatProblem), []);
  const both = checkWithFiles({ [I2024]: text });
  assert.equal(both.problems.map(formatProblem), []);
  const inspection = both.model!.inspections.find((candidate) => candidate.id === "oxfordshire/2024-standard-inspection")!;
  const outcome = (area: string) => inspection.judgements.find((judgement) => judgement.area.id === area)!.outcome;
  assert.is(outcome("help-and-protection").kind, "unknown");
  assert.equal(
    [outcome("care-leavers").kind, outcome("care-leavers").meaning],
    ["not-judged", "The report says care leavers were not looked at."],
  );
});

written("an undated graded inspection with its publication date and report passes, placed by its publication date", () => {
  const result = checkWithFiles({ [UNDATED]: undated("2016-05-20") });
  assert.equal(result.problems.map(formatProblem), []);
  const inspection = result.model!.inspections.find((candidate) => candidate.id === "oxfordshire/2016-undated")!;
  assert.equal([inspection.visit, inspection.placedOn, inspection.title], [null, "2016-05-20", "Ofsted single inspection, 2016"]);
  // Between the 2014 and 2018 inspections: the 2018 one is now compared with it, not with 2014.
  const next = result.model!.inspections.find((candidate) => candidate.id === "oxfordshire/2018-short-inspection")!;
  assert.is(next.previous?.id, "oxfordshire/2016-undated");
});

const refused = suite("the three states: what npm run check refuses");

refused("an undated inspection needs its publication date, and a framework begun by then", () => {
  const noDate = undated("2016-05-20").replace("published: 2016-05-20\n", "");
  // A missing field is pointed at the first line of the frontmatter.
  assertProblems(checkWithFiles({ [UNDATED]: noDate }), [
    { file: UNDATED, line: 2, field: "published", says: ["The visit dates are not known, so the inspection is placed by its report's publication date, and there is none.", "Add 'published:'"] },
  ]);
  const early = undated("2013-06-01");
  assertProblems(checkWithFiles({ [UNDATED]: early }), [
    { file: UNDATED, line: lineOf(early, "framework:"), field: "framework", says: "SIF came into force on 2013-11-01, after this report was published (2013-06-01)." },
  ]);
});

refused("an undated file and a dated one for the same report, or the same publication date, are one inspection", () => {
  const sameReport = undated("2016-05-20").replace("https://example.org/oxfordshire-2016", "https://files.ofsted.gov.uk/v1/file/2762428");
  assertProblems(checkWithFiles({ [UNDATED]: sameReport }), [
    { file: UNDATED, line: lineOf(sameReport, "report:"), field: "report", says: "the same inspection as content/inspections/oxfordshire/2014-single-inspection.md (the same report)" },
  ]);
  const samePublication = undated("2014-06-30");
  assertProblems(checkWithFiles({ [UNDATED]: samePublication }), [
    { file: UNDATED, line: lineOf(samePublication, "published:"), field: "published", says: "same organisation, framework, kind and publication date, and one has no visit dates" },
  ]);
});

refused("no scale may define 'unknown' or 'not-judged': every scale has them", () => {
  const text = sampleWith(SCALE, "  - id: withheld", "  - id: not-judged\n    label: Not judged\n    meaning: Not judged.\n  - id: withheld");
  assertProblems(checkWithFiles({ [SCALE]: text }), [
    { file: SCALE, line: lineOf(text, "id: not-judged"), field: "states[0].id", says: "'not-judged' is built in on every scale" },
  ]);
});

refused("a kind that judges a list of areas names the framework's areas, and gets grades only for those", () => {
  const framework = sampleWith(ILACS_2023, "    label: Short inspection\n    graded: true", "    label: Short inspection\n    graded: true\n    judges: [overall-effectiveness, help-and-protektion]");
  assertProblems(checkWithFiles({ [ILACS_2023]: framework }), [
    { file: ILACS_2023, line: lineOf(framework, "judges:"), field: "kinds[1].judges[1]", says: ["'help-and-protektion' is not an area of this framework.", "Did you mean 'help-and-protection'?"] },
  ]);
  const short = sampleWith(ILACS_2023, "    label: Short inspection\n    graded: true", "    label: Short inspection\n    graded: true\n    judges: [overall-effectiveness]");
  const inspection = sampleWith(I2024, "kind: standard", "kind: short");
  assertProblems(checkWithFiles({ [ILACS_2023]: short, [I2024]: inspection }), [
    "impact-of-leaders",
    "help-and-protection",
    "children-in-care",
    "care-leavers",
  ].map((area) => ({ file: I2024, line: lineOf(inspection, `${area}: good`), field: `judgements.${area}`, says: `ILACS 2023 says a short inspection does not judge '${area}'` })));
});

refused("'unknown' is kept for the kind not known; a framework may not name a kind so", () => {
  const text = sampleWith(ILACS_2023, "  - id: short", "  - id: unknown");
  assertProblems(checkWithFiles({ [ILACS_2023]: text }), [
    { file: ILACS_2023, line: lineOf(text, "id: unknown"), field: "kinds[1].id", says: "'unknown' is kept for inspections whose kind the source does not say" },
  ]);
});

const notices = suite("notices: what the content does not know yet");

notices("unknown grades, areas left out that the kind judges, unknown visits and kinds are notices, not problems", () => {
  const text = replaceOnce(
    sampleWith(I2024, "help-and-protection: good", "help-and-protection: unknown"),
    "  care-leavers: good\n",
    "",
  );
  const result = checkWithFiles({ [I2024]: text.replace("kind: standard", "kind: unknown"), [UNDATED]: undated("2016-05-20") });
  assert.equal(result.problems, []);
  assert.ok(result.model);
  const listed = result.notices.map((notice) => `${notice.file}:${notice.line} ${notice.field}: ${problemText(notice)}`);
  assert.equal(listed.filter((line) => line.startsWith(I2024)), [
    `${I2024}:${lineOf(text, "kind:")} kind: The kind of inspection is not known. Add it from the report (https://files.ofsted.gov.uk/v1/file/50243682): 'standard' or 'short'.`,
    `${I2024}:${lineOf(text, "judgements:")} judgements: 'care-leavers' is left out, and this kind of inspection judges it, so its grade counts as not known. Add it from the report (https://files.ofsted.gov.uk/v1/file/50243682), or write 'care-leavers: not-judged' if it was not judged.`,
    `${I2024}:${lineOf(text, "help-and-protection: unknown")} judgements.help-and-protection: The grade is not on this site yet. Add it from the report (https://files.ofsted.gov.uk/v1/file/50243682).`,
  ]);
  const undatedNotices = listed.filter((line) => line.startsWith(UNDATED));
  assert.match(undatedNotices[0]!, "visit: The visit dates are not known, so the inspection is placed by its publication date. Add them from the report (https://example.org/oxfordshire-2016).");
  // The SIF areas it leaves out are judged at a single inspection: six notices for them.
  assert.is(undatedNotices.length, 1 + 6);
  assert.equal(checkWithFiles({ [I2014]: sampleText(I2014) }).notices, []);
});

written.run();
refused.run();
notices.run();
