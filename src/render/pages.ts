/**
 * The three kinds of page there are thousands of: the explainer of an inspection, the
 * organisation's page and a page of a list of inspections. Each is the page's own markup
 * (what goes in <main>), its title and its description; src/render/page-shell.ts puts the
 * page around it. They are plain functions of the model, listed with their addresses in
 * site-pages.ts and written by src/eleventy/site-pages-plugin.ts, with no template engine:
 * rendering them through Nunjucks cost more than all the components in them together
 * (docs/performance.md).
 */
import type { MarkdownIt } from "markdown-it";
import type { InspectionFilter } from "../model/listings.ts";
import type { Inspection, Inspectorate, Organisation } from "../model/types.ts";
import { counted } from "../model/labels.ts";
import { verdictSentence } from "../model/sentence.ts";
import { dataNoteSummaries } from "./data-note.ts";
import { html, type SafeHtml } from "./html.ts";
import {
  comparisonSection,
  figuresList,
  improvementsList,
  inspectionFacts,
  judgementsTable,
  quotesList,
  sourceBlock,
  verdict,
} from "./inspection.ts";
import { filterNav, yearNav, type ListingPage } from "./listings.ts";
import { inspectionRows } from "./lists.ts";
import { renderMarkdown } from "./markdown.ts";
import { closedPhrase, ratingsInForceSection } from "./ratings.ts";
import { hasClosed } from "../model/open.ts";
import { shareTools, type ShareToolsOptions } from "./share-tools.ts";
import { storyWindow, timeline, trajectorySection } from "./timeline.ts";
import { frameworkUrl, organisationUrl, timelineUrl } from "./urls.ts";

export interface PageParts {
  title: string;
  description: string;
  content: SafeHtml;
  /** A list of other pages (the A to Z, a region's or type's page, a list of inspections): left out of the search index, so that a search finds the page a list leads to. */
  unsearched?: boolean;
}

/** A section with a heading that labels it. */
function section(id: string, heading: string | SafeHtml, body: SafeHtml): SafeHtml {
  return html`<section aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${heading}</h2>
${body}
</section>
`;
}

export function explainerPage(inspection: Inspection, md: MarkdownIt, sharing: ShareToolsOptions): PageParts {
  const organisation = inspection.organisation;
  const home = organisationUrl(organisation);
  return {
    title: `${organisation.name}: ${inspection.title}`,
    description: verdictSentence(inspection),
    content: html`<p class="breadcrumb"><a href="${home}">${organisation.name}</a></p>
<h1>${inspection.title}</h1>
${verdict(inspection)}
${inspectionFacts(inspection)}
${section(
  "compare",
  "What changed since last time",
  html`${comparisonSection(inspection)}
${shareTools(inspection, sharing)}`,
)}${
      inspection.bodyMarkdown.trim()
        ? section("explainer", "The inspection explained", renderMarkdown(inspection.bodyMarkdown, md))
        : ""
    }${inspection.judgements.length ? section("judgements", "The judgements and what they mean", judgementsTable(inspection)) : ""}${
      inspection.improvements.length ? section("improve", "What needs to improve", improvementsList(inspection)) : ""
    }${inspection.quotes.length ? section("quotes", "What people said", quotesList(inspection)) : ""}${
      inspection.figures.length ? section("figures", "In figures", figuresList(inspection)) : ""
    }${section("source", "Source", sourceBlock(inspection))}${section("story", html`Where this sits in ${organisation.name}'s story`, storyWindow(inspection))}`,
  };
}

/** Where the organisation's kind and region are browsed (src/render/directory.ts), when they are. */
export interface OrganisationLinks {
  kind?: string;
  region?: string;
}

function kindAndRegion(organisation: Organisation, links: OrganisationLinks): SafeHtml {
  const kind = links.kind ? html`<a href="${links.kind}">${organisation.kind}</a>` : html`${organisation.kind}`;
  if (!organisation.region) return kind;
  return html`${kind}, ${links.region ? html`<a href="${links.region}">${organisation.region}</a>` : organisation.region}`;
}

/** The data notes of the inspectorates of an organisation's inspections, each linking to the framework of its latest one there. */
function organisationDataNotes(organisation: Organisation): SafeHtml {
  const latest = new Map<Inspectorate, Inspection>();
  for (const inspection of organisation.inspections) latest.set(inspection.framework.inspectorate, inspection);
  return dataNoteSummaries(latest.keys(), (inspectorate) => frameworkUrl(latest.get(inspectorate)!.framework));
}

/** `asAt`: the day the site is as at (its latest report), for the ratings in force. */
export function organisationPage(
  organisation: Organisation,
  md: MarkdownIt,
  asAt: string,
  links: OrganisationLinks = {},
): PageParts {
  return {
    title: organisation.name,
    description: `Every inspection of ${organisation.name} on this site, with the context around them.`,
    content: html`<h1>${organisation.name}</h1>
<p class="lede">${kindAndRegion(organisation, links)}.</p>
${hasClosed(organisation) ? html`<p class="closed-note"><strong>${closedPhrase(organisation)}</strong> Its page is kept; it is not counted in the national pictures after it closed.</p>\n` : ""}${organisation.example ? html`<p class="example-note"><strong>Example:</strong> this organisation is made up, to show how the site works.</p>\n` : ""}${
      organisation.bodyMarkdown.trim() ? renderMarkdown(organisation.bodyMarkdown, md) : ""
    }${organisationDataNotes(organisation)}${section("ratings", hasClosed(organisation) ? "Ratings when it closed" : "Ratings in force", ratingsInForceSection(organisation, asAt))}${section("trajectory", "Grades over time", trajectorySection(organisation, ""))}${section(
      "timeline",
      "Timeline",
      html`<p>Inspections, visits that were not graded, and the context around them, oldest first.</p>
${timeline(organisation.timeline)}`,
    )}${organisation.website ? html`<p><a href="${organisation.website}">${organisation.name}'s website</a></p>\n` : ""}`,
  };
}

/** A page of a list of inspections (src/render/listings.ts): the list's first page, or a page of one of its years. */
export function listingPage(listing: ListingPage, filters: readonly InspectionFilter[]): PageParts {
  const { list, year } = listing;
  const pager =
    listing.pageCount > 1
      ? html`<nav class="pager" aria-label="Pages of ${year}">
${listing.previousUrl ? html`<a rel="prev" href="${listing.previousUrl}">Newer inspections</a>\n` : ""}${
          listing.nextUrl ? html`<a rel="next" href="${listing.nextUrl}">Older inspections</a>\n` : ""
        }</nav>
`
      : "";
  const lede =
    year === undefined
      ? html`<p class="lede">${counted(list.inspections.length, "inspection")}, newest first. By year:</p>`
      : html`<p class="lede">${counted(list.years.find((entry) => entry.year === year)?.count ?? 0, "inspection")} in ${year}, newest first${listing.pageCount > 1 ? `: page ${listing.pageNumber} of ${listing.pageCount}` : ""}. Other years:</p>`;
  const newest =
    year === undefined
      ? list.years.length > 0
        ? html`<h2>The newest</h2>\n${inspectionRows(listing.items, list.inspectorates)}`
        : ""
      : html`<h2 class="visually-hidden">The inspections of ${year}${listing.pageCount > 1 ? `, page ${listing.pageNumber}` : ""}</h2>\n${inspectionRows(listing.items, list.inspectorates)}`;
  return {
    unsearched: true,
    title: listing.title,
    description: `${listing.title}, newest first.`,
    content: html`${list.type === "all" ? "" : html`<p class="breadcrumb"><a href="${timelineUrl()}">All inspections</a></p>\n`}<h1>${listing.title}</h1>
${lede}
${yearNav(list, year)}
${newest}
${pager}${filterNav(filters, list, year !== undefined)}`,
  };
}
