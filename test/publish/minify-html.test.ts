/**
 * The HTML minifier (src/publishing/minify-html.ts): what it removes, what it must keep, and
 * that it is stable; and that the search index keeps the same text of every page of the
 * sample. test/browser/minify.test.ts holds that Chromium reads the same text from every
 * page of the sample before and after.
 */
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { pagesOf } from "../../src/eleventy/site-pages-plugin.ts";
import { minifyHtml } from "../../src/publishing/minify-html.ts";
import { readSite } from "../../src/site.ts";
import { projectRoot } from "../fixtures/build-site.ts";

const test = suite("publishing: HTML minified where it is safe");

test("whitespace between two block tags goes, and comments with it", () => {
  assert.is(
    minifyHtml(
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n</head>\n<body>\n<ul>\n  <li>One</li>\n  <li>Two</li>\n</ul>\n\n<!-- a note -->\n<p>Three</p>\n</body>\n</html>\n',
    ),
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><ul><li>One</li><li>Two</li></ul><p>Three</p></body></html>',
  );
});

test("whitespace beside an inline element is kept, as one character, so words do not run together", () => {
  assert.is(
    minifyHtml("<p><a href=/a>One</a>\n<a href=/b>Two</a></p>"),
    "<p><a href=/a>One</a>\n<a href=/b>Two</a></p>",
  );
  assert.is(minifyHtml("<p><span>A</span>   <span>B</span></p>"), "<p><span>A</span> <span>B</span></p>");
  assert.is(minifyHtml("<p><em>A</em>\n\n  <strong>B</strong></p>"), "<p><em>A</em>\n<strong>B</strong></p>");
  // Between an inline element and a block, one character too (a naive reader of the text would join them).
  assert.is(minifyHtml("<div><span>A</span>\n<div>B</div></div>"), "<div><span>A</span>\n<div>B</div></div>");
  assert.is(minifyHtml("<li>Text\n</li>"), "<li>Text\n</li>");
  assert.is(minifyHtml("<td><button>Go</button>\n<input name=q></td>"), "<td><button>Go</button>\n<input name=q></td>");
});

test("whitespace that alone parts two texts for the search index stays, though no browser draws it", () => {
  // Pagefind runs "inspections" and "Column" together without it: a caption, th, dt, dd, summary end no sentence.
  assert.is(
    minifyHtml(
      "<table>\n<caption>Columns of inspections</caption>\n<thead><tr><th>Column</th>\n<th>What</th></tr></thead>\n</table>",
    ),
    "<table><caption>Columns of inspections</caption>\n<thead><tr><th>Column</th>\n<th>What</th></tr></thead></table>",
  );
  assert.is(minifyHtml("<dl>\n<dt>A</dt>\n<dd>B</dd>\n</dl>"), "<dl><dt>A</dt>\n<dd>B</dd></dl>");
  // After a paragraph, an item or a cell, Pagefind ends a sentence: nothing to keep.
  assert.is(
    minifyHtml("<p>A</p>\n<!-- c -->\n<ul>\n<li>B</li>\n<li>C</li>\n</ul>"),
    "<p>A</p><ul><li>B</li><li>C</li></ul>",
  );
  assert.is(minifyHtml("<tr><td>A</td>\n<td>B</td></tr>"), "<tr><td>A</td><td>B</td></tr>");
  // Texts that end or start with a space part themselves.
  assert.is(minifyHtml("<dt>A </dt>\n<dd>B</dd>"), "<dt>A </dt><dd>B</dd>");
});

test("text is never changed, nor a no-break space taken for whitespace", () => {
  const text = "<p>Six years   after\nthe  inspection, <b>good</b> .</p>";
  assert.is(minifyHtml(text), text);
  assert.is(minifyHtml("<td>\u00a0</td>\n<td>&nbsp;</td>"), "<td>\u00a0</td><td>&nbsp;</td>");
});

test("attributes and their values are copied byte for byte, quotes and > included", () => {
  const tag = "<img alt='a > b\n\n  c' title=\"x  >  <!-- y -->\" data-x=1   class=z>";
  assert.is(minifyHtml(`<div>\n${tag}\n</div>`), `<div>\n${tag}\n</div>`);
  assert.is(minifyHtml(`<p title="<p>\n</p>">\n</p>`), `<p title="<p>\n</p>"></p>`);
});

test("pre, textarea, script, style and title are copied as they are", () => {
  const pre = "<pre>\n  line one\n\n  <b>two</b>\n  <span>x</span>   <!-- kept -->\n</pre>";
  assert.is(minifyHtml(`<div>\n${pre}\n</div>`), `<div>${pre}</div>`);
  assert.is(minifyHtml("<pre><pre>\n a</pre>\n b\n</pre>\n<p>c</p>"), "<pre><pre>\n a</pre>\n b\n</pre><p>c</p>");
  const raw = [
    "<script>\nif (a < b && c > d) { x = '</p>\\n<p>'; }\n</script>",
    "<SCRIPT type=module>\n  import '</scripts>';\n</SCRIPT>",
    "<style>\np > a   { color: red }\n</style>",
    "<title>  A  &amp;  B  </title>",
    "<script src=x.js />\n<!-- not a comment -->\n</script>",
  ];
  for (const element of raw) assert.is(minifyHtml(`<div>\n${element}\n</div>`), `<div>${element}</div>`, element);
  // A text box is inline: the whitespace beside it stays, as one character.
  const box = "<textarea>\n  a  \n\n</textarea>";
  assert.is(minifyHtml(`<div>\n${box}\n\n</div>`), `<div>\n${box}\n</div>`);
  assert.is(
    minifyHtml("<td><textarea>a</textarea>\n<button>b</button></td>"),
    "<td><textarea>a</textarea>\n<button>b</button></td>",
  );
});

test("SVG: whitespace between its parts goes, the spaces in its text stay", () => {
  assert.is(
    minifyHtml('<p>A <svg viewBox="0 0 1 1">\n<title>T</title>\n<g>\n  <path d="M0 0"/>\n</g>\n</svg> B</p>'),
    '<p>A <svg viewBox="0 0 1 1"><title>T</title><g><path d="M0 0"/></g></svg> B</p>',
  );
  assert.is(
    minifyHtml("<svg>\n<text x=1>\n<tspan>Good</tspan>\n<tspan>news</tspan>\n</text>\n</svg>"),
    "<svg><text x=1>\n<tspan>Good</tspan>\n<tspan>news</tspan>\n</text></svg>",
  );
  // After the picture, the page is HTML again.
  assert.is(
    minifyHtml("<span><svg></svg>\n<span>x</span></span>\n<p>y</p>"),
    "<span><svg></svg>\n<span>x</span></span>\n<p>y</p>",
  );
});

test("markup it cannot read is copied, never lost", () => {
  for (const html of [
    "<p>a < b</p>",
    "<p>a <3 b</p>",
    "<p>x</p>\n<!-- left open\n<p>y</p>",
    '<p>x</p>\n<a href="open',
    "<p>x</p>\n<",
    "a <",
    "</>",
  ])
    assert.ok(
      minifyHtml(html).replace(/\s/g, "").length >=
        html.replace(/<!--(?:(?!-->)[\s\S])*-->/g, "").replace(/\s/g, "").length,
      html,
    );
  assert.is(minifyHtml("<p>x</p>\n<!-- left open\n<p>y</p>"), "<p>x</p>\n<!-- left open\n<p>y</p>");
  assert.is(minifyHtml('<p>x</p>\n<a href="open'), '<p>x</p>\n<a href="open');
  assert.is(minifyHtml("<!--[if IE]><p>old</p><![endif]-->\n<p>x</p>"), "<!--[if IE]><p>old</p><![endif]-->\n<p>x</p>");
  assert.is(minifyHtml(""), "");
  assert.is(minifyHtml("plain text\n"), "plain text\n");
});

test("it only removes whitespace and comments, and minifying twice gives what once gave", () => {
  const samples = [
    "<!doctype html>\n<html>\n<body>\n<main>\n<h1>T</h1>\n<p>a <a href=x>b</a>\n<em>c</em></p>\n</main>\n</body>\n</html>",
    "<div>\n<pre>  x  </pre>\n<script>\n  1 < 2\n</script>\n<svg>\n<text>a <tspan>b</tspan></text>\n</svg>\n</div>",
  ];
  for (const html of samples) {
    const once = minifyHtml(html);
    assert.is(minifyHtml(once), once);
    assert.is(once.replace(/\s/g, ""), html.replace(/\s/g, ""));
  }
});

/**
 * What Pagefind keeps of each page, by address: its words in order (a full stop it adds
 * where a block ends makes no word: "2024) Source" and "2024). Source" are the same
 * words), how many, and its headings.
 */
async function searchText(pages: readonly { url: string; html: string }[]): Promise<Map<string, string>> {
  const { index, errors } = await pagefind.createIndex({});
  assert.ok(index, errors.join("; "));
  try {
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      assert.equal(added.errors, [], page.url);
    }
    const { files, errors: failed } = await index.getFiles();
    assert.equal(failed, []);
    const kept = new Map<string, string>();
    for (const file of files.filter((file) => file.path.includes("fragment/"))) {
      const fragment = JSON.parse(
        gunzipSync(file.content)
          .toString("utf8")
          .replace(/^pagefind_dcd/, ""),
      );
      const { url, content, word_count, anchors, meta } = fragment as Record<string, unknown>;
      const words = String(content).replace(/\./g, "").replace(/\s+/g, " ");
      kept.set(String(url), JSON.stringify({ words, word_count, anchors, meta }));
    }
    return kept;
  } finally {
    await pagefind.close();
  }
}

test("the search index keeps the same text of every page of the model, minified or not", async () => {
  const site = readSite(projectRoot, "content");
  const pages = pagesOf(site, true)
    .filter((page) => page.url.endsWith("/"))
    .map((page) => ({ url: page.url, html: page.render() }));
  const before = await searchText(pages.map((page) => ({ url: `/before${page.url}`, html: page.html })));
  const after = await searchText(pages.map((page) => ({ url: `/after${page.url}`, html: minifyHtml(page.html) })));
  assert.ok(before.size >= 10, `${before.size} pages indexed`);
  const differ = [...before].filter(([url, text]) => after.get(url.replace(/^\/before/, "/after")) !== text);
  assert.equal(
    differ.map(([url]) => url),
    [],
  );
});

test.run();
