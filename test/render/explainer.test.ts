/**
 * The explainer says only what is known (src/render/pages.ts, inspection.ts): nothing about
 * improvements when none were written; "not known", with the report, for a grade not on the
 * site, never "not judged"; and where an undated inspection's visit dates are, that they
 * are not known.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { markdownFor } from "../../src/render/markdown.ts";
import { explainerPage } from "../../src/render/pages.ts";
import { textOf } from "../fixtures/page-text.ts";
import { findInspection, inspection, modelOf, organisation, sampleContent, withEntries } from "../fixtures/content.ts";

const md = markdownFor({ allowHtmlInMarkdown: false });
const sharing = { site: { url: "https://example.org", pathPrefix: "/" }, images: false };
const text = textOf;

const explainer = suite("render: what an explainer says, and does not");

explainer("no improvements written: no section, and no claim that the report lists none", () => {
  const model = modelOf(sampleContent());
  const page = text(
    explainerPage(findInspection(model, "wessex-police/2019-peel-assessment"), md, sharing).content.toString(),
  );
  assert.not.match(page, "What needs to improve");
  assert.not.match(page, /no areas for improvement/i);
  const withList = text(
    explainerPage(findInspection(model, "oxfordshire/2024-standard-inspection"), md, sharing).content.toString(),
  );
  assert.match(withList, "What needs to improve");
});

explainer("a grade not on the site is 'Not known', with the report; the visit dates not known say so", () => {
  const model = modelOf(
    withEntries(sampleContent(), {
      organisations: [organisation("testshire", "Testshire")],
      inspections: [
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
        inspection("testshire", "2024", {
          framework: "ofsted-ilacs-2023",
          visit: "unknown",
          published: "2024-05-16",
          judgements: { "overall-effectiveness": "good", "help-and-protection": "unknown" },
        }),
      ],
    }),
  );
  const page = text(explainerPage(findInspection(model, "testshire/2024"), md, sharing).content.toString());
  assert.match(page, "Visit Dates not known: placed by the date its report was published");
  assert.match(
    page,
    "The experiences and progress of children who need help and protection Not known Judged at this inspection, but the grade is not on this site yet. Read it in the report .",
  );
  assert.match(page, "The grade from this inspection is not on this site yet, so no change is shown.");
  assert.not.match(page, /Not judged in 2019/);
});

explainer("the review of the safeguarding board is shown only where the report has one", () => {
  const sif = (lscb: unknown) =>
    inspection("testshire", `2016-${typeof lscb === "string" ? lscb : "not-judged"}`, {
      framework: "ofsted-sif-2013",
      kind: "single-inspection",
      visit: ["2016-01-04", "2016-01-28"],
      judgements: {
        "overall-effectiveness": "requires-improvement",
        "help-and-protection": "requires-improvement",
        "children-looked-after": "requires-improvement",
        "adoption-performance": "good",
        "care-leavers-experiences": "requires-improvement",
        "leadership-management-governance": "requires-improvement",
        "lscb-review": lscb as string,
      },
    });
  const page = (lscb: unknown) => {
    const entry = sif(lscb);
    const model = modelOf(
      withEntries(sampleContent(), { organisations: [organisation("testshire", "Testshire")], inspections: [entry] }),
    );
    return text(explainerPage(findInspection(model, entry.id), md, sharing).content.toString());
  };
  const board = "Review of the effectiveness of the Local Safeguarding Children Board";
  assert.match(page("good"), `Shown apart: ${board}: Good`);
  // Not known: whether this report reviewed the board at all is not known, so nothing is said.
  assert.not.match(page("unknown"), board);
  assert.match(
    page({ "not-judged": "The review of the board was not part of this inspection." }),
    "The review of the board was not part of this inspection.",
  );
});

explainer.run();
