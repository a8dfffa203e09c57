/**
 * Static filter pages for the list of all inspections: each filter cut into pages of a
 * fixed size, with the links between them. Without JavaScript, a filter is just a link.
 */
import type { InspectionFilter } from "../model/listings.ts";
import type { Inspection } from "../model/types.ts";
import { html, type SafeHtml } from "./html.ts";
import { filterUrl } from "./urls.ts";

export const PAGE_SIZE = 50;

export interface ListingPage {
  url: string;
  title: string;
  filter: InspectionFilter;
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

export function listingPages(filters: readonly InspectionFilter[], pageSize = PAGE_SIZE): ListingPage[] {
  return filters.flatMap((filter) => {
    const pageCount = Math.ceil(filter.inspections.length / pageSize);
    return Array.from({ length: pageCount }, (_, index) => {
      const page: ListingPage = {
        url: filterUrl(filter.type, filter.key, index + 1),
        title: `Inspections ${TYPE_WORDS[filter.type]} ${filter.label}${pageCount > 1 ? `, page ${index + 1} of ${pageCount}` : ""}`,
        filter,
        items: filter.inspections.slice(index * pageSize, (index + 1) * pageSize),
        pageNumber: index + 1,
        pageCount,
      };
      if (index > 0) page.previousUrl = filterUrl(filter.type, filter.key, index);
      if (index + 1 < pageCount) page.nextUrl = filterUrl(filter.type, filter.key, index + 2);
      return page;
    });
  });
}

const GROUP_HEADINGS: Record<InspectionFilter["type"], string> = {
  inspectorate: "By inspectorate",
  framework: "By framework",
  grade: "By grade",
};

/** Links to every filter, grouped; the current one marked. */
export function filterNav(filters: readonly InspectionFilter[], current?: InspectionFilter): SafeHtml {
  const types = ["inspectorate", "framework", "grade"] as const;
  return html`<nav class="filters" aria-label="Narrow the list">
${types.map((type) => {
  const group = filters.filter((filter) => filter.type === type);
  if (group.length === 0) return "";
  return html`<div class="filter-group"><h2 class="filter-heading">${GROUP_HEADINGS[type]}</h2><ul>${group.map(
    (filter) =>
      filter === current
        ? html`<li><a href="${filterUrl(filter.type, filter.key)}" aria-current="page">${filter.label}</a> (${filter.inspections.length})</li>`
        : html`<li><a href="${filterUrl(filter.type, filter.key)}">${filter.label}</a> (${filter.inspections.length})</li>`,
  )}</ul></div>`;
})}
</nav>`;
}
