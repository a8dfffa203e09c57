/**
 * A large site's search index in parts (src/search-index.ts): the parts cover every page
 * once, each within its size, without the embed pages; `_headers` gives every part the
 * site's policy; and in Chromium the search page, merging the parts, finds pages of every
 * part under a path prefix, with each part's fragments bundled into a few files.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { topLevelEntries } from "../../src/eleventy/publishing-plugin.ts";
import { contentSecurityPolicy, headerRules, headersFile } from "../../src/render/security-headers.ts";
import {
  indexForSearch,
  nameRecord,
  searchParts,
  withoutOrganisationPages,
  type SearchPartsFile,
} from "../../src/search-index.ts";
import { browser, serveFolder, shareResources } from "../browser/support.ts";
import { runBuild } from "../fixtures/build-site.ts";
import { headersFor, parseHeadersFile } from "./headers.ts";

const test = suite("publishing: the search index in parts");
shareResources(test);
let work = "";
let server: Server | undefined;
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-search-parts-"));
});
test.after(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(work, { recursive: true, force: true });
});

/** What Pagefind's globs match, for the few forms searchParts writes. */
const globRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*\*\//g, "\u0000")
      .replace(/\*/g, "[^/]*")
      .replace(/\u0000/g, "(?:.*/)?")}$`,
  );

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".html"))
    .sort();
}

test("the parts hold every page but the embed pages once, each within the limit", () => {
  const site = join(work, "made-up");
  const write = (path: string) => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), "<html></html>");
  };
  write("index.html");
  write("404.html");
  write("organisations/index.html");
  for (const page of [1, 2, 3]) write(`inspections/${page}/index.html`);
  const ids = ["a", "abbey", "abbot", "ab", "acorn", "b", "bield", "c1", "c2", "c3", "c4", "zeta"];
  for (const id of ids) {
    write(`organisations/${id}/index.html`);
    write(`organisations/${id}/2019/index.html`);
    write(`embed/${id}/2019/index.html`);
  }
  writeFileSync(join(site, "feed.xml"), "<feed/>");
  assert.equal(searchParts(site, 100), [["**/*.html"]], "a small site is one index");
  const parts = searchParts(site, 5);
  assert.ok(parts.length > 3, JSON.stringify(parts));
  const files = htmlFiles(site);
  const covered = new Map<string, number>();
  for (const globs of parts) {
    const inPart = files.filter((file) => globs.some((glob) => globRegExp(glob).test(file)));
    assert.ok(inPart.length <= 5, `${globs.join(" ")}: ${inPart.length} pages`);
    for (const file of inPart) covered.set(file, (covered.get(file) ?? 0) + 1);
  }
  for (const file of files)
    assert.is(covered.get(file) ?? 0, file.startsWith("embed/") ? 0 : 1, `${file} is in ${covered.get(file)} parts`);
});

test("on a site in parts, the text parts leave out the organisations' own pages, which the index of names holds", () => {
  assert.is(withoutOrganisationPages("organisations/**/*.html"), "organisations/*/*/**/*.html");
  assert.is(withoutOrganisationPages("organisations/ab*/**/*.html"), "organisations/ab*/*/**/*.html");
  assert.is(withoutOrganisationPages("organisations/zeta/**/*.html"), "organisations/zeta/*/**/*.html");
  assert.is(withoutOrganisationPages("inspections/**/*.html"), "inspections/**/*.html");
  assert.is(withoutOrganisationPages("index.html"), "index.html");
  const glob = globRegExp(withoutOrganisationPages("organisations/ab*/**/*.html"));
  assert.ok(glob.test("organisations/abbey/2019/index.html"));
  assert.ok(glob.test("organisations/abbey/2019/comparison/index.html"));
  assert.not.ok(glob.test("organisations/abbey/index.html"));
  const record = nameRecord(
    '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<title>Abbey &amp; Co</title>\n<meta name="description" content="A care home in Fife &amp; its inspections.">\n<meta name="search-filter:inspectorate" content="Care Inspectorate" data-pagefind-filter="inspectorate[content]">\n</head>\n<body><main data-pagefind-body><h1>Abbey &amp; Co</h1><p>Timeline and grades.</p></main></body></html>',
  );
  assert.ok(record);
  assert.match(record, '<html lang="en-GB">');
  assert.match(record, 'data-pagefind-filter="inspectorate[content]"');
  assert.match(
    record,
    "<main data-pagefind-body><h1>Abbey &amp; Co</h1><p>A care home in Fife &amp; its inspections.</p></main>",
  );
  assert.not.match(record, "Timeline and grades");
  assert.is(nameRecord("<html><body>no head</body></html>"), null);
});

test("_headers gives the first part and the others the site's policy, by one rule", () => {
  const site = join(work, "top");
  for (const folder of ["pagefind", "pagefind-2", "organisations"]) mkdirSync(join(site, folder), { recursive: true });
  writeFileSync(join(site, "index.html"), "");
  const entries = topLevelEntries(site);
  assert.equal(entries.sort(), ["index.html", "organisations/", "pagefind*"]);
  assert.equal(topLevelEntries(join(site, "organisations")), ["pagefind*"], "the index is ruled before it is written");
  const rules = parseHeadersFile(headersFile(headerRules("/", entries)));
  for (const path of ["/pagefind/pagefind.js", "/pagefind-2/pagefind-entry.json", "/organisations/"])
    assert.is(headersFor(rules, path)["Content-Security-Policy"], contentSecurityPolicy(), path);
});

test("in Chromium, the search page merges the parts and finds pages of each, under a path prefix", async () => {
  const prefix = "/explainers/";
  const dir = join(work, "built", prefix);
  const built = runBuild(["--output", dir, "--path-prefix", prefix, "--no-search", "--no-images"]);
  assert.is(built.status, 0, built.stderr);
  const partOf = (file: string) =>
    searchParts(dir, 5).findIndex((globs) => globs.some((glob) => globRegExp(glob).test(file)));
  assert.is.not(
    partOf("organisations/wessex-police/index.html"),
    partOf("organisations/oxfordshire/index.html"),
    "the two councils are in different parts",
  );
  // At most two fragment files an index: Pagefind bundles the pages' fragments (FRAGMENT_FILES).
  const index = await indexForSearch(dir, 5, 2);
  assert.ok(index.parts > 2, `${index.parts} parts`);
  const fragments = readdirSync(dir)
    .filter((name) => name.startsWith("pagefind"))
    .map((bundle) => readdirSync(join(dir, bundle, "fragment")));
  for (const files of fragments) assert.ok(files.length <= 2, files.join(", "));
  assert.ok(
    fragments.flat().some((name) => name.includes("_group_")),
    "some fragments are bundled",
  );
  const listed = JSON.parse(readFileSync(join(dir, "pagefind/parts.json"), "utf8")) as SearchPartsFile;
  assert.ok(listed.names, "the first bundle is the index of names");
  assert.is(listed.parts.length, index.parts - 1);
  server = await serveFolder(join(work, "built"));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page = await (await browser()).newPage();
  try {
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${origin}${prefix}search/`);
    await page.fill("#search-query", "Wessex Police");
    await page.waitForFunction(
      () => (document.querySelector("[data-search-status]")?.textContent ?? "").includes("Wessex"),
      undefined,
      {
        timeout: 15_000,
      },
    );
    const found = await page.$$eval("[data-search-results] a", (links) =>
      links.map((link) => link.getAttribute("href")),
    );
    assert.ok(found.includes(`${prefix}organisations/wessex-police/`), found.join(", "));
    assert.ok(
      found.every((href) => /^\/explainers\/organisations\/[^/]+\/$/.test(href ?? "")),
      `names only: ${found.join(", ")}`,
    );
    assert.not.ok(
      fetched.some((path) => path.startsWith(`${prefix}pagefind-`)),
      `a name is found without the text of every page: ${fetched.join(", ")}`,
    );
    await page.click("[data-search-text] button");
    await page.waitForFunction(
      () => /\d+ results? for/.test(document.querySelector("[data-search-status]")?.textContent ?? ""),
      undefined,
      { timeout: 15_000 },
    );
    const text = await page.$$eval("[data-search-results] a", (links) =>
      links.map((link) => link.getAttribute("href")),
    );
    assert.ok(
      text.some((href) => /^\/explainers\/organisations\/wessex-police\/[^/]+\/$/.test(href ?? "")),
      `with the text, an explainer: ${text.join(", ")}`,
    );
    assert.is(new Set(text).size, text.length, "no page twice");
    await page.fill("#search-query", "Oxfordshire");
    await page.waitForFunction(
      () => (document.querySelector("[data-search-status]")?.textContent ?? "").includes("Oxfordshire"),
      undefined,
      {
        timeout: 15_000,
      },
    );
    const again = await page.$$eval("[data-search-results] a", (links) =>
      links.map((link) => link.getAttribute("href")),
    );
    assert.ok(again.includes(`${prefix}organisations/oxfordshire/`), again.join(", "));
  } finally {
    await page.close();
  }
});

test.run();
