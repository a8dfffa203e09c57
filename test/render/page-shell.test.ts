/**
 * Full addresses (canonical links, feeds, the sitemap) are built by joining strings
 * (absoluteUrl in src/render/urls.ts); Eleventy's `htmlBaseUrl` filter, which base.njk
 * used, is what they must equal. And the page shell around every page.
 */
import { HtmlBasePlugin } from "@11ty/eleventy";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { pageShell } from "../../src/render/page-shell.ts";
import { absoluteUrl } from "../../src/render/urls.ts";
import { findOrganisation, modelOf, sampleContent } from "../fixtures/content.ts";
import { readSiteSettings, siteSettingsSchema, withOverrides } from "../../src/content/site-settings.ts";
import { projectRoot } from "../fixtures/build-site.ts";

const test = suite("render: page shell");

type Filter = (this: { page: { url: string } }, url: string, base?: string) => string;

/** Eleventy's own htmlBaseUrl filter, as its plugin registers it for a path prefix. */
function htmlBaseUrl(pathPrefix: string): Filter {
  let filter: Filter | undefined;
  const config = {
    pathPrefix,
    addFilter(name: string, fn: Filter) {
      if (name === "htmlBaseUrl") filter = fn;
    },
    addAsyncFilter() {},
    htmlTransformer: { addUrlTransform() {} },
  };
  (HtmlBasePlugin as unknown as (config: unknown) => void)(config);
  if (!filter) throw new Error("HtmlBasePlugin registered no htmlBaseUrl filter");
  return filter;
}

test("absoluteUrl equals Eleventy's htmlBaseUrl with the site's address as base", () => {
  const siteUrls = ["https://example.org", "https://news.example.org/sub", "http://localhost:8080"];
  const prefixes = ["/", "/explainers/", "/a/b/"];
  const urls = [
    "/",
    "/organisations/",
    "/organisations/oxfordshire/",
    "/organisations/oxfordshire/2024-ilacs/",
    "/feed.xml",
    "/inspections/grade/ofsted-four-point/good/page-2/",
  ];
  for (const siteUrl of siteUrls) {
    for (const pathPrefix of prefixes) {
      const filter = htmlBaseUrl(pathPrefix);
      for (const url of urls) {
        assert.is(
          absoluteUrl(url, { url: siteUrl, pathPrefix }),
          filter.call({ page: { url } }, url, siteUrl),
          `${siteUrl} ${pathPrefix} ${url}`,
        );
      }
    }
  }
});

const site = {
  title: "Inspections <explained>",
  description: "What inspectors found",
  url: "https://example.org",
  pathPrefix: "/",
  language: "en-GB",
  licence: "Text under OGL",
  publisher: "A newsroom",
};

test("the shell escapes what it is given and places the content as it is", () => {
  const page = pageShell({
    site,
    url: "/x/",
    title: 'A "quoted" <title>',
    description: "D & d",
    content: "<p>Body</p>",
  });
  assert.match(page, "<title>A &quot;quoted&quot; &lt;title&gt; – Inspections &lt;explained&gt;</title>");
  assert.match(page, '<meta name="description" content="D &amp; d">');
  assert.match(page, '<link rel="canonical" href="https://example.org/x/">');
  assert.match(page, '<meta property="og:locale" content="en_GB">');
  assert.match(page, '<main id="main" class="wrap" tabindex="-1" data-pagefind-body>\n<p>Body</p>\n</main>');
  assert.ok(page.startsWith('<!DOCTYPE html>\n<html lang="en-GB">'));
});

test("a noindex page has no canonical link and is kept out of the search index", () => {
  const page = pageShell({ site, url: "/search/", title: "Search", noindex: true, content: "" });
  assert.match(page, '<meta name="robots" content="noindex">');
  assert.not.match(page, 'rel="canonical"');
  assert.not.match(page, "data-pagefind-body");
  // The search page has its own search box, not the header's.
  assert.not.match(page, 'id="site-search-query"');
});

test("a list of other pages is kept out of the search index, not out of search engines", () => {
  const page = pageShell({ site, url: "/a-to-z/b/", title: "B", unsearched: true, content: "<p>List</p>" });
  assert.match(page, '<main id="main" class="wrap" tabindex="-1" data-pagefind-ignore="all">\n<p>List</p>\n</main>');
  assert.not.match(page, "data-pagefind-body");
  assert.not.match(page, 'name="robots"');
  assert.match(page, '<link rel="canonical" href="https://example.org/a-to-z/b/">');
});

test("a page without a description gets the site's", () => {
  assert.match(
    pageShell({ site, url: "/y/", title: "Y", content: "" }),
    '<meta name="description" content="What inspectors found">',
  );
});

test("an organisation's page and its explainers name its feed in the head, other pages the site's; every footer links the site's", () => {
  const organisation = findOrganisation(modelOf(sampleContent()), "oxfordshire");
  const feeds = (page: string) =>
    [...page.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="([^"]+)">/g)].map(
      (match) => match[1],
    );
  const own = pageShell({ site, url: "/organisations/oxfordshire/", title: "O", organisation, content: "" });
  assert.equal(feeds(own), ["/organisations/oxfordshire/feed.xml"]);
  const explainer = pageShell({ site, url: "/x/", title: "X", inspection: organisation.inspections[0]!, content: "" });
  assert.equal(feeds(explainer), ["/organisations/oxfordshire/feed.xml"]);
  const other = pageShell({ site, url: "/y/", title: "Y", content: "" });
  assert.equal(feeds(other), ["/feed.xml"]);
  for (const page of [own, explainer, other])
    assert.match(page, '<a href="/feed.xml" type="application/atom+xml">New inspections as a feed</a>');
});

test("site.yaml's feeds: all unless set, and EXPLAINERS_FEEDS overrides it for one build", () => {
  const settings = readSiteSettings(projectRoot).settings!;
  assert.is(settings.feeds, undefined);
  assert.is(withOverrides(settings, { EXPLAINERS_FEEDS: "site" }).feeds, "site");
  assert.is(withOverrides(settings, { EXPLAINERS_FEEDS: "all" }).feeds, "all");
  assert.throws(
    () => withOverrides(settings, { EXPLAINERS_FEEDS: "none" }),
    /EXPLAINERS_FEEDS overrides 'feeds' in site.yaml and must be all or site; it is "none"\./,
  );
  const checked = siteSettingsSchema.safeParse({ ...settings, feeds: "organisations" });
  assert.not.ok(checked.success);
});

test("a site of the site's feed alone (`feeds: site`): every page names the site's feed, and no organisation's page offers one of its own", () => {
  const organisation = findOrganisation(modelOf(sampleContent()), "oxfordshire");
  const alone = { ...site, feeds: "site" as const };
  const own = pageShell({ site: alone, url: "/organisations/oxfordshire/", title: "O", organisation, content: "" });
  const explainer = pageShell({
    site: alone,
    url: "/x/",
    title: "X",
    inspection: organisation.inspections[0]!,
    content: "",
  });
  for (const page of [own, explainer]) {
    assert.match(
      page,
      /<link rel="alternate" type="application\/atom\+xml" title="Inspections &lt;explained&gt;: new inspections" href="\/feed\.xml">/,
    );
    assert.not.match(page, "/organisations/oxfordshire/feed.xml");
    assert.not.match(page, /class="follow"/);
  }
  // With every feed, the organisation's page has its follow link.
  assert.match(
    pageShell({ site, url: "/organisations/oxfordshire/", title: "O", organisation, content: "" }),
    /class="follow"/,
  );
});

test.run();
