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

explainer.run();
