/**
 * Eleventy's configuration: wiring only. Each concern is a plugin in src/eleventy/, each
 * given the Site (src/site.ts) it needs; page skeletons are in layouts/, content in content/.
 */
import { HtmlBasePlugin } from "@11ty/eleventy";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import assetsPlugin from "./src/eleventy/assets-plugin.ts";
import cmsPlugin from "./src/eleventy/cms-plugin.ts";
import componentsPlugin from "./src/eleventy/components-plugin.ts";
import { currentSite } from "./src/eleventy/current-site.ts";
import livePreviewPlugin from "./src/eleventy/live-preview-plugin.ts";
import openDataPlugin from "./src/eleventy/open-data-plugin.ts";
import previewSearchPlugin from "./src/eleventy/preview-search-plugin.ts";
import publishingPlugin from "./src/eleventy/publishing-plugin.ts";
import sharingPlugin from "./src/eleventy/sharing-plugin.ts";
import siteDataPlugin from "./src/eleventy/site-data-plugin.ts";
import sitePagesPlugin, { modelPageList } from "./src/eleventy/site-pages-plugin.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";
import { readSite } from "./src/site.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

export default function (eleventyConfig: EleventyConfig): { pathPrefix: string } {
  // The Site `npm run build` checked and passed in; under `npm start`, the one each build reads.
  // `npm run build -- --content <folder>` builds another content folder (imports, benchmarks).
  const site = currentSite(eleventyConfig, (memory) =>
    readSite(root, process.env.EXPLAINERS_CONTENT ?? "content", process.env, memory),
  );
  const { settings } = site();
  const images = process.env.EXPLAINERS_IMAGES !== "off";
  // What runs after the build runs in the order added below: the model's pages are written
  // before what reads them (the sitemap and headers, the preview's search index).
  // https://www.11ty.dev/docs/events/
  eleventyConfig.setEventEmitterMode("sequential");

  // The pages there are thousands of (explainers, organisations, lists, the list of all
  // inspections) and the page shell are TypeScript functions of the model, run without a
  // template engine (docs/performance.md).
  // https://www.11ty.dev/docs/languages/typescript/ (tsx runs the build)
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  // The checked content model, the site settings and what is derived from them, as global data
  eleventyConfig.addPlugin(siteDataPlugin, { site });
  // The thousands of pages of the model (explainers, embed pages, organisations, lists),
  // written one at a time after Eleventy's own pages (docs/performance.md)
  const modelPages = modelPageList();
  eleventyConfig.addPlugin(sitePagesPlugin, { site, images, list: modelPages });
  // npm start: content problems as a page at every address, and in the terminal
  eleventyConfig.addPlugin(livePreviewPlugin, { site });
  // Render components as shortcodes, URL helpers as filters
  eleventyConfig.addPlugin(componentsPlugin, { allowHtmlInMarkdown: settings.allowHtmlInMarkdown });
  // Inspections, judgements and organisations as CSV and JSON, with their schemas
  eleventyConfig.addPlugin(openDataPlugin, { site });
  // Stylesheet and other static files
  eleventyConfig.addPlugin(assetsPlugin);
  // Share images, the comparison chart's downloads, icons and the web manifest; pictures are
  // cached between builds (`npm run build -- --no-images` skips the share images and chart PNGs)
  eleventyConfig.addPlugin(sharingPlugin, {
    site,
    images,
    cacheFolder: process.env.EXPLAINERS_IMAGE_CACHE ?? join(root, ".cache/images"),
  });
  // The content manager at /admin/, when site.yaml sets `cms`
  eleventyConfig.addPlugin(cmsPlugin, { site });
  // sitemap.xml, the _headers file (Content-Security-Policy) and JSON-LD; robots.txt and 404 are in layouts/
  eleventyConfig.addPlugin(publishingPlugin, { site, modelPages });
  // npm start: the search index of the preview, rebuilt after each build
  eleventyConfig.addPlugin(previewSearchPlugin, { site, enabled: process.env.EXPLAINERS_PREVIEW_SEARCH !== "off" });
  // Every root-relative link honours the path prefix (https://www.11ty.dev/docs/plugins/html-base/)
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // Set here rather than in `config` below, as it comes from the site's settings.
  return { pathPrefix: settings.pathPrefix };
}

export const config = {
  dir: { input: "layouts", includes: "_includes" },
  templateFormats: ["njk", "11ty.ts"],
  htmlTemplateEngine: "njk",
};
