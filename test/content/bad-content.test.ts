/**
 * What an editor is told about a broken file: for each case, a copy of the real content/
 * with one file broken the way people break files, checked as `npm run check` checks it.
 * Every problem must name the file, the line an editor would look at, the field, and say
 * what would be right; and no site may be built.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { assertProblems, checkWithFiles, lineOf, replaceOnce, SAMPLE, sampleText, sampleWith } from "../fixtures/broken-content.ts";
import { projectRoot } from "../fixtures/content.ts";

const { I2024, I2018, FOCUSED, ILACS_2023, OXFORDSHIRE, RISE_IN_DEMAND, RESTRUCTURE, TURNOVER } = SAMPLE;

const baseline = suite("the sample content, unbroken");

baseline("has no problems, so every problem below comes from the one file each test breaks", () => {
  const result = checkContent(projectRoot);
  assert.equal(result.problems, []);
  assert.ok(result.model);
  assert.equal(checkWithFiles({}).problems, []);
});

const grades = suite("bad content: grades and areas");

grades("a misspelt grade suggests the grade it is nearest to", () => {
  const text = sampleWith(I2024, "help-and-protection: good", "help-and-protection: goood");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    {
      file: I2024,
      line: lineOf(text, "goood"),
      field: "judgements.help-and-protection",
      says: ["'goood' is not a grade on the Ofsted four-point scale.", "Did you mean 'good'?", "Allowed: 'outstanding', 'good',"],
    },
  ]);
});

grades("a grade written as the report writes it ('Good', 'requires improvement') suggests its id", () => {
  const text = replaceOnce(
    sampleWith(I2024, "help-and-protection: good", "help-and-protection: requires improvement"),
    "care-leavers: good",
    "care-leavers: Good",
  );
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "requires improvement"), field: "judgements.help-and-protection", says: "Did you mean 'requires-improvement'?" },
    { file: I2024, line: lineOf(text, "care-leavers: Good"), field: "judgements.care-leavers", says: "Did you mean 'good'?" },
  ]);
});

grades("an area of the framework this one replaced says which areas replaced it", () => {
  const text = sampleWith(I2024, "  children-in-care: good\n  care-leavers: good\n", "  children-in-care-and-care-leavers: good\n");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    {
      file: I2024,
      line: lineOf(text, "children-in-care-and-care-leavers"),
      field: "judgements.children-in-care-and-care-leavers",
      says: ["is an area of ILACS 2018, which ILACS 2023 replaced: it was replaced by 'children-in-care', 'care-leavers'."],
    },
  ]);
});

grades("an area of another inspectorate's framework says whose it is", () => {
  const text = sampleWith(I2024, "  care-leavers: good\n", "  care-leavers: good\n  efficiency: good\n");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    {
      file: I2024,
      line: lineOf(text, "efficiency"),
      field: "judgements.efficiency",
      says: ["'efficiency' is an area of PEEL 2018/19 (HMICFRS), not of ILACS 2023.", "Areas of ILACS 2023: 'overall-effectiveness',"],
    },
  ]);
});

grades("grades on an ungraded visit are refused, saying the visit is not graded", () => {
  const text = sampleWith(FOCUSED, "visit: 2020\n", "visit: 2020\njudgements:\n  help-and-protection: good\n");
  assertProblems(checkWithFiles({ [FOCUSED]: text }), [
    { file: FOCUSED, line: lineOf(text, "judgements:"), field: "judgements", says: "A focused visit is not graded, so it cannot have judgements." },
  ]);
});

grades("a kind of inspection the framework does not have suggests the nearest and lists its kinds", () => {
  const text = sampleWith(I2024, "kind: standard", "kind: standart");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    {
      file: I2024,
      line: lineOf(text, "kind:"),
      field: "kind",
      says: ["ILACS 2023 has no kind of inspection 'standart'.", "Did you mean 'standard'?", "'focused-visit', 'monitoring-visit'"],
    },
  ]);
});

const references = suite("bad content: references to other files");

references("an unknown organisation suggests the nearest one", () => {
  const text = sampleWith(I2024, "organisation: oxfordshire", "organisation: oxfordshrie");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    {
      file: I2024,
      line: lineOf(text, "organisation:"),
      field: "organisation",
      says: ["There is no organisation 'oxfordshrie' in content/organisations/.", "Did you mean 'oxfordshire'?"],
    },
  ]);
});

references("an unknown framework suggests the nearest one", () => {
  const text = sampleWith(I2024, "framework: ofsted-ilacs-2023", "framework: ofsted-ilac-2023");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    {
      file: I2024,
      line: lineOf(text, "framework:"),
      field: "framework",
      says: ["There is no framework 'ofsted-ilac-2023' in content/frameworks/.", "Did you mean 'ofsted-ilacs-2023'?"],
    },
  ]);
});

references("a visit outside the framework's period in force names the framework that was in force", () => {
  const text = sampleWith(FOCUSED, "framework: ofsted-ilacs-2018", "framework: ofsted-ilacs-2023");
  assertProblems(checkWithFiles({ [FOCUSED]: text }), [
    {
      file: FOCUSED,
      line: lineOf(text, "framework:"),
      field: "framework",
      says: [
        "ILACS 2023 was in force from 2023-01-01 to 2026-03-31, but this visit started on 2020-01-01.",
        "On 2020-01-01 ILACS 2018 ('ofsted-ilacs-2018') was in force: name it",
      ],
    },
  ]);
});

references("frameworks that overlap in time: a SIF inspection made in 2018 is accepted, one after the SIF's last is not", () => {
  const SIF = "content/inspections/oxfordshire/2014-single-inspection.md";
  const moved = (start: string, end: string, published: string) =>
    replaceOnce(
      replaceOnce(replaceOnce(sampleText(SIF), "start: 2014-04-29", `start: ${start}`), "end: 2014-05-21", `end: ${end}`),
      "published: 2014-06-30",
      `published: ${published}`,
    );
  const framework = (text: string) =>
    checkWithFiles({ [SIF]: text }).problems.filter((problem) => problem.file === SIF && problem.field === "framework");
  assert.equal(framework(moved("2018-02-27", "2018-03-22", "2018-05-21")), [], "SIF and ILACS 2018 were both in force");
  const late = framework(moved("2018-09-03", "2018-09-28", "2018-11-20"));
  assert.is(late.length, 1);
  assert.match(late[0]!.message, "SIF was in force from 2013-11-01 to 2018-06-30, but this visit started on 2018-09-03.");
});

references("'previous' naming no inspection suggests the nearest file name", () => {
  const text = sampleWith(I2024, "leadInspector:", "previous: 2018-short-inspectoin\nleadInspector:");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    {
      file: I2024,
      line: lineOf(text, "previous:"),
      field: "previous",
      says: ["There is no inspection '2018-short-inspectoin' of 'oxfordshire'.", "Did you mean '2018-short-inspection'?", "or write 'none'"],
    },
  ]);
});

references("'previous' naming a later inspection asks for an earlier one", () => {
  const text = sampleWith(I2018, "leadInspector:", "previous: 2024-standard-inspection\nleadInspector:");
  assertProblems(checkWithFiles({ [I2018]: text }), [
    {
      file: I2018,
      line: lineOf(text, "previous:"),
      field: "previous",
      says: "'2024-standard-inspection' did not happen before this inspection (its visit started 2024-02-12). Name an earlier inspection",
    },
  ]);
});

references("'previous' naming an ungraded visit asks for a graded inspection", () => {
  const text = sampleWith(I2024, "leadInspector:", "previous: 2020-focused-visit\nleadInspector:");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "previous:"), field: "previous", says: "'2020-focused-visit' is an ungraded visit, so there is nothing to compare with" },
  ]);
});

references("two files describing the same inspection: the second is told which file it repeats", () => {
  const copy = "content/inspections/oxfordshire/2024-visit.md";
  const text = sampleText(I2024);
  assertProblems(checkWithFiles({ [copy]: text }), [
    {
      file: copy,
      line: lineOf(text, "start:"),
      field: "visit.start",
      says: ["This describes the same inspection as content/inspections/oxfordshire/2024-standard-inspection.md", "Keep one file."],
    },
  ]);
});

references("a file with problems of its own is not also reported as missing by the files that refer to it", () => {
  const text = sampleWith(OXFORDSHIRE, "ons: E10000025", "ons: E1000025");
  // Seven inspections and events name 'oxfordshire'; none of them is reported.
  assertProblems(checkWithFiles({ [OXFORDSHIRE]: text }), [
    { file: OXFORDSHIRE, line: lineOf(text, "ons:"), field: "codes.ons", says: "should be an ONS code like E10000025." },
  ]);
});

references("an inspection named in 'previous' that has problems of its own is not also reported as missing", () => {
  const earlier = sampleWith(I2018, "published:", "publised:");
  const latest = sampleWith(I2024, "leadInspector:", "previous: 2018-short-inspection\nleadInspector:");
  assertProblems(checkWithFiles({ [I2018]: earlier, [I2024]: latest }), [
    { file: I2018, line: lineOf(earlier, "publised:"), field: "publised", says: "Did you mean 'published'?" },
  ]);
});

references("a scale with problems of its own is not also reported as missing by the frameworks on it", () => {
  const SCALE = "content/scales/ofsted-four-point.yaml";
  const text = sampleWith(SCALE, "name: Ofsted four-point scale", "nam: Ofsted four-point scale");
  // Four frameworks use this scale; only the scale file is reported.
  assertProblems(checkWithFiles({ [SCALE]: text }), [
    { file: SCALE, line: 1, field: "nam", says: "Did you mean 'name'?" },
    { file: SCALE, line: 1, field: "name", says: "Add 'name:'" },
  ]);
});

const dates = suite("bad content: dates");

dates("a date that does not exist (30 February) is refused at its line", () => {
  const text = sampleWith(I2024, "published: 2024-04-09", "published: 2024-02-30");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "published:"), field: "published", says: "should be a date that exists in the calendar." },
  ]);
});

dates("a visit that ends before it starts points at the end", () => {
  const text = sampleWith(I2024, "end: 2024-02-23", "end: 2024-02-02");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "end:"), field: "visit.end", says: "The visit cannot end before it starts (2024-02-12)." },
  ]);
});

dates("a report published before the visit ended is refused", () => {
  const text = sampleWith(I2024, "published: 2024-04-09", "published: 2024-02-20");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "published:"), field: "published", says: "The report cannot be published before the visit ended (2024-02-23)." },
  ]);
});

dates("a graded inspection known only by month is asked for the days of the visit", () => {
  const text = sampleWith(I2024, "visit:\n  start: 2024-02-12\n  end: 2024-02-23\n", "visit: 2024-02\n");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "visit:"), field: "visit", says: "A graded inspection needs the exact days of the visit. Write 'start:' and 'end:' below 'visit:'" },
  ]);
});

dates("an event in an impossible financial year (2015-17) lists the forms a date can take", () => {
  const text = sampleWith(RISE_IN_DEMAND, "date: 2015-16", "date: 2015-17");
  assertProblems(checkWithFiles({ [RISE_IN_DEMAND]: text }), [
    {
      file: RISE_IN_DEMAND,
      line: lineOf(text, "date:"),
      field: "date",
      says: "should be a day (2017-03-14), a month (2017-03), a year (2017) or a financial year (2015-16) that exists.",
    },
  ]);
});

dates("an event in month 13 is refused", () => {
  const text = sampleWith(RESTRUCTURE, "date: 2017", "date: 2017-13");
  assertProblems(checkWithFiles({ [RESTRUCTURE]: text }), [
    { file: RESTRUCTURE, line: lineOf(text, "date:"), field: "date", says: "a month (2017-03)" },
  ]);
});

dates("an event whose range runs backwards points at its 'to'", () => {
  const text = sampleWith(TURNOVER, "  from: 2022-08\n  to: 2024-02", "  from: 2024-02\n  to: 2022-08");
  const result = checkWithFiles({ [TURNOVER]: text });
  assertProblems(result, [{ file: TURNOVER, line: lineOf(text, "to:"), field: "date.to", says: "should be a date on or after 'from' (the range is reversed)." }]);
  assert.is(result.problems[0]?.found, '"2022-08"');
});

dates("a range with an impossible end is reported once, at that end", () => {
  const text = sampleWith(TURNOVER, "  from: 2022-08", "  from: 2022-13");
  assertProblems(checkWithFiles({ [TURNOVER]: text }), [
    { file: TURNOVER, line: lineOf(text, "from:"), field: "date.from", says: "a month (2017-03)" },
  ]);
});

const shape = suite("bad content: fields and their types");

shape("a missing required field asks for it by name", () => {
  const text = sampleWith(
    I2024,
    "summary: >-\n  Good in every area, including help and protection, which had required improvement in\n  2018. Care leavers were judged on their own for the first time, and judged good.\n",
    "",
  );
  // Where a field is missing, the editor is sent to the top of the frontmatter.
  assertProblems(checkWithFiles({ [I2024]: text }), [{ file: I2024, line: 2, field: "summary", says: "This field is required and is missing. Add 'summary:'" }]);
});

shape("a graded inspection without a link to its report asks for one", () => {
  const text = sampleWith(I2024, "report: https://files.ofsted.gov.uk/v1/file/50243682\n", "");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: 2, field: "report", says: "A graded inspection needs a link to the published report (the evidence for its grades), or a 'reports:' page on its organisation. Add 'report:'." },
  ]);
});

shape("a list written as one line of text is told it should be a list", () => {
  const text = sampleText(I2024).replace(/improvements:\n(  - .*\n)+/, "improvements: Act sooner, and work better with other agencies.\n");
  const result = checkWithFiles({ [I2024]: text });
  assertProblems(result, [
    { file: I2024, line: lineOf(text, "improvements:"), field: "improvements", says: "should be a list (one '- ' line per item)." },
  ]);
  assert.is(result.problems[0]?.found, '"Act sooner, and work better with other agencies."');
});

shape("judgements written as a list are told they should be fields, one per area", () => {
  const text = sampleText(I2024).replace(/judgements:\n(  .*\n)+/, "judgements:\n  - good\n  - good\n");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "judgements:"), field: "judgements", says: "should be a group of fields, indented below it." },
  ]);
});

shape("a misspelt field name suggests the field and lists those allowed", () => {
  const text = sampleWith(I2024, "published:", "publised:");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "publised:"), field: "publised", says: ["'publised' is not a field here.", "Did you mean 'published'?", "Fields allowed here: organisation,"] },
  ]);
});

shape("a quote without who said it asks for 'by'", () => {
  const text = sampleWith(I2024, "    by: Ofsted\n", "");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "  - text: Children and young people"), field: "quotes[0].by", says: "Add 'by:'" },
  ]);
});

shape("a report link that is not a web address is refused", () => {
  const text = sampleWith(I2024, "report: https://files.ofsted.gov.uk/v1/file/50243682", "report: files.ofsted.gov.uk/v1/file/50243682");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "report:"), field: "report", says: "should be a link to the report starting https:// (http:// only for an inspectorate whose reports are not on https)." },
  ]);
});

const files = suite("bad content: files that cannot be read");

files("a YAML mistake is reported at its line, with what to check", () => {
  const text = sampleWith(I2024, "leadInspector: Nicki Shaw HMI", "leadInspector: Lead: Nicki Shaw HMI");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "leadInspector:"), field: "", says: ["The YAML cannot be read:", "put text containing ': ' or starting with a quote in quotes."] },
  ]);
});

files("an unclosed quote is reported where it opens, not where the file ends", () => {
  const text = sampleWith(I2024, "summary: >-", 'summary: "Good in every area,');
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "summary:"), field: "", says: 'opens a " quote that is never closed. Add the closing "' },
  ]);
});

files("a field written twice is reported at the second one", () => {
  const text = sampleWith(I2024, "leadInspector: Nicki Shaw HMI\n", "leadInspector: Nicki Shaw HMI\nleadInspector: Someone Else\n");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "Someone Else"), field: "", says: ["'leadInspector' is written twice in the same group (first on line", "Keep one 'leadInspector:'"] },
  ]);
});

files("a file that is not UTF-8 names the line with the bad bytes", () => {
  const text = sampleText(I2024);
  const [before, after] = text.split("Nicki Shaw") as [string, string];
  const bytes = Buffer.concat([Buffer.from(`${before}Nicki Sh`, "utf8"), Buffer.from([0xe1, 0xff]), Buffer.from(`w${after}`, "utf8")]);
  assertProblems(checkWithFiles({ [I2024]: bytes }), [
    { file: I2024, line: lineOf(text, "Nicki Shaw"), field: "", says: "The file is not UTF-8 text. Save it again as UTF-8" },
  ]);
});

files("a Markdown file without frontmatter says how frontmatter starts", () => {
  const text = "# Oxfordshire 2024\n\nGood in every area.\n";
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: 1, field: "", says: "The file does not start with frontmatter. Start it with a line '---', the fields in YAML, then another line '---'" },
  ]);
});

files("a file outside any content folder is reported, not silently ignored", () => {
  const stray = "content/organisation.md";
  assertProblems(checkWithFiles({ [stray]: sampleText(OXFORDSHIRE) }), [
    { file: stray, line: 1, field: "", says: "This file is not in a content folder, so it is not read. Move it into one of: inspectorates, scales, frameworks, organisations, inspections, events." },
  ]);
});

files("a folder beside the content folders is one problem, with the folder meant, and is not walked", () => {
  const stray = "content/inspection/oxfordshire/2025-standard-inspection.md";
  assertProblems(checkWithFiles({ [stray]: sampleText(I2024), "content/inspection/notes/a.md": "---\n---\n" }), [
    { file: "content/inspection", line: 1, field: "", says: "This folder is not one of the content folders, so nothing in it is read. Did you mean 'inspections'? Move its files into one of: inspectorates, scales, frameworks, organisations, inspections, events" },
  ]);
});

files("a file name with capitals and spaces suggests the web-safe name", () => {
  const badName = "content/inspections/oxfordshire/2025 Standard Inspection.md";
  assertProblems(checkWithFiles({ [badName]: sampleText(I2024) }), [
    { file: badName, line: 1, field: "", says: ["must be lower case letters, digits and single hyphens", "like '2025-standard-inspection'"] },
  ]);
});

files("a YAML file with the wrong ending in a YAML folder is named", () => {
  const wrong = "content/scales/ofsted-five-point.yml.txt";
  assertProblems(checkWithFiles({ [wrong]: "name: Five\n" }), [{ file: wrong, line: 1, field: "", says: ["Files in scales/ are YAML files ending .yaml", "Rename it to end .yaml"] }]);
});

const frameworks = suite("bad content: frameworks and scales");

frameworks("a crosswalk that leaves out an area names the area on both sides", () => {
  const text = sampleWith(ILACS_2023, "    - relation: same\n      from: impact-of-leaders\n      to: impact-of-leaders\n", "");
  const line = lineOf(text, "  crosswalk:");
  assertProblems(checkWithFiles({ [ILACS_2023]: text }), [
    { file: ILACS_2023, line, field: "replaces.crosswalk", says: "Area 'impact-of-leaders' of ofsted-ilacs-2018 must appear in the 'from' of exactly one link; it appears in 0. Add a link from it (use 'removed' if it is no longer judged)." },
    { file: ILACS_2023, line, field: "replaces.crosswalk", says: "Area 'impact-of-leaders' must appear in the 'to' of exactly one link; it appears in 0. Add a link to it (use 'new' if nothing came before it)." },
  ]);
});

frameworks("a split into one area is the wrong shape: the relation is named, with what would fit", () => {
  const text = sampleWith(ILACS_2023, "      to: [children-in-care, care-leavers]", "      to: children-in-care");
  assertProblems(checkWithFiles({ [ILACS_2023]: text }), [
    { file: ILACS_2023, line: lineOf(text, "  crosswalk:"), field: "replaces.crosswalk", says: "Area 'care-leavers' must appear in the 'to' of exactly one link" },
    {
      file: ILACS_2023,
      line: lineOf(text, "relation: split"),
      field: "replaces.crosswalk[3].relation",
      says: ["A 'split' link goes from one area of ofsted-ilacs-2018 to two or more areas of this framework.", "use 'same' or 'renamed'"],
    },
  ]);
});

frameworks("an unknown crosswalk relation lists the relations there are", () => {
  const text = sampleWith(ILACS_2023, "    - relation: split", "    - relation: splitted");
  // ILACS 2026 replaces this framework, but is not told it is missing: this file's problem is enough.
  assertProblems(checkWithFiles({ [ILACS_2023]: text }), [
    {
      file: ILACS_2023,
      line: lineOf(text, "relation: splitted"),
      field: "replaces.crosswalk[3].relation",
      says: "should be one of 'same', 'renamed', 'split', 'merged', 'new', 'removed'.",
    },
  ]);
});

frameworks("a framework on a scale that does not exist suggests the nearest scale", () => {
  const text = sampleWith(ILACS_2023, "scale: ofsted-four-point", "scale: ofsted-for-point");
  assertProblems(checkWithFiles({ [ILACS_2023]: text }), [
    { file: ILACS_2023, line: lineOf(text, "scale:"), field: "scale", says: ["There is no scale 'ofsted-for-point' in content/scales/.", "Did you mean 'ofsted-four-point'?"] },
  ]);
});

frameworks("a framework of an unknown inspectorate suggests the nearest", () => {
  const text = sampleWith(ILACS_2023, "inspectorate: ofsted", "inspectorate: ofstead");
  assertProblems(checkWithFiles({ [ILACS_2023]: text }), [
    { file: ILACS_2023, line: lineOf(text, "inspectorate:"), field: "inspectorate", says: ["There is no inspectorate 'ofstead'", "Did you mean 'ofsted'?"] },
  ]);
});

frameworks("a grade translation naming a grade the scale does not have suggests the nearest", () => {
  const PEEL_2021 = "content/frameworks/hmicfrs-peel-2021.yaml";
  const text = sampleWith(PEEL_2021, "  framework: hmicfrs-peel-2018\n", "  framework: hmicfrs-peel-2018\n  grades:\n    good: good\n    requires-improvment: requires-improvement\n");
  assertProblems(checkWithFiles({ [PEEL_2021]: text }), [
    {
      file: PEEL_2021,
      line: lineOf(text, "requires-improvment:"),
      field: "replaces.grades.requires-improvment",
      says: ["'requires-improvment' is not a grade of HMICFRS PEEL four-point scale (2014 to 2020).", "Did you mean 'requires-improvement'?"],
    },
  ]);
});

frameworks("a YAML mistake in a framework is reported in that file only", () => {
  const text = sampleWith(ILACS_2023, "shortName: ILACS 2023", "shortName: ILACS: 2023");
  assertProblems(checkWithFiles({ [ILACS_2023]: text }), [
    { file: ILACS_2023, line: lineOf(text, "shortName:"), field: "", says: "The YAML cannot be read:" },
  ]);
});

const together = suite("bad content: every problem at once");

together("a file with several problems reports all of them, top to bottom", () => {
  const text = replaceOnce(
    replaceOnce(sampleWith(I2024, "published:", "publised:"), "leadInspector: Nicki Shaw HMI", "leadInspector: ''"),
    "improvements:\n  - Act sooner",
    "improvements:\n  - 42\n  - Act sooner",
  );
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "publised:"), field: "publised", says: "Did you mean 'published'?" },
    { file: I2024, line: lineOf(text, "leadInspector:"), field: "leadInspector", says: "should be some text (it is empty)." },
    { file: I2024, line: lineOf(text, "  - 42"), field: "improvements[0]", says: "should be text." },
  ]);
});

together("cross-file problems in one file are all reported too", () => {
  const text = replaceOnce(
    replaceOnce(sampleWith(I2024, "kind: standard", "kind: standart"), "published: 2024-04-09", "published: 2024-02-20"),
    "help-and-protection: good",
    "help-and-protection: goood",
  );
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "kind:"), field: "kind", says: "Did you mean 'standard'?" },
    { file: I2024, line: lineOf(text, "published:"), field: "published", says: "cannot be published before the visit ended" },
    { file: I2024, line: lineOf(text, "goood"), field: "judgements.help-and-protection", says: "Did you mean 'good'?" },
  ]);
});

together("broken files in different folders are all reported in one run, by file", () => {
  const inspection = sampleWith(I2024, "help-and-protection: good", "help-and-protection: goood");
  const earlier = sampleWith(I2018, "published:", "publised:");
  const turnover = sampleWith(TURNOVER, "  from: 2022-08\n  to: 2024-02", "  from: 2024-02\n  to: 2022-08");
  assertProblems(checkWithFiles({ [I2024]: inspection, [I2018]: earlier, [TURNOVER]: turnover }), [
    { file: TURNOVER, line: lineOf(turnover, "to:"), field: "date.to", says: "the range is reversed" },
    { file: I2018, line: lineOf(earlier, "publised:"), field: "publised", says: "Did you mean 'published'?" },
    { file: I2024, line: lineOf(inspection, "goood"), field: "judgements.help-and-protection", says: "Did you mean 'good'?" },
  ]);
});

baseline.run();
grades.run();
references.run();
dates.run();
shape.run();
files.run();
frameworks.run();
together.run();
