/**
 * Eleventy's configuration: wiring only. The site is one plugin (src/eleventy/site-plugin.ts),
 * its options the only way in. `npm run build` adds it itself with the Site it checked
 * (src/cli/build-pages.ts), so this file then adds nothing; under `npm start` (or Eleventy
 * run on its own) it is added here, with a Site read for each build and the options from
 * the environment, as `eleventy --serve` takes no options of ours.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { currentSite } from "./src/preview/current-site.ts";
import sitePlugin from "./src/eleventy/site-plugin.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";
import { readSite } from "./src/site.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

export default function (eleventyConfig: EleventyConfig): { pathPrefix?: string } {
  if (eleventyConfig.hasPlugin(sitePlugin)) return {};
  // `EXPLAINERS_CONTENT=<folder> npm start` previews another content folder (imports, benchmarks).
  const site = currentSite(eleventyConfig, (memory) =>
    readSite(root, process.env.EXPLAINERS_CONTENT ?? "content", process.env, memory),
  );
  eleventyConfig.addPlugin(sitePlugin, {
    site,
    images: process.env.EXPLAINERS_IMAGES !== "off",
    imageCache: process.env.EXPLAINERS_IMAGE_CACHE ?? join(root, ".cache/images"),
    previewSearch: process.env.EXPLAINERS_PREVIEW_SEARCH !== "off",
  });
  // Set here rather than in `config` below, as it comes from the site's settings.
  return { pathPrefix: site().settings.pathPrefix };
}

export const config = {
  dir: { input: "layouts", includes: "_includes" },
  // A site owner's own pages (an "About" page) are Markdown or Nunjucks files in layouts/ (docs/publishing.md).
  templateFormats: ["njk", "md", "11ty.ts"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: "njk",
};
