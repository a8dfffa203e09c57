/**
 * The Oxfordshire sample, read from content/ exactly as the build reads it: the comparisons
 * the project exists to make, checked against the three Ofsted reports (shared FACTS).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import type { SiteModel } from "../../src/model/build-model.ts";
import { findInspection, findOrganisation, projectRoot, rowsOf } from "../fixtures/content.ts";

const checked = checkContent(projectRoot);
const sample = suite("the Oxfordshire sample");

function model(): SiteModel {
  if (!checked.model) throw new Error(`The sample content has problems: ${JSON.stringify(checked.problems, null, 2)}`);
  return checked.model;
}

sample("the sample content passes every check and builds a model", () => {
  assert.equal(checked.problems, []);
  assert.ok(checked.model);
  assert.equal(
    model().inspections.map((inspection) => inspection.id),
    [
      "oxfordshire/2024-standard-inspection",
      "wessex-police/2022-peel-inspection",
      "oxfordshire/2020-focused-visit",
      "wessex-police/2019-peel-assessment",
      "oxfordshire/2018-short-inspection",
      "oxfordshire/2014-single-inspection",
    ],
  );
});

sample("2024 is compared with 2018: help and protection improved from 'requires improvement' to 'good'", () => {
  const latest = findInspection(model(), "oxfordshire/2024-standard-inspection");
  assert.is(latest.previous?.id, "oxfordshire/2018-short-inspection");
  assert.is(latest.previousChoice, "latest-earlier");
  const help = rowsOf(latest).find((row) => row.area === "help-and-protection");
  assert.equal(help, {
    relation: "same",
    area: "help-and-protection",
    current: "good",
    previous: ["help-and-protection=requires-improvement"],
    change: "improved",
    note: "",
  });
});

sample(
  "2024's children in care and care leavers are each compared with 2018's single combined judgement, and say it used to be one",
  () => {
    const rows = rowsOf(findInspection(model(), "oxfordshire/2024-standard-inspection"));
    const split = rows.filter((row) => row.relation === "split");
    assert.equal(
      split.map((row) => [row.area, row.current, row.previous, row.change]),
      [
        ["children-in-care", "good", ["children-in-care-and-care-leavers=good"], "unchanged"],
        ["care-leavers", "good", ["children-in-care-and-care-leavers=good"], "unchanged"],
      ],
    );
    for (const row of split) {
      assert.ok(
        row.note.startsWith(
          "In 2018 this was part of one judgement, 'The experiences and progress of children in care and care leavers'; compared with that combined grade.",
        ),
        row.note,
      );
    }
    assert.equal(
      rows.map((row) => `${row.relation} ${row.area}`),
      [
        "same overall-effectiveness",
        "same impact-of-leaders",
        "same help-and-protection",
        "split children-in-care",
        "split care-leavers",
      ],
    );
  },
);

sample(
  "2018 is compared with 2014 across the change from the SIF to ILACS: renamed areas, and children in care and care leavers from two SIF judgements",
  () => {
    const inspection = findInspection(model(), "oxfordshire/2018-short-inspection");
    assert.is(inspection.previous?.id, "oxfordshire/2014-single-inspection");
    assert.is(inspection.framework.id, "ofsted-ilacs-2018");
    assert.is(inspection.previous?.framework.id, "ofsted-sif-2013");
    assert.equal(
      rowsOf(inspection).map((row) => [row.relation, row.area, row.previous.join(" + "), row.current, row.change]),
      [
        ["same", "overall-effectiveness", "overall-effectiveness=good", "good", "unchanged"],
        ["renamed", "impact-of-leaders", "leadership-management-governance=good", "good", "unchanged"],
        ["renamed", "help-and-protection", "help-and-protection=good", "requires-improvement", "declined"],
        [
          "merged",
          "children-in-care-and-care-leavers",
          "children-looked-after=good + care-leavers-experiences=good",
          "good",
          "no-arrow",
        ],
        ["removed", null, "adoption-performance=good", null, "no-arrow"],
      ],
    );
    const merged = rowsOf(inspection).find((row) => row.area === "children-in-care-and-care-leavers");
    assert.match(
      merged?.note ?? "",
      /^Brings together 'Children looked after and achieving permanence' and 'Experiences and progress of care leavers', judged separately in 2014, so no single change is shown\./,
    );
  },
);

sample("the 2014 inspection is the first on record and is compared with nothing", () => {
  const first = findInspection(model(), "oxfordshire/2014-single-inspection");
  assert.is(first.previous, null);
  assert.is(first.previousChoice, "first");
  assert.is(first.comparison, null);
});

sample("the 2020 focused visit is on Oxfordshire's timeline, between 2018 and 2024, and in no comparison", () => {
  const visit = findInspection(model(), "oxfordshire/2020-focused-visit");
  assert.is(visit.kind.graded, false);
  assert.is(visit.previous, null);
  assert.is(visit.comparison, null);
  const timeline = findOrganisation(model(), "oxfordshire").timeline;
  const slugs = timeline.flatMap((entry) => (entry.type === "inspection" ? [entry.inspection.slug] : []));
  assert.equal(slugs, [
    "2014-single-inspection",
    "2018-short-inspection",
    "2020-focused-visit",
    "2024-standard-inspection",
  ]);
  const comparedWith = model().inspections.flatMap((inspection) =>
    inspection.previous ? [inspection.previous.id] : [],
  );
  assert.not.ok(comparedWith.includes(visit.id), `compared with: ${comparedWith.join(", ")}`);
  assert.equal(comparedWith.sort(), [
    "oxfordshire/2014-single-inspection",
    "oxfordshire/2018-short-inspection",
    "wessex-police/2019-peel-assessment",
  ]);
});

sample("Wessex Police's PEEL grades before and after 2021 are on different scales and are not compared", () => {
  const inspection = findInspection(model(), "wessex-police/2022-peel-inspection");
  assert.is(inspection.previous?.id, "wessex-police/2019-peel-assessment");
  assert.ok(inspection.comparison?.apart);
  const rows = rowsOf(inspection);
  assert.is(rows.length, 9);
  assert.ok(
    rows.every((row) => row.relation === "not-comparable" && row.change === "no-arrow" && row.previous.length === 0),
  );
});

sample.run();
