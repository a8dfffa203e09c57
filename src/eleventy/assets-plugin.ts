/**
 * Static files: the stylesheet is copied as it is; no build step, no web fonts.
 * https://www.11ty.dev/docs/copy/
 */
import type { EleventyConfig } from "./types.ts";

export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
}
