/**
 * The one sentence a reader takes away from a comparison, generated from its rows.
 */
import { frameworksApartWords } from "../../src/render/why-not-compared.ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ContentSet } from "../../src/content/content-set.ts";
import { shortFromLabel } from "../../src/model/labels.ts";
import { gradesPhrase, listPhrase, numberWord, verdictSentence } from "../../src/model/sentence.ts";
import { findInspection, inspection, modelOf, organisation, sampleContent, withEntries } from "../fixtures/content.ts";

const sample = modelOf(sampleContent());

/** Testshire's 2019 short inspection and 2023 standard inspection under ILACS, with these grades. */
function testshire(before: Record<string, string>, after: Record<string, string>): ContentSet {
  return withEntries(sampleContent(), {
    organisations: [organisation("testshire", "Testshire County Council")],
    inspections: [
      inspection("testshire", "2019-short-inspection", {
        framework: "ofsted-ilacs-2018",
        kind: "short",
        visit: ["2019-01-14", "2019-01-18"],
        judgements: before,
      }),
      inspection("testshire", "2023-standard-inspection", {
        framework: "ofsted-ilacs-2023",
        visit: ["2023-10-02", "2023-10-13"],
        judgements: after,
      }),
    ],
  });
}

function sentenceFor(before: Record<string, string>, after: Record<string, string>): string {
  const current = findInspection(modelOf(testshire(before, after)), "testshire/2023-standard-inspection");
  if (!current.comparison) throw new Error("Expected a comparison.");
  return current.comparison.sentence;
}

const sentence = suite("the comparison sentence");

sentence(
  "the sample's 2024 inspection: good everywhere, up from 'requires improvement' for help and protection",
  () => {
    assert.is(
      findInspection(sample, "oxfordshire/2024-standard-inspection").comparison?.sentence,
      "Good in all five areas, up from 'requires improvement' for help and protection in 2018.",
    );
  },
);

sentence("the sample's 2018 inspection: a decline is told as 'down from'", () => {
  assert.is(
    findInspection(sample, "oxfordshire/2018-short-inspection").comparison?.sentence,
    "Good in three of four areas and requires improvement for help and protection, down from 'good' for help and protection in 2014. Children in care and care leavers is not compared, as it was more than one judgement then: in 2014, children looked after was 'good' and care leavers 'good'.",
  );
});

const ALL_GOOD_2018 = {
  "overall-effectiveness": "good",
  "impact-of-leaders": "good",
  "help-and-protection": "good",
  "children-in-care-and-care-leavers": "good",
};
const ALL_GOOD_2023 = {
  "overall-effectiveness": "good",
  "impact-of-leaders": "good",
  "help-and-protection": "good",
  "children-in-care": "good",
  "care-leavers": "good",
};

sentence("nothing moved: 'the same as in' the earlier year", () => {
  assert.is(sentenceFor(ALL_GOOD_2018, ALL_GOOD_2023), "Good in all five areas, the same as in 2019.");
});

const UNKNOWN_2018 = Object.fromEntries(Object.keys(ALL_GOOD_2018).map((area) => [area, "unknown"]));

sentence("earlier grades this site does not know: said so, with where to read them, never 'cannot be compared'", () => {
  const text = sentenceFor(UNKNOWN_2018, ALL_GOOD_2023);
  assert.is(text, "Good in all five areas. 2019's grades are not known to this site: see the report.");
  assert.not.match(text, /cannot be compared|can be compared|the same as/);
});

sentence("'the same as' only for the rows compared and unchanged, and the others said apart", () => {
  const before = { ...ALL_GOOD_2018, "help-and-protection": "unknown", "impact-of-leaders": "unknown" };
  assert.is(
    sentenceFor(before, ALL_GOOD_2023),
    "Good in all five areas, the same as in 2019 for overall effectiveness, children in care and care leavers. 2019's grades for impact of leaders and help and protection are not known to this site: see the report.",
  );
  // A move is still told, and the rows with no earlier grade known are named.
  assert.is(
    sentenceFor({ ...before, "overall-effectiveness": "requires-improvement" }, ALL_GOOD_2023),
    "Good in all five areas, up from 'requires improvement' for overall effectiveness in 2019. 2019's grades for impact of leaders and help and protection are not known to this site: see the report.",
  );
});

sentence("SIF grades not known, the merged area's parts included: one clause, no 'cannot be compared'", () => {
  const model = modelOf(
    withEntries(sampleContent(), {
      organisations: [organisation("testshire", "Testshire")],
      inspections: [
        inspection("testshire", "2015", {
          framework: "ofsted-sif-2013",
          kind: "single-inspection",
          visit: ["2015-03-02", "2015-03-26"],
          judgements: { "overall-effectiveness": "unknown" },
        }),
        inspection("testshire", "2018", {
          framework: "ofsted-ilacs-2018",
          visit: ["2018-07-09", "2018-07-20"],
          judgements: ALL_GOOD_2018,
        }),
      ],
    }),
  );
  assert.is(
    findInspection(model, "testshire/2018").comparison?.sentence,
    "Good in all four areas. 2015's grades are not known to this site: see the report.",
  );
});

sentence("grades not on this site yet are said to be missing, and never counted", () => {
  assert.is(
    sentenceFor(ALL_GOOD_2018, { ...ALL_GOOD_2023, "overall-effectiveness": "unknown", "care-leavers": "unknown" }),
    "Good in three areas, the same as in 2019; the grades for overall effectiveness and care leavers are not on this site yet.",
  );
});

sentence("an area left out, which the kind judges, is unknown, not 'not judged'", () => {
  const { "help-and-protection": _left, ...rest } = ALL_GOOD_2023;
  assert.is(
    sentenceFor(ALL_GOOD_2018, rest),
    "Good in four areas, the same as in 2019; the grade for help and protection is not on this site yet.",
  );
});

sentence(
  "areas an editor says were not judged keep their earlier ratings, and the headline counts only those judged",
  () => {
    assert.is(
      sentenceFor(ALL_GOOD_2018, {
        ...ALL_GOOD_2023,
        "overall-effectiveness": "not-judged",
        "help-and-protection": "requires-improvement",
      }),
      "Good in three of the four areas judged and requires improvement for help and protection, down from 'good' for help and protection in 2019; overall effectiveness keeps its 2019 rating.",
    );
  },
);

sentence(
  "rises and falls together: rises first, areas that moved from the same grade named together, a split area's combined judgement named",
  () => {
    assert.is(
      sentenceFor(
        {
          "overall-effectiveness": "requires-improvement",
          "impact-of-leaders": "requires-improvement",
          "help-and-protection": "requires-improvement",
          "children-in-care-and-care-leavers": "outstanding",
        },
        {
          "overall-effectiveness": "good",
          "impact-of-leaders": "good",
          "help-and-protection": "good",
          "children-in-care": "good",
          "care-leavers": "outstanding",
        },
      ),
      "Good in four of five areas and outstanding for care leavers, up from 'requires improvement' for overall effectiveness, impact of leaders and help and protection and down from 'outstanding' for children in care (then part of the single judgement 'children in care and care leavers') in 2019.",
    );
  },
);

sentence("when nothing can be set side by side, the sentence says why instead of implying no change", () => {
  assert.is(
    sentenceFor(
      { ...ALL_GOOD_2018, "help-and-protection": "not-judged", "overall-effectiveness": "withheld" },
      { "overall-effectiveness": "good", "help-and-protection": "good" },
    ),
    // Withheld in 2019, and not judged then: no grade to compare with; not "cannot be
    // compared", which is for what the frameworks forbid.
    "Good for overall effectiveness and help and protection; the grades for impact of leaders, children in care and care leavers are not on this site yet. Overall effectiveness and help and protection have no earlier grade to compare with.",
  );
});

sentence("different scales: the sentence gives the grades and the reason they cannot be compared", () => {
  const wessex = findInspection(sample, "wessex-police/2022-peel-inspection");
  const reason = wessex.comparison?.apart && frameworksApartWords(wessex.comparison.apart);
  assert.is(
    reason,
    "PEEL 2021 grades on the HMICFRS PEEL five-point scale (from 2021) and PEEL 2018/19 on the HMICFRS PEEL four-point scale (2014 to 2020); the inspectorate gives no way to translate one into the other.",
  );
  assert.is(
    wessex.comparison?.sentence,
    `${gradesPhrase(wessex)}; the grades are on a different scale and cannot be compared with 2019's.`,
  );
  assert.not.match(wessex.comparison?.sentence ?? "", /\b(up|down) from\b/);
});

const verdict = suite("the verdict of an inspection without a comparison");

verdict(
  "the first graded inspection on record says so; sub-judgements count as the report made them, the board review does not",
  () => {
    assert.is(
      verdictSentence(findInspection(sample, "oxfordshire/2014-single-inspection")),
      "Good in all six areas. The first graded Ofsted inspection of this organisation on this site.",
    );
  },
);

verdict("a SIF headline counts adoption and care leavers as the report graded them", () => {
  const model = modelOf(
    withEntries(sampleContent(), {
      organisations: [organisation("testshire", "Testshire")],
      inspections: [
        inspection("testshire", "2016", {
          framework: "ofsted-sif-2013",
          kind: "single-inspection",
          visit: ["2016-01-04", "2016-01-28"],
          judgements: {
            "overall-effectiveness": "inadequate",
            "help-and-protection": "inadequate",
            "children-looked-after": "inadequate",
            "adoption-performance": "requires-improvement",
            "care-leavers-experiences": "requires-improvement",
            "leadership-management-governance": "inadequate",
            "lscb-review": "inadequate",
          },
        }),
      ],
    }),
  );
  assert.is(
    verdictSentence(findInspection(model, "testshire/2016")),
    "Inadequate in four of six areas and requires improvement for adoption and care leavers. The first graded Ofsted inspection of this organisation on this site.",
  );
});

verdict("an ungraded visit says it gives no grades", () => {
  assert.is(
    verdictSentence(findInspection(sample, "oxfordshire/2020-focused-visit")),
    "A focused visit: inspectors report what they found but give no grades.",
  );
});

verdict("an inspection with a comparison uses the comparison's sentence", () => {
  const latest = findInspection(sample, "oxfordshire/2024-standard-inspection");
  assert.is(verdictSentence(latest), latest.comparison?.sentence);
});

verdict("an inspection whose judgements are all withheld or not judged has no grades to tell", () => {
  const content = testshire(ALL_GOOD_2018, {
    "overall-effectiveness": "withheld",
    "impact-of-leaders": "withheld",
    "help-and-protection": "withheld",
    "children-in-care": "not-judged",
    "care-leavers": "not-judged",
  });
  const current = findInspection(modelOf(content), "testshire/2023-standard-inspection");
  assert.is(gradesPhrase(current), "No grades given");
});

verdict("an inspection whose grades are all unknown says they are not on this site yet", () => {
  const content = testshire(ALL_GOOD_2018, { "overall-effectiveness": "unknown" });
  const current = findInspection(modelOf(content), "testshire/2023-standard-inspection");
  assert.is(gradesPhrase(current), "The grades from this inspection are not on this site yet");
});

const words = suite("words the sentences are made of");

words("small counts are words, larger ones digits", () => {
  assert.equal([0, 1, 5, 10, 11].map(numberWord), ["no", "one", "five", "ten", "11"]);
});

words("lists are joined the British way, without a serial comma", () => {
  assert.is(listPhrase(["help and protection"]), "help and protection");
  assert.is(listPhrase(["children in care", "care leavers"]), "children in care and care leavers");
  assert.is(listPhrase(["a", "b", "c"]), "a, b and c");
});

words(
  "an area without a short name is named in the sentence by its label, lower case unless it starts with an acronym",
  () => {
    assert.is(shortFromLabel("Overall effectiveness"), "overall effectiveness");
    assert.is(shortFromLabel("PEEL legitimacy"), "PEEL legitimacy");
    assert.is(shortFromLabel("A"), "A");
  },
);

sentence.run();
verdict.run();
words.run();
