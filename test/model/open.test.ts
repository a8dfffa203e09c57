/**
 * Organisations that close (src/model/open.ts, docs/domain.md): a picture as at a day counts
 * only those open on it, whichever inspectorate; a closed one keeps its inspections.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { nationalPicture } from "../../src/model/national.ts";
import { openOn } from "../../src/model/open.ts";
import { emptyContent, inspection, modelOf, organisation, sampleContent, withEntries } from "../fixtures/content.ts";

const open = suite("organisations that close");

const grades = {
  "overall-effectiveness": "good",
  "impact-of-leaders": "good",
  "help-and-protection": "good",
  "children-in-care-and-care-leavers": "good",
};

function model() {
  const sample = sampleContent();
  const closing = (id: string, end: Record<string, string>) => {
    const entry = organisation(id, id);
    return { ...entry, data: { ...entry.data, ...end } };
  };
  return modelOf(
    withEntries(
      { ...emptyContent(), inspectorates: sample.inspectorates, scales: sample.scales, frameworks: sample.frameworks },
      {
        organisations: [
          organisation("open", "Open"),
          closing("merged", { closed: "2021-04-01" }),
          closing("unlisted", { lastKnownOpen: "2020-12-31" }),
        ],
        inspections: ["open", "merged", "unlisted"].map((id) =>
          inspection(id, "2019", {
            framework: "ofsted-ilacs-2018",
            visit: ["2019-03-04", "2019-03-08"],
            judgements: grades,
          }),
        ),
      },
    ),
  );
}

open("open up to the day before it closed, or up to the last day it was known to be open", () => {
  assert.ok(openOn({ closed: "2021-04-01" }, "2021-03-31"));
  assert.not.ok(openOn({ closed: "2021-04-01" }, "2021-04-01"));
  assert.ok(openOn({ lastKnownOpen: "2020-12-31" }, "2020-12-31"));
  assert.not.ok(openOn({ lastKnownOpen: "2020-12-31" }, "2021-01-01"));
  assert.ok(openOn({}, "2099-01-01"));
});

open("a picture as at a day counts only the organisations open on it; a closed one keeps its inspections", () => {
  const built = model();
  const counted = (day: string) =>
    nationalPicture(built.organisations, built.frameworks, built.crosswalks, day)
      .lineages.flatMap((lineage) => lineage.latest.map((inspection) => inspection.organisation.id))
      .sort();
  assert.equal(counted("2020-03-31"), ["merged", "open", "unlisted"]);
  assert.equal(counted("2021-03-31"), ["merged", "open"]);
  assert.equal(counted("2021-04-01"), ["open"]);
  const merged = built.organisations.find((organisation) => organisation.id === "merged")!;
  assert.is(merged.closed, "2021-04-01");
  assert.is(merged.inspections.length, 1);
});

open.run();
