/**
 * Eleventy's configuration: wiring only. The site is one plugin (src/eleventy/site-plugin.ts),
 * its options the only way in. `explainers build` adds it itself with the Site it checked
 * (src/cli/build-pages.ts), so this file then adds nothing; under `explainers start` (or
 * Eleventy run on its own) it is added here, with a Site read for each build and the
 * options from the environment, as `eleventy --serve` takes no options of ours.
 *
 * Eleventy runs in the site's folder, which is this one only in a fork
 * (src/package-folder.ts): its input is the site's layouts/, the site owner's own pages;
 * the page shell they name is this package's.
 */
import { join } from "node:path";
import { currentSite } from "./src/preview/current-site.ts";
import sitePlugin from "./src/eleventy/site-plugin.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";
import { eleventyDirectories, siteFolders } from "./src/package-folder.ts";
import { readSite } from "./src/site.ts";

export default function (eleventyConfig: EleventyConfig): { pathPrefix?: string; dir: Record<string, string> } {
  // The site's folder: the one Eleventy runs in, as it reads every folder it is given from there.
  const root = process.cwd();
  const dir = eleventyDirectories(siteFolders(root), root);
  if (eleventyConfig.hasPlugin(sitePlugin)) return { dir };
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
  return { dir, pathPrefix: site().settings.pathPrefix };
}

export const config = {
  // A site owner's own pages (an "About" page) are Markdown or Nunjucks files in layouts/ (docs/publishing.md).
  templateFormats: ["njk", "md", "11ty.ts"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: "njk",
};
