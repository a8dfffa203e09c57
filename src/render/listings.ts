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
export const YEAR_PAGE_SIZE = 50;
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
  /** True when the list holds inspections by more than one inspectorate: its rows name each one's. */
  inspectorates: boolean;
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
 * Each year's inspections of a list, newest year first, each year newest first by day. A
 * list is newest first, so each year's inspections are usually one run, taken as a slice;
 * a list out of that order is grouped item by item.
 */
function inspectionsByYear(inspections: readonly Inspection[]): Map<number, Inspection[]> {
  const years = groupedByYear(inspections);
  for (const items of years.values()) newestByDay(items);
  return years;
}

/**
 * A year's inspections newest first by the day each is placed on (the day its row gives),
 * others in the list's order: a list of a source ordered by publication (the Care
 * Inspectorate's gradings) would otherwise read 19 November, 3 October, 19 December. Ties
 * keep the list's order. In place; a year already in that order (most are) is left as it is.
 */
function newestByDay(items: Inspection[]): void {
  if (items.every((inspection, index) => index === 0 || items[index - 1]!.placedOn >= inspection.placedOn)) return;
  // ISO days compare as plain strings: no collator, as this runs on every read of the preview.
  items.sort((a, b) => (a.placedOn < b.placedOn ? 1 : a.placedOn > b.placedOn ? -1 : 0));
}

/** The list's inspections by the year each is placed in, in the list's order. */
function groupedByYear(inspections: readonly Inspection[]): Map<number, Inspection[]> {
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
  const first = inspections[0]?.framework.inspectorate;
  const inspectorates = inspections.some((inspection) => inspection.framework.inspectorate !== first);
  return { type, key, title, inspections, years, byYear: grouped, inspectorates };
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

/** The first `count` of a list as its years' pages give them: newest year first, each by day. */
function newest(list: InspectionList, count: number): Inspection[] {
  const items: Inspection[] = [];
  for (const ofYear of list.byYear.values()) {
    items.push(...ofYear.slice(0, count - items.length));
    if (items.length === count) break;
  }
  return items;
}

/** The pages of every list: its first page, then each year's. */
export function listingPages(lists: readonly InspectionList[], pageSize = YEAR_PAGE_SIZE): ListingPage[] {
  return lists.flatMap((list) => [
    {
      url: listUrl(list.type, list.key),
      title: list.title,
      list,
      items: newest(list, LIST_NEWEST),
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
 * `folded`: under a summary (a year's pages, where on a phone the groups took 1,000 px
 * below every page of 50 rows).
 */
export function filterNav(
  filters: readonly InspectionFilter[],
  current?: Pick<InspectionList, "type" | "key">,
  folded = false,
): SafeHtml {
  const types = ["inspectorate", "framework", "grade"] as const;
  const groups = html`${types.map((type) => {
    const group = filters.filter((filter) => filter.type === type);
    if (group.length === 0) return "";
    return html`<div class="filter-group"><h2 class="filter-heading">${GROUP_HEADINGS[type]}</h2><ul>${group.map(
      (filter) =>
        filter.type === current?.type && filter.key === current.key
          ? html`<li><a href="${listUrl(filter.type, filter.key)}" aria-current="page">${filter.label}</a></li>`
          : html`<li><a href="${listUrl(filter.type, filter.key)}">${filter.label}</a></li>`,
    )}</ul></div>`;
  })}`;
  if (!folded)
    return html`<nav class="filters" aria-label="Narrow the list">
${groups}
</nav>`;
  return html`<nav aria-label="Narrow the list">
<details class="filters-folded"><summary>Other lists: by inspectorate, framework and grade</summary>
<div class="filters">${groups}</div>
</details>
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
