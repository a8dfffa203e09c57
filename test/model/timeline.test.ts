/**
 * A council's story in order, whatever the precision of each date: entries sort by their
 * first day, and a longer period comes before the shorter ones inside it, so "2017" reads
 * as a heading for what happened in January 2017.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ContentSet } from "../../src/content/content-set.ts";
import { byYear } from "../../src/model/timeline.ts";
import type { TimelineEntry } from "../../src/model/types.ts";
import {
  event,
  findOrganisation,
  inspection,
  modelOf,
  organisation,
  sampleContent,
  withEntries,
} from "../fixtures/content.ts";

function label(entry: TimelineEntry): string {
  return entry.type === "inspection"
    ? `inspection ${entry.period.label}`
    : `${entry.event.title} (${entry.period.label})`;
}

/** Events of every precision, written in no particular order. */
function testshire(): ContentSet {
  return withEntries(sampleContent(), {
    organisations: [organisation("testshire", "Testshire County Council")],
    events: [
      event("testshire", "new-director", "2017-01-01", "New director"),
      event("testshire", "budget", "2016-17", "Budget year"),
      event("testshire", "consultation", { from: "2016-02", to: "2016-06" }, "Consultation"),
      event("testshire", "restructure", 2017, "Restructure"),
      event("testshire", "april-cuts", "2016-04", "April cuts"),
      event("testshire", "may-review", "2016-05", "May review"),
      event("testshire", "a-hard-year", "2016", "A hard year"),
      event("testshire", "march-report", "2016-03", "March report"),
      event("testshire", "january-plan", "2017-01", "January plan"),
      event(
        "testshire",
        "visit-week-press",
        { from: "2017-01-16", to: "2017-01-27" },
        "Press coverage during the visit",
      ),
    ],
    inspections: [
      inspection("testshire", "2017-single-inspection", {
        framework: "ofsted-sif-2013",
        kind: "single-inspection",
        visit: ["2017-01-16", "2017-01-27"],
        judgements: { "overall-effectiveness": "good" },
      }),
    ],
  });
}

const order = suite("timeline order across mixed precisions");

order(
  "entries run by first day; a year, financial year or range comes before the shorter periods that start with it",
  () => {
    const timeline = findOrganisation(modelOf(testshire()), "testshire").timeline;
    assert.equal(timeline.map(label), [
      "A hard year (2016)",
      "Consultation (February 2016 to June 2016)",
      "March report (March 2016)",
      "Budget year (2016-17)",
      "April cuts (April 2016)",
      "May review (May 2016)",
      "Restructure (2017)",
      "January plan (January 2017)",
      "New director (1 January 2017)",
      "Press coverage during the visit (16 January 2017 to 27 January 2017)",
      "inspection 16 to 27 January 2017",
    ]);
  },
);

order(
  "a financial year starts in April: after March of its first year, and inside the calendar year it starts in",
  () => {
    const timeline = findOrganisation(modelOf(testshire()), "testshire").timeline.map(label);
    const at = (text: string) => timeline.indexOf(text);
    assert.ok(at("March report (March 2016)") < at("Budget year (2016-17)"));
    assert.ok(at("Budget year (2016-17)") < at("April cuts (April 2016)"));
    assert.ok(at("A hard year (2016)") < at("Budget year (2016-17)"));
  },
);

order("an organisation's events are listed by first day too", () => {
  const events = findOrganisation(modelOf(testshire()), "testshire").events;
  assert.equal(
    events.map((each) => each.period.start),
    [
      "2016-01-01",
      "2016-02-01",
      "2016-03-01",
      "2016-04-01",
      "2016-04-01",
      "2016-05-01",
      "2017-01-01",
      "2017-01-01",
      "2017-01-01",
      "2017-01-16",
    ],
  );
});

order("timelines group under the year each entry starts in", () => {
  const timeline = findOrganisation(modelOf(testshire()), "testshire").timeline;
  assert.equal(
    byYear(timeline, (entry) => entry.period.start).map((year) => [year.year, year.entries.length]),
    [
      [2016, 6],
      [2017, 5],
    ],
  );
});

order("the sample: Oxfordshire's inspections, its focused visit and its context events in order", () => {
  const timeline = findOrganisation(modelOf(sampleContent()), "oxfordshire").timeline;
  assert.equal(
    timeline.map((entry) =>
      entry.type === "inspection" ? `inspection ${entry.inspection.slug}` : `event ${entry.period.label}`,
    ),
    [
      "inspection 2014-single-inspection",
      "event 2015-16",
      "event 2017",
      "inspection 2018-short-inspection",
      "inspection 2020-focused-visit",
      "event August 2022 to February 2024",
      "inspection 2024-standard-inspection",
    ],
  );
});

order.run();
