/**
 * Site search: the filters each page offers the search index, as shortcodes for base.njk.
 * The index itself is built after Eleventy, on the staging folder (src/cli/search-index.ts);
 * the search page is layouts/search.njk and its script layouts/assets/search.js.
 */
import { inspectionSearchFilters, organisationSearchFilters } from "../render/search.ts";
import type { EleventyConfig } from "./types.ts";

export default function searchPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addShortcode("inspectionSearchFilters", (...args: Parameters<typeof inspectionSearchFilters>) => inspectionSearchFilters(...args).toString());
  eleventyConfig.addShortcode("organisationSearchFilters", (...args: Parameters<typeof organisationSearchFilters>) => organisationSearchFilters(...args).toString());
}
