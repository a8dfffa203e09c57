/**
 * The lists of inspections: every inspection, and each filter (by inspectorate, framework
 * and grade), newest first. Each list has a page that leads into it (how many, by year,
 * and the newest), and a page for each year, cut into pages of a fixed size when a year
 * has more. By year rather than by position in the whole list: an inspection added or
 * moved changes the pages of its year only, not every page after it (which the preview,
 * re-writing only what an edit touches, relies on), and a reader can go straight to a year.
 * Without JavaScript, a filter is just a link.
 */
import type { InspectionFilter } from "../model/listings.ts";
import type { Inspection } from "../model/types.ts";
import { html, type SafeHtml } from "./html.ts";
import { listUrl } from "./urls.ts";

/** Inspections on a page of a year. */
export const YEAR_PAGE_SIZE = 100;
/** The newest inspections on a list's first page. */
export const LIST_NEWEST = 20;

/** A list: every inspection (type `all`), or one filter's. */
export interface InspectionList {
  type: InspectionFilter["type"] | "all";
  key: string;
  /** "All inspections", or what the filter selects ("by Ofsted"). */
  title: string;
  /** Newest first. */
  inspections: Inspection[];
  /** Each year with inspections, newest first. */
  years: { year: number; count: number; url: string }[];
  /** The inspections of each year, newest year first. */
  byYear: ReadonlyMap<number, readonly Inspection[]>;
}

export interface ListingPage {
  url: string;
  title: string;
  list: InspectionList;
  /** The year of a year's page; none for the list's first page. */
  year?: number;
  items: Inspection[];
  pageNumber: number;
  pageCount: number;
  previousUrl?: string;
  nextUrl?: string;
}

const TYPE_WORDS: Record<InspectionFilter["type"], string> = {
  inspectorate: "by",
  framework: "under",
  grade: "with a judgement of",
};

const yearOfPlace = (inspection: Inspection): number => Number(inspection.placedOn.slice(0, 4));

/**
 * Each year's inspections of a list, newest year first. A list is newest first, so each
 * year's inspections are usually one run, taken as a slice; a list out of that order is
 * grouped item by item.
 */
function inspectionsByYear(inspections: readonly Inspection[]): Map<number, Inspection[]> {
  const runs: [number, number][] = [];
  let last = "\u0000";
  inspections.forEach((inspection, index) => {
    if (inspection.placedOn.startsWith(last)) return;
    runs.push([yearOfPlace(inspection), index]);
    last = inspection.placedOn.slice(0, 4);
  });
  const years = new Map<number, Inspection[]>();
  if (new Set(runs.map(([year]) => year)).size === runs.length) {
    runs.forEach(([year, start], index) => years.set(year, inspections.slice(start, runs[index + 1]?.[1])));
    return new Map([...years].sort(([a], [b]) => b - a));
  }
  for (const inspection of inspections) {
    const year = yearOfPlace(inspection);
    const items = years.get(year);
    if (items) items.push(inspection);
    else years.set(year, [inspection]);
  }
  return new Map([...years].sort(([a], [b]) => b - a));
}

function listOf(type: InspectionList["type"], key: string, title: string, inspections: Inspection[]): InspectionList {
  const grouped = inspectionsByYear(inspections);
  const years = [...grouped].map(([year, items]) => ({ year, count: items.length, url: listUrl(type, key, year) }));
  return { type, key, title, inspections, years, byYear: grouped };
}

/** Every inspection, then each filter, as lists. */
export function inspectionLists(all: readonly Inspection[], filters: readonly InspectionFilter[]): InspectionList[] {
  return [
    listOf("all", "", "All inspections", [...all]),
    ...filters.map((filter) =>
      listOf(filter.type, filter.key, `Inspections ${TYPE_WORDS[filter.type]} ${filter.label}`, filter.inspections),
    ),
  ];
}

function yearPages(list: InspectionList, year: number, items: readonly Inspection[], pageSize: number): ListingPage[] {
  const pageCount = Math.ceil(items.length / pageSize);
  return Array.from({ length: pageCount }, (_, index) => {
    const page: ListingPage = {
      url: listUrl(list.type, list.key, year, index + 1),
      title: `${list.title}, ${year}${pageCount > 1 ? `, page ${index + 1} of ${pageCount}` : ""}`,
      list,
      year,
      items: items.slice(index * pageSize, (index + 1) * pageSize),
      pageNumber: index + 1,
      pageCount,
    };
    if (index > 0) page.previousUrl = listUrl(list.type, list.key, year, index);
    if (index + 1 < pageCount) page.nextUrl = listUrl(list.type, list.key, year, index + 2);
    return page;
  });
}

/** The pages of every list: its first page, then each year's. */
export function listingPages(lists: readonly InspectionList[], pageSize = YEAR_PAGE_SIZE): ListingPage[] {
  return lists.flatMap((list) => [
    {
      url: listUrl(list.type, list.key),
      title: list.title,
      list,
      items: list.inspections.slice(0, LIST_NEWEST),
      pageNumber: 1,
      pageCount: 1,
    },
    ...[...list.byYear].flatMap(([year, items]) => yearPages(list, year, items, pageSize)),
  ]);
}

const GROUP_HEADINGS: Record<InspectionFilter["type"], string> = {
  inspectorate: "By inspectorate",
  framework: "By framework",
  grade: "By grade",
};

/**
 * Links to every filter, grouped; the current one marked. No counts: they are on each
 * list's own first page, so that a change to one list does not change every page of all.
 */
export function filterNav(
  filters: readonly InspectionFilter[],
  current?: Pick<InspectionList, "type" | "key">,
): SafeHtml {
  const types = ["inspectorate", "framework", "grade"] as const;
  return html`<nav class="filters" aria-label="Narrow the list">
${types.map((type) => {
  const group = filters.filter((filter) => filter.type === type);
  if (group.length === 0) return "";
  return html`<div class="filter-group"><h2 class="filter-heading">${GROUP_HEADINGS[type]}</h2><ul>${group.map(
    (filter) =>
      filter.type === current?.type && filter.key === current.key
        ? html`<li><a href="${listUrl(filter.type, filter.key)}" aria-current="page">${filter.label}</a></li>`
        : html`<li><a href="${listUrl(filter.type, filter.key)}">${filter.label}</a></li>`,
  )}</ul></div>`;
})}
</nav>`;
}

/** Links to each year of a list, with how many; the current year marked. */
export function yearNav(list: InspectionList, current?: number): SafeHtml {
  return html`<nav class="dates-nav" aria-label="${list.title} by year">
<ul class="inline-list">${list.years.map(({ year, count, url }) =>
    year === current
      ? html`<li><span aria-current="page">${year}</span> (${count.toLocaleString("en-GB")})</li>`
      : html`<li><a href="${url}">${year}</a> (${count.toLocaleString("en-GB")})</li>`,
  )}</ul>
</nav>`;
}
