/** The list of every inspection, fifty to a page (src/render/pages.ts, layouts/inspections.11ty.ts). */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { data } from "../../layouts/inspections.11ty.ts";
import { timelinePage } from "../../src/render/pages.ts";

const test = suite("render: the list of every inspection");

test("a middle page says where it is and links to the pages either side", () => {
  const page = timelinePage([], 2, 3, []).toString();
  assert.match(page, '<p class="lede">Newest first: page 2 of 3.</p>');
  assert.match(page, '<a rel="prev" href="/inspections/">Newer inspections</a>');
  assert.match(page, '<a rel="next" href="/inspections/page-3/">Older inspections</a>');
});

test("a list of one page has no pager", () => {
  const page = timelinePage([], 1, 1, []).toString();
  assert.match(page, '<p class="lede">Newest first.</p>');
  assert.not.match(page, "pager");
});

test("each page's title and address has its own number (page 2, not 'page 11')", () => {
  const second = { pagination: { pageNumber: 1, pages: [], items: [] }, inspectionFilters: [] };
  assert.is(data.eleventyComputed.title(second), "All inspections, page 2");
  assert.is(data.permalink(second), "/inspections/page-2/");
  assert.is(
    data.eleventyComputed.title({ ...second, pagination: { ...second.pagination, pageNumber: 0 } }),
    "All inspections",
  );
});

test.run();
