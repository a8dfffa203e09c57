/** The embed page, the embed code under an explainer, and the embed pages' stylesheet. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import type { Inspection } from "../../src/model/types.ts";
import { embedPage } from "../../src/render/embed.ts";
import { pageShell } from "../../src/render/page-shell.ts";
import { embedHeight, embedTitle, shareTools } from "../../src/render/share-tools.ts";
import { embedStylesheet } from "../../src/render/stylesheets.ts";
import { findInspection, projectRoot } from "../fixtures/content.ts";

const test = suite("render: embedding and sharing");
const model = checkContent(projectRoot).model!;
const site = {
  title: "Inspection explainers",
  description: "What inspectors found",
  url: "https://example.org",
  pathPrefix: "/news/",
  language: "en-GB",
  licence: "CC BY 4.0",
  publisher: "A newsroom",
};
const inspectionOf = (id: string) => findInspection(model, id);

test("the embed page: the comparison, the dates, the links out, and nothing that runs", () => {
  const page = embedPage(inspectionOf("oxfordshire/2024-standard-inspection"), site);
  assert.match(page, '<meta name="robots" content="noindex">');
  assert.not.match(page, /<script|<base|rel="canonical"/);
  assert.match(page, "<h1>Ofsted standard inspection, 2024</h1>");
  assert.match(page, '<table class="comparison">');
  assert.match(page, '<svg class="chart" role="img"');
  assert.match(page, "Grades as Ofsted published them on 9 April 2024, after a visit of 12 to 23 February 2024.");
  assert.match(page, "Compared with the Ofsted short inspection, 2018, published 22 May 2018.");
  assert.match(page, '<a href="/organisations/oxfordshire/2024-standard-inspection/" target="_blank">');
  assert.match(page, '<link rel="stylesheet" href="/assets/embed.css">');
  // Chips without meters: every byte counts; the label says the grade.
  assert.not.match(page, "grade-meter");
  assert.not.match(page, "Not the latest");
});

test("an older inspection's embed says a later one is on the site", () => {
  const page = embedPage(inspectionOf("oxfordshire/2018-short-inspection"), site);
  assert.match(
    page,
    '<strong>Not the latest:</strong> Ofsted has inspected Oxfordshire County Council since. See the <a href="/organisations/oxfordshire/2024-standard-inspection/" target="_blank">Ofsted standard inspection, 2024</a>.',
  );
});

test("an inspection with nothing to compare embeds its grades, or its summary when ungraded", () => {
  const first = embedPage(inspectionOf("oxfordshire/2014-single-inspection"), site);
  assert.match(first, "<caption>Grades at this inspection</caption>");
  const visit = inspectionOf("oxfordshire/2020-focused-visit");
  const page = embedPage(visit, site);
  assert.match(page, `<p>${visit.summary.replace(/'/g, "&#39;")}</p>`);
  assert.not.match(page, "<table");
});

test("the embed code: an iframe of the embed page with a title, and the picture where frames are refused", () => {
  const inspection = inspectionOf("oxfordshire/2024-standard-inspection");
  const tools = shareTools(inspection, { site, images: true }).toString();
  assert.match(
    tools,
    `<pre><code>&lt;iframe src=&quot;https://example.org/news/embed/oxfordshire/2024-standard-inspection/&quot; title=&quot;Oxfordshire County Council, Ofsted standard inspection, 2024: the grades compared with 2018&quot; width=&quot;100%&quot; height=&quot;${embedHeight(inspection)}&quot; loading=&quot;lazy&quot; style=&quot;border:0&quot;&gt;&lt;/iframe&gt;</code></pre>`,
  );
  // Apostrophes stay as they are in the code a reader copies; quotes and ampersands are escaped in it.
  assert.match(tools, "up from &#39;requires improvement&#39;");
  assert.not.match(tools, "&amp;#39;");
  assert.match(tools, "https://example.org/news/organisations/oxfordshire/2024-standard-inspection/share.png");
  assert.match(
    tools,
    'href="/organisations/oxfordshire/2024-standard-inspection/comparison.svg" download="oxfordshire-2024-standard-inspection-comparison.svg"',
  );
  assert.match(tools, "comparison.png");
  assert.match(tools, "comparison.csv");
  const withoutImages = shareTools(inspection, { site, images: false }).toString();
  assert.not.match(withoutImages, /\.png/);
  assert.match(withoutImages, "comparison.svg");
});

test("the embed's title names the frame; the height grows with what it holds", () => {
  assert.is(
    embedTitle(inspectionOf("oxfordshire/2020-focused-visit")),
    "Oxfordshire County Council, Ofsted focused visit, 2020",
  );
  assert.is(
    embedTitle(inspectionOf("oxfordshire/2014-single-inspection")),
    "Oxfordshire County Council, Ofsted single inspection, 2014: the grades",
  );
  const base = inspectionOf("oxfordshire/2024-standard-inspection");
  const more: Inspection = {
    ...base,
    comparison: { ...base.comparison!, rows: [...base.comparison!.rows, ...base.comparison!.rows] },
  };
  assert.ok(embedHeight(more) > embedHeight(base));
});

test("the page shell names the share image, its words, the icon and the manifest", () => {
  const inspection = inspectionOf("oxfordshire/2024-standard-inspection");
  const page = pageShell({
    site,
    url: "/organisations/oxfordshire/2024-standard-inspection/",
    title: "T",
    inspection,
    content: "",
    images: true,
  });
  assert.match(
    page,
    '<meta property="og:image" content="https://example.org/news/organisations/oxfordshire/2024-standard-inspection/share.png">',
  );
  assert.match(
    page,
    '<meta property="og:image:alt" content="Oxfordshire County Council: Ofsted standard inspection, 2024. Good in all five areas',
  );
  assert.match(page, '<meta name="twitter:card" content="summary_large_image">');
  assert.match(page, '<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">');
  assert.match(page, '<link rel="manifest" href="/manifest.webmanifest">');
  assert.match(
    page,
    '<p class="print-only">Printed from <span data-printed-from>https://example.org/news/organisations/oxfordshire/2024-standard-inspection/</span><span data-printed-on></span>.</p>',
  );
  const other = pageShell({ site, url: "/grades/", title: "Grades", content: "", images: true });
  assert.match(other, '<meta property="og:image" content="https://example.org/news/assets/share.png">');
  const none = pageShell({ site, url: "/grades/", title: "Grades", content: "" });
  assert.not.match(none, "og:image");
  assert.match(none, '<meta name="twitter:card" content="summary">');
});

test("the embed stylesheet: the rules site.css marks, then its own; unpaired marks are named", () => {
  const css =
    "a{}\n/* embed: from here */\nb{}\n/* embed: to here */\nc{}\n/* embed: from here */\nd{}\n/* embed: to here */\n";
  assert.is(embedStylesheet(css, "e{}\n"), "b{}\nd{}\ne{}\n");
  assert.throws(
    () => embedStylesheet("/* embed: from here */ b{}", "", "x.css"),
    /x\.css: an "embed: from here" comment has no "embed: to here"/,
  );
  assert.throws(() => embedStylesheet("b{} /* embed: to here */", "", "x.css"), /has no "embed: from here" before it/);
  assert.throws(() => embedStylesheet("b{}", "", "x.css"), /marks no rules/);
  const real = embedStylesheet(readFileSync(join(projectRoot, "layouts/assets/site.css"), "utf8"), "");
  for (const rule of ["--good-bg:", ".grade-good", ".comparison td::before", "line.chart-improved"])
    assert.match(real, rule);
  // Only the light scheme: the frame does not follow the reader's dark mode (layouts/embed.css says why).
  assert.not.match(real, "prefers-color-scheme");
});

test.run();
