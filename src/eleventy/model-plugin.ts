/**
 * Gives every template the checked site model (`model`) and the site settings (`site`).
 * The model is built once per build; `npm run build` builds it before Eleventy starts and
 * hands it over with `primeModel`, so content is read and checked exactly once.
 */
import { isAbsolute } from "node:path";
import { loadSite } from "../content/index.ts";
import { loadSiteSettings } from "../content/site-settings.ts";
import type { SiteModel } from "../model/build-model.ts";
import type { EleventyConfig } from "./types.ts";

export interface ModelPluginOptions {
  /** The project folder. */
  root: string;
  /** The content folder, relative to root. */
  content: string;
}

let primed: SiteModel | undefined;

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
    primed = undefined;
  });
  eleventyConfig.addGlobalData("model", () => (model ??= loadSite(options.root, options.content)));
  eleventyConfig.addGlobalData("site", () => loadSiteSettings(options.root));
}
