/**
 * An explainer printed, in Chromium with print media: A4, without the navigation, the
 * search box or what only works on screen (downloads, embed code); the address it was
 * printed from and, with JavaScript, the day; every link's address after it (full with
 * JavaScript, the path without). A print-media screenshot goes to
 * test-output/screenshots/print-explainer.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { browser, servedSite, shareResources, testOutput } from "./support.ts";

const print = suite("browser: an explainer printed");
shareResources(print);

const EXPLAINER = "/organisations/oxfordshire/2024-standard-inspection/";
/** A4's width at 96 pixels an inch, as a browser lays out a printed page. */
const A4 = { width: 794, height: 1123 };

async function printed(javaScriptEnabled: boolean): Promise<{ page: Page; close(): Promise<void> }> {
  const site = await servedSite();
  const context = await (await browser()).newContext({ viewport: A4, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(site.url(EXPLAINER), { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  return { page, close: () => context.close() };
}

const shown = (page: Page, selector: string) =>
  page.$$eval(
    selector,
    (elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).length,
  );

const after = (page: Page, selector: string) =>
  page.$eval(selector, (element) => getComputedStyle(element, "::after").content);

print(
  "without navigation, search or screen-only tools; with the address, the day and full link addresses",
  async () => {
    const site = await servedSite();
    const { page, close } = await printed(true);
    try {
      for (const hidden of [".site-header nav", ".site-search", ".skip-link", ".share-tools", ".pager"])
        assert.is(await shown(page, hidden), 0, `${hidden} should not print`);
      assert.ok(await shown(page, "h1"));
      const footer = (await page.innerText(".print-only")).replace(/\s+/g, " ");
      assert.match(
        footer,
        new RegExp(`^Printed from ${site.url(EXPLAINER).replace(/[.?]/g, "\\$&")} on \\d{1,2} [A-Z][a-z]+ \\d{4}\\.$`),
      );
      assert.is(
        await after(page, 'main a[href$="/frameworks/ofsted-ilacs-2023/"]'),
        `" (${site.url("/frameworks/ofsted-ilacs-2023/")})"`,
      );
      assert.match(
        await after(page, 'main a[href^="https://files.ofsted.gov.uk"]'),
        /^" \(https:\/\/files\.ofsted\.gov\.uk\//,
      );
      await page.screenshot({ path: join(testOutput, "screenshots/print-explainer.png"), fullPage: true });
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
      assert.match(pdf, /\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/, "A4 pages");
    } finally {
      await close();
    }
  },
);

print("with JavaScript off it prints the page's own address, and links' paths", async () => {
  const { page, close } = await printed(false);
  try {
    const footer = (await page.innerText(".print-only")).replace(/\s+/g, " ");
    assert.is(footer, "Printed from https://example.org/organisations/oxfordshire/2024-standard-inspection/.");
    assert.is(
      await after(page, 'main a[href$="/frameworks/ofsted-ilacs-2023/"]'),
      '" (/frameworks/ofsted-ilacs-2023/)"',
    );
    assert.is(await shown(page, ".site-header nav"), 0);
  } finally {
    await close();
  }
});

print.run();
