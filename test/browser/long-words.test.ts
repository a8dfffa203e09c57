/**
 * Long unbroken words (a pasted address, a compound, the longest a field may hold) wrap
 * at 320 px everywhere: titles, cards, the timeline, summaries and tables. A page never
 * scrolls sideways, and a table is never made wider by a long word than it is with the
 * sample's words (a table with many columns still scrolls in its own box, as designed).
 * The columns tables of /data/ fit 320 px without scrolling at all.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { writeLongWordsContent } from "../fixtures/long-words.ts";
import { PAGE_TYPES } from "./page-types.ts";
import { browser, servedSite, shareResources, type ServedSite } from "./support.ts";

const test = suite("browser: long unbroken words wrap at 320 px");
shareResources(test);
const work = mkdtempSync(join(tmpdir(), "explainers-long-words-"));
const content = join(work, "content");
writeLongWordsContent(content);
test.after(() => rmSync(work, { recursive: true, force: true }));

const PATHS = [...PAGE_TYPES.map((pageType) => pageType.path), "/data/"];

/** The page's width and each table box's (scrolling) width, at 320 px. */
async function widths(page: Page, site: ServedSite, path: string) {
  await page.goto(site.url(path));
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    tables: Array.from(document.querySelectorAll(".table-scroll"), (box) => box.scrollWidth),
    box: document.querySelector(".table-scroll")?.clientWidth ?? 0,
  }));
}

test("no page scrolls sideways, and no table is widened by a long word", async () => {
  const [chromium, sample, long] = await Promise.all([browser(), servedSite(), servedSite(content)]);
  const page = await chromium.newPage({ viewport: { width: 320, height: 640 } });
  const problems: string[] = [];
  try {
    for (const path of PATHS) {
      const [usual, worst] = [await widths(page, sample, path), await widths(page, long, path)];
      if (worst.page > 320) problems.push(`${path}: the page is ${worst.page}px wide`);
      worst.tables.forEach((width, index) => {
        const allowed = Math.max(usual.tables[index] ?? 0, worst.box);
        if (width > allowed + 1)
          problems.push(
            `${path}: table ${index + 1} is ${width}px wide (${usual.tables[index]}px with the sample's words)`,
          );
      });
    }
  } finally {
    await page.close();
  }
  assert.equal(problems, []);
});

test("the columns tables of /data/ fit 320 px without scrolling", async () => {
  const [chromium, sample] = await Promise.all([browser(), servedSite()]);
  const page = await chromium.newPage({ viewport: { width: 320, height: 640 } });
  try {
    const found = await widths(page, sample, "/data/");
    assert.is(found.page, 320);
    assert.ok(found.tables.length >= 2, "the page has its columns tables");
    for (const width of found.tables)
      assert.ok(width <= found.box, `a columns table is ${width}px wide in a ${found.box}px box`);
  } finally {
    await page.close();
  }
});

test.run();
