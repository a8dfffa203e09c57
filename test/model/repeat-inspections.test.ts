import { suite } from "uvu";
import * as assert from "uvu/assert";
import { nationalPicture } from "../../src/model/national.ts";
import { nationalData } from "../../src/model/national-data.ts";
import { emptyContent, inspection, modelOf, organisation, sampleContent, withEntries } from "../fixtures/content.ts";

/**
 * Councils counted by hand against Ofsted's rule: two or more inspections in the series
 * (ILACS 2018 onward: `series: ilacs` in the shipped frameworks, never SIF), placed by the
 * end of the visit, the latest against the one before.
 */
const ilacs2018 = (overall: string, care = overall) => ({
  "overall-effectiveness": overall,
  "impact-of-leaders": overall,
  "help-and-protection": overall,
  "children-in-care-and-care-leavers": care,
});
const ilacs2023 = (overall: string, care = overall) => ({
  "overall-effectiveness": overall,
  "impact-of-leaders": overall,
  "help-and-protection": overall,
  "children-in-care": care,
  "care-leavers": overall,
});
const sif = (overall: string) => ({
  "overall-effectiveness": overall,
  "help-and-protection": overall,
  "children-looked-after": overall,
  "leadership-management-governance": overall,
});

function model() {
  const sample = sampleContent();
  const ids = ["up", "good", "down", "below", "sif-only", "unknown", "visit-late", "ungraded"];
  return modelOf(
    withEntries(
      { ...emptyContent(), inspectorates: sample.inspectorates, scales: sample.scales, frameworks: sample.frameworks },
      {
        organisations: ids.map((id) => organisation(id, id)),
        inspections: [
          // SIF before the series: not counted, though the site's movers compare with it.
          inspection("up", "2016", {
            framework: "ofsted-sif-2013",
            kind: "single-inspection",
            visit: ["2016-01-04", "2016-01-28"],
            judgements: sif("inadequate"),
          }),
          inspection("up", "2018", {
            framework: "ofsted-ilacs-2018",
            visit: ["2018-05-01", "2018-05-10"],
            judgements: ilacs2018("requires-improvement", "inadequate"),
          }),
          // Its visit ended by 31 March, its report came after: counted by the end of the visit.
          inspection("up", "2024", {
            framework: "ofsted-ilacs-2023",
            visit: ["2024-03-11", "2024-03-15"],
            published: "2024-05-16",
            judgements: ilacs2023("good", "requires-improvement"),
          }),
          inspection("good", "2019", {
            framework: "ofsted-ilacs-2018",
            visit: ["2019-01-07", "2019-01-11"],
            judgements: ilacs2018("good"),
          }),
          inspection("good", "2023", {
            framework: "ofsted-ilacs-2023",
            visit: ["2023-06-05", "2023-06-09"],
            judgements: ilacs2023("good"),
          }),
          inspection("down", "2019", {
            framework: "ofsted-ilacs-2018",
            visit: ["2019-02-04", "2019-02-15"],
            judgements: ilacs2018("good"),
          }),
          inspection("down", "2023", {
            framework: "ofsted-ilacs-2023",
            visit: ["2023-02-06", "2023-02-17"],
            judgements: ilacs2023("requires-improvement"),
          }),
          inspection("below", "2019", {
            framework: "ofsted-ilacs-2018",
            visit: ["2019-03-04", "2019-03-15"],
            judgements: ilacs2018("inadequate"),
          }),
          inspection("below", "2022", {
            framework: "ofsted-ilacs-2018",
            visit: ["2022-03-07", "2022-03-18"],
            judgements: ilacs2018("inadequate"),
          }),
          inspection("sif-only", "2017", {
            framework: "ofsted-sif-2013",
            kind: "single-inspection",
            visit: ["2017-01-09", "2017-02-01"],
            judgements: sif("good"),
          }),
          inspection("sif-only", "2019", {
            framework: "ofsted-ilacs-2018",
            visit: ["2019-05-06", "2019-05-10"],
            judgements: ilacs2018("good"),
          }),
          inspection("unknown", "2018", {
            framework: "ofsted-ilacs-2018",
            visit: ["2018-09-03", "2018-09-14"],
            judgements: { ...ilacs2018("requires-improvement"), "overall-effectiveness": "unknown" },
          }),
          inspection("unknown", "2022", {
            framework: "ofsted-ilacs-2018",
            visit: ["2022-09-05", "2022-09-16"],
            judgements: ilacs2018("good"),
          }),
          inspection("visit-late", "2019", {
            framework: "ofsted-ilacs-2018",
            visit: ["2019-06-03", "2019-06-07"],
            judgements: ilacs2018("good"),
          }),
          inspection("visit-late", "2024", {
            framework: "ofsted-ilacs-2023",
            visit: ["2024-03-25", "2024-04-05"],
            published: "2024-05-01",
            judgements: ilacs2023("inadequate"),
          }),
          inspection("ungraded", "2019", {
            framework: "ofsted-ilacs-2018",
            visit: ["2019-07-01", "2019-07-05"],
            judgements: ilacs2018("good"),
          }),
          inspection("ungraded", "2023-visit", {
            framework: "ofsted-ilacs-2023",
            kind: "focused-visit",
            visit: "2023-05",
          }),
        ],
      },
    ),
  );
}

const test = suite("repeat inspections (Ofsted's measure)");

const about = { title: "t", description: "d", licence: null, source: null } as never;

function repeatAsAt(day: string, countBy: "publication" | "visit-end" = "publication") {
  const built = model();
  const picture = nationalPicture(built.organisations, built.frameworks, built.crosswalks, day, countBy);
  const data = nationalData(picture, about);
  assert.is(data.lineages.length, 1);
  return data.lineages[0]!;
}

test("counts only the series, by the end of the visit, latest against the one before", () => {
  const lineage = repeatAsAt("2024-03-31");
  assert.equal(lineage.repeat_series, ["ofsted-ilacs-2018", "ofsted-ilacs-2023", "ofsted-ilacs-2026"]);
  // up (RI -> good), good (good -> good), down (good -> RI), below (inadequate -> inadequate),
  // unknown (not known -> good); not sif-only (one ILACS), visit-late (visit not ended), ungraded.
  assert.equal(lineage.repeat_inspections!["overall-effectiveness"], {
    organisations: 5,
    improved: 1,
    stayed_good_or_better: 1,
    declined: 1,
    stayed_below_good: 1,
    not_compared: 1,
  });
  // Children in care against the combined judgement of 2018 (a split area): up from
  // inadequate to requires improvement is improved, and "unknown" is compared here (its
  // 2018 grade for children in care and care leavers is known: requires improvement to good).
  assert.equal(lineage.repeat_inspections!["children-in-care"], {
    organisations: 5,
    improved: 2,
    stayed_good_or_better: 1,
    declined: 1,
    stayed_below_good: 1,
    not_compared: 0,
  });
});

test("the rule does not follow the picture's own counting rule", () => {
  assert.equal(
    repeatAsAt("2024-03-31", "visit-end").repeat_inspections!["overall-effectiveness"],
    repeatAsAt("2024-03-31").repeat_inspections!["overall-effectiveness"],
  );
});

test("a day before a visit ended leaves its organisation out", () => {
  const lineage = repeatAsAt("2024-03-14");
  assert.is(lineage.repeat_inspections!["overall-effectiveness"]!.organisations, 4);
  assert.is(lineage.repeat_inspections!["overall-effectiveness"]!.improved, 0);
});

test.run();

const dropped = suite("an area the framework in force no longer judges");

dropped(
  "ILACS 2026's pictures still give overall effectiveness, from the inspections before, and count apart those inspected since",
  () => {
    const sample = sampleContent();
    const built = modelOf(
      withEntries(
        {
          ...emptyContent(),
          inspectorates: sample.inspectorates,
          scales: sample.scales,
          frameworks: sample.frameworks,
        },
        {
          organisations: [organisation("before", "before"), organisation("since", "since")],
          inspections: [
            inspection("before", "2024", {
              framework: "ofsted-ilacs-2023",
              visit: ["2024-03-04", "2024-03-15"],
              judgements: ilacs2023("good"),
            }),
            inspection("since", "2026", {
              framework: "ofsted-ilacs-2026",
              visit: ["2026-05-04", "2026-05-15"],
              judgements: {
                "impact-of-leaders": "good",
                "help-and-protection": "good",
                "children-in-care": "good",
                "care-leavers": "good",
              },
            }),
          ],
        },
      ),
    );
    const picture = nationalPicture(built.organisations, built.frameworks, built.crosswalks, "2026-08-01");
    const line = nationalData(picture, about).lineages[0]!;
    assert.is(line.framework_id, "ofsted-ilacs-2026");
    const overall = line.areas.find((area) => area.area_id === "overall-effectiveness")!;
    assert.is(overall.no_longer_judged_in, "ofsted-ilacs-2026");
    assert.equal(overall.grades.find((grade) => grade.grade_id === "good")!.organisation_ids, ["before"]);
    assert.equal(overall.no_grade["no-longer-judged"], ["since"]);
    // The framework's own areas first, and the headline is still one of them.
    assert.equal(
      line.areas.map((area) => area.area_id),
      ["impact-of-leaders", "help-and-protection", "children-in-care", "care-leavers", "overall-effectiveness"],
    );
    assert.is(picture.lineages[0]!.byRegion, null);
  },
);

dropped.run();
