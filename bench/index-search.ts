/**
 * Pagefind alone on a built site (`node --import tsx bench/index-search.ts <folder>`), as
 * `npm run build` runs it after Eleventy: the bench times it on its own to tell the static
 * build's time from the search index's (bench/corpus-run.ts).
 */
import { indexForSearch } from "../src/search-index.ts";

const folder = process.argv[2];
if (!folder) {
  console.error("Usage: node --import tsx bench/index-search.ts <built site folder>");
  process.exit(2);
}
const index = await indexForSearch(folder);
console.log(`Indexed ${index.pages} pages for search (${(index.bytes / 1024).toFixed(0)} KB in pagefind/).`);
