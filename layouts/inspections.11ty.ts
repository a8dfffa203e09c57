/** Every inspection, newest first, fifty to a page, with the ways to narrow the list (src/render/pages.ts). */
import type { PageData } from "../src/eleventy/types.ts";
import type { InspectionFilter } from "../src/model/listings.ts";
import type { Inspection } from "../src/model/types.ts";
import { timelinePage } from "../src/render/pages.ts";
import { timelineUrl } from "../src/render/urls.ts";

interface TimelineData {
  pagination: { pageNumber: number; pages: unknown[]; items: Inspection[] };
  inspectionFilters: readonly InspectionFilter[];
}

export const data = {
  layout: "base.11ty.ts",
  pagination: { data: "model.inspections", size: 50 },
  permalink: (data: TimelineData): string => timelineUrl(data.pagination.pageNumber + 1),
  eleventyComputed: {
    title: (data: TimelineData): string =>
      data.pagination.pageNumber > 0 ? `All inspections, page ${data.pagination.pageNumber + 1}` : "All inspections",
  },
  description: "Every inspection on this site, newest first.",
};

export function render(data: PageData & TimelineData): string {
  const { pageNumber, pages, items } = data.pagination;
  return timelinePage(items, pageNumber + 1, pages.length, data.inspectionFilters).toString();
}
