/**
 * The Care Inspectorate as the site shows it, from the shipped pack and mapping on made-up
 * gradings (test/fixtures/import/care/): an inspection that judged none of the areas the
 * data shows, a report found through the service's page, the note on where the data comes
 * from, and what `npm run check` says of such files.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { markdownFor } from "../../src/render/markdown.ts";
import { dataNoteSummaries } from "../../src/render/data-note.ts";
import { frameworkDetail } from "../../src/render/framework.ts";
import { explainerPage, organisationPage } from "../../src/render/pages.ts";
import { textOf } from "../fixtures/page-text.ts";
import { importInto, projectRoot, temporaryFolder } from "../fixtures/import/support.ts";

const md = markdownFor({ allowHtmlInMarkdown: false });
const sharing = { site: { url: "https://example.org", pathPrefix: "/" }, images: false };
const text = textOf;

const care = suite("render: Care Inspectorate inspections");

let folder = "";
let content = "";
care.before(() => {
  folder = temporaryFolder("care-render");
  content = join(folder, "content");
  importInto(content, {
    csv: "test/fixtures/import/care/gradings.csv",
    mapping: "mappings/care-inspectorate-scotland.yaml",
  });
});
care.after(() => rmSync(folder, { recursive: true, force: true }));

care("a grading with no grade changed says what was published, not what was judged", () => {
  const checked = checkContent(projectRoot, content);
  assert.equal(checked.problems, []);
  const inspection = checked.model!.inspections.find(
    (candidate) => candidate.id === "example-care-home/2020-inspection",
  )!;
  assert.is(
    inspection.comparison?.sentence,
    "Good for wellbeing, the same as in 2019; four more grades published under Quality themes.",
  );
  const page = text(explainerPage(inspection, md, sharing).content.toString());
  assert.match(page, "The grades for care and support, wellbeing, environment, staffing and management and leadership");
  assert.match(
    page,
    "The grade published after it was the same as before for wellbeing, care and support planning, setting, staff team and leadership: the data cannot tell",
  );
  assert.not.match(page, "judged again");
  assert.not.match(page, "Not judged since");
  assert.not.match(page, "stands:");
  // Children and young people's wellbeing applies to services for children, not to this care home for older people.
  assert.not.match(page, "Children and young people's wellbeing");
});

care("ratings in force are the latest grading's grades, each since the first grading of its run", () => {
  const model = checkContent(projectRoot, content).model!;
  const home = model.organisations.find((organisation) => organisation.id === "example-care-home")!;
  const page = text(organisationPage(home, md, "2026-01-01").content.toString());
  // 2023: wellbeing 3, care and support planning 3, setting 4, staff team 4, leadership 3; nothing else.
  assert.match(page, "How well do we support people's wellbeing? Adequate Published after the April 2023 inspection");
  // Setting 4 was environment 4 in the grading before (2021), and since 2016.
  assert.match(page, "How good is our setting? Good Since the March 2016 inspection");
  assert.match(page, "First published as 'Quality of environment' (Quality themes).");
  assert.not.match(page, "Quality of management and leadership");
  assert.not.match(page, "COVID-19 pandemic? ");
  assert.not.match(page, "Not judged since");
  assert.not.match(page, "Children and young people's wellbeing", "not in its grades over time either");
  const nursery = model.organisations.find((organisation) => organisation.id === "example-nursery-cs2099000004")!;
  const closed = text(organisationPage(nursery, md, "2026-01-01").content.toString());
  assert.match(closed, "Closed: last known to be open on 31 August 2024, and not listed since.");
  assert.match(closed, "Ratings when it closed");
});

care("the report is found on the service's page, and the page says where the data comes from", () => {
  const model = checkContent(projectRoot, content).model!;
  const inspection = model.inspections.find((candidate) => candidate.id === "example-care-home/2023-inspection")!;
  const page = explainerPage(inspection, md, sharing).content.toString();
  assert.match(
    text(page),
    "The Care Inspectorate report (published 2 May 2023) is listed on the inspectorate's page for Example Care Home .",
  );
  assert.match(page, 'href="https://www.careinspectorate.com/index.php/care-services?detail=CS2099000001"');
  // The pack's summary, in words on the page (an approximation; the reports the authority),
  // and the way to the whole note on the framework's page, which says it in full.
  assert.match(text(page), "an approximation, not an official series");
  assert.match(text(page), "are the authority");
  assert.not.match(text(page), "113 monthly snapshots");
  const link = `href="/frameworks/${inspection.framework.id}/#data-note-care-inspectorate"`;
  assert.match(page, `<a ${link}>Where the Care Inspectorate's grades on this site come from</a>.</p>`);
  const framework = frameworkDetail(inspection.framework).toString();
  assert.match(framework, '<p class="data-note" id="data-note-care-inspectorate">');
  assert.match(text(framework), "It is an approximation, not an official series.");
  assert.match(text(framework), "113 monthly snapshots");
  const home = organisationPage(inspection.organisation, md, "2026-01-01").content.toString();
  assert.is(home.split('class="data-note"').length, 2, "said once on the service's page");
  assert.match(text(home), "an approximation, not an official series");
  assert.match(home, /<a href="\/frameworks\/[a-z0-9-]+\/#data-note-care-inspectorate">/);
  // An inspectorate with a note and no summary: the whole note, as before.
  const whole = { ...inspection.framework.inspectorate, dataNoteSummary: undefined };
  const plain = dataNoteSummaries([whole], () => "/x/").toString();
  assert.match(text(plain), "113 monthly snapshots");
  assert.not.match(plain, "<a ");
});

care(
  "a graded inspection needs its report, or a page of reports on its organisation; a Care Inspectorate number has its form",
  () => {
    const organisation = join(content, "organisations/example-care-home.md");
    const original = readFileSync(organisation, "utf8");
    try {
      writeFileSync(
        organisation,
        original
          .replace(/^reports: .*\n/m, "")
          .replace("careInspectorate: CS2099000001", "careInspectorate: CS-2099000001"),
      );
      const problems = checkContent(projectRoot, content).problems.map(formatProblem).join("\n");
      assert.match(problems, "codes.careInspectorate: should be a Care Inspectorate number like CS2003000150");
      writeFileSync(organisation, original.replace(/^reports: .*\n/m, ""));
      const missing = checkContent(projectRoot, content).problems;
      assert.is(missing.length, 5, "each of the service's five inspections");
      assert.match(missing[0]!.message, "or a 'reports:' page on its organisation");
    } finally {
      writeFileSync(organisation, original);
    }
  },
);

care("the COVID-19 question is shown apart only where it was judged or a rating of it stands, without '?:'", () => {
  const model = checkContent(projectRoot, content).model!;
  const pages = model.organisations
    .find((organisation) => organisation.id === "example-care-home")!
    .inspections.map((inspection) => ({
      inspection,
      page: text(explainerPage(inspection, md, sharing).content.toString()),
    }));
  const covid = "during the COVID-19 pandemic";
  const judged = (inspection: (typeof pages)[number]["inspection"]) =>
    inspection.judgements.some(
      (judgement) => judgement.area.id === "covid-19" && (judgement.written || judgement.outcome.kind !== "not-judged"),
    ) || inspection.ratings?.after.ratings.has("covid-19");
  const before = pages.filter(({ inspection }) => !judged(inspection));
  const after = pages.filter(({ inspection }) => judged(inspection));
  assert.ok(before.length > 0 && after.length > 0, pages.map(({ inspection }) => inspection.id).join(", "));
  for (const { inspection, page } of before) assert.not.match(page, covid, inspection.id);
  for (const { inspection, page } of after) {
    assert.match(page, `Shown apart: How good is our care and support ${covid}? `, inspection.id);
    assert.not.match(page, "?:", inspection.id);
  }
});

care.run();
