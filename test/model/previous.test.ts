/**
 * Which inspection each one is compared with: the latest earlier graded inspection of the
 * same council by the same inspectorate in the same lineage of frameworks, unless the
 * editor names another, or none. Ungraded visits are on the timeline, never compared.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ContentSet } from "../../src/content/content-set.ts";
import { verdictSentence } from "../../src/model/sentence.ts";
import {
  findInspection,
  findOrganisation,
  framework,
  inspection,
  inspectorate,
  modelOf,
  organisation,
  sampleContent,
  withEntries,
} from "../fixtures/content.ts";

const ALL_GOOD_ILACS_2023 = {
  "overall-effectiveness": "good",
  "impact-of-leaders": "good",
  "help-and-protection": "good",
  "children-in-care": "good",
  "care-leavers": "good",
};

/**
 * Testshire, inspected by Ofsted under the SIF and ILACS (graded and ungraded), by Ofsted
 * under another lineage (SEND), and by another inspectorate (CQC). `previous` is what the
 * 2024 file says, if anything.
 */
function testshire(previous?: string): ContentSet {
  return withEntries(sampleContent(), {
    inspectorates: [inspectorate("cqc", "CQC")],
    frameworks: [
      framework("cqc-2018", {
        inspectorate: "cqc",
        shortName: "CQC 2018",
        scale: "ofsted-four-point",
        inForce: { from: "2018-01-01" },
        areas: ["safe", "well-led"],
      }),
      framework("ofsted-send-2016", {
        inspectorate: "ofsted",
        shortName: "SEND 2016",
        scale: "ofsted-four-point",
        inForce: { from: "2016-05-01" },
        areas: ["identification", "outcomes"],
      }),
    ],
    organisations: [organisation("testshire", "Testshire County Council")],
    inspections: [
      inspection("testshire", "2014-single-inspection", {
        framework: "ofsted-sif-2013",
        kind: "single-inspection",
        visit: ["2014-03-03", "2014-03-21"],
        judgements: { "overall-effectiveness": "requires-improvement", "help-and-protection": "requires-improvement" },
      }),
      inspection("testshire", "2018-short-inspection", {
        framework: "ofsted-ilacs-2018",
        kind: "short",
        visit: ["2018-06-04", "2018-06-08"],
        judgements: { "overall-effectiveness": "good", "help-and-protection": "requires-improvement" },
      }),
      inspection("testshire", "2019-focused-visit", {
        framework: "ofsted-ilacs-2018",
        kind: "focused-visit",
        visit: "2019-11",
      }),
      inspection("testshire", "2020-cqc-inspection", {
        framework: "cqc-2018",
        visit: ["2020-01-13", "2020-01-17"],
        judgements: { safe: "inadequate", "well-led": "inadequate" },
      }),
      inspection("testshire", "2021-send-inspection", {
        framework: "ofsted-send-2016",
        visit: ["2021-03-01", "2021-03-05"],
        judgements: { identification: "outstanding", outcomes: "outstanding" },
      }),
      inspection("testshire", "2022-monitoring-visit", {
        framework: "ofsted-ilacs-2018",
        kind: "monitoring-visit",
        visit: ["2022-05-10", "2022-05-11"],
      }),
      inspection("testshire", "2024-standard-inspection", {
        framework: "ofsted-ilacs-2023",
        visit: ["2024-01-15", "2024-01-26"],
        judgements: ALL_GOOD_ILACS_2023,
        ...(previous ? { previous } : {}),
      }),
    ],
  });
}

const choice = suite("choosing the previous inspection");

choice(
  "by default, the latest earlier graded inspection in the lineage, skipping ungraded visits, another lineage and another inspectorate",
  () => {
    const model = modelOf(testshire());
    const inspections = findOrganisation(model, "testshire").inspections;
    assert.equal(
      inspections.map((each) => [each.slug, each.previous?.slug ?? null, each.previousChoice]),
      [
        ["2014-single-inspection", null, "first"],
        ["2018-short-inspection", "2014-single-inspection", "latest-earlier"],
        ["2019-focused-visit", null, "ungraded"],
        ["2020-cqc-inspection", null, "first"],
        ["2021-send-inspection", null, "first"],
        ["2022-monitoring-visit", null, "ungraded"],
        ["2024-standard-inspection", "2018-short-inspection", "latest-earlier"],
      ],
    );
  },
);

choice("'previous: <file name>' overrides the default, and the comparison is with that inspection", () => {
  const current = findInspection(modelOf(testshire("2014-single-inspection")), "testshire/2024-standard-inspection");
  assert.is(current.previous?.id, "testshire/2014-single-inspection");
  assert.is(current.previousChoice, "named");
  assert.is(current.comparison?.previous.id, "testshire/2014-single-inspection");
  assert.is(current.comparison?.rows.find((row) => row.area?.id === "help-and-protection")?.change, "improved");
});

choice("'previous: none' means no comparison, and the verdict says it is not compared", () => {
  const current = findInspection(modelOf(testshire("none")), "testshire/2024-standard-inspection");
  assert.is(current.previous, null);
  assert.is(current.previousChoice, "none");
  assert.is(current.comparison, null);
  assert.ok(
    verdictSentence(current).endsWith(". This inspection is not compared with an earlier one."),
    verdictSentence(current),
  );
});

choice("naming none does not change what later inspections are compared with", () => {
  const content = testshire("none");
  content.inspections.push(
    inspection("testshire", "2026-standard-inspection", {
      framework: "ofsted-ilacs-2026",
      visit: ["2026-09-07", "2026-09-18"],
      judgements: { "help-and-protection": "good" },
    }),
  );
  const later = findInspection(modelOf(content), "testshire/2026-standard-inspection");
  assert.is(later.previous?.id, "testshire/2024-standard-inspection");
  assert.is(later.previousChoice, "latest-earlier");
});

const ungraded = suite("ungraded visits");

ungraded("a focused visit has no previous inspection and no comparison, and its verdict says it is not graded", () => {
  const visit = findInspection(modelOf(testshire()), "testshire/2019-focused-visit");
  assert.is(visit.kind.graded, false);
  assert.is(visit.previous, null);
  assert.is(visit.previousChoice, "ungraded");
  assert.is(visit.comparison, null);
  assert.equal(visit.judgements, []);
  assert.is(verdictSentence(visit), "A focused visit: inspectors report what they found but give no grades.");
});

ungraded("no inspection is ever compared with an ungraded visit", () => {
  const inspections = findOrganisation(modelOf(testshire()), "testshire").inspections;
  const comparedWith = inspections.flatMap((each) => (each.previous ? [each.previous.slug] : []));
  assert.equal(comparedWith.sort(), ["2014-single-inspection", "2018-short-inspection"]);
});

ungraded(
  "ungraded visits are on the council's timeline in date order, a visit known only by month with that month",
  () => {
    const timeline = findOrganisation(modelOf(testshire()), "testshire").timeline;
    assert.equal(
      timeline.map((entry) =>
        entry.type === "inspection" ? `${entry.inspection.slug} (${entry.period.label})` : entry.event.id,
      ),
      [
        "2014-single-inspection (3 to 21 March 2014)",
        "2018-short-inspection (4 to 8 June 2018)",
        "2019-focused-visit (November 2019)",
        "2020-cqc-inspection (13 to 17 January 2020)",
        "2021-send-inspection (1 to 5 March 2021)",
        "2022-monitoring-visit (10 to 11 May 2022)",
        "2024-standard-inspection (15 to 26 January 2024)",
      ],
    );
  },
);

choice.run();
ungraded.run();
