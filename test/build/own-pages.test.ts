/**
 * A site owner adds pages of their own through Eleventy: a Markdown or Nunjucks file with
 * `layout: base.11ty.ts` (docs/publishing.md, "Pages of your own"). Built from the sample
 * content, such a page is in the site's page shell, its Markdown read by the content's
 * markdown-it (headings as written, components as shortcodes), in the sitemap beside the generated pages, and in the search index's body; one marked
 * `noindex` is kept out of the sitemap. Eleventy's own templates are given here as virtual
 * templates (https://www.11ty.dev/docs/virtual-templates/), so the test writes nothing into
 * the project's layouts/.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import sitePlugin from "../../src/eleventy/site-plugin.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { readSite } from "../../src/site.ts";
import { projectRoot } from "../fixtures/build-site.ts";

const test = suite("build: a site owner's own pages");
let work = "";

test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-own-pages-"));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

const ABOUT = `---
layout: base.11ty.ts
title: About this site
description: Who writes these explainers, and how.
permalink: /about/
---
# About this site

We explain inspections *as the reports say them*. See [the frameworks]({{ frameworksUrl() }}).

{% scaleTable model.scales[0], "about-scale" %}
`;

const METHOD = `---
layout: base.11ty.ts
title: Working notes
description: Not for search engines.
permalink: /notes/
noindex: true
---
<h1>Working notes</h1>
{% scaleTable model.scales[0], "notes-scale" %}
`;

test("a Markdown page and a Nunjucks page of the owner's are built in the site's layout, and the Markdown one is in the sitemap", async () => {
  const site = readSite(projectRoot, "content", {});
  assert.equal(site.problems, []);
  const output = join(work, "site");
  const eleventy = new Eleventy(projectRoot, output, {
    configPath: join(projectRoot, ".eleventy.ts"),
    quietMode: true,
    config: (config: EleventyConfig) => {
      config.addPlugin(sitePlugin, {
        site: () => site,
        images: false,
        imageCache: join(work, "image-cache"),
        previewSearch: false,
      });
      config.addTemplate("about.md", ABOUT);
      config.addTemplate("notes.njk", METHOD);
    },
  });
  await eleventy.write();

  const about = readFileSync(join(output, "about/index.html"), "utf8");
  assert.match(about, "<title>About this site – ");
  assert.match(about, '<meta name="description" content="Who writes these explainers, and how.">');
  assert.match(about, '<header class="site-header">', "in the page shell");
  assert.match(about, "<h1>About this site</h1>");
  assert.match(about, "<em>as the reports say them</em>");
  assert.match(
    about,
    '<a href="/frameworks/">the frameworks</a>',
    "Nunjucks runs first: the page can use the addresses",
  );
  assert.match(about, '<caption id="about-scale">', "a component placed in Markdown is markup, not text");
  assert.match(about, "data-pagefind-body", "searched like the other pages");

  const notes = readFileSync(join(output, "notes/index.html"), "utf8");
  assert.match(notes, '<meta name="robots" content="noindex">');
  assert.match(notes, 'id="notes-scale"', "components are shortcodes");

  const sitemap = readFileSync(join(output, "sitemap.xml"), "utf8");
  assert.match(sitemap, "<loc>https://example.org/about/</loc>");
  assert.not.match(sitemap, "/notes/");
  assert.match(sitemap, "<loc>https://example.org/frameworks/</loc>", "beside the generated pages");
  assert.match(sitemap, "<loc>https://example.org/organisations/oxfordshire/</loc>");
});

test.run();
