/**
 * Ways to browse the organisations (src/model/directory.ts): the A to Z, which on a large
 * site leads to a page per letter, and a page for each region and each kind of
 * organisation (a council area, a type of care service), each cut into pages of
 * `DIRECTORY_PAGE_SIZE` so that no page grows with the site. A region's or kind's first
 * page links to its own national picture.
 */
import { pageStarts, type OrganisationDirectory, type OrganisationGroup } from "../model/directory.ts";
import type { NationalPicture } from "../model/national.ts";
import { formatDay } from "../model/dates.ts";
import { counted } from "../model/labels.ts";
import { html, type SafeHtml } from "./html.ts";
import { latestGraded, organisationRows } from "./lists.ts";
import { nationalPictureSection } from "./national.ts";
import type { PageParts } from "./pages.ts";
import {
  kindUrl,
  letterUrl,
  nationalKindUrl,
  nationalRegionUrl,
  nationalUrl,
  organisationsUrl,
  regionUrl,
} from "./urls.ts";

/**
 * Organisations on a page of a letter, region or kind: a page of at most about 5,000 px on
 * a phone 390 px wide (measured on the Care Inspectorate's services: at 35, a median of
 * 4,640 px and at most 5,560, where names run to three lines; docs/performance.md), where
 * 150 cards made pages of 20,000 px.
 */
export const DIRECTORY_PAGE_SIZE = 30;

export type GroupType = "letter" | "region" | "kind";

const URLS: Record<GroupType, (key: string, page?: number) => string> = {
  letter: letterUrl,
  region: regionUrl,
  kind: kindUrl,
};

export interface DirectoryPage {
  url: string;
  type: GroupType;
  group: OrganisationGroup;
  pageNumber: number;
  pageCount: number;
}

/** The A to Z lists everyone on one page up to this many organisations; past it, a page per letter. */
export const whole = (directory: OrganisationDirectory, pageSize = DIRECTORY_PAGE_SIZE): boolean =>
  directory.all.length <= pageSize;

/** Every page of every group: the letters' only when the A to Z is split. */
export function directoryPages(directory: OrganisationDirectory, pageSize = DIRECTORY_PAGE_SIZE): DirectoryPage[] {
  const groups: [GroupType, OrganisationGroup[]][] = [
    ["letter", whole(directory, pageSize) ? [] : directory.letters],
    ["region", directory.regions],
    ["kind", directory.kinds],
  ];
  return groups.flatMap(([type, list]) =>
    list.flatMap((group) => {
      const pageCount = Math.ceil(group.organisations.length / pageSize);
      return Array.from({ length: pageCount }, (_, index) => ({
        url: URLS[type](group.key, index + 1),
        type,
        group,
        pageNumber: index + 1,
        pageCount,
      }));
    }),
  );
}

function groupLinks(type: GroupType, groups: readonly OrganisationGroup[], current?: string): SafeHtml {
  return html`<ul class="inline-list">${groups.map((group) =>
    group.key === current
      ? html`<li><span aria-current="page">${group.label}</span> (${group.organisations.length.toLocaleString("en-GB")})</li>`
      : html`<li><a href="${URLS[type](group.key)}">${group.label}</a> (${group.organisations.length.toLocaleString("en-GB")})</li>`,
  )}</ul>`;
}

/** The ways to browse, for the A to Z and the home page: letters (when split), regions, kinds. */
export function browseNav(directory: OrganisationDirectory, pageSize = DIRECTORY_PAGE_SIZE): SafeHtml {
  const letters = whole(directory, pageSize)
    ? ""
    : html`<h2 id="by-letter">By name, A to Z</h2>\n${groupLinks("letter", directory.letters)}\n`;
  const regions = directory.regions.length
    ? html`<h2 id="by-region">By region</h2>\n${groupLinks("region", directory.regions)}\n`
    : "";
  const kinds = directory.kinds.length
    ? html`<h2 id="by-kind">By type</h2>\n${groupLinks("kind", directory.kinds)}\n`
    : "";
  return html`<nav class="browse" aria-label="Browse the organisations">
${letters}${regions}${kinds}</nav>`;
}

/** Whether any organisation's latest graded inspection is under a framework with a headline (overall) area: only then do the rows show one. */
const headlines = (directory: OrganisationDirectory): boolean =>
  directory.all.some((organisation) => latestGraded(organisation)?.framework.areas.some((area) => area.overall));

/** The A to Z: every organisation on a small site; on a large one, the ways in. */
export function organisationsIndexPage(directory: OrganisationDirectory, asAt: string): PageParts {
  const count = directory.all.length;
  const lede = asAt
    ? html`<p class="lede">${counted(count, "organisation")} and the latest graded inspection of each on this site, as at ${formatDay(asAt)}, the date of the latest report here.${headlines(directory) ? " A headline rating not judged at that inspection is shown with the year it stands from." : ""}</p>`
    : html`<p class="lede">${counted(count, "organisation")}.</p>`;
  return {
    unsearched: true,
    title: "Organisations A to Z",
    description: "Every organisation on this site, A to Z, by region and by type, with its latest graded inspection.",
    content: html`<h1>Organisations A to Z</h1>
${lede}
${browseNav(directory)}
${whole(directory) ? organisationRows(directory.all) : html`<p>Or search by name from the search box at the top of every page.</p>`}`,
  };
}

const TITLES: Record<GroupType, (label: string) => string> = {
  letter: (label) => `Organisations A to Z: ${label}`,
  region: (label) => `Organisations in ${label}`,
  kind: (label) => `${label}: every organisation of this type`,
};

/** Past this many pages, the thumb index of every page is folded under a summary, and the pages near this one are shown. */
export const PAGES_SHOWN = 12;

/**
 * The pages of a group, each named by where it starts (`pageStarts`: "Ab", "Acorn", "Ad"),
 * as one line of links that wraps; past `PAGES_SHOWN` pages (a hundred pages of nurseries),
 * the pages near this one, and every page folded under a summary, so that the pager does
 * not take a phone's screen. A screen reader hears "Page 2, from Acorn".
 */
function pager(page: DirectoryPage, pageSize: number): SafeHtml {
  if (page.pageCount < 2) return html``;
  const { organisations } = page.group;
  const starts = pageStarts(
    organisations.map((organisation) => organisation.name),
    pageSize,
  );
  const first = organisations[(page.pageNumber - 1) * pageSize]!;
  const last = organisations[Math.min(organisations.length, page.pageNumber * pageSize) - 1]!;
  const item = (index: number) =>
    index + 1 === page.pageNumber
      ? html`<li><span aria-current="page"><span class="visually-hidden">Page ${index + 1}, from </span>${starts[index]}</span></li>`
      : html`<li><a href="${URLS[page.type](page.group.key, index + 1)}"><span class="visually-hidden">Page ${index + 1}, from </span>${starts[index]}</a></li>`;
  const all = starts.map((_, index) => item(index));
  const intro = html`<p>Page ${page.pageNumber} of ${page.pageCount}: ${first.name} to ${last.name}.</p>`;
  if (page.pageCount <= PAGES_SHOWN)
    return html`<nav class="dates-nav" aria-label="Pages of ${page.group.label}">
${intro}
<p>Pages by the name each starts with:</p>
<ul class="inline-list page-list">${all}</ul>
</nav>`;
  const near = starts
    .map((_, index) => index)
    .filter((index) => Math.abs(index + 1 - page.pageNumber) <= 2 || index === 0 || index === page.pageCount - 1);
  return html`<nav class="dates-nav" aria-label="Pages of ${page.group.label}">
${intro}
<p>Pages near this one, by the name each starts with:</p>
<ul class="inline-list page-list">${near.map(item)}</ul>
<details class="page-index"><summary>All ${page.pageCount} pages</summary>
<ul class="inline-list page-list">${all}</ul>
</details>
</nav>`;
}

/** Under a page's list: the pages before and after it, with where they start and end. */
function pagerFoot(page: DirectoryPage, pageSize: number): SafeHtml {
  if (page.pageCount < 2) return html``;
  const { organisations } = page.group;
  const link = (pageNumber: number, rel: "prev" | "next") => {
    const first = organisations[(pageNumber - 1) * pageSize]!;
    const last = organisations[Math.min(organisations.length, pageNumber * pageSize) - 1]!;
    return html`<a href="${URLS[page.type](page.group.key, pageNumber)}" rel="${rel}"><span class="pager-label">${rel === "prev" ? "Previous" : "Next"} page</span>${first.name} to ${last.name}</a>`;
  };
  return html`<nav class="pager" aria-label="Previous and next pages of ${page.group.label}">
${page.pageNumber > 1 ? link(page.pageNumber - 1, "prev") : html`<span></span>`}${page.pageNumber < page.pageCount ? link(page.pageNumber + 1, "next") : ""}
</nav>`;
}

const OTHERS: Record<GroupType, string> = { letter: "letters", region: "regions", kind: "types" };

function pictureLink(page: DirectoryPage): SafeHtml {
  if (page.type === "letter") return html``;
  const url = page.type === "region" ? nationalRegionUrl(page.group.key) : nationalKindUrl(page.group.key);
  const which = page.type === "region" ? `in ${page.group.label}` : "of this type";
  return html`<p><a href="${url}">The ratings in force across the organisations ${which}</a>: how many hold each grade, and how many improved or declined.</p>\n`;
}

/** A page of a letter, region or kind: its organisations in name order, the other groups of its kind, and its pages. */
export function directoryPage(
  page: DirectoryPage,
  directory: OrganisationDirectory,
  pageSize = DIRECTORY_PAGE_SIZE,
): PageParts {
  const { group, type, pageNumber, pageCount } = page;
  const title = `${TITLES[type](group.label)}${pageCount > 1 ? `, page ${pageNumber} of ${pageCount}` : ""}`;
  const siblings = { letter: directory.letters, region: directory.regions, kind: directory.kinds }[type];
  const items = group.organisations.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    unsearched: true,
    title,
    description: `${TITLES[type](group.label)}: ${counted(group.organisations.length, "organisation")}, with the latest graded inspection of each.`,
    content: html`<p class="breadcrumb"><a href="${organisationsUrl()}">Organisations A to Z</a></p>
<h1>${title}</h1>
<p class="lede">${counted(group.organisations.length, "organisation")}, in name order.</p>
${pageNumber === 1 ? pictureLink(page) : ""}${pager(page, pageSize)}
${organisationRows(items, type === "letter" ? undefined : type)}
${pagerFoot(page, pageSize)}
<nav class="dates-nav" aria-label="Other ${OTHERS[type]}">
<p>Other ${OTHERS[type]}:</p>
${groupLinks(type, siblings, group.key)}
</nav>`,
  };
}

/** The national picture of one region's or one kind's organisations, as at the site's latest report. */
export function groupPicturePage(
  type: Exclude<GroupType, "letter">,
  group: OrganisationGroup,
  picture: NationalPicture,
): PageParts {
  const title = type === "region" ? `Ratings in force in ${group.label}` : `Ratings in force: ${group.label}`;
  const who = type === "region" ? `the organisations in ${group.label}` : `every ${group.label} organisation`;
  return {
    title,
    description: `The rating in force in every area of ${who} on this site, and how many improved or declined at their latest inspection.`,
    content: html`<p class="breadcrumb"><a href="${nationalUrl()}">The national picture</a></p>
<h1>${title}</h1>
<p>The national picture, for ${who} only (${counted(group.organisations.length, "organisation")}: <a href="${URLS[type](group.key)}">the list</a>). The pictures of <a href="${organisationsUrl()}#by-${type}">other ${type === "region" ? "regions" : "types"}</a>.</p>
${nationalPictureSection(picture, false)}`,
  };
}
