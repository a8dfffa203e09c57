/**
 * Ratings in force (src/model/ratings.ts): per organisation and area, the rating that
 * stands after each inspection, with the inspection it came from; partial inspections
 * leave the others standing; across a framework change a carried rating is read through
 * the crosswalk as a judged one is. And the comparisons and sentences built on them.
 */
import { rmSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { crosswalkCache } from "../../src/model/crosswalk.ts";
import { ratingsAfter } from "../../src/model/ratings.ts";
import { verdictSentence } from "../../src/model/sentence.ts";
import type { Inspection, RatingsInForce } from "../../src/model/types.ts";
import { CARE_HOME, cqcProject } from "../fixtures/cqc.ts";
import {
  emptyContent,
  findInspection,
  FOUR_POINT,
  framework,
  inspection,
  inspectorate,
  modelOf,
  organisation,
  rowsOf,
  scale,
  withEntries,
} from "../fixtures/content.ts";

/** Each area's rating as "grade from inspection-slug", or "merged", "new" or "none". */
function ratingsOf(inForce: RatingsInForce | null | undefined): Record<string, string> {
  if (!inForce) throw new Error("No ratings.");
  return Object.fromEntries(
    inForce.framework.areas.map((area) => {
      const rating = inForce.ratings.get(area.id);
      if (rating) {
        const as = rating.judgedAs.id === area.id ? "" : ` as ${rating.judgedAs.id} (${rating.relation})`;
        return [area.id, `${rating.outcome.id} from ${rating.inspection.slug}${as}`];
      }
      return [area.id, inForce.merged.has(area.id) ? "merged" : inForce.fresh.has(area.id) ? "new" : "none"];
    }),
  );
}

const cqc = suite("ratings in force: a CQC care home with a focused inspection between two comprehensive ones");
let root = "";
let model: NonNullable<ReturnType<typeof checkContent>["model"]>;
const at = (slug: string) => findInspection(model, `${CARE_HOME}/${slug}`);

cqc.before(() => {
  root = cqcProject();
  const result = checkContent(root);
  if (!result.model) throw new Error(JSON.stringify(result.problems, null, 2));
  model = result.model;
});
cqc.after(() => rmSync(root, { recursive: true, force: true }));

cqc(
  "the focused inspection judges three areas; the other three keep their 2019 ratings, with where they came from",
  () => {
    const focused = at("2022-focused-inspection");
    assert.equal(ratingsOf(focused.ratings?.after), {
      overall: "good from 2022-focused-inspection",
      safe: "good from 2022-focused-inspection",
      effective: "good from 2019-comprehensive-inspection",
      caring: "good from 2019-comprehensive-inspection",
      responsive: "good from 2019-comprehensive-inspection",
      "well-led": "good from 2022-focused-inspection",
    });
    const notJudged = focused.judgements.filter((judgement) => judgement.outcome.kind === "not-judged");
    assert.equal(
      notJudged.map((judgement) => [judgement.area.id, judgement.written, judgement.outcome.meaning]),
      ["effective", "caring", "responsive"].map((area) => [
        area,
        false,
        "A focused inspection looks only at the key questions where CQC had concerns; the others keep their earlier ratings.",
      ]),
    );
  },
);

cqc("its headline counts only what it judged, and its comparison says which areas were judged again", () => {
  const focused = at("2022-focused-inspection");
  assert.is(
    verdictSentence(focused),
    "Good in the three areas judged, up from 'requires improvement' for overall, safe and well-led in 2019; the other three keep their 2019 ratings.",
  );
  assert.equal(
    focused.comparison!.rows.map((row) => [
      row.area!.id,
      row.judgedAgain,
      row.change,
      row.carried?.inspection.slug ?? null,
    ]),
    [
      ["overall", true, "improved", null],
      ["safe", true, "improved", null],
      ["effective", false, "no-arrow", "2019-comprehensive-inspection"],
      ["caring", false, "no-arrow", "2019-comprehensive-inspection"],
      ["responsive", false, "no-arrow", "2019-comprehensive-inspection"],
      ["well-led", true, "improved", null],
    ],
  );
});

cqc("the comprehensive inspection after it compares caring with the 2019 rating that still stood: up from good", () => {
  const after = at("2023-comprehensive-inspection");
  const caring = rowsOf(after).find((row) => row.area === "caring")!;
  assert.equal(caring, {
    relation: "same",
    area: "caring",
    current: "outstanding",
    previous: ["caring=good"],
    change: "improved",
    note: "Not judged in 2022: compared with the 2019 rating, which still stood.",
  });
  assert.is(
    after.comparison!.rows.find((row) => row.area?.id === "caring")!.previous[0]!.inspection!.slug,
    "2019-comprehensive-inspection",
  );
  assert.is(
    verdictSentence(after),
    "Good in five of six areas and outstanding for caring, up from 'good' for caring in 2019.",
  );
});

cqc("ratings in force as at a day use only the inspections counted by then", () => {
  const line = model.organisations.find((candidate) => candidate.id === CARE_HOME)!.inspections;
  const framework = line[0]!.framework;
  const crosswalks = crosswalkCache();
  assert.equal(
    ratingsOf(ratingsAfter(line.slice(0, 1), framework, crosswalks)).safe,
    "requires-improvement from 2019-comprehensive-inspection",
  );
  assert.equal(
    ratingsOf(ratingsAfter(line.slice(0, 2), framework, crosswalks)).caring,
    "good from 2019-comprehensive-inspection",
  );
  assert.equal(
    ratingsOf(ratingsAfter(line, framework, crosswalks)).caring,
    "outstanding from 2023-comprehensive-inspection",
  );
});

/** Kids 2019 -> Kids 2022: care and leavers split from one area, wellbeing merged from two, voice new. */
function kids(inspections: ReturnType<typeof inspection>[]) {
  return modelOf(
    withEntries(emptyContent(), {
      inspectorates: [inspectorate("ki", "KI")],
      scales: [scale("four", "Four-point scale", FOUR_POINT)],
      frameworks: [
        framework("kids-2019", {
          inspectorate: "ki",
          shortName: "Kids 2019",
          scale: "four",
          inForce: { from: "2019-01-01", to: "2021-12-31" },
          areas: ["overall", "care-and-leavers", "health", "education"],
        }),
        framework("kids-2022", {
          inspectorate: "ki",
          shortName: "Kids 2022",
          scale: "four",
          inForce: { from: "2022-01-01" },
          areas: ["overall", "care", "leavers", "wellbeing", "voice"],
          kinds: [
            { id: "standard", label: "Standard inspection", graded: true },
            { id: "focused", label: "Focused inspection", graded: true, judges: "some" },
            { id: "short", label: "Short inspection", graded: true, judges: ["overall", "leavers"] },
          ],
          replaces: {
            framework: "kids-2019",
            crosswalk: [
              { relation: "same", from: "overall", to: "overall" },
              {
                relation: "split",
                from: "care-and-leavers",
                to: ["care", "leavers"],
                note: "Leavers are judged alone.",
              },
              { relation: "merged", from: ["health", "education"], to: "wellbeing" },
              { relation: "new", to: "voice" },
            ],
          },
        }),
      ],
      organisations: [organisation("testshire", "Testshire")],
      inspections: [
        inspection("testshire", "2020", {
          framework: "kids-2019",
          visit: ["2020-03-02", "2020-03-13"],
          judgements: {
            overall: "good",
            "care-and-leavers": "requires-improvement",
            health: "good",
            education: "inadequate",
          },
        }),
        ...inspections,
      ],
    }),
  );
}

const across = suite("ratings in force across a framework change");

across("a rating carried across a framework change is read through the crosswalk, as a judged one is", () => {
  const model = kids([
    inspection("testshire", "2023", {
      framework: "kids-2022",
      kind: "focused",
      visit: ["2023-05-08", "2023-05-09"],
      judgements: { overall: "good", leavers: "good" },
    }),
    inspection("testshire", "2025", {
      framework: "kids-2022",
      visit: ["2025-05-05", "2025-05-16"],
      judgements: { overall: "good", care: "good", leavers: "good", wellbeing: "good", voice: "good" },
    }),
  ]);
  const focused = findInspection(model, "testshire/2023");
  assert.equal(ratingsOf(focused.ratings!.before), {
    overall: "good from 2020",
    care: "requires-improvement from 2020 as care-and-leavers (split)",
    leavers: "requires-improvement from 2020 as care-and-leavers (split)",
    wellbeing: "merged",
    voice: "new",
  });
  assert.equal(ratingsOf(focused.ratings!.after), {
    overall: "good from 2023",
    care: "requires-improvement from 2020 as care-and-leavers (split)",
    leavers: "good from 2023",
    wellbeing: "merged",
    voice: "new",
  });
  const care = rowsOf(findInspection(model, "testshire/2025")).find((row) => row.area === "care")!;
  assert.equal(care, {
    relation: "split",
    area: "care",
    current: "good",
    previous: ["care-and-leavers=requires-improvement"],
    change: "improved",
    note: "In 2020 this was part of one judgement, 'Care and leavers'; compared with that combined grade. Not judged in 2023: compared with the 2020 rating, which still stood. Leavers are judged alone.",
  });
  assert.match(
    verdictSentence(findInspection(model, "testshire/2025")),
    "up from 'requires improvement' for care (then part of the single judgement 'care and leavers') in 2020",
  );
});

across(
  "a kind that judges a fixed list: areas outside it are not judged, with the framework's reason; areas in it left out are unknown",
  () => {
    const model = kids([
      inspection("testshire", "2023", {
        framework: "kids-2022",
        kind: "short",
        visit: ["2023-05-08", "2023-05-09"],
        judgements: { overall: "good" },
      }),
    ]);
    const short = findInspection(model, "testshire/2023");
    assert.equal(
      short.judgements.map((judgement) => `${judgement.area.id}: ${judgement.outcome.kind}`),
      ["overall: grade", "care: not-judged", "leavers: unknown", "wellbeing: not-judged", "voice: not-judged"],
    );
    assert.is(short.judgements[1]!.outcome.meaning, "A short inspection does not judge this area.");
    // Unknown is a judgement: it replaces the old rating; it is never the old grade carried.
    assert.is(short.ratings!.after.ratings.get("leavers")!.outcome.id, "unknown");
    assert.is(short.ratings!.after.ratings.get("care")!.outcome.id, "requires-improvement");
  },
);

across("an editor's 'not judged at this inspection', with the reason, keeps the rating from before", () => {
  const model = kids([
    inspection("testshire", "2023", {
      framework: "kids-2022",
      visit: ["2023-05-08", "2023-05-19"],
      judgements: {
        overall: "good",
        care: { "not-judged": "The report says care was not looked at." },
        leavers: "good",
        wellbeing: "good",
        voice: "good",
      },
    }),
  ]);
  const latest = findInspection(model, "testshire/2023");
  const care = latest.judgements.find((judgement) => judgement.area.id === "care")!;
  assert.equal([care.outcome.kind, care.outcome.meaning], ["not-judged", "The report says care was not looked at."]);
  assert.is(latest.ratings!.after.ratings.get("care")!.inspection.slug, "2020");
  assert.match(
    rowsOf(latest).find((row) => row.area === "care")!.note,
    "Not judged at this inspection: the 2020 rating still stands. The report says care was not looked at. In 2020 this was part of one judgement, 'Care and leavers'; compared with that combined grade.",
  );
});

across("an inspection with no visit dates is placed by its publication date among the others", () => {
  const model = kids([
    inspection("testshire", "2022-undated", {
      framework: "kids-2022",
      visit: "unknown",
      published: "2022-09-01",
      judgements: { overall: "outstanding", care: "good", leavers: "good", wellbeing: "good", voice: "good" },
    }),
    inspection("testshire", "2023", {
      framework: "kids-2022",
      visit: ["2023-05-08", "2023-05-19"],
      judgements: { overall: "good", care: "good", leavers: "good", wellbeing: "good", voice: "good" },
    }),
  ]);
  const undated: Inspection = findInspection(model, "testshire/2022-undated");
  assert.equal([undated.visit, undated.placedOn, undated.previous?.slug], [null, "2022-09-01", "2020"]);
  assert.is(findInspection(model, "testshire/2023").previous?.slug, "2022-undated");
  assert.match(verdictSentence(findInspection(model, "testshire/2023")), "down from 'outstanding' for overall in 2022");
});

cqc.run();
across.run();
