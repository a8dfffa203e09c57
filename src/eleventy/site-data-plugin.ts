/**
 * Gives every template the Site (src/site.ts) as global data: the checked model
 * (`model`), the site settings (`site`), the filters over the list of inspections
 * (`inspectionFilters`) and the national picture, as at the latest report
 * (`national`) and at each date site.yaml chooses (`nationalPictures`).
 * https://www.11ty.dev/docs/data-global-custom/
 */
import type { Site } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export interface SiteDataPluginOptions {
  /** The Site of the build that is running (src/preview/current-site.ts). */
  site: () => Site;
}

export default function siteDataPlugin(eleventyConfig: EleventyConfig, options: SiteDataPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("siteDataPlugin needs the `site` option (src/preview/current-site.ts).");
  const { site } = options;
  eleventyConfig.addGlobalData("model", () => site().model);
  eleventyConfig.addGlobalData("site", () => site().settings);
  eleventyConfig.addGlobalData("inspectionFilters", () => site().inspectionFilters);
  eleventyConfig.addGlobalData("national", () => site().national);
  eleventyConfig.addGlobalData("nationalPictures", () => site().nationalPictures);
  // A function: the parts are worked out only when the open data page asks for them.
  eleventyConfig.addGlobalData("openDataParts", () => site().openDataParts);
}
