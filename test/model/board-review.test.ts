/**
 * A review of a safeguarding board on its own (a kind whose `judges` lists only areas shown
 * apart) is not an inspection of the council's services: never compared, never the one a
 * later inspection is compared with, not the latest in the national picture, and every
 * rating of the services stands past it.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { nationalPicture } from "../../src/model/national.ts";
import { verdictSentence } from "../../src/model/sentence.ts";
import {
  emptyContent,
  findInspection,
  inspection,
  modelOf,
  organisation,
  sampleContent,
  withEntries,
} from "../fixtures/content.ts";

function model() {
  const sample = sampleContent();
  const frameworks = sample.frameworks.map((entry) =>
    entry.id === "ofsted-sif-2013"
      ? {
          ...entry,
          data: {
            ...entry.data,
            kinds: [
              ...entry.data.kinds,
              {
                id: "board-review",
                label: "Review of the Local Safeguarding Children Board",
                graded: true,
                judges: ["lscb-review"],
              },
            ],
          },
        }
      : entry,
  );
  const sif = (overall: string) => ({
    "overall-effectiveness": overall,
    "help-and-protection": overall,
    "children-looked-after": overall,
    "adoption-performance": overall,
    "care-leavers-experiences": overall,
    "leadership-management-governance": overall,
  });
  return modelOf(
    withEntries(
      { ...emptyContent(), inspectorates: sample.inspectorates, scales: sample.scales, frameworks },
      {
        organisations: [organisation("testshire", "Testshire")],
        inspections: [
          inspection("testshire", "2015", {
            framework: "ofsted-sif-2013",
            kind: "single-inspection",
            visit: ["2015-03-02", "2015-03-26"],
            judgements: { ...sif("requires-improvement"), "lscb-review": "requires-improvement" },
          }),
          inspection("testshire", "2016-board", {
            framework: "ofsted-sif-2013",
            kind: "board-review",
            visit: ["2016-05-09", "2016-05-20"],
            judgements: { "lscb-review": "good" },
          }),
          inspection("testshire", "2019", {
            framework: "ofsted-ilacs-2018",
            visit: ["2019-01-14", "2019-01-25"],
            judgements: {
              "overall-effectiveness": "good",
              "impact-of-leaders": "good",
              "help-and-protection": "good",
              "children-in-care-and-care-leavers": "good",
            },
          }),
        ],
      },
    ),
  );
}

const test = suite("a review of the safeguarding board on its own");

test("is not compared, says what it is, and leaves the services' ratings standing", () => {
  const built = model();
  const review = findInspection(built, "testshire/2016-board");
  assert.is(review.previous, null);
  assert.is(review.previousChoice, "apart");
  assert.is(review.comparison, null);
  assert.is(
    verdictSentence(review),
    "Review of the effectiveness of the Local Safeguarding Children Board: good. Not an inspection of the organisation's own services: their ratings stand.",
  );
  const standing = review.ratings!.after.ratings.get("overall-effectiveness");
  assert.is(standing?.outcome.id, "requires-improvement");
  assert.is(standing?.inspection.id, "testshire/2015");
});

test("the next inspection is compared with the last one of the services, not the review", () => {
  const next = findInspection(model(), "testshire/2019");
  assert.is(next.previous?.id, "testshire/2015");
  assert.ok(next.comparison!.sentence.startsWith("Good in all four areas, up from 'requires improvement'"));
  assert.not.match(next.comparison!.sentence, /2016/);
});

test("the national picture counts the services' inspection, not the review, as the latest", () => {
  const built = model();
  const [line] = nationalPicture(built.organisations, built.frameworks, built.crosswalks, "2016-12-31").lineages;
  assert.equal(
    line!.latest.map((item) => item.id),
    ["testshire/2015"],
  );
  const overall = line!.distributions.find((item) => item.area.id === "overall-effectiveness")!;
  assert.equal(
    overall.grades.map((item) => item.organisations.length),
    [0, 0, 1, 0],
  );
});

test.run();
