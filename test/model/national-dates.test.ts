/**
 * The national picture as at any date: which days (site.yaml's choice, never the clock),
 * which inspections count on each (by publication, or by the end of the visit), and the
 * CQC care home's partial inspection counted right: carried ratings, and movers that were
 * not judged again.
 */
import { rmSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { siteSettingsSchema } from "../../src/content/site-settings.ts";
import { nationalPicture } from "../../src/model/national.ts";
import { countingRule, nationalDates, publicationSpan } from "../../src/model/national-dates.ts";
import { nationalCsvRows, nationalData, nationalDataSchema } from "../../src/model/national-data.ts";
import { CARE_HOME, cqcProject } from "../fixtures/cqc.ts";
import { emptyContent, inspection, modelOf, organisation, sampleContent, withEntries } from "../fixtures/content.ts";

const dates = suite("the days the national picture is drawn as at");

dates(
  "31 March of every year the content spans, and the latest; nothing outside the span, nothing from the clock",
  () => {
    const model = modelOf(sampleContent());
    const span = publicationSpan(model.organisations);
    // Oxfordshire's reports (the example police force is not counted).
    assert.equal(span, { first: "2014-06-30", last: "2024-04-09" });
    const days = nationalDates(
      { yearly: "03-31", latest: true, dates: [], countBy: "publication" },
      model.organisations,
    );
    assert.equal(days, [
      "2015-03-31",
      "2016-03-31",
      "2017-03-31",
      "2018-03-31",
      "2019-03-31",
      "2020-03-31",
      "2021-03-31",
      "2022-03-31",
      "2023-03-31",
      "2024-03-31",
      "2024-04-09",
    ]);
    assert.equal(
      nationalDates(
        { yearly: null, latest: false, dates: ["2019-09-30", "2018-01-01"], countBy: "publication" },
        model.organisations,
      ),
      ["2018-01-01", "2019-09-30"],
    );
    assert.equal(nationalDates({ yearly: "03-31", latest: true, dates: [], countBy: "publication" }, []), []);
  },
);

/** One council inspected in 2021 (visit ended 2021-03-05, report 2021-04-20) and in 2023. */
function council() {
  const sample = sampleContent();
  return modelOf(
    withEntries(
      { ...emptyContent(), inspectorates: sample.inspectorates, scales: sample.scales, frameworks: sample.frameworks },
      {
        organisations: [organisation("norfolk", "Norfolk")],
        inspections: [
          inspection("norfolk", "2021", {
            framework: "ofsted-ilacs-2018",
            visit: ["2021-03-01", "2021-03-05"],
            published: "2021-04-20",
            judgements: {
              "overall-effectiveness": "good",
              "impact-of-leaders": "good",
              "help-and-protection": "good",
              "children-in-care-and-care-leavers": "good",
            },
          }),
          inspection("norfolk", "2023", {
            framework: "ofsted-ilacs-2023",
            visit: "unknown",
            published: "2023-06-01",
            judgements: {
              "overall-effectiveness": "outstanding",
              "impact-of-leaders": "unknown",
              "help-and-protection": "good",
              "children-in-care": "good",
              "care-leavers": "good",
            },
          }),
        ],
      },
    ),
  );
}

dates(
  "by publication, an inspection counts once its report is out; by the end of the visit, once inspectors left",
  () => {
    const model = council();
    const at = (day: string, countBy: "publication" | "visit-end") =>
      nationalPicture(model.organisations, model.frameworks, model.crosswalks, day, countBy).lineages[0]?.latest.map(
        (latest) => latest.slug,
      ) ?? [];
    assert.equal(at("2021-03-31", "publication"), []);
    assert.equal(at("2021-03-31", "visit-end"), ["2021"]);
    assert.equal(at("2021-04-20", "publication"), ["2021"]);
    // Visit dates not known: counted from the publication date under either rule.
    assert.equal(at("2023-05-31", "visit-end"), ["2021"]);
    assert.equal(at("2023-06-01", "visit-end"), ["2023"]);
    assert.match(countingRule("visit-end"), "whenever its report was published");
  },
);

dates("a grade not on this site yet is counted apart, never as a grade nor as not judged", () => {
  const model = council();
  const picture = nationalPicture(model.organisations, model.frameworks, model.crosswalks, "2023-12-31");
  const leaders = picture.lineages[0]!.distributions.find(
    (distribution) => distribution.area.id === "impact-of-leaders",
  )!;
  assert.equal(
    leaders.grades.map((item) => item.organisations.length),
    [0, 0, 0, 0],
  );
  assert.equal(
    leaders.noGrade.unknown.map((organisation) => organisation.id),
    ["norfolk"],
  );
  assert.is(leaders.goodOrBetter!.of, 0);
  const movement = picture.lineages[0]!.movements[0]!.areas.find((area) => area.area.id === "impact-of-leaders")!;
  assert.is(movement.notCompared.unknown, 1);
});

dates("site.yaml chooses the days and the rule; left out, 31 March yearly, the latest, by publication", () => {
  const base = { title: "T", description: "D", url: "https://example.org", publisher: "P", licence: "L" };
  assert.equal(siteSettingsSchema.parse(base).national, {
    yearly: "03-31",
    latest: true,
    dates: [],
    countBy: "publication",
  });
  assert.equal(
    siteSettingsSchema.parse({ ...base, national: { yearly: false, dates: ["2020-09-30"], countBy: "visit-end" } })
      .national,
    { yearly: null, latest: true, dates: ["2020-09-30"], countBy: "visit-end" },
  );
  assert.not.ok(siteSettingsSchema.safeParse({ ...base, national: { yearly: "31-03" } }).success);
  assert.not.ok(siteSettingsSchema.safeParse({ ...base, national: { countBy: "visit" } }).success);
});

const cqcPicture = suite("the CQC care home in the national picture");
let root = "";

cqcPicture.before(() => {
  root = cqcProject();
});
cqcPicture.after(() => rmSync(root, { recursive: true, force: true }));

cqcPicture("after the focused inspection, the areas it did not judge count with their carried 2019 ratings", () => {
  const model = checkContent(root).model!;
  const picture = nationalPicture(model.organisations, model.frameworks, model.crosswalks, "2022-12-31");
  const cqc = picture.lineages.find((lineage) => lineage.inspectorate.id === "cqc")!;
  assert.equal(
    cqc.latest.map((latest) => latest.id),
    [`${CARE_HOME}/2022-focused-inspection`],
  );
  const grade = (area: string) => {
    const distribution = cqc.distributions.find((item) => item.area.id === area)!;
    const graded = distribution.grades.find((item) => item.organisations.length > 0)!;
    return [graded.grade.id, distribution.carried];
  };
  assert.equal(grade("safe"), ["good", 0]);
  assert.equal(grade("caring"), ["good", 1]);
  assert.equal(grade("effective"), ["good", 1]);
  const movers = cqc.movements[0]!.areas;
  assert.equal(
    movers.map((area) => [area.area.id, area.counts.improved, area.notCompared["not-judged-again"]]),
    [
      ["overall", 1, 0],
      ["safe", 1, 0],
      ["effective", 0, 1],
      ["caring", 0, 1],
      ["responsive", 0, 1],
      ["well-led", 1, 0],
    ],
  );
  const later = nationalPicture(model.organisations, model.frameworks, model.crosswalks, "2023-12-31");
  const caring = later.lineages
    .find((lineage) => lineage.inspectorate.id === "cqc")!
    .movements[0]!.areas.find((area) => area.area.id === "caring")!;
  assert.is(caring.counts.improved, 1);
});

cqcPicture(
  "as open data: each picture's JSON passes its published schema, and the CSV has a row per date, area and rating",
  () => {
    const model = checkContent(root).model!;
    const picture = nationalPicture(model.organisations, model.frameworks, model.crosswalks, "2022-12-31");
    const about = { title: "T", licence: "L", publisher: "P", as_at: "2023-06-30", data_notes: [] };
    const data = nationalDataSchema.parse(nationalData(picture, about));
    const cqc = data.lineages.find((lineage) => lineage.inspectorate_id === "cqc")!;
    const caring = cqc.areas.find((area) => area.area_id === "caring")!;
    assert.equal(
      [caring.graded, caring.good_or_better, caring.carried, caring.grades[1]!.organisation_ids],
      [1, 1, 1, [CARE_HOME]],
    );
    const rows = nationalCsvRows([picture]).filter((row) => row.inspectorate === "CQC" && row.area_id === "caring");
    assert.equal(
      rows.map((row) => `${row.rating_id}=${row.count}`),
      [
        "outstanding=0",
        "good=1",
        "requires-improvement=0",
        "inadequate=0",
        "unknown=0",
        "not-a-grade=0",
        "never-rated=0",
        "merged=0",
        "other-scale=0",
        "no-longer-judged=0",
        "does-not-apply=0",
      ],
    );
  },
);

dates.run();
cqcPicture.run();
