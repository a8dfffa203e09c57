/**
 * Gives every template the checked site model (`model`), the site settings (`site`), and
 * the filters over the list of inspections (`inspectionFilters`, `listingPages`) and the
 * national picture (`national`).
 * The model is built once per build; `npm run build` builds it before Eleventy starts and
 * hands it over with `primeModel`, so content is read and checked exactly once.
 */
import { isAbsolute } from "node:path";
import { loadSite } from "../content/index.ts";
import { ContentError, type ContentProblem } from "../content/problems.ts";
import { loadSiteSettings } from "../content/site-settings.ts";
import { buildModel, type SiteModel } from "../model/build-model.ts";
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

let problems: readonly ContentProblem[] = [];

/**
 * Watch and serve runs only (`npm start`): the problems that kept the latest build from
 * the content. Such a build goes on with an empty model instead of failing, so the live
 * preview can show the problems and recover when they are fixed (live-preview-plugin.ts).
 * `npm run build` still stops at the first sign of them.
 */
export function previewProblems(): readonly ContentProblem[] {
  return problems;
}

/** Lets the next build use a model already built and checked by the caller. */
export function primeModel(model: SiteModel): void {
  primed = model;
}

export default function modelPlugin(eleventyConfig: EleventyConfig, options: ModelPluginOptions): void {
  if (!options?.root || !options.content) throw new Error("modelPlugin needs the `root` and `content` options.");
  // What one build has computed; cleared before the next.
  let model: SiteModel | undefined;
  let filters: InspectionFilter[] | undefined;
  eleventyConfig.addWatchTarget(isAbsolute(options.content) ? options.content : `./${options.content}/`);
  eleventyConfig.addWatchTarget("./site.yaml");
  let runMode = "build";
  eleventyConfig.on("eleventy.before", (details) => {
    model = primed;
    built = undefined;
    primed = undefined;
    filters = undefined;
    runMode = details.runMode ?? "build";
  });
  const load = (): SiteModel => {
    try {
      const loaded = loadSite(options.root, options.content);
      problems = [];
      return loaded;
    } catch (error) {
      if (runMode === "build" || !(error instanceof ContentError)) throw error;
      problems = error.problems;
      return buildModel({
        inspectorates: [],
        scales: [],
        frameworks: [],
        organisations: [],
        inspections: [],
        events: [],
      });
    }
  };
  const currentModel = () => (built = model ??= load());
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
