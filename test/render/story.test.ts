/**
 * An explainer's place in its organisation's story (storyWindow, src/render/timeline.ts): the
 * inspection before and after it, the context between them, and the way to the whole
 * timeline, which the organisation's page keeps. Its size does not grow with the history.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { markdownFor } from "../../src/render/markdown.ts";
import { explainerPage, organisationPage } from "../../src/render/pages.ts";
import { STORY_EVENTS, storyWindow } from "../../src/render/timeline.ts";
import { textOf } from "../fixtures/page-text.ts";
import {
  event,
  findInspection,
  findOrganisation,
  inspection,
  modelOf,
  organisation,
  sampleContent,
  withEntries,
} from "../fixtures/content.ts";

const test = suite("render: where an explainer sits in the story");
const md = markdownFor({ allowHtmlInMarkdown: false });
const sharing = { site: { url: "https://example.org", pathPrefix: "/" }, images: false };

const graded = (year: number) =>
  inspection("longshire", `${year}`, {
    framework: year < 2018 ? "ofsted-sif-2013" : "ofsted-ilacs-2018",
    kind: year < 2018 ? "single-inspection" : "standard",
    visit: [`${year}-03-02`, `${year}-03-13`],
    judgements:
      year < 2018
        ? {
            "overall-effectiveness": "good",
            "help-and-protection": "good",
            "children-looked-after": "good",
            "adoption-performance": "good",
            "care-leavers-experiences": "good",
            "leadership-management-governance": "good",
          }
        : {
            "overall-effectiveness": year % 2 ? "good" : "requires-improvement",
            "impact-of-leaders": "good",
            "help-and-protection": "good",
            "children-in-care-and-care-leavers": "good",
          },
  });

const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
const model = modelOf(
  withEntries(sampleContent(), {
    organisations: [organisation("longshire", "Longshire")],
    inspections: years.map(graded),
    events: [
      event("longshire", "a", "2018-05"),
      event("longshire", "b", "2018-06"),
      event("longshire", "c", "2018-07"),
      event("longshire", "d", "2018-08"),
    ],
  }),
);
const links = (markup: string) => [...markup.matchAll(/<a (?:rel="(\w+)" )?href="([^"]+)"/g)].map((m) => [m[1], m[2]]);

test("the inspections just before and after, each linked with its sentence; this one marked, unlinked", () => {
  const markup = storyWindow(findInspection(model, "longshire/2016")).toString();
  assert.equal(links(markup), [
    ["prev", "/organisations/longshire/2015/"],
    ["next", "/organisations/longshire/2017/"],
    [undefined, "/organisations/longshire/#timeline-heading"],
  ]);
  assert.match(markup, /<span aria-current="page">Ofsted [a-z ]+inspection, 2016 \(this page\)<\/span>/);
  const text = textOf(markup);
  assert.match(text, "Before this, 2 to 13 March 2015");
  assert.match(text, "After this, 2 to 13 March 2017");
  assert.match(
    markup,
    '<a href="/organisations/longshire/#timeline-heading">The full timeline of Longshire</a>: 9 inspections and visits and 4 pieces of context on this site.',
  );
  assert.not.match(markup, "/longshire/2014/");
});

test("the context between them, nearest first and at most STORY_EVENTS a side; the rest on the full timeline", () => {
  const markup = storyWindow(findInspection(model, "longshire/2018")).toString();
  const text = textOf(markup);
  assert.is(STORY_EVENTS, 2);
  assert.match(text, "After this, May 2018 Context Event a");
  assert.match(text, "After this, June 2018 Context Event b");
  assert.not.match(text, "Event c");
  // The next inspection is there though the context between is cut.
  assert.equal(links(markup)[1], ["next", "/organisations/longshire/2019/"]);
  const organisationText = textOf(
    organisationPage(findOrganisation(model, "longshire"), md, "2022-03-13").content.toString(),
  );
  for (const title of ["Event a", "Event b", "Event c", "Event d"]) assert.match(organisationText, title);
});

test("the first and the last have one side; the window weighs the same whatever the history's length", () => {
  const first = storyWindow(findInspection(model, "longshire/2014")).toString();
  assert.equal(links(first).slice(0, 1), [["next", "/organisations/longshire/2015/"]]);
  assert.not.match(first, "Before this");
  const last = storyWindow(findInspection(model, "longshire/2022")).toString();
  assert.equal(links(last).slice(0, 1), [["prev", "/organisations/longshire/2021/"]]);
  assert.not.match(last, "After this");
  const middle = ["2016", "2020", "2021"].map((year) =>
    storyWindow(findInspection(model, `longshire/${year}`)).toString(),
  );
  for (const markup of middle) assert.is((markup.match(/<li /g) ?? []).length, 3, markup);
});

test("an organisation's only inspection says so, and leads to its page", () => {
  const lone = modelOf(
    withEntries(sampleContent(), {
      organisations: [organisation("oneshire", "Oneshire")],
      inspections: [
        inspection("oneshire", "2019", {
          framework: "ofsted-ilacs-2018",
          visit: ["2019-03-02", "2019-03-13"],
          judgements: { "overall-effectiveness": "good" },
        }),
      ],
    }),
  );
  const markup = storyWindow(findInspection(lone, "oneshire/2019")).toString();
  assert.match(markup, "<p>The only inspection or visit of Oneshire on this site.</p>");
  assert.match(
    markup,
    '<a href="/organisations/oneshire/#timeline-heading">The full timeline of Oneshire</a>: 1 inspection or visit on this site.',
  );
  assert.not.match(markup, "<li");
});

test("the explainer has the window, and no other inspection of the organisation than its neighbours", () => {
  const page = explainerPage(findInspection(model, "longshire/2020"), md, sharing).content.toString();
  assert.match(page, `<h2 id="story-heading">Where this sits in Longshire's story</h2>`);
  const others = new Set([...page.matchAll(/href="\/organisations\/longshire\/(\d{4})\/"/g)].map((m) => m[1]));
  assert.equal([...others].sort(), ["2019", "2021"]);
  assert.not.match(page, 'class="pager"');
});

test.run();
