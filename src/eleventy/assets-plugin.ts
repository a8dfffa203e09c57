/**
 * Static files: the stylesheet, scripts and icon are copied as they are; no build step, no
 * web fonts. The embed pages' stylesheet is a template (layouts/embed-css.11ty.ts) made
 * from site.css and layouts/embed.css, which is watched here as it is not a template.
 * https://www.11ty.dev/docs/copy/
 */
import type { EleventyConfig } from "./types.ts";

export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
  eleventyConfig.addWatchTarget("./layouts/embed.css");
}
