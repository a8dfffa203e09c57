import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { ImportSetupError, rowTotals } from "../../src/authoring/import/index.ts";
import { importInto, pathsWith, projectRoot, snapshot, temporaryFolder } from "../fixtures/import/support.ts";

function frontmatterOf(path: string): Record<string, unknown> {
  const text = readFileSync(path, "utf8");
  return parse(text.split("---\n")[1]!, { schema: "core" }) as Record<string, unknown>;
}

const fresh = suite("import into an empty content folder");
let work = "";
let content = "";
let report: ReturnType<typeof importInto>;

fresh.before(() => {
  work = temporaryFolder("import");
  content = join(work, "content");
  report = importInto(content);
});
fresh.after(() => rmSync(work, { recursive: true, force: true }));

fresh("creates one file per supported inspection and one per organisation", () => {
  assert.equal(pathsWith(report, "created", "inspection").sort(), [
    "inspections/ashby-on-wold/2016-single-inspection.md",
    "inspections/ashby-on-wold/2024-standard.md",
    "inspections/hartwell-deane-and-moss/2022-standard.md",
    "inspections/kingsford-upon-avon/2019-inspection.md",
    "inspections/kingsford-upon-avon/2024-short.md",
    "inspections/kingsford-upon-avon/2026-standard.md",
    "inspections/little-hampton-and-dale/2018-standard.md",
    "inspections/little-hampton-and-dale/2023-standard-2.md",
    "inspections/little-hampton-and-dale/2023-standard.md",
    "inspections/northmoor-eastwick-and-vale/2021-standard.md",
    "inspections/northmoor-eastwick-and-vale/2025-short.md",
    "inspections/st-marys/2019-standard.md",
    "inspections/st-marys/2022-short.md",
    "inspections/westerby/2015-single-inspection.md",
  ]);
  assert.equal(pathsWith(report, "created", "organisation"), [
    "organisations/ashby-on-wold.md",
    "organisations/hartwell-deane-and-moss.md",
    "organisations/kingsford-upon-avon.md",
    "organisations/little-hampton-and-dale.md",
    "organisations/northmoor-eastwick-and-vale.md",
    "organisations/st-marys.md",
    "organisations/westerby.md",
  ]);
  assert.ok(
    report.copied.includes("frameworks/ofsted-ilacs-2023.yaml"),
    "the shipped definitions are copied into an empty folder",
  );
});

fresh("the result passes the same checks as the build", () => {
  const result = checkContent(projectRoot, content);
  assert.equal(result.problems.map(formatProblem), []);
  assert.ok(result.model);
  assert.is(result.content.inspections.length, 14);
});

fresh("every row is accounted for, and the rows it cannot support are skipped with line and reason", () => {
  const totals = rowTotals(report);
  assert.is(report.rows, 19);
  assert.is(totals.created + totals.skipped, report.rows);
  const reasons = new Map(report.skipped.map(({ line, reason }) => [line, reason]));
  assert.equal([...reasons.keys()], [7, 8, 10, 16, 21]);
  assert.match(reasons.get(7)!, "'31/02/2021' in inspection_start_date is not a real date");
  assert.match(reasons.get(8)!, "no framework for a visit starting 2012-05-14");
  assert.match(reasons.get(10)!, "the same inspection as line 2");
  assert.match(reasons.get(16)!, "needs its publication date");
  assert.match(reasons.get(21)!, "no organisation name");
});

fresh("names with quoted commas and ampersands are read whole and title-cased", () => {
  const organisation = frontmatterOf(join(content, "organisations/northmoor-eastwick-and-vale.md"));
  assert.equal(organisation, {
    name: "Northmoor, Eastwick & Vale",
    kind: "Local authority",
    codes: { ofstedUrn: "9100001" },
  });
  assert.is(frontmatterOf(join(content, "organisations/kingsford-upon-avon.md")).name, "Kingsford upon Avon");
  assert.is(frontmatterOf(join(content, "organisations/ashby-on-wold.md")).name, "Ashby-on-Wold");
  assert.is(frontmatterOf(join(content, "organisations/st-marys.md")).name, "St Mary's");
  assert.is(frontmatterOf(join(content, "inspections/st-marys/2022-short.md")).leadInspector, 'Casey "CJ" Jones');
});

fresh("an imported inspection is a marked draft with the row's dates, link and grades", () => {
  const path = join(content, "inspections/northmoor-eastwick-and-vale/2025-short.md");
  const data = frontmatterOf(path);
  assert.equal(data, {
    organisation: "northmoor-eastwick-and-vale",
    framework: "ofsted-ilacs-2023",
    kind: "short",
    visit: { start: "2025-03-17", end: "2025-03-21" },
    published: "2025-05-09",
    report: "https://reports.example.org/ilacs/1001",
    leadInspector: "Alex Example",
    summary:
      "First draft imported from ilacs-sample.csv and not yet checked by an editor: the ILACS 2023 short inspection of Northmoor, Eastwick & Vale, on site 17 to 21 March 2025, report published 9 May 2025.",
    judgements: {
      "overall-effectiveness": "outstanding",
      "impact-of-leaders": "outstanding",
      "help-and-protection": "good",
      "children-in-care": "outstanding",
      "care-leavers": "good",
    },
    draft: { source: "ilacs-sample.csv", row: 2, needsReview: [] },
  });
  assert.match(
    readFileSync(path, "utf8"),
    /\n---\nThis page was imported from `ilacs-sample.csv` \(line 2\) by `npm run import` and has not been edited since\./,
  );
});

fresh("placeholders: not in the framework and not given are left out; unreadable is flagged, never a grade", () => {
  const in2021 = frontmatterOf(join(content, "inspections/northmoor-eastwick-and-vale/2021-standard.md"));
  assert.equal(Object.keys(in2021.judgements as object), [
    "overall-effectiveness",
    "impact-of-leaders",
    "help-and-protection",
    "children-in-care-and-care-leavers",
  ]);
  assert.equal((in2021.draft as { needsReview: string[] }).needsReview, []);

  const in2026 = frontmatterOf(join(content, "inspections/kingsford-upon-avon/2026-standard.md"));
  assert.is(in2026.framework, "ofsted-ilacs-2026");
  assert.equal(Object.keys(in2026.judgements as object), [
    "impact-of-leaders",
    "help-and-protection",
    "children-in-care",
    "care-leavers",
  ]);

  const unreadable = frontmatterOf(join(content, "inspections/ashby-on-wold/2024-standard.md"));
  assert.is((unreadable.judgements as Record<string, string>)["impact-of-leaders"], "unknown");
  const review = (unreadable.draft as { needsReview: string[] }).needsReview;
  assert.is(review.length, 1);
  assert.match(review[0]!, /^impact-of-leaders: impact_of_leaders_grade says 'data_unreadable'/);

  const odd = frontmatterOf(join(content, "inspections/little-hampton-and-dale/2018-standard.md"));
  assert.equal(odd.judgements, {
    "overall-effectiveness": "unknown",
    "impact-of-leaders": "requires-improvement",
    "help-and-protection": "unknown",
    "children-in-care-and-care-leavers": "requires-improvement",
  });
  const oddReview = (odd.draft as { needsReview: string[] }).needsReview;
  assert.match(oddReview[0]!, "overall-effectiveness: the overall_effectiveness_grade cell is empty");
  assert.match(
    oddReview[1]!,
    "'to requires improvement' in help_and_protection_grade is not a value the mapping knows",
  );

  const misplaced = frontmatterOf(join(content, "inspections/st-marys/2019-standard.md"));
  assert.match(
    (misplaced.draft as { needsReview: string[] }).needsReview[0]!,
    "care_leavers_grade says 'good', but ILACS 2018 has no area for that column",
  );
  assert.equal(
    report.review.map((entry) => entry.path),
    [
      "inspections/ashby-on-wold/2016-single-inspection.md",
      "inspections/ashby-on-wold/2024-standard.md",
      "inspections/hartwell-deane-and-moss/2022-standard.md",
      "inspections/kingsford-upon-avon/2019-inspection.md",
      "inspections/little-hampton-and-dale/2018-standard.md",
      "inspections/st-marys/2019-standard.md",
      "inspections/westerby/2015-single-inspection.md",
    ],
  );
});

fresh("a row whose grades the source could not read is imported with every grade unknown, never skipped", () => {
  const unread = frontmatterOf(join(content, "inspections/hartwell-deane-and-moss/2022-standard.md"));
  assert.equal(unread.judgements, {
    "overall-effectiveness": "unknown",
    "impact-of-leaders": "unknown",
    "help-and-protection": "unknown",
    "children-in-care-and-care-leavers": "unknown",
  });
});

fresh("a row whose kind cannot be read, but which carries grades, is imported with kind unknown and flagged", () => {
  const odd = frontmatterOf(join(content, "inspections/kingsford-upon-avon/2019-inspection.md"));
  assert.is(odd.kind, "unknown");
  assert.is(odd.framework, "ofsted-ilacs-2018");
  assert.match(
    (odd.draft as { needsReview: string[] }).needsReview[0]!,
    "kind: inspection_framework says 'inspection duration longer than standard framework', which the mapping does not list, and the row carries grades, so it is written 'unknown'.",
  );
});

fresh(
  "a row without visit dates is placed by its publication date, under a framework whose kinds fit, and flagged",
  () => {
    const undated = frontmatterOf(join(content, "inspections/westerby/2015-single-inspection.md"));
    assert.is(undated.visit, "unknown");
    assert.is(undated.published, "2015-03-12");
    assert.is(undated.framework, "ofsted-sif-2013");
    assert.is(undated.kind, "single-inspection");
    assert.match(
      (undated.draft as { needsReview: string[] }).needsReview[0]!,
      "visit: the CSV gives no visit dates, so the inspection is placed by its publication date (12 March 2015), and the framework, SIF, is the latest in force in the 12 months before it.",
    );
  },
);

fresh("SIF-era rows use the SIF's own areas and its one kind of inspection", () => {
  const sif = frontmatterOf(join(content, "inspections/ashby-on-wold/2016-single-inspection.md"));
  assert.is(sif.framework, "ofsted-sif-2013");
  assert.is(sif.kind, "single-inspection");
  assert.equal(sif.judgements, {
    "overall-effectiveness": "inadequate",
    "help-and-protection": "requires-improvement",
    "children-looked-after": "inadequate",
    "care-leavers-experiences": "requires-improvement",
    "leadership-management-governance": "inadequate",
    // Not in the CSV, and judged at every single inspection: not known.
    "adoption-performance": "unknown",
    "lscb-review": "unknown",
  });
});

fresh("two inspections that would share a file name get -2, in visit order", () => {
  assert.is(
    (frontmatterOf(join(content, "inspections/little-hampton-and-dale/2023-standard.md")).visit as { start: string })
      .start,
    "2023-01-09",
  );
  assert.is(
    (frontmatterOf(join(content, "inspections/little-hampton-and-dale/2023-standard-2.md")).visit as { start: string })
      .start,
    "2023-10-30",
  );
});

fresh.run();

const again = suite("re-importing");

again("a second run creates nothing and changes no byte", () => {
  const folder = temporaryFolder("reimport");
  try {
    const content = join(folder, "content");
    importInto(content);
    const before = snapshot(content);
    const second = importInto(content);
    assert.equal(pathsWith(second, "created"), []);
    assert.equal(pathsWith(second, "updated"), []);
    assert.is(pathsWith(second, "unchanged").length, 21);
    assert.is(second.copied.length, 0);
    assert.equal(snapshot(content), before);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

again("an edited file is left byte-identical and reported as left alone", () => {
  const folder = temporaryFolder("edited");
  try {
    const content = join(folder, "content");
    importInto(content);
    const edited = join(content, "inspections/ashby-on-wold/2024-standard.md");
    const text = readFileSync(edited, "utf8")
      .replace('  - "impact-of-leaders', '  - "IGNORED impact-of-leaders')
      .replace("impact-of-leaders: unknown", "impact-of-leaders: requires-improvement")
      .replace(/draft:\n[\s\S]*?---\n/, "---\n");
    writeFileSync(edited, text);
    const organisation = join(content, "organisations/ashby-on-wold.md");
    const organisationText = readFileSync(organisation, "utf8").replace(
      "kind: Local authority",
      "kind: Upper-tier local authority",
    );
    writeFileSync(organisation, organisationText);

    const second = importInto(content);
    assert.is(readFileSync(edited, "utf8"), text);
    assert.is(readFileSync(organisation, "utf8"), organisationText);
    const leftAlone = second.files.filter((file) => file.status === "left-alone");
    assert.equal(
      leftAlone.map((file) => [file.path, file.reason, file.line]),
      [
        ["inspections/ashby-on-wold/2024-standard.md", "edited since it was imported", 5],
        ["organisations/ashby-on-wold.md", "edited since it was imported", undefined],
      ],
    );
    assert.not.ok(
      second.review.some((entry) => entry.path === "inspections/ashby-on-wold/2024-standard.md"),
      "an edited file is the editor's now",
    );
    assert.equal(checkContent(projectRoot, content).problems.map(formatProblem), []);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

again("a deleted import is not recreated; files no import wrote are never touched", () => {
  const folder = temporaryFolder("not-ours");
  try {
    const content = join(folder, "content");
    // Hand-written before any import: one at the name the import would choose, one the same inspection as line 20.
    const handWritten = join(content, "inspections/st-marys/2019-standard.md");
    mkdirSync(join(content, "inspections/st-marys"), { recursive: true });
    mkdirSync(join(content, "inspections/kingsford-upon-avon"), { recursive: true });
    const handText = "not even valid content: an editor's notes\n";
    writeFileSync(handWritten, handText);
    const sameInspection = join(content, "inspections/kingsford-upon-avon/2024-short-inspection.md");
    const sameText = [
      "---",
      "organisation: kingsford-upon-avon",
      "framework: ofsted-ilacs-2023",
      "kind: short",
      "visit:",
      "  start: 2024-01-29",
      "  end: 2024-02-02",
      "published: 2024-03-18",
      "report: https://reports.example.org/ilacs/1017",
      "summary: Written by hand.",
      "judgements:",
      "  overall-effectiveness: good",
      "---",
      "",
    ].join("\n");
    writeFileSync(sameInspection, sameText);

    const first = importInto(content);
    assert.is(readFileSync(handWritten, "utf8"), handText);
    assert.is(readFileSync(sameInspection, "utf8"), sameText);
    assert.ok(
      pathsWith(first, "created").includes("inspections/st-marys/2019-standard-2.md"),
      "the import picks the next free name",
    );
    assert.not.ok(
      existsSync(join(content, "inspections/kingsford-upon-avon/2024-short.md")),
      "the inspection is already there, by hand",
    );
    const already = first.files.find(
      (file) => file.path === "inspections/kingsford-upon-avon/2024-short-inspection.md",
    );
    assert.equal(already, {
      path: "inspections/kingsford-upon-avon/2024-short-inspection.md",
      type: "inspection",
      status: "left-alone",
      line: 20,
      reason: "this inspection is already in the content (not written by an import)",
    });
    assert.is(rowTotals(first).created + rowTotals(first)["left-alone"] + rowTotals(first).skipped, first.rows);

    unlinkSync(join(content, "inspections/northmoor-eastwick-and-vale/2025-short.md"));
    const second = importInto(content);
    assert.not.ok(existsSync(join(content, "inspections/northmoor-eastwick-and-vale/2025-short.md")));
    assert.match(
      second.files.find((file) => file.path === "inspections/northmoor-eastwick-and-vale/2025-short.md")!.reason!,
      "deleted after it was imported",
    );
    assert.is(readFileSync(handWritten, "utf8"), handText);
    assert.ok(
      pathsWith(second, "unchanged").includes("inspections/st-marys/2019-standard-2.md"),
      "the chosen name is kept on re-import",
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

again("an untouched import is rewritten when the CSV changes", () => {
  const folder = temporaryFolder("updated");
  try {
    const content = join(folder, "content");
    const csv = join(folder, "history.csv");
    const original = readFileSync(join(projectRoot, "test/fixtures/import/ilacs-sample.csv"), "utf8");
    writeFileSync(csv, original);
    importInto(content, { csv });
    writeFileSync(csv, original.replace("Alex Example,17/03/2025", "Alexandra Example,17/03/2025"));
    const second = importInto(content, { csv });
    assert.equal(pathsWith(second, "updated"), ["inspections/northmoor-eastwick-and-vale/2025-short.md"]);
    assert.is(
      frontmatterOf(join(content, "inspections/northmoor-eastwick-and-vale/2025-short.md")).leadInspector,
      "Alexandra Example",
    );
    const third = importInto(content, { csv });
    assert.equal(pathsWith(third, "updated"), []);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

again("an unreadable manifest stops the import before it writes anything", () => {
  const folder = temporaryFolder("manifest");
  try {
    const content = join(folder, "content");
    importInto(content);
    writeFileSync(join(content, ".import-manifest.json"), "{ not json");
    const before = snapshot(content);
    assert.throws(
      () => importInto(content),
      (error: unknown) => error instanceof ImportSetupError && /manifest .* cannot be read/.test(error.message),
    );
    assert.equal(snapshot(content), before);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

again("a dry run reports the same plan and writes nothing", () => {
  const folder = temporaryFolder("dry");
  try {
    const content = join(folder, "content");
    const dry = importInto(content, { dryRun: true });
    assert.is(pathsWith(dry, "created").length, 21);
    assert.not.ok(existsSync(content));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

again.run();
