/**
 * Search in `npm start`: after each build of the preview, Pagefind indexes it, as
 * `npm run build` does for the published site (src/search-index.ts), so the search
 * page finds what the preview shows and follows every change. The build waits for the
 * index, so the page reloads once both are ready. Not in `npm run build`, which indexes
 * its staging folder itself; not while the preview shows content problems instead of pages.
 * https://pagefind.app/docs/node-api/
 */
import { indexForSearch, SearchIndexError } from "../search-index.ts";
import type { Site } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export interface PreviewSearchPluginOptions {
  /** The Site of the build that is running (current-site.ts). */
  site: () => Site;
}

export default function previewSearchPlugin(eleventyConfig: EleventyConfig, options: PreviewSearchPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("previewSearchPlugin needs the `site` option (current-site.ts).");
  const { site } = options;
  eleventyConfig.on("eleventy.after", async ({ runMode, directories }) => {
    if ((runMode !== "serve" && runMode !== "watch") || !directories || site().problems.length > 0) return;
    try {
      const index = await indexForSearch(directories.output);
      console.log(`Search: indexed ${index.pages} pages of the preview.`);
    } catch (error) {
      // The preview goes on without search, and says why.
      console.error(error instanceof SearchIndexError ? error.message : error);
    }
  });
}
