/**
 * The page around every page's content: <head> (title, description, canonical address,
 * Open Graph, feeds, search filters, JSON-LD), the site header with search and navigation,
 * and the footer. One function for every page: every page the site generates is put in it
 * by its entry in site-pages.ts, without a template engine in between (docs/performance.md),
 * and a site owner's own pages by layouts/_includes/base.11ty.ts, their Eleventy layout.
 *
 * Pages may set `description` (every page should) and `noindex` for pages that are not
 * content (search, 404): no canonical link, kept out of the sitemap and the search index.
 * Organisation pages and explainers name their organisation's feed (the site's feed is in
 * every footer), other pages the site's; they also get their search filters and, for
 * organisations, JSON-LD (docs/publishing.md). Every page names its share
 * image (an explainer its own, any other page the site's) when the build drew them, the
 * icon and the web manifest; printed, it says the address it was printed from (and, with
 * JavaScript, the date: assets/print.js).
 */
import type { SiteSettings } from "../model/site-settings.ts";
import type { Inspection, Organisation } from "../model/types.ts";
import { followOrganisation, hasOrganisationFeeds } from "./feeds.ts";
import { meterSymbols } from "./grade.ts";
import { html, trusted, type SafeHtml } from "./html.ts";
import { inspectionSearchFilters, inspectionSearchTitle, organisationSearchFilters } from "./search.ts";
import { NOINDEX } from "./sitemap.ts";
import { organisationJsonLd } from "./structured-data.ts";
import { SHARE_IMAGE_SIZE, shareImageAlt, siteImageAlt } from "./share-image.ts";
import {
  absoluteUrl,
  feedUrl,
  frameworksUrl,
  gradesUrl,
  homeUrl,
  iconUrl,
  manifestUrl,
  nationalUrl,
  openDataUrl,
  organisationFeedUrl,
  organisationsUrl,
  printScriptUrl,
  searchScriptUrl,
  searchUrl,
  shareImageUrl,
  siteImageUrl,
  stylesheetUrl,
  timelineUrl,
} from "./urls.ts";

export interface ShellInput {
  site: Pick<
    SiteSettings,
    "title" | "description" | "url" | "pathPrefix" | "language" | "licence" | "publisher" | "feeds"
  >;
  /** The page's root-relative address, as Eleventy's `page.url`. */
  url: string;
  title?: string;
  description?: string;
  noindex?: boolean;
  /**
   * Left out of the search index (a list of other pages): no `data-pagefind-body`, so Pagefind
   * skips it, and `data-pagefind-ignore` for an index part with no page marked. Search
   * engines still see it, unlike `noindex`.
   */
  unsearched?: boolean;
  /** The organisation whose page this is. */
  organisation?: Organisation;
  /** The inspection this page explains. */
  inspection?: Inspection;
  /** The page's own markup, placed in <main>. */
  content: SafeHtml | string;
  /** The build drew share images (not `--no-images`): name them in Open Graph and Twitter cards. */
  images?: boolean;
  /** False for an inspection without a share image of its own (src/model/sharing.ts): the site's is named. */
  ownShareImage?: boolean;
}

/** What a page adds to <head> for search: its filters, and for an organisation, JSON-LD. */
function searchMetadata(page: ShellInput, pageUrl: string): SafeHtml | "" {
  if (page.inspection)
    return html`\n${inspectionSearchTitle(page.inspection)}${inspectionSearchFilters(page.inspection)}`;
  if (page.organisation)
    return html`\n${organisationSearchFilters(page.organisation)}\n${organisationJsonLd(page.organisation, pageUrl)}`;
  return "";
}

/** The search box in the header; left off the search page. Without JavaScript it leads to the organisations A to Z; search.js points it at the search page. */
function searchForm(url: string): SafeHtml | "" {
  if (url === searchUrl()) return "";
  return html`
<form class="site-search" role="search" action="${organisationsUrl()}" method="get" data-search-form>
<label class="visually-hidden" for="site-search-query">Search this site</label>
<input id="site-search-query" name="q" type="search" autocomplete="off">
<button type="submit">Search</button>
</form>`;
}

/** Open Graph's image and its words: the inspection's, or the site's. */
function shareImageMeta(page: ShellInput): SafeHtml {
  const { site } = page;
  const inspection = page.ownShareImage === false ? undefined : page.inspection;
  const image = absoluteUrl(inspection ? shareImageUrl(inspection) : siteImageUrl(), site);
  const alt = inspection ? shareImageAlt(inspection) : siteImageAlt(site);
  return html`
<meta property="og:image" content="${image}">
<meta property="og:image:width" content="${SHARE_IMAGE_SIZE.width}">
<meta property="og:image:height" content="${SHARE_IMAGE_SIZE.height}">
<meta property="og:image:alt" content="${alt}">`;
}

const ICONS = html`
<link rel="icon" href="${iconUrl()}" type="image/svg+xml">
<link rel="icon" href="${iconUrl(32)}" sizes="32x32" type="image/png">
<link rel="apple-touch-icon" href="${iconUrl(180)}">
<link rel="manifest" href="${manifestUrl()}">`;

/**
 * The feed a page names: its organisation's on an organisation's page and its explainers,
 * the site's elsewhere and on a site of the site's feed alone (`feeds: site`); every footer
 * links the site's.
 */
function feedLink(page: ShellInput): SafeHtml {
  const organisation = page.organisation ?? page.inspection?.organisation;
  return organisation && hasOrganisationFeeds(page.site)
    ? html`<link rel="alternate" type="application/atom+xml" title="${organisation.name}: new inspections" href="${organisationFeedUrl(organisation)}">`
    : html`<link rel="alternate" type="application/atom+xml" title="${page.site.title}: new inspections" href="${feedUrl()}">`;
}

export function pageShell(page: ShellInput): string {
  const { site, url, title, noindex, unsearched, organisation } = page;
  const description = page.description || site.description;
  const pageUrl = absoluteUrl(url, site);
  const fullTitle = title === site.title ? title : `${title ?? ""} – ${site.title}`;
  const content = typeof page.content === "string" ? trusted(page.content) : page.content;
  const symbols = meterSymbols(content.toString());
  return html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${description}">${noindex ? html`\n${NOINDEX}` : html`\n<link rel="canonical" href="${pageUrl}">`}
<meta property="og:type" content="website">
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${pageUrl}">
<meta property="og:locale" content="${site.language.replaceAll("-", "_")}">${page.images ? shareImageMeta(page) : ""}
<meta name="twitter:card" content="${page.images ? "summary_large_image" : "summary"}">${ICONS}
${feedLink(page)}
<link rel="stylesheet" href="${stylesheetUrl()}">
<script type="module" src="${searchScriptUrl()}"></script>
<script type="module" src="${printScriptUrl()}"></script>${searchMetadata(page, pageUrl)}
</head>
<body>${symbols ? trusted(symbols) : ""}
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="${homeUrl()}">${site.title}</a>${searchForm(url)}
<nav aria-label="Main">
<ul>
<li><a href="${organisationsUrl()}">Organisations</a></li>
<li><a href="${timelineUrl()}">All inspections</a></li>
<li><a href="${nationalUrl()}">National picture</a></li>
<li><a href="${frameworksUrl()}">Frameworks</a></li>
<li><a href="${gradesUrl()}">What grades mean</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1"${noindex ? "" : unsearched ? html` data-pagefind-ignore="all"` : html` data-pagefind-body`}>
${content}${organisation && hasOrganisationFeeds(site) ? html`\n${followOrganisation(organisation)}` : ""}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${site.licence}</p>
<p>Published by ${site.publisher}. <a href="${feedUrl()}" type="application/atom+xml">New inspections as a feed</a>. <a href="${openDataUrl()}">Open data</a>.</p>
<p class="print-only">Printed from <span data-printed-from>${pageUrl}</span><span data-printed-on></span>.</p>
</div>
</footer>
</body>
</html>
`.toString();
}
