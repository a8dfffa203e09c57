/**
 * The whole site as one Eleventy plugin, its options the only way in: the Site
 * (src/site.ts) of the build that is running, whether to draw pictures, where their cache
 * is, and whether the preview indexes for search. Each concern is a plugin of its own in
 * this folder, each given the Site it needs.
 *
 * `npm run build` adds it itself, with the Site it checked (src/cli/build-pages.ts), from
 * the `config` callback Eleventy runs before the configuration file; `.eleventy.ts` adds
 * it under `npm start` (or Eleventy run on its own), with a Site read for each build. The
 * first added is the one kept (`unique`: https://www.11ty.dev/docs/create-plugin/), so
 * `.eleventy.ts` sees it there and adds nothing.
 */
import { HtmlBasePlugin } from "@11ty/eleventy";
import { siteFolders } from "../package-folder.ts";
import type { Site } from "../site.ts";
import assetsPlugin from "./assets-plugin.ts";
import cmsPlugin from "./cms-plugin.ts";
import componentsPlugin from "./components-plugin.ts";
import livePreviewPlugin from "../preview/live-preview-plugin.ts";
import openDataPlugin from "./open-data-plugin.ts";
import previewSearchPlugin from "../preview/preview-search-plugin.ts";
import publishingPlugin from "./publishing-plugin.ts";
import sharingPlugin from "./sharing-plugin.ts";
import siteDataPlugin from "./site-data-plugin.ts";
import sitePagesPlugin from "./site-pages-plugin.ts";
import type { EleventyConfig } from "./types.ts";

export interface SitePluginOptions {
  /** The Site of the build that is running: the one `npm run build` checked, or src/preview/current-site.ts's. */
  site: () => Site;
  /** Draw the share images and the charts' PNGs (`npm run build -- --no-images` does not); pages name them. */
  images: boolean;
  /** False: the pictures are named but not drawn; `npm run build` with a host draws them after planning (src/publishing/fit.ts). */
  drawImages?: boolean;
  /** Where drawn pictures are kept between builds (docs/publishing.md, "The image cache"). */
  imageCache: string;
  /** `npm start`: index the preview for search after each build. */
  previewSearch: boolean;
}

export default function sitePlugin(eleventyConfig: EleventyConfig, options: SitePluginOptions): void {
  if (typeof options?.site !== "function") throw new Error("sitePlugin needs the `site` option (a function).");
  const { site, images } = options;
  const { settings } = site();
  // What runs after the build runs in the order added below: the pages are written before
  // what reads the output folder (`_headers`, the preview's search index).
  // https://www.11ty.dev/docs/events/
  eleventyConfig.setEventEmitterMode("sequential");
  // The layout of a site owner's own pages is TypeScript (layouts/_includes/base.11ty.ts).
  // https://www.11ty.dev/docs/languages/typescript/ (tsx runs the build)
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  // The checked content model, the site settings and what is derived from them, as global data
  eleventyConfig.addPlugin(siteDataPlugin, { site });
  // Every page the site generates (src/render/site-pages.ts), written one at a time after
  // Eleventy's own pages, and the sitemap from the same list (docs/performance.md)
  eleventyConfig.addPlugin(sitePagesPlugin, { site, images });
  // npm start: content problems as a page at every address, and in the terminal
  eleventyConfig.addPlugin(livePreviewPlugin, { site });
  // Components as shortcodes and URL helpers as filters, for a site owner's own pages
  eleventyConfig.addPlugin(componentsPlugin, { allowHtmlInMarkdown: settings.allowHtmlInMarkdown });
  // Inspections, judgements and organisations as CSV and JSON, with their schemas
  eleventyConfig.addPlugin(openDataPlugin, { site });
  // Stylesheet and other static files: the package's, and the site's own (package-folder.ts)
  eleventyConfig.addPlugin(assetsPlugin, { folders: siteFolders(site().root) });
  // Share images, the comparison chart's downloads, icons and the web manifest; pictures are cached between builds
  eleventyConfig.addPlugin(sharingPlugin, { site, images, cacheFolder: options.imageCache, draw: options.drawImages });
  // The content manager at /admin/, when site.yaml sets `cms`
  eleventyConfig.addPlugin(cmsPlugin, { site });
  // The _headers file (Content-Security-Policy), from what is at the top of the output: after everything that writes there
  eleventyConfig.addPlugin(publishingPlugin, { site });
  // npm start: the search index of the preview, rebuilt after each build
  eleventyConfig.addPlugin(previewSearchPlugin, { site, enabled: options.previewSearch });
  // Every root-relative link honours the path prefix (https://www.11ty.dev/docs/plugins/html-base/)
  eleventyConfig.addPlugin(HtmlBasePlugin);
}
// The first `addPlugin` of it wins: `npm run build`'s, before .eleventy.ts's.
sitePlugin.eleventyPluginOptions = { unique: true };
