/**
 * The pure parts of publishing, without a build: absolute addresses, the sitemap, feed
 * entries, JSON-LD, search filters, the `_headers` file and the settings a build may
 * override. The built site is tested in site.test.ts, output.test.ts and browser.test.ts.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { withOverrides } from "../../src/content/site-settings.ts";
import { DEFAULT_NATIONAL_DATES } from "../../src/model/national-dates.ts";
import type { SiteSettings } from "../../src/model/site-settings.ts";
import type { SiteModel } from "../../src/model/build-model.ts";
import { feedEntries, feedUpdated, followOrganisation, startOfDay } from "../../src/render/feeds.ts";
import { inspectionSearchFilters, inspectionSearchTitle, organisationSearchFilters } from "../../src/render/search.ts";
import {
  ADMIN_RELAXATIONS,
  adminContentSecurityPolicy,
  contentSecurityPolicy,
  EMBED_CONTENT_SECURITY_POLICY,
  headerRules,
  headersFile,
} from "../../src/render/security-headers.ts";
import { headersFor, parseHeadersFile } from "./headers.ts";
import { sitemapFiles, sitemapXml } from "../../src/render/sitemap.ts";
import { absoluteUrl } from "../../src/render/urls.ts";
import { scriptJson } from "../../src/render/html.ts";
import { organisationJsonLd } from "../../src/render/structured-data.ts";
import { findInspection, projectRoot } from "../fixtures/content.ts";

const checked = checkContent(projectRoot);
function model(): SiteModel {
  if (!checked.model) throw new Error(`The sample content has problems: ${JSON.stringify(checked.problems, null, 2)}`);
  return checked.model;
}
const organisation = (id: string) => model().organisations.find((candidate) => candidate.id === id)!;

const SETTINGS: SiteSettings = {
  title: "T",
  description: "D",
  url: "https://example.org",
  pathPrefix: "/",
  language: "en-GB",
  publisher: "P",
  licence: "L",
  national: DEFAULT_NATIONAL_DATES,
  allowHtmlInMarkdown: false,
};

// ---------------------------------------------------------------------------------------

const addresses = suite("publishing: absolute addresses and the sitemap");

addresses("an address is the site's address, then the path prefix, then the page", () => {
  assert.is(absoluteUrl("/organisations/", SETTINGS), "https://example.org/organisations/");
  assert.is(
    absoluteUrl("/organisations/", { url: "https://example.org", pathPrefix: "/explainers/" }),
    "https://example.org/explainers/organisations/",
  );
  assert.is(absoluteUrl("/", { url: "https://example.org", pathPrefix: "/a/b/" }), "https://example.org/a/b/");
});

addresses("the sitemap lists each address once, absolute, in order", () => {
  assert.is(
    sitemapXml(["/b/", "/a/", "/b/"], { url: "https://example.org", pathPrefix: "/x/" }),
    '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      "<url><loc>https://example.org/x/a/</loc></url>\n<url><loc>https://example.org/x/b/</loc></url>\n</urlset>\n",
  );
});

addresses("past the protocol's limit of URLs, sitemap.xml is an index of parts, each within the limit", () => {
  const at = { url: "https://example.org", pathPrefix: "/x/" };
  const paths = ["/e/", "/d/", "/c/", "/b/", "/a/", "/a/"];
  assert.equal([...sitemapFiles(paths, at, 5).keys()], ["/sitemap.xml"]);
  const files = sitemapFiles(paths, at, 2);
  assert.equal([...files.keys()].sort(), ["/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml", "/sitemap.xml"]);
  assert.is(files.get("/sitemap-1.xml"), sitemapXml(["/a/", "/b/"], at));
  assert.is(files.get("/sitemap-3.xml"), sitemapXml(["/e/"], at));
  const index = files.get("/sitemap.xml")!;
  assert.match(index, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  for (const part of [1, 2, 3])
    assert.match(index, `<sitemap><loc>https://example.org/x/sitemap-${part}.xml</loc></sitemap>`);
});

addresses.run();

// ---------------------------------------------------------------------------------------

const settings = suite("publishing: settings a build overrides");

settings("--path-prefix and --url replace site.yaml's values, and a prefix may leave out its slashes", () => {
  assert.equal(withOverrides(SETTINGS, {}), SETTINGS);
  assert.is(withOverrides(SETTINGS, { EXPLAINERS_PATH_PREFIX: "explainers" }).pathPrefix, "/explainers/");
  assert.is(withOverrides(SETTINGS, { EXPLAINERS_PATH_PREFIX: "/a/b/" }).pathPrefix, "/a/b/");
  assert.is(withOverrides(SETTINGS, { EXPLAINERS_PATH_PREFIX: "/" }).pathPrefix, "/");
  assert.is(withOverrides(SETTINGS, { EXPLAINERS_URL: "http://localhost:8080/" }).url, "http://localhost:8080");
});

settings("a wrong override is refused with what a right one looks like", () => {
  assert.throws(
    () => withOverrides(SETTINGS, { EXPLAINERS_PATH_PREFIX: "/My Site/" }),
    (error: Error) =>
      error.message ===
      `EXPLAINERS_PATH_PREFIX overrides 'pathPrefix' in site.yaml and must be a lower-case path like / or /explainers/; it is "/My Site/".`,
  );
  assert.throws(
    () => withOverrides(SETTINGS, { EXPLAINERS_URL: "example.org" }),
    /EXPLAINERS_URL overrides 'url' in site.yaml and must be a web address/,
  );
});

settings.run();

// ---------------------------------------------------------------------------------------

const feeds = suite("publishing: feed entries");

feeds("entries are newest first by publication date, with the generated sentence as summary", () => {
  const entries = feedEntries(model().inspections);
  assert.equal(
    entries.map((entry) => [entry.path, entry.updated.toISOString().slice(0, 10)]),
    [
      ["/organisations/oxfordshire/2024-standard-inspection/", "2024-04-09"],
      ["/organisations/wessex-police/2022-peel-inspection/", "2022-10-13"],
      ["/organisations/oxfordshire/2020-focused-visit/", "2020-12-31"],
      ["/organisations/wessex-police/2019-peel-assessment/", "2019-09-26"],
      ["/organisations/oxfordshire/2018-short-inspection/", "2018-05-22"],
      ["/organisations/oxfordshire/2014-single-inspection/", "2014-06-30"],
    ],
  );
  assert.is(entries[0]!.title, "Oxfordshire County Council: Ofsted standard inspection, 2024");
  assert.is(
    entries[0]!.summary,
    "Good in all five areas, up from 'requires improvement' for help and protection in 2018.",
  );
  assert.equal(entries[0]!.published, startOfDay("2024-04-09"));
});

feeds("a visit without a publication date is dated by its last day, and claims no publication date", () => {
  const visit = feedEntries([findInspection(model(), "oxfordshire/2020-focused-visit")])[0]!;
  assert.is(visit.updated.toISOString(), "2020-12-31T00:00:00.000Z");
  assert.is(visit.published, undefined);
});

feeds("entries of the same day are in address order, and a limit keeps the newest", () => {
  const [a, b] = [
    findInspection(model(), "oxfordshire/2014-single-inspection"),
    findInspection(model(), "oxfordshire/2018-short-inspection"),
  ];
  const sameDay = [
    { ...b, published: "2020-01-01" },
    { ...a, published: "2020-01-01" },
  ];
  assert.equal(
    feedEntries(sameDay).map((entry) => entry.path),
    ["/organisations/oxfordshire/2014-single-inspection/", "/organisations/oxfordshire/2018-short-inspection/"],
  );
  assert.equal(
    feedEntries(model().inspections, 2).map((entry) => entry.updated.getUTCFullYear()),
    [2024, 2022],
  );
});

feeds("a feed's date is its newest entry's; an empty feed takes the site's newest, never the clock", () => {
  const all = model().inspections;
  assert.is(
    feedUpdated(feedEntries(organisation("wessex-police").inspections), all).toISOString(),
    "2022-10-13T00:00:00.000Z",
  );
  assert.is(feedUpdated([], all).toISOString(), "2024-04-09T00:00:00.000Z");
  assert.is(feedUpdated([], []).toISOString(), "1970-01-01T00:00:00.000Z");
});

feeds("the follow link names the organisation, escaped, and points at its feed", () => {
  assert.is(
    followOrganisation({ ...organisation("oxfordshire"), name: "A <b> & C" }).toString(),
    '<p class="follow"><a href="/organisations/oxfordshire/feed.xml" type="application/atom+xml">Follow A &lt;b&gt; &amp; C</a>: a feed of its new inspections, for any feed reader.</p>',
  );
});

feeds.run();

// ---------------------------------------------------------------------------------------

const structured = suite("publishing: JSON-LD and search filters");

structured("JSON for a script element cannot end the element or open a comment", () => {
  assert.is(
    scriptJson({ name: "</script><!-- & \u2028" }).toString(),
    '{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}',
  );
  assert.equal(JSON.parse(scriptJson({ name: "</script>" }).toString()), { name: "</script>" });
});

structured("an organisation is described as an Organization with its codes; a made-up one is not described", () => {
  const markup = organisationJsonLd(
    organisation("oxfordshire"),
    "https://example.org/organisations/oxfordshire/",
  ).toString();
  const json = JSON.parse(/^<script type="application\/ld\+json">(.*)<\/script>\n$/.exec(markup)![1]!);
  assert.equal(json, {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: "Oxfordshire County Council",
    url: "https://www.oxfordshire.gov.uk",
    identifier: [
      { "@type": "PropertyValue", propertyID: "ONS", value: "E10000025" },
      { "@type": "PropertyValue", propertyID: "Ofsted URN", value: "80536" },
    ],
    subjectOf: { "@type": "WebPage", url: "https://example.org/organisations/oxfordshire/" },
  });
  assert.is(organisationJsonLd(organisation("wessex-police"), "https://example.org/x/").toString(), "");
});

structured("an explainer is filtered by its inspectorate and each grade it gave, named with the scale", () => {
  assert.is(
    inspectionSearchFilters(findInspection(model(), "oxfordshire/2018-short-inspection")).toString(),
    '<meta name="search-filter:inspectorate" content="Ofsted" data-pagefind-filter="inspectorate[content]">\n' +
      '<meta name="search-filter:grade" content="Ofsted four-point scale: Good" data-pagefind-filter="grade[content]">\n' +
      '<meta name="search-filter:grade" content="Ofsted four-point scale: Requires improvement to be good" data-pagefind-filter="grade[content]">\n',
  );
  assert.is(
    inspectionSearchFilters(findInspection(model(), "oxfordshire/2020-focused-visit")).toString(),
    '<meta name="search-filter:inspectorate" content="Ofsted" data-pagefind-filter="inspectorate[content]">\n',
  );
  assert.is(
    inspectionSearchTitle(findInspection(model(), "oxfordshire/2018-short-inspection")).toString(),
    '<meta name="search-title" content="Oxfordshire County Council: Ofsted short inspection, 2018" data-pagefind-meta="title[content]">\n',
  );
  assert.is(
    organisationSearchFilters(organisation("wessex-police")).toString(),
    '<meta name="search-filter:inspectorate" content="HMICFRS" data-pagefind-filter="inspectorate[content]">\n',
  );
});

structured.run();

// ---------------------------------------------------------------------------------------

const headers = suite("publishing: the _headers file");

headers(
  "every address gets one policy: embed pages one any site may frame them under, every other file one none may",
  () => {
    for (const prefix of ["/", "/explainers/"]) {
      const file = headersFile(
        headerRules(prefix, ["404.html", "assets/", "embed/", "feed.xml", "index.html", "organisations/", "pagefind/"]),
      );
      const rules = parseHeadersFile(file);
      const at = (path: string) => headersFor(rules, `${prefix}${path}`);
      for (const path of [
        "",
        "index.html",
        "404.html",
        "organisations/oxfordshire/",
        "assets/site.css",
        "pagefind/x.js",
      ]) {
        assert.is(at(path)["Content-Security-Policy"], contentSecurityPolicy(), path);
        assert.is(at(path)["X-Frame-Options"], "DENY", path);
        assert.is(at(path)["X-Content-Type-Options"], "nosniff", path);
      }
      const embed = at("embed/oxfordshire/2024-standard-inspection/");
      assert.is(embed["Content-Security-Policy"], contentSecurityPolicy(EMBED_CONTENT_SECURITY_POLICY));
      assert.not.ok("X-Frame-Options" in embed);
      assert.is(embed["Referrer-Policy"], "strict-origin-when-cross-origin");
      // No rule sets a header another rule sets for the same address (headersFor throws if one did).
      assert.ok(
        rules.every((rule) => rule.path === "/*" || rule.path.startsWith(prefix)),
        file,
      );
    }
  },
);

headers("the site's policy allows no inline script or style and nothing from other sites", () => {
  const policy = contentSecurityPolicy();
  assert.not.match(policy, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  assert.match(policy, /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
  assert.match(policy, /manifest-src 'self'/);
  assert.match(policy, /frame-ancestors 'none'/);
});

headers("the embed pages' policy allows no script at all, and any site to frame them", () => {
  const policy = contentSecurityPolicy(EMBED_CONTENT_SECURITY_POLICY);
  assert.not.match(policy, /script-src|'unsafe|https?:/);
  assert.match(policy, /^default-src 'none'; style-src 'self'; img-src 'self';/);
  assert.match(policy, /form-action 'none'; frame-ancestors \*$/);
});

headers("with a content manager, /admin/ gets its own policy alone, and every other path the strict one alone", () => {
  const admin = adminContentSecurityPolicy({ connect: ["https://api.github.com"] });
  const file = headersFile(
    headerRules("/explainers/", ["admin/", "organisations/", "feed.xml", "index.html", "_headers"], admin),
  );
  const rules = parseHeadersFile(file);
  const policy = (path: string) => headersFor(rules, path)["Content-Security-Policy"];
  for (const path of [
    "/explainers/",
    "/explainers/index.html",
    "/explainers/organisations/oxfordshire/",
    "/explainers/feed.xml",
  ])
    assert.is(policy(path), contentSecurityPolicy(), path);
  assert.is(policy("/explainers/admin/"), admin);
  assert.is(policy("/explainers/admin/config.yml"), admin);
  assert.is(headersFor(rules, "/explainers/admin/")["X-Frame-Options"], "DENY", "the companions go everywhere");
  assert.not.match(file, "/explainers/_headers");
});

headers("the content manager's policy relaxes the strict one only where Decap needs it, each with its reason", () => {
  const strict = Object.fromEntries(
    contentSecurityPolicy()
      .split("; ")
      .map((part) => [part.split(" ")[0], part]),
  );
  const admin = Object.fromEntries(
    adminContentSecurityPolicy({
      connect: ["https://api.github.com"],
      images: ["https://avatars.githubusercontent.com"],
    })
      .split("; ")
      .map((part) => [part.split(" ")[0], part]),
  );
  assert.equal(Object.keys(admin), Object.keys(strict));
  assert.is(admin["script-src"], "script-src 'self' 'unsafe-eval'");
  assert.is(admin["style-src"], "style-src 'self' 'unsafe-inline'");
  assert.is(admin["connect-src"], "connect-src 'self' https://api.github.com");
  assert.is(admin["img-src"], "img-src 'self' https://avatars.githubusercontent.com");
  for (const directive of ["default-src", "base-uri", "form-action", "frame-ancestors", "worker-src"])
    assert.is(admin[directive], strict[directive], directive);
  assert.ok(Object.values(ADMIN_RELAXATIONS).every((relaxation) => relaxation.why.length > 20));
});

headers.run();
