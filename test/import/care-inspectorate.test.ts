/**
 * The shipped Care Inspectorate mapping on a made-up pair of CSVs shaped like the real ones
 * (test/fixtures/import/care/): gradings read as ratings in force, joined with services.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { importInto, projectRoot, snapshot, temporaryFolder } from "../fixtures/import/support.ts";

const csv = "test/fixtures/import/care/gradings.csv";
const mapping = "mappings/care-inspectorate-scotland.yaml";

const care = suite("the Care Inspectorate's gradings, read as ratings in force");

let folder = "";
let content = "";
let report: ReturnType<typeof importInto>;
care.before(() => {
  folder = temporaryFolder("care");
  content = join(folder, "content");
  report = importInto(content, { csv, mapping });
});
care.after(() => rmSync(folder, { recursive: true, force: true }));

type Frontmatter = Record<string, unknown> & { judgements?: Record<string, string> };
const read = (path: string): { data: Frontmatter; body: string } => {
  const [, yaml, body] = readFileSync(join(content, path), "utf8").split("---\n");
  return { data: parse(yaml!, { schema: "core" }) as Frontmatter, body: body! };
};

care("installs the Care Inspectorate's pack into an empty folder, and the result passes the content check", () => {
  assert.ok(report.copied.includes("inspectorates/care-inspectorate.yaml"));
  assert.ok(report.copied.includes("frameworks/care-inspectorate-key-questions.yaml"));
  assert.is(report.definitions, "packs/care-inspectorate-scotland");
  assert.equal(checkContent(projectRoot, content).problems.map(formatProblem), []);
});

care("accounts for every row: a grading that tells of an inspection, or the reason it does not", () => {
  const created = report.files.filter((file) => file.type === "inspection" && file.status === "created");
  assert.is(created.length + report.skipped.length, 14);
  assert.equal(
    report.skipped.map(({ line, reason }) => [line, reason]),
    [
      [10, "the same grades and inspection date as the grading on line 9: nothing new to import"],
      [14, "the grading holds no grades, so there is nothing to import"],
      [15, "services.csv has no row whose CSNumber is 'CS2099000006' (the row's CSNumber)"],
    ],
  );
});

care("a service's first grading gives every grade, and says the data cannot tell which were carried", () => {
  const { data, body } = read("inspections/example-care-home/2016-inspection.md");
  assert.is(data.framework, "care-inspectorate-quality-themes");
  assert.equal(data.judgements, {
    "care-and-support": "very-good",
    environment: "good",
    staffing: "very-good",
    "management-and-leadership": "good",
  });
  assert.match(body, "the data cannot tell which of them this inspection gave and which it carried");
});

care("a later grading holds every grade in force, and says which changed from the grading just before", () => {
  const { data, body } = read("inspections/example-care-home/2019-inspection.md");
  assert.is(data.framework, "care-inspectorate-key-questions");
  assert.equal(data.judgements, { wellbeing: "good" });
  // The quality themes' grades still published beside the first key question: none is lost.
  assert.equal(data.alsoInForce, {
    "care-inspectorate-quality-themes": {
      "care-and-support": "very-good",
      environment: "good",
      staffing: "very-good",
      "management-and-leadership": "good",
    },
  });
  assert.match(
    body,
    "Re-graded or first published since the grading before it (line 2, published on 2 May 2016): wellbeing.",
  );
  assert.match(
    body,
    "The grades for care and support, environment, staffing and management and leadership were the same as in the grading before it (line 2",
  );
});

care("a grading with a new inspection date and no changed grade holds every grade, and says none changed", () => {
  const { data, body } = read("inspections/example-care-home/2020-inspection.md");
  assert.is(data.framework, "care-inspectorate-key-questions", "the framework of the grades in force then");
  assert.equal(data.judgements, { wellbeing: "good" });
  assert.not.match(body, "Re-graded");
  assert.match(body, "the data cannot tell whether inspectors looked at them again");
});

care("grades that changed while the inspection date did not are an inspection whose date is not known", () => {
  const { data, body } = read("inspections/example-care-home/2021-inspection.md");
  assert.is(data.visit, "unknown");
  assert.is(data.published, "2021-06-01");
  assert.equal(data.judgements, { wellbeing: "good", leadership: "adequate", "covid-19": "weak" });
  assert.match(body, "while the date of its last inspection stayed 3 February 2020");
  assert.match(body, "(line 4, published on 9 March 2020): leadership and care and support during COVID-19.");
});

care("a grade moved unchanged to a new column is the same grade; grades no longer published are named", () => {
  // KQ_Setting 4 after Quality_of_Environment 4 in the grading just before, once that column is empty.
  const { data, body } = read("inspections/example-care-home/2023-inspection.md");
  assert.equal(data.judgements, {
    wellbeing: "adequate",
    leadership: "adequate",
    "staff-team": "good",
    setting: "good",
    "care-and-support-planning": "adequate",
  });
  assert.match(body, "The grades for setting and leadership were the same as in the grading before it (line 5");
  assert.match(
    body,
    "No longer among the published grades: management and leadership and care and support during COVID-19, which were in the grading before it (line 5",
  );
});

care("day care of children follows its own line: quality themes, the 2022 key questions, the 2025 framework", () => {
  const frameworks = ["2017", "2019", "2023", "2025"].map(
    (year) => read(`inspections/example-nursery/${year}-inspection.md`).data.framework,
  );
  assert.equal(frameworks, [
    "care-inspectorate-quality-themes-day-care",
    "care-inspectorate-quality-themes-day-care",
    "care-inspectorate-key-questions-day-care",
    "care-inspectorate-early-learning-and-childcare-2025",
  ]);
  assert.equal(read("inspections/example-nursery/2023-inspection.md").data.judgements, {
    "care-play-and-learning": "good",
    setting: "very-good",
    leadership: "adequate",
    "staff-team": "good",
  });
});

care(
  "a grading in the key questions' columns before they were in force is read into the quality themes, and flagged",
  () => {
    const { data } = read("inspections/example-support-service/2015-inspection.md");
    assert.is(data.framework, "care-inspectorate-quality-themes");
    assert.equal(data.judgements, {
      "care-and-support": "very-good",
      environment: "good",
      staffing: "very-good",
      "management-and-leadership": "very-good",
    });
    assert.match(
      (data.draft as { needsReview: string[] }).needsReview.join(" "),
      "The grades are read from 'KQ_Care_and_Support_Planning'",
    );
  },
);

care(
  "each service is an organisation with its details from services.csv; two of one name are told apart by number",
  () => {
    const { data, body } = read("organisations/example-care-home.md");
    assert.equal(data, {
      name: "Example Care Home",
      kind: "Care Home Service (Older People)",
      region: "Example City",
      codes: { careInspectorate: "CS2099000001" },
      reports: "https://www.careinspectorate.com/index.php/care-services?detail=CS2099000001",
    });
    assert.match(body, "- Health board: NHS Example Health");
    assert.match(body, "- Registered places: 40");
    assert.not.match(read("organisations/example-support-service.md").body, "Registered places");
    // The datastore's other spelling of a council area is written as the one name (regionNames).
    // and so is every place it is shown: the details' council area too.
    const edinburgh = read("organisations/example-support-service.md");
    assert.is(edinburgh.data.region, "City of Edinburgh");
    assert.match(edinburgh.body, "- Council area: City of Edinburgh\n");
    assert.not.match(edinburgh.body, "Edinburgh, City of");
    const closed = read("organisations/example-nursery-cs2099000004.md").data;
    assert.is(closed.name, "Example Nursery");
    // Not in the latest listing (2026-02-28): closed after the last one that listed it.
    assert.is(closed.lastKnownOpen, "2024-08-31");
  },
);

care("a second import of the same CSVs changes nothing", () => {
  const before = snapshot(content);
  const again = importInto(content, { csv, mapping });
  assert.ok(again.files.every((file) => file.status === "unchanged"));
  assert.equal(snapshot(content), before);
});

care.run();
