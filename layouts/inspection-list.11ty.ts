/**
 * The lists of inspections by inspectorate, framework and grade, a page of them at a time
 * (src/render/listings.ts). Rendered by its layout (_includes/inspection-list-page.11ty.ts),
 * for the reason in inspection.11ty.ts.
 */
import type { ListingPage } from "../src/render/listings.ts";

export const data = {
  pagination: { data: "listingPages", size: 1, alias: "listing" },
  permalink: (data: { listing: ListingPage }): string => data.listing.url,
  layout: "inspection-list-page.11ty.ts",
};

export function render(): string {
  return "";
}
