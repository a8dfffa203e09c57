/**
 * The search index: Pagefind (the version pinned in package.json) reads the built HTML and
 * writes a static index to `pagefind/` beside it, which layouts/assets/search.js queries in
 * the browser. A step of its own after Eleventy, run on the staging folder so that a failed
 * index never reaches the published site.
 * https://pagefind.app/docs/node-api/
 *
 * What is indexed is marked in the pages: `data-pagefind-body` on <main> (src/render/page-shell.ts) and the
 * filters in <head> (src/render/search.ts). The selectors below take out what is in <main>
 * but repeats other pages, so that a search finds the page about a thing rather than every
 * list that names it: navigation, breadcrumbs, the lists of cards on the home page, the A to
 * Z and the lists of inspections, the excerpt of the organisation's timeline at the end of
 * every explainer (the organisation's own page indexes it in full), and the "Follow" link.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

const SEARCH_BUNDLE = "pagefind";

const EXCLUDE_SELECTORS = [
  "nav",
  ".breadcrumb",
  ".card-list",
  "[aria-labelledby='story-heading'] .timeline",
  ".follow",
];

export interface SearchIndex {
  pages: number;
  /** The size of everything Pagefind wrote, in bytes. */
  bytes: number;
}

/** Indexes every page under `folder` into `folder/pagefind/`; throws when Pagefind reports a problem. */
export async function indexForSearch(folder: string): Promise<SearchIndex> {
  try {
    const created = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
    if (!created.index) throw new SearchIndexError(created.errors);
    const added = await created.index.addDirectory({ path: folder });
    if (added.errors.length) throw new SearchIndexError(added.errors);
    if (added.page_count === 0) throw new SearchIndexError(["Pagefind found no pages to index"]);
    const written = await created.index.writeFiles({ outputPath: join(folder, SEARCH_BUNDLE) });
    if (written.errors.length) throw new SearchIndexError(written.errors);
    return { pages: added.page_count, bytes: folderSize(join(folder, SEARCH_BUNDLE)) };
  } catch (error) {
    // Pagefind's own failures (a missing or broken binary) arrive as plain errors.
    throw error instanceof SearchIndexError ? error : new SearchIndexError([(error as Error).message]);
  } finally {
    await pagefind.close();
  }
}

export class SearchIndexError extends Error {
  constructor(reasons: readonly string[]) {
    super(
      `The search index could not be built: ${reasons.join("; ") || "Pagefind gave no reason"}.\n` +
        "Run `npm ci` to reinstall Pagefind, or build without search: `npm run build -- --no-search`.",
    );
    this.name = "SearchIndexError";
  }
}

function folderSize(folder: string): number {
  return readdirSync(folder).reduce((total, name) => {
    const path = join(folder, name);
    const stats = statSync(path);
    return total + (stats.isDirectory() ? folderSize(path) : stats.size);
  }, 0);
}
