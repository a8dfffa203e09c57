/**
 * Search in `npm start`: Pagefind indexes the preview, as `npm run build` does for the
 * published site (src/search-index.ts), so the search page finds what the preview shows.
 * It runs beside the preview, not in its build: the page you edited reloads as soon as it
 * is written, and the index follows when Pagefind is done (the terminal says so). Saves
 * while it runs make it run once more at the end, not once each.
 *
 * Pagefind reads every page each time, and has no way to add one page to an index. On a
 * site of more than PREVIEW_SEARCH_LIMIT inspections the preview indexes once, at the
 * start, and says that its search is as at then: at 40,000 inspections (100,000 pages)
 * one index took minutes and gigabytes. Not in `npm run build`, which indexes its staging
 * folder itself; not while the preview shows content problems instead of pages.
 * https://pagefind.app/docs/node-api/
 */
import { indexForSearch, SearchIndexError } from "../search-index.ts";
import type { Site } from "../site.ts";
import type { EleventyConfig } from "../eleventy/types.ts";

export interface PreviewSearchPluginOptions {
  /** The Site of the build that is running (current-site.ts). */
  site: () => Site;
  /** Index the preview at all (EXPLAINERS_PREVIEW_SEARCH=off turns it off); on by default. */
  enabled?: boolean;
}

/** Past this many inspections, the preview indexes once, at the start. */
export const PREVIEW_SEARCH_LIMIT = 5000;

async function indexPreview(output: string): Promise<void> {
  try {
    const index = await indexForSearch(output);
    console.log(`Search: indexed ${index.pages} pages of the preview.`);
  } catch (error) {
    // The preview goes on without search, and says why.
    console.error(error instanceof SearchIndexError ? error.message : error);
  }
}

export default function previewSearchPlugin(eleventyConfig: EleventyConfig, options: PreviewSearchPluginOptions): void {
  if (typeof options?.site !== "function")
    throw new Error("previewSearchPlugin needs the `site` option (current-site.ts).");
  const { site } = options;
  let running = false;
  let again = false;
  let indexed = false;
  let told = false;
  const run = async (output: string) => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await indexPreview(output);
      } while (again);
    } finally {
      running = false;
    }
  };
  eleventyConfig.on("eleventy.after", ({ runMode, directories }) => {
    if (options.enabled === false) return;
    if ((runMode !== "serve" && runMode !== "watch") || !directories || site().problems.length > 0) return;
    if (indexed && site().model.inspections.length > PREVIEW_SEARCH_LIMIT) {
      if (!told)
        console.log(
          `Search: the preview's search is as at its start (past ${PREVIEW_SEARCH_LIMIT.toLocaleString("en-GB")} inspections it is not indexed again after each save); restart npm start to index it again.`,
        );
      told = true;
      return;
    }
    indexed = true;
    // Not awaited: the build ends, and the browser reloads, without waiting for the index.
    void run(directories.output);
  });
}
