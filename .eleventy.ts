/**
 * Eleventy's configuration: wiring only. The site is one plugin (src/eleventy/site-plugin.ts),
 * its options the only way in. `explainers build` adds it itself with the Site it checked
 * (src/cli/build-pages.ts), and so does `explainers start` with its options
 * (src/preview/preview-site.ts), so this file then adds nothing; Eleventy run on its own
 * (`npx @11ty/eleventy --serve`) takes no options of ours, and it is added here, with a
 * Site read for each build and the options' defaults from the environment.
 *
 * Eleventy runs in the site's folder, which is this one only in a fork
 * (src/package-folder.ts): its input is the site's layouts/, the site owner's own pages;
 * the page shell they name is this package's.
 */
import sitePlugin from "./src/eleventy/site-plugin.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";
import { eleventyDirectories, siteFolders } from "./src/package-folder.ts";
import { addPreviewSite, previewOptions } from "./src/preview/preview-site.ts";

export default function (eleventyConfig: EleventyConfig): { pathPrefix?: string; dir: Record<string, string> } {
  // The site's folder: the one Eleventy runs in, as it reads every folder it is given from there.
  const root = process.cwd();
  const dir = eleventyDirectories(siteFolders(root), root);
  if (eleventyConfig.hasPlugin(sitePlugin)) return { dir };
  // Eleventy run on its own: the preview's options from the environment (src/preview/preview-site.ts).
  const site = addPreviewSite(eleventyConfig, root, previewOptions(root));
  // Set here rather than in `config` below, as it comes from the site's settings.
  return { dir, pathPrefix: site().settings.pathPrefix };
}

export const config = {
  // A site owner's own pages (an "About" page) are Markdown or Nunjucks files in layouts/ (docs/publishing.md).
  templateFormats: ["njk", "md", "11ty.ts"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: "njk",
};
