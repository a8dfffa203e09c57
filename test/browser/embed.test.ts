/**
 * The embed pages (/embed/<organisation>/<inspection>/), as a newspaper's reader meets
 * them, in Chromium: axe-core finds no WCAG 2.2 A or AA violation; they have no script and
 * read the same with JavaScript off; nothing scrolls sideways at 280 px; every request
 * succeeds; each is at most 10 KB with its stylesheet, gzipped as the explainers' budget
 * is. Screenshots at 280 and 640 px go to test-output/screenshots/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  axeScript,
  axeViolations,
  browser,
  describeViolations,
  fail,
  filesUnder,
  servedSite,
  shareResources,
  testOutput,
} from "./support.ts";

const embed = suite("browser: embed pages");
shareResources(embed);

const BUDGET = 10 * 1024;
const COMPARISON = "/embed/oxfordshire/2024-standard-inspection/";

async function embedPaths(): Promise<string[]> {
  const site = await servedSite();
  return filesUnder(site.dir)
    .filter((file) => /^embed\/[^/]+\/[^/]+\/index\.html$/.test(file))
    .map((file) => `/${file.replace(/index\.html$/, "")}`);
}

embed("every inspection has an embed page", async () => {
  const site = await servedSite();
  const explainers = filesUnder(site.dir).filter((file) => /^organisations\/[^/]+\/[^/]+\/index\.html$/.test(file));
  assert.equal(
    (await embedPaths()).sort(),
    explainers.map((file) => `/embed/${file.slice("organisations/".length).replace(/index\.html$/, "")}`).sort(),
  );
});

embed("no axe-core violations, no failed request, and no sideways scrolling at 280 px", async () => {
  const site = await servedSite();
  const context = await (await browser()).newContext({ viewport: { width: 280, height: 600 } });
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    for (const path of await embedPaths()) {
      await page.goto(site.url(path), { waitUntil: "load" });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 280) problems.push(`${path} is ${width}px wide at 280 px`);
      await page.addScriptTag({ path: axeScript });
      const violations = await axeViolations(page);
      if (violations.length) problems.push(`${path}:\n${describeViolations(violations)}`);
      if (path === COMPARISON) {
        await page.screenshot({ path: join(testOutput, "screenshots/embed-280.png"), fullPage: true });
        await page.setViewportSize({ width: 640, height: 600 });
        await page.screenshot({ path: join(testOutput, "screenshots/embed-640.png"), fullPage: true });
        await page.setViewportSize({ width: 280, height: 600 });
      }
    }
  } finally {
    await context.close();
  }
  if (problems.length) fail(problems.join("\n"));
});

embed("embed pages have no script, and read the same with JavaScript off", async () => {
  const site = await servedSite();
  const context = await (await browser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    for (const path of await embedPaths()) {
      const html = readFileSync(join(site.dir, path, "index.html"), "utf8");
      assert.not.match(html, /<script|\son[a-z]+=/i, path);
      await page.goto(site.url(path));
      const text = (await page.innerText("body")).replace(/\s+/g, " ");
      assert.match(text, "What changed, and why: the full explainer", path);
    }
    await page.goto(site.url(COMPARISON));
    const text = (await page.innerText("body")).replace(/\s+/g, " ");
    for (const wanted of [
      "Oxfordshire County Council",
      "Ofsted standard inspection, 2024",
      "Good in all five areas, up from 'requires improvement' for help and protection in 2018.",
      "Requires improvement",
      "Grades as Ofsted published them on 9 April 2024",
      "Ofsted's report",
    ])
      assert.match(text, wanted);
    assert.ok(await page.locator("svg[role=img] title").count(), "the chart is there");
    // Every link leaves the frame, for a new tab: the site's other pages refuse to be framed.
    const targets = await page.$$eval("a", (links) => links.map((link) => link.getAttribute("target")));
    assert.ok(targets.length >= 3 && targets.every((target) => target === "_blank"), targets.join(", "));
  } finally {
    await context.close();
  }
});

embed(`every embed page is at most ${BUDGET / 1024} KB with its stylesheet, gzipped`, async () => {
  const site = await servedSite();
  const gz = (file: string) => gzipSync(readFileSync(join(site.dir, file)), { level: 9 }).length;
  const raw = (file: string) => readFileSync(join(site.dir, file)).length;
  const css = "assets/embed.css";
  const rows = (await embedPaths()).map((path) => {
    const file = `${path.slice(1)}index.html`;
    return { path, gz: gz(file) + gz(css), raw: raw(file) + raw(css) };
  });
  console.log(
    `\n\n  Embed pages, HTML + embed.css (gzip -9 / as written), budget ${BUDGET / 1024} KB gzipped:\n${rows
      .map((row) => `  ${row.path}  ${(row.gz / 1024).toFixed(1)} KB / ${(row.raw / 1024).toFixed(1)} KB`)
      .join("\n")}\n`,
  );
  const over = rows.filter((row) => row.gz > BUDGET);
  if (over.length) fail(`Over budget: ${over.map((row) => row.path).join(", ")}`);
});

embed.run();
