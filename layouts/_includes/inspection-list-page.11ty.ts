/** A page of a list of inspections (layouts/inspection-list.11ty.ts): src/render/pages.ts in the page shell. */
import type { PageData } from "../../src/eleventy/types.ts";
import type { InspectionFilter } from "../../src/model/listings.ts";
import type { ListingPage } from "../../src/render/listings.ts";
import { pageShell } from "../../src/render/page-shell.ts";
import { listingPage } from "../../src/render/pages.ts";

export function render(
  data: PageData & { listing: ListingPage; inspectionFilters: readonly InspectionFilter[] },
): string {
  return pageShell({
    site: data.site,
    url: data.page.url,
    images: data.images,
    ...listingPage(data.listing, data.inspectionFilters),
  });
}
