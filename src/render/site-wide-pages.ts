/**
 * The pages there is one of (or one per framework, or per date of the national picture):
 * the home page, the frameworks, what the grades mean, the national pictures and how they
 * changed, the open data, search, the page for an address with none, robots.txt and the
 * site's Atom feed. Each is a function of the model like the pages there are thousands
 * of (pages.ts), listed with them in site-pages.ts and written by the same writer; the
 * page shell (page-shell.ts) goes around the HTML ones.
 */
import { formatDay } from "../model/dates.ts";
import type { SiteModel } from "../model/build-model.ts";
import type { NationalPicture } from "../model/national.ts";
import type { OpenDataParts } from "../model/open-data-parts.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import type { Framework } from "../model/types.ts";
import { atomFeed, feedEntries, feedUpdated } from "./feeds.ts";
import { frameworkDetail, frameworkList, scaleTable } from "./framework.ts";
import { html } from "./html.ts";
import { homeOrganisations, inspectionsByYear } from "./lists.ts";
import { nationalChanges } from "./national-changes.ts";
import { nationalDatesNav, nationalGlimpse, nationalPictureSection } from "./national.ts";
import { openDataPage } from "./open-data.ts";
import type { PageParts } from "./pages.ts";
import {
  absoluteUrl,
  feedUrl,
  frameworksUrl,
  nationalUrl,
  organisationsUrl,
  searchUrl,
  sitemapUrl,
  timelineUrl,
  homeUrl,
} from "./urls.ts";

export function homePage(model: SiteModel, settings: SiteSettings, national: NationalPicture): PageParts {
  return {
    title: settings.title,
    description: settings.description,
    content: html`<h1>${settings.title}</h1>
<p class="lede">${settings.description}</p>
<section aria-labelledby="latest-heading">
<h2 id="latest-heading">Latest inspections</h2>
${inspectionsByYear(model.inspections.slice(0, 6))}
<p><a href="${timelineUrl()}">Every inspection, newest first</a></p>
</section>
<section aria-labelledby="national-heading">
<h2 id="national-heading">The national picture</h2>
${nationalGlimpse(national)}
</section>
<section aria-labelledby="organisations-heading">
<h2 id="organisations-heading">Organisations</h2>
${homeOrganisations(model.organisations)}
</section>
`,
  };
}

export function frameworksPage(model: SiteModel): PageParts {
  return {
    title: "Inspection frameworks",
    description: "What each inspectorate judges, on which scale, and how its frameworks changed.",
    content: html`<h1>Inspection frameworks</h1>
<p class="lede">A framework is what an inspectorate judges during a period. When one replaces another, this site compares grades only where the areas and scales allow it.</p>
${frameworkList(model.frameworks)}
`,
  };
}

export function frameworkPage(framework: Framework): PageParts {
  return {
    title: `${framework.inspectorate.shortName}: ${framework.shortName}`,
    description: `What ${framework.shortName} judges, its grades, and what changed from the framework before.`,
    content: html`<p class="breadcrumb"><a href="${frameworksUrl()}">Frameworks</a></p>
<h1>${framework.inspectorate.shortName}: ${framework.shortName}</h1>
${frameworkDetail(framework)}
`,
  };
}

export function gradesPage(model: SiteModel): PageParts {
  return {
    title: "What the grades mean",
    description: "Every grade each inspectorate gives, best first, in plain English.",
    content: html`<h1>What the grades mean</h1>
<p class="lede">Each inspectorate grades on its own scale. Grades from different scales are never compared on this site.</p>
<p>On every scale, two more words can stand where a grade would. <strong>Not judged</strong>: the inspection did not judge that area (a focused inspection looks at some areas only), so the rating from before still stands, and pages show where it came from. <strong>Not known</strong>: the area was judged and the report gives its grade, but it is not on this site yet; it is never counted as a grade.</p>
${model.scales.map(
  (scale) => html`
<section aria-labelledby="scale-${scale.id}">
${scaleTable(scale, `scale-${scale.id}`)}
</section>
`,
)}
`,
  };
}

export function nationalPage(pictures: readonly NationalPicture[], national: NationalPicture): PageParts {
  return {
    title: "The national picture",
    description:
      "The rating in force in every area of every organisation on this site, as at the latest report, and how many improved or declined at their latest inspection.",
    content: html`<h1>The national picture</h1>
${nationalDatesNav(pictures, national.asAt)}
${nationalPictureSection(national)}
`,
  };
}

export function nationalDatePage(pictures: readonly NationalPicture[], picture: NationalPicture): PageParts {
  const day = formatDay(picture.asAt);
  return {
    title: `The national picture as at ${day}`,
    description: `The rating in force in every area of every organisation on this site as at ${day}, and how many improved or declined at their latest inspection by then.`,
    content: html`<p class="breadcrumb"><a href="${nationalUrl()}">The national picture</a></p>
<h1>The national picture as at ${day}</h1>
${nationalDatesNav(pictures, picture.asAt)}
${nationalPictureSection(picture)}
`,
  };
}

export function nationalChangesPage(pictures: readonly NationalPicture[]): PageParts {
  return {
    title: "How the national picture changed",
    description:
      "The ratings in force across every organisation on this site, at each date the national picture is drawn as at, as charts and tables.",
    content: html`<p class="breadcrumb"><a href="${nationalUrl()}">The national picture</a></p>
<h1>How the national picture changed</h1>
${nationalChanges(pictures)}
`,
  };
}

export function openDataIndexPage(
  model: SiteModel,
  settings: SiteSettings,
  pictures: readonly NationalPicture[],
  parts: () => OpenDataParts,
): PageParts {
  return {
    title: "Open data",
    description: `Every inspection and every judgement on this site as ${settings.openData === "bulk" ? "compressed CSV" : settings.openData === "compact" ? "CSV, by year and whole" : "CSV and JSON, by year and whole"}, free to reuse.`,
    content: html`<h1>Open data</h1>
<p class="lede">Everything on this site, as data you can reuse: ${settings.licence}</p>
${openDataPage(pictures, model.inspectorates, parts, settings.openData)}
`,
  };
}

export function searchPage(): PageParts {
  return {
    title: "Search",
    description: "Search the explainers, organisations and frameworks on this site.",
    // assets/search.js runs the search in the page. Without it the form leads to the
    // organisations A to Z, and the lists below reach every page.
    content: html`<h1>Search</h1>
<form class="search-form" role="search" action="${organisationsUrl()}" method="get" data-search-form>
<label for="search-query">Search the explainers, organisations and frameworks</label>
<div class="search-row">
<input id="search-query" name="q" type="search" autocomplete="off">
<button type="submit">Search</button>
</div>
<div class="search-filters" data-search-filters></div>
</form>
<p class="search-status" role="status" data-search-status></p>
<p class="search-text" data-search-text><button type="button" class="search-text-button">Search the text of every page too</button> <span class="muted">Explainers and lists, not only names: a larger download.</span></p>
<ol class="search-results" data-search-results></ol>
<p data-search-fallback>Search runs in your browser and needs JavaScript, which is off or has not loaded. Every page can be reached from these lists:</p>
<h2>Browse instead</h2>
<ul>
<li><a href="${organisationsUrl()}">Organisations A to Z</a></li>
<li><a href="${timelineUrl()}">Every inspection, newest first</a></li>
<li><a href="${frameworksUrl()}">Inspection frameworks</a></li>
</ul>
`,
  };
}

export function notFoundPage(): PageParts {
  return {
    title: "Page not found",
    description: "There is no page at this address. Find an organisation, search, or start from the home page.",
    content: html`<h1>Page not found</h1>
<p class="lede">There is no page at this address. It may have been typed wrongly, or the page may have moved.</p>
<p>These will help you find what you were looking for:</p>
<ul>
<li><a href="${organisationsUrl()}">Organisations A to Z</a>: every council and service on this site</li>
<li><a href="${searchUrl()}">Search</a> the explainers, organisations and frameworks</li>
<li><a href="${timelineUrl()}">Every inspection</a>, newest first</li>
<li><a href="${homeUrl()}">The home page</a></li>
</ul>
`,
  };
}

/** robots.txt: every page may be crawled, and where the sitemap is. */
export function robotsTxt(settings: Pick<SiteSettings, "url" | "pathPrefix">): string {
  return `# Every page may be crawled. Crawlers read robots.txt only at the root of a host; under a
# path prefix, give search engines the sitemap directly (docs/publishing.md).
User-agent: *
Disallow:

Sitemap: ${absoluteUrl(sitemapUrl(), settings)}
`;
}

/** The newest inspections only: enough for a reader who looks in now and then. */
const FEED_SIZE = 100;

/** The site's Atom feed of new inspections. */
export function siteFeed(model: SiteModel, settings: SiteSettings): string {
  const entries = feedEntries(model.inspections, FEED_SIZE);
  return atomFeed({
    site: settings,
    title: `${settings.title}: new inspections`,
    path: feedUrl(),
    alternatePath: timelineUrl(),
    updated: feedUpdated(entries, model.inspections),
    entries,
  });
}
