/**
 * Gives every template the checked site model (`model`), the site settings (`site`), and
 * the filters over the list of inspections (`inspectionFilters`, `listingPages`) and the
 * national picture (`national`).
 * The model is built once per build; `npm run build` builds it before Eleventy starts and
 * hands it over with `primeModel`, so content is read and checked exactly once.
 */
import { isAbsolute } from "node:path";
import { loadSite } from "../content/index.ts";
import { loadSiteSettings } from "../content/site-settings.ts";
import type { SiteModel } from "../model/build-model.ts";
import { inspectionFilters, type InspectionFilter } from "../model/listings.ts";
import { nationalPicture } from "../model/national.ts";
import { listingPages } from "../render/listings.ts";
import type { EleventyConfig } from "./types.ts";

export interface ModelPluginOptions {
  /** The project folder. */
  root: string;
  /** The content folder, relative to root. */
  content: string;
}

let primed: SiteModel | undefined;
let built: SiteModel | undefined;

/** The model of the build that is running or has just run, for plugins that write files after it. */
export function builtModel(): SiteModel | undefined {
  return built;
}

/** Lets the next build use a model already built and checked by the caller. */
export function primeModel(model: SiteModel): void {
  primed = model;
}

export default function modelPlugin(eleventyConfig: EleventyConfig, options: ModelPluginOptions): void {
  if (!options?.root || !options.content) throw new Error("modelPlugin needs the `root` and `content` options.");
  let model: SiteModel | undefined;
  eleventyConfig.addWatchTarget(isAbsolute(options.content) ? options.content : `./${options.content}/`);
  eleventyConfig.addWatchTarget("./site.yaml");
  eleventyConfig.on("eleventy.before", () => {
    model = primed;
    built = undefined;
    primed = undefined;
  });
  const currentModel = () => (built = model ??= loadSite(options.root, options.content));
  let filters: InspectionFilter[] | undefined;
  eleventyConfig.on("eleventy.before", () => {
    filters = undefined;
  });
  const currentFilters = () => (filters ??= inspectionFilters(currentModel()));
  eleventyConfig.addGlobalData("model", currentModel);
  eleventyConfig.addGlobalData("inspectionFilters", currentFilters);
  eleventyConfig.addGlobalData("listingPages", () => listingPages(currentFilters()));
  eleventyConfig.addGlobalData("national", () => {
    const model = currentModel();
    return nationalPicture(model.organisations, model.frameworks);
  });
  eleventyConfig.addGlobalData("site", () => loadSiteSettings(options.root));
}
