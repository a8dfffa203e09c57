/**
 * Comparisons through crosswalks, one relation at a time, on a small made-up lineage of
 * frameworks (Kids 2019 -> Kids 2022 -> Kids 2025) that uses every relation, and on the
 * real Ofsted lineage across several steps.
 */
import { frameworksApartWords } from "../../src/render/why-not-compared.ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ContentSet } from "../../src/content/content-set.ts";
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
  sampleContent,
  scale,
  withEntries,
  type LinkSpec,
} from "../fixtures/content.ts";

const FIVE_POINT = ["outstanding", "good", "adequate", "requires-improvement", "inadequate"];
const KIDS_2022_AREAS = ["overall", "leaders", "care", "leavers", "wellbeing", "voice"];

/** Kids 2019 and Kids 2022, whose crosswalk has one link of every kind. */
function kidsLineage(): ContentSet {
  return withEntries(emptyContent(), {
    inspectorates: [inspectorate("kids-inspectorate", "KI")],
    scales: [scale("four", "Four-point scale", FOUR_POINT), scale("five", "Five-point scale", FIVE_POINT)],
    frameworks: [
      framework("kids-2019", {
        inspectorate: "kids-inspectorate",
        shortName: "Kids 2019",
        scale: "four",
        inForce: { from: "2019-01-01", to: "2021-12-31" },
        areas: ["overall", "leadership", "care-and-leavers", "health", "education", "adoption"],
      }),
      framework("kids-2022", {
        inspectorate: "kids-inspectorate",
        shortName: "Kids 2022",
        scale: "four",
        inForce: { from: "2022-01-01", to: "2024-12-31" },
        areas: KIDS_2022_AREAS,
        replaces: {
          framework: "kids-2019",
          crosswalk: [
            { relation: "same", from: "overall", to: "overall" },
            { relation: "renamed", from: "leadership", to: "leaders" },
            {
              relation: "split",
              from: "care-and-leavers",
              to: ["care", "leavers"],
              note: "Leavers are now judged on their own.",
            },
            { relation: "merged", from: ["health", "education"], to: "wellbeing" },
            { relation: "new", to: "voice" },
            { relation: "removed", from: "adoption", note: "Adoption is now inspected separately." },
          ],
        },
      }),
    ],
    organisations: [organisation("testshire", "Testshire County Council")],
    inspections: [
      inspection("testshire", "2020-standard", {
        framework: "kids-2019",
        visit: ["2020-03-02", "2020-03-13"],
        judgements: {
          overall: "good",
          leadership: "requires-improvement",
          "care-and-leavers": "good",
          health: "inadequate",
          education: "good",
          adoption: "outstanding",
        },
      }),
      inspection("testshire", "2023-standard", {
        framework: "kids-2022",
        visit: ["2023-05-08", "2023-05-19"],
        judgements: {
          overall: "good",
          leaders: "good",
          care: "outstanding",
          leavers: "requires-improvement",
          wellbeing: "good",
          voice: "good",
        },
      }),
    ],
  });
}

const SAME_AREAS_2022_TO_2025: LinkSpec[] = KIDS_2022_AREAS.map((id) => ({ relation: "same", from: id, to: id }));

/** Kids 2025 grades on the five-point scale; `grades` is its declared translation, if any. */
function withKids2025(grades: Record<string, string> | undefined, judgements: Record<string, string>): ContentSet {
  return withEntries(kidsLineage(), {
    frameworks: [
      framework("kids-2025", {
        inspectorate: "kids-inspectorate",
        shortName: "Kids 2025",
        scale: "five",
        inForce: { from: "2025-01-01" },
        areas: KIDS_2022_AREAS,
        replaces: { framework: "kids-2022", ...(grades ? { grades } : {}), crosswalk: SAME_AREAS_2022_TO_2025 },
      }),
    ],
    inspections: [
      inspection("testshire", "2026-standard", {
        framework: "kids-2025",
        visit: ["2026-01-12", "2026-01-23"],
        judgements,
      }),
    ],
  });
}

const relations = suite("comparing through one crosswalk");

relations(
  "every relation of a crosswalk shows up as its own row, in the newer framework's area order, removed areas last",
  () => {
    const model = modelOf(kidsLineage());
    const current = findInspection(model, "testshire/2023-standard");
    assert.is(current.previous?.id, "testshire/2020-standard");
    assert.is(current.comparison?.apart && frameworksApartWords(current.comparison.apart), undefined);
    assert.equal(
      rowsOf(current).map((row) => `${row.relation} ${row.area ?? "-"}`),
      ["same overall", "renamed leaders", "split care", "split leavers", "merged wellbeing", "new voice", "removed -"],
    );
  },
);

relations("same: the grades are set against each other directly, with nothing to explain", () => {
  const [row] = rowsOf(findInspection(modelOf(kidsLineage()), "testshire/2023-standard"));
  assert.equal(row, {
    relation: "same",
    area: "overall",
    current: "good",
    previous: ["overall=good"],
    change: "unchanged",
    note: "",
  });
});

relations("renamed: compared with the old area, and the note gives its old name", () => {
  const row = rowsOf(findInspection(modelOf(kidsLineage()), "testshire/2023-standard"))[1];
  assert.equal(row, {
    relation: "renamed",
    area: "leaders",
    current: "good",
    previous: ["leadership=requires-improvement"],
    change: "improved",
    note: "Called 'Leadership' in Kids 2019.",
  });
});

relations("split: each new area is compared with the old combined grade, and the note says so", () => {
  const [, , care, leavers] = rowsOf(findInspection(modelOf(kidsLineage()), "testshire/2023-standard"));
  const note =
    "In 2020 this was part of one judgement, 'Care and leavers'; compared with that combined grade. Leavers are now judged on their own.";
  assert.equal(care, {
    relation: "split",
    area: "care",
    current: "outstanding",
    previous: ["care-and-leavers=good"],
    change: "improved",
    note,
  });
  assert.equal(leavers, {
    relation: "split",
    area: "leavers",
    current: "requires-improvement",
    previous: ["care-and-leavers=good"],
    change: "declined",
    note,
  });
});

relations("merged: all the old grades are shown and no single arrow is drawn", () => {
  const row = rowsOf(findInspection(modelOf(kidsLineage()), "testshire/2023-standard"))[4];
  assert.equal(row, {
    relation: "merged",
    area: "wellbeing",
    current: "good",
    previous: ["health=inadequate", "education=good"],
    change: "no-arrow",
    note: "Brings together 'Health' and 'Education', judged separately in 2020, so no single change is shown.",
  });
});

relations("new: 'not judged before', with nothing to compare", () => {
  const row = rowsOf(findInspection(modelOf(kidsLineage()), "testshire/2023-standard"))[5];
  assert.equal(row, {
    relation: "new",
    area: "voice",
    current: "good",
    previous: [],
    change: "no-arrow",
    note: "Not judged before: this judgement is new in Kids 2022.",
  });
});

relations("removed: the old grade is shown as 'no longer judged', with the crosswalk's note", () => {
  const row = rowsOf(findInspection(modelOf(kidsLineage()), "testshire/2023-standard"))[6];
  assert.equal(row, {
    relation: "removed",
    area: null,
    current: null,
    previous: ["adoption=outstanding"],
    change: "no-arrow",
    note: "No longer judged in Kids 2022. Adoption is now inspected separately.",
  });
});

relations("an area the earlier inspection did not judge gets no arrow and says it was not judged then", () => {
  const content = kidsLineage();
  content.inspections[0] = inspection("testshire", "2020-standard", {
    framework: "kids-2019",
    visit: ["2020-03-02", "2020-03-13"],
    judgements: {
      overall: "not-judged",
      leadership: "good",
      "care-and-leavers": "good",
      health: "good",
      education: "good",
      adoption: "not-judged",
    },
  });
  const rows = rowsOf(findInspection(modelOf(content), "testshire/2023-standard"));
  assert.equal(rows[0], {
    relation: "same",
    area: "overall",
    current: "good",
    previous: ["overall=nothing"],
    change: "no-arrow",
    note: "Not judged in 2020: no grade to compare with.",
  });
  // Adoption was not judged in 2020, so there is no "no longer judged" row for it.
  assert.equal(
    rows.map((row) => row.relation),
    ["same", "renamed", "split", "split", "merged", "new"],
  );
});

relations("an area this inspection did not judge keeps its rating, told as such, not as a decline", () => {
  const content = kidsLineage();
  content.inspections[1] = inspection("testshire", "2023-standard", {
    framework: "kids-2022",
    visit: ["2023-05-08", "2023-05-19"],
    judgements: {
      overall: "not-judged",
      leaders: "good",
      care: "good",
      leavers: "good",
      wellbeing: "good",
      voice: "good",
    },
  });
  const [overall] = rowsOf(findInspection(modelOf(content), "testshire/2023-standard"));
  assert.equal(overall, {
    relation: "same",
    area: "overall",
    current: "not-judged",
    previous: ["overall=good"],
    change: "no-arrow",
    note: "Not judged at this inspection: the 2020 rating still stands.",
  });
});

const scales = suite("comparing across a change of scale");

scales(
  "different scales with no declared translation are 'not comparable', with the reason, and never an arrow",
  () => {
    const judgements = {
      overall: "adequate",
      leaders: "good",
      care: "good",
      leavers: "good",
      wellbeing: "good",
      voice: "good",
    };
    const current = findInspection(modelOf(withKids2025(undefined, judgements)), "testshire/2026-standard");
    const reason =
      "Kids 2025 grades on the Five-point scale and Kids 2022 on the Four-point scale; the inspectorate gives no way to translate one into the other.";
    assert.is(current.previous?.id, "testshire/2023-standard");
    assert.is(current.comparison?.apart && frameworksApartWords(current.comparison.apart), reason);
    assert.equal(
      rowsOf(current),
      KIDS_2022_AREAS.map((area) => ({
        relation: "not-comparable",
        area,
        current: judgements[area as keyof typeof judgements],
        previous: [],
        change: "no-arrow",
        note: reason,
      })),
    );
    assert.is(current.comparison?.apart && frameworksApartWords(current.comparison.apart), reason);
    assert.ok(
      current.comparison?.sentence.endsWith(
        "; the grades are on a different scale and cannot be compared with 2023's.",
      ),
      current.comparison?.sentence,
    );
  },
);

scales("a declared grade translation makes the scales comparable, by position on the newer scale", () => {
  const identity = Object.fromEntries(FOUR_POINT.map((grade) => [grade, grade]));
  const current = findInspection(
    modelOf(
      withKids2025(identity, {
        overall: "adequate",
        leaders: "good",
        care: "outstanding",
        leavers: "adequate",
        wellbeing: "good",
        voice: "requires-improvement",
      }),
    ),
    "testshire/2026-standard",
  );
  assert.is(current.comparison?.apart && frameworksApartWords(current.comparison.apart), undefined);
  assert.equal(
    rowsOf(current).map((row) => [row.relation, row.area, row.previous[0], row.current, row.change]),
    [
      ["same", "overall", "overall=good", "adequate", "declined"],
      ["same", "leaders", "leaders=good", "good", "unchanged"],
      ["same", "care", "care=outstanding", "outstanding", "unchanged"],
      ["same", "leavers", "leavers=requires-improvement", "adequate", "improved"],
      ["same", "wellbeing", "wellbeing=good", "good", "unchanged"],
      ["same", "voice", "voice=good", "requires-improvement", "declined"],
    ],
  );
});

scales(
  "the translation is followed, not the grade ids: an old grade declared equal to a lower new one compares with that",
  () => {
    // Say the inspectorate declares its old 'good' equal to the new 'adequate'.
    const translation = {
      outstanding: "outstanding",
      good: "adequate",
      "requires-improvement": "requires-improvement",
      inadequate: "inadequate",
    };
    const current = findInspection(
      modelOf(
        withKids2025(translation, {
          overall: "adequate",
          leaders: "good",
          care: "good",
          leavers: "good",
          wellbeing: "adequate",
          voice: "inadequate",
        }),
      ),
      "testshire/2026-standard",
    );
    assert.equal(
      rowsOf(current).map((row) => `${row.area}: ${row.change}`),
      [
        "overall: unchanged",
        "leaders: improved",
        "care: declined",
        "leavers: improved",
        "wellbeing: unchanged",
        "voice: declined",
      ],
    );
  },
);

scales("an old grade the declared translation leaves out gets no arrow, and the note says why", () => {
  const partial = {
    outstanding: "outstanding",
    "requires-improvement": "requires-improvement",
    inadequate: "inadequate",
  };
  const current = findInspection(
    modelOf(
      withKids2025(partial, {
        overall: "good",
        leaders: "good",
        care: "good",
        leavers: "good",
        wellbeing: "good",
        voice: "good",
      }),
    ),
    "testshire/2026-standard",
  );
  const [overall, , care] = rowsOf(current);
  assert.equal(overall, {
    relation: "same",
    area: "overall",
    current: "good",
    previous: ["overall=good"],
    change: "no-arrow",
    note: "'Good' on the Four-point scale has no declared equivalent on the Five-point scale, so no change is shown.",
  });
  // 2023's 'outstanding' is translated, so that row still compares.
  assert.is(care?.change, "declined");
});

const chains = suite("comparing across several crosswalks (the real Ofsted lineage)");

/** The real frameworks and scales, with a made-up council inspected under them. */
function sampleWith(inspections: ContentSet["inspections"]): ContentSet {
  return withEntries(sampleContent(), {
    organisations: [organisation("testshire", "Testshire County Council")],
    inspections,
  });
}

function crosswalkNote(content: ContentSet, frameworkId: string, relation: string): string {
  const link = content.frameworks
    .find((entry) => entry.id === frameworkId)
    ?.data.replaces?.crosswalk.find((candidate) => candidate.relation === relation);
  if (!link?.note) throw new Error(`The sample ${frameworkId} has no '${relation}' link with a note.`);
  return link.note;
}

chains(
  "SIF 2013 to ILACS 2023, through ILACS 2018: renamed areas stay renamed, children looked after and care leavers merged then split, adoption removed",
  () => {
    const content = sampleWith([
      inspection("testshire", "2015-single-inspection", {
        framework: "ofsted-sif-2013",
        kind: "single-inspection",
        visit: ["2015-06-01", "2015-06-19"],
        judgements: {
          "overall-effectiveness": "requires-improvement",
          "help-and-protection": "good",
          "children-looked-after": "requires-improvement",
          "adoption-performance": "good",
          "care-leavers-experiences": "inadequate",
          "leadership-management-governance": "requires-improvement",
          "lscb-review": "good",
        },
      }),
      inspection("testshire", "2023-standard-inspection", {
        framework: "ofsted-ilacs-2023",
        visit: ["2023-10-02", "2023-10-13"],
        judgements: {
          "overall-effectiveness": "good",
          "impact-of-leaders": "good",
          "help-and-protection": "good",
          "children-in-care": "good",
          "care-leavers": "requires-improvement",
        },
      }),
    ]);
    const current = findInspection(modelOf(content), "testshire/2023-standard-inspection");
    assert.is(current.previous?.id, "testshire/2015-single-inspection");
    assert.is(current.previousChoice, "latest-earlier");
    const merged = `Brings together 'Children looked after and achieving permanence' and 'Experiences and progress of care leavers', judged separately in 2015, so no single change is shown. ${crosswalkNote(content, "ofsted-ilacs-2023", "split")} ${crosswalkNote(content, "ofsted-ilacs-2018", "merged")}`;
    const removed = `No longer judged in ILACS 2023. ${crosswalkNote(content, "ofsted-ilacs-2018", "removed")}`;
    assert.equal(rowsOf(current), [
      {
        relation: "same",
        area: "overall-effectiveness",
        current: "good",
        previous: ["overall-effectiveness=requires-improvement"],
        change: "improved",
        note: "",
      },
      {
        relation: "renamed",
        area: "impact-of-leaders",
        current: "good",
        previous: ["leadership-management-governance=requires-improvement"],
        change: "improved",
        note: `Called 'Leadership, management and governance' in SIF. ${crosswalkNote(content, "ofsted-ilacs-2018", "renamed")}`,
      },
      {
        relation: "renamed",
        area: "help-and-protection",
        current: "good",
        previous: ["help-and-protection=good"],
        change: "unchanged",
        note: "Called 'Children who need help and protection' in SIF.",
      },
      // Children in care and care leavers were two SIF judgements (children looked after, and
      // care leavers, its sub-judgement): the one ILACS 2018 judgement took both, so neither
      // 2023 area is set against one of them alone.
      {
        relation: "merged",
        area: "children-in-care",
        current: "good",
        previous: ["children-looked-after=requires-improvement", "care-leavers-experiences=inadequate"],
        change: "no-arrow",
        note: merged,
      },
      {
        relation: "merged",
        area: "care-leavers",
        current: "requires-improvement",
        previous: ["children-looked-after=requires-improvement", "care-leavers-experiences=inadequate"],
        change: "no-arrow",
        note: merged,
      },
      {
        relation: "removed",
        area: null,
        current: null,
        previous: ["adoption-performance=good"],
        change: "no-arrow",
        note: removed,
      },
    ]);
    assert.match(
      current.comparison!.sentence,
      "children looked after was 'requires improvement' and care leavers 'inadequate'",
    );
  },
);

chains("the Local Safeguarding Children Board review, shown apart, is never in a comparison", () => {
  const content = sampleWith([
    inspection("testshire", "2015-single-inspection", {
      framework: "ofsted-sif-2013",
      kind: "single-inspection",
      visit: ["2015-06-01", "2015-06-19"],
      judgements: {
        "overall-effectiveness": "good",
        "help-and-protection": "not-judged",
        "children-looked-after": "not-judged",
        "adoption-performance": "not-judged",
        "care-leavers-experiences": "not-judged",
        "leadership-management-governance": "not-judged",
        "lscb-review": "inadequate",
      },
    }),
    inspection("testshire", "2019-short-inspection", {
      framework: "ofsted-ilacs-2018",
      kind: "short",
      visit: ["2019-02-04", "2019-02-08"],
      judgements: {
        "overall-effectiveness": "good",
        "impact-of-leaders": "not-judged",
        "help-and-protection": "not-judged",
        "children-in-care-and-care-leavers": "not-judged",
      },
    }),
  ]);
  const current = findInspection(modelOf(content), "testshire/2019-short-inspection");
  assert.equal(
    rowsOf(current).map((row) => [row.relation, row.area, row.previous.join()]),
    [["same", "overall-effectiveness", "overall-effectiveness=good"]],
  );
});

chains(
  "ILACS 2018 to ILACS 2026: overall effectiveness is 'no longer judged', and the care judgements are compared with the combined one",
  () => {
    const content = sampleWith([
      inspection("testshire", "2019-short-inspection", {
        framework: "ofsted-ilacs-2018",
        kind: "short",
        visit: ["2019-01-14", "2019-01-18"],
        judgements: {
          "overall-effectiveness": "good",
          "impact-of-leaders": "good",
          "help-and-protection": "requires-improvement",
          "children-in-care-and-care-leavers": "good",
        },
      }),
      inspection("testshire", "2026-standard-inspection", {
        framework: "ofsted-ilacs-2026",
        visit: ["2026-06-01", "2026-06-12"],
        judgements: {
          "impact-of-leaders": "good",
          "help-and-protection": "good",
          "children-in-care": "good",
          "care-leavers": "outstanding",
        },
      }),
    ]);
    const current = findInspection(modelOf(content), "testshire/2026-standard-inspection");
    const split = `In 2019 this was part of one judgement, 'The experiences and progress of children in care and care leavers'; compared with that combined grade. ${crosswalkNote(content, "ofsted-ilacs-2023", "split")}`;
    assert.equal(rowsOf(current), [
      {
        relation: "same",
        area: "impact-of-leaders",
        current: "good",
        previous: ["impact-of-leaders=good"],
        change: "unchanged",
        note: "",
      },
      {
        relation: "same",
        area: "help-and-protection",
        current: "good",
        previous: ["help-and-protection=requires-improvement"],
        change: "improved",
        note: "",
      },
      {
        relation: "split",
        area: "children-in-care",
        current: "good",
        previous: ["children-in-care-and-care-leavers=good"],
        change: "unchanged",
        note: split,
      },
      {
        relation: "split",
        area: "care-leavers",
        current: "outstanding",
        previous: ["children-in-care-and-care-leavers=good"],
        change: "improved",
        note: split,
      },
      {
        relation: "removed",
        area: null,
        current: null,
        previous: ["overall-effectiveness=good"],
        change: "no-arrow",
        note: `No longer judged in ILACS 2026. ${crosswalkNote(content, "ofsted-ilacs-2026", "removed")}`,
      },
    ]);
  },
);

chains("two frameworks that are not in one lineage are 'not comparable', with the reason", () => {
  const content = withEntries(sampleContent(), {
    organisations: [organisation("testshire", "Testshire County Council")],
    inspections: [
      inspection("testshire", "2019-peel-assessment", {
        framework: "hmicfrs-peel-2018",
        kind: "integrated-peel-assessment",
        visit: ["2019-03-04", "2019-03-15"],
        judgements: { effectiveness: "good" },
      }),
      inspection("testshire", "2024-standard-inspection", {
        framework: "ofsted-ilacs-2023",
        visit: ["2024-02-12", "2024-02-23"],
        judgements: { "overall-effectiveness": "good", "help-and-protection": "good" },
        previous: "2019-peel-assessment",
      }),
    ],
  });
  const current = findInspection(modelOf(content), "testshire/2024-standard-inspection");
  const reason = "ILACS 2023 and PEEL 2018/19 are not in one lineage of frameworks, so no crosswalk links their areas.";
  assert.is(current.comparison?.apart && frameworksApartWords(current.comparison.apart), reason);
  // Every area, in its state: the two graded, and three left out, which this kind judges, so unknown.
  assert.equal(
    rowsOf(current),
    [
      ["overall-effectiveness", "good"],
      ["impact-of-leaders", "unknown"],
      ["help-and-protection", "good"],
      ["children-in-care", "unknown"],
      ["care-leavers", "unknown"],
    ].map(([area, outcome]) => ({
      relation: "not-comparable",
      area,
      current: outcome,
      previous: [],
      change: "no-arrow",
      note: reason,
    })),
  );
});

relations.run();
scales.run();
chains.run();
