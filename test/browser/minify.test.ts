/**
 * Minified HTML reads as the HTML it came from (src/publishing/minify-html.ts), in
 * Chromium with the site's own stylesheet: every page of the model the sample builds
 * (explainers, embed pages, organisations, lists, the ways to browse) is served twice, as
 * rendered and as minified, and the text the browser lays out (`innerText`, which follows
 * the CSS: a space between inline words, a line break between blocks) and the page's
 * width must be the same. Then the cases a minifier gets wrong, one by one.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { pagesOf } from "../../src/eleventy/site-pages-plugin.ts";
import { minifyHtml } from "../../src/publishing/minify-html.ts";
import { readSite } from "../../src/site.ts";
import { browser, projectRoot, servedSite, shareResources } from "./support.ts";

const minified = suite("browser: minified pages read the same");
shareResources(minified);

interface Reading {
  text: string;
  width: number;
  height: number;
}

/**
 * What Chromium reads from each of `htmls` served at `url` (with the served site's
 * stylesheet), at 390 and 1024 px wide: one page per width, each version served at
 * `url?<its number>`.
 */
async function readAs(url: string, htmls: readonly string[]): Promise<Reading[][]> {
  const readings: Reading[][] = htmls.map(() => []);
  for (const width of [390, 1024]) {
    const context = await (await browser()).newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      for (const [index, html] of htmls.entries()) {
        const address = `${url}?${index}`;
        await page.route(address, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
        await page.goto(address, { waitUntil: "load" });
        readings[index]!.push(
          await page.evaluate(() => ({
            text: document.body.innerText,
            width: document.documentElement.scrollWidth,
            height: document.documentElement.scrollHeight,
          })),
        );
        await page.unroute(address);
      }
    } finally {
      await context.close();
    }
  }
  return readings;
}

/** Reads each page as rendered and as minified, served at `address`; the names of those that read differently. */
async function readDifferently(address: string, pages: readonly { url: string; html: string }[]): Promise<string[]> {
  const readings = await readAs(
    address,
    pages.flatMap((page) => [page.html, minifyHtml(page.html)]),
  );
  return pages.flatMap((page, index) =>
    JSON.stringify(readings[2 * index]) === JSON.stringify(readings[2 * index + 1]) ? [] : [page.url],
  );
}

minified("every page of the model reads the same minified, at 390 and 1024 px", async () => {
  const served = await servedSite();
  const site = readSite(projectRoot, "content");
  const pages = pagesOf(site, true)
    .filter((page) => page.url.endsWith("/"))
    .map((page) => ({ url: page.url, html: page.render() }));
  assert.ok(pages.length > 20, `the sample should give the model's pages (${pages.length})`);
  const saved = pages.reduce((sum, page) => sum + page.html.length - minifyHtml(page.html).length, 0);
  assert.ok(saved > 0, "minifying the sample's pages should save something");
  // Served at one address of the site: every link and stylesheet in the pages starts with "/".
  assert.equal(await readDifferently(served.url("/minify/"), pages), []);
});

minified("the cases a minifier gets wrong read the same", async () => {
  const served = await servedSite();
  const cases = [
    "<p><a href=/a>One</a>\n<a href=/b>Two</a> <span>three</span>\n<em>four</em></p>",
    "<ul class=inline-list>\n<li>A</li>\n<li>B</li>\n</ul>\n<ul>\n  <li><span class=grade>Good</span>\n  </li>\n</ul>",
    "<div><span>A</span>\n<div>B</div>\n<span>C</span></div>",
    "<pre>\n  a\n\n  <b>b</b>   c\n</pre>\n<p>d</p>",
    "<p>x <svg width=20 height=10><text x=0 y=9>\n<tspan>a</tspan>\n<tspan>b</tspan></text>\n</svg>\ny</p>",
    "<table>\n<tr>\n<th>A</th>\n<td>\u00a0</td>\n<td><button>B</button>\n<button>C</button></td>\n</tr>\n</table>",
    "<details>\n<summary>S</summary>\n<p>T</p>\n</details>\n<!-- gone -->\n<dl>\n<dt>U</dt>\n<dd>V</dd>\n</dl>",
    "<p><label for=q>Q</label>\n<input id=q>\n<textarea>\n  r  </textarea>\n<select><option>O</option>\n</select></p>",
  ];
  const pages = cases.map((body, index) => ({
    url: `case ${index + 1}: ${body}`,
    html: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>t</title>\n<link rel="stylesheet" href="/assets/site.css">\n</head>\n<body>\n${body}\n</body>\n</html>\n`,
  }));
  for (const page of pages) assert.ok(minifyHtml(page.html).length < page.html.length, page.url);
  assert.equal(await readDifferently(served.url("/minify-case/"), pages), []);
});

minified.run();
