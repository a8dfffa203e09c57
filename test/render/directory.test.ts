/**
 * Browsing the organisations (src/model/directory.ts, src/render/directory.ts): by letter,
 * region and kind, in pages that do not grow with the site; and, over a generated corpus
 * of 2,000 inspections, every page the build writes itself stays under 200 KB.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus } from "../../bench/corpus.ts";
import { groupKey, letterOf, organisationDirectory, pageStarts } from "../../src/model/directory.ts";
import type { Organisation } from "../../src/model/types.ts";
import { directoryPage, directoryPages, organisationsIndexPage } from "../../src/render/directory.ts";
import { sitePages } from "../../src/render/site-pages.ts";
import { readSite } from "../../src/site.ts";
import { projectRoot } from "../fixtures/content.ts";

const test = suite("render: the organisations by letter, region and kind");

const names = ["Abbey Care", "abbot house", "Ådal Lodge", "Bield", "1st Steps Nursery", "(The) Haven", "Zeta"];
const organisations = (count: number): Organisation[] =>
  Array.from(
    { length: count },
    (_, index) =>
      ({
        id: `service-${index}`,
        name: `${names[index % names.length]} ${index}`,
        kind: index % 3 === 0 ? "Care Home Service" : "Day Care of Children",
        ...(index % 4 === 0 ? {} : { region: index % 2 ? "Glasgow City" : "Na h-Eileanan Siar" }),
        inspections: [],
      }) as unknown as Organisation,
  );

test("keys and letters", () => {
  assert.is(groupKey("Na h-Eileanan Siar"), "na-h-eileanan-siar");
  assert.is(groupKey("Argyll & Bute"), "argyll-and-bute");
  assert.is(groupKey("Åland"), "aland");
  assert.is(groupKey("!!!"), "other");
  assert.is(letterOf("ådal"), "A");
  assert.is(letterOf("1st Steps"), "0-9");
  assert.is(letterOf("(The) Haven"), "Other");
});

test("every organisation is in one letter and one kind, and in its region's group when it has one", () => {
  const all = organisations(500);
  const directory = organisationDirectory(all);
  assert.equal(
    directory.letters.map((group) => group.label),
    ["A", "B", "Z", "0-9", "Other"],
  );
  for (const groups of [directory.letters, directory.kinds]) {
    assert.is(
      groups.reduce((sum, group) => sum + group.organisations.length, 0),
      all.length,
    );
    assert.is(new Set(groups.map((group) => group.key)).size, groups.length);
  }
  assert.is(
    directory.regions.reduce((sum, group) => sum + group.organisations.length, 0),
    all.filter((organisation) => organisation.region).length,
  );
  for (const group of directory.kinds) {
    const inOrder = [...group.organisations].sort((a, b) =>
      a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }),
    );
    assert.equal(
      group.organisations.map((organisation) => organisation.name),
      inOrder.map((organisation) => organisation.name),
    );
  }
});

test("pages hold at most the page size, each organisation of a group once, and name their range", () => {
  const directory = organisationDirectory(organisations(500));
  const pages = directoryPages(directory, 40);
  for (const [type, groups] of [
    ["letter", directory.letters],
    ["region", directory.regions],
    ["kind", directory.kinds],
  ] as const) {
    for (const group of groups) {
      const ofGroup = pages.filter((page) => page.type === type && page.group === group);
      assert.is(ofGroup.length, Math.ceil(group.organisations.length / 40), `${type} ${group.label}`);
      const listed = ofGroup.flatMap((page) => {
        const markup = directoryPage(page, directory, 40).content.toString();
        return [...markup.matchAll(/<li>\n<a href="\/organisations\/([^/]+)\/">/g)].map((match) => match[1]);
      });
      assert.equal(
        listed,
        group.organisations.map((organisation) => organisation.id),
      );
    }
  }
  const kind = pages.find((page) => page.type === "kind" && page.pageNumber === 2)!;
  assert.is(kind.url, `/types/${kind.group.key}/page-2/`);
  const markup = directoryPage(kind, directory, 40).content.toString();
  const { organisations: members } = kind.group;
  assert.match(markup, `Page 2 of ${kind.pageCount}: ${members[40]!.name} to ${members[79]!.name}.`);
  const starts = pageStarts(
    members.map((organisation) => organisation.name),
    40,
  );
  assert.match(
    markup,
    `<span aria-current="page"><span class="visually-hidden">Page 2, from </span>${starts[1]}</span>`,
  );
  assert.match(
    markup,
    `<a href="/types/${kind.group.key}/"><span class="visually-hidden">Page 1, from </span>${starts[0]}</a>`,
  );
  assert.match(
    markup,
    `rel="prev"><span class="pager-label">Previous page</span>${members[0]!.name} to ${members[39]!.name}</a>`,
  );
  assert.not.match(markup, "/national/types/", "the picture is linked from the first page");
});

test("pages are named by the shortest start of their first name that the name before does not share", () => {
  const names = [
    "Abbey Care",
    "Abbeyfield",
    "abbeyfield House",
    "Acorn",
    "Acorn Nursery",
    "Ådal Lodge",
    "St Mary's",
    "St Mary's Kindergarten and Family Centre",
    "St Mary's Kindergarten and Family Centre",
    "Z",
  ];
  assert.equal(pageStarts(names, 2), ["Ab", "abbeyfield H", "Acorn N", "St", "St Mary's K…"]);
  assert.equal(pageStarts(names, 3), ["Ab", "Ac", "St", "Z"]);
  assert.equal(pageStarts(names, 20), ["Ab"]);
  assert.equal(pageStarts([], 2), []);
  for (const size of [1, 2, 3, 4, 7]) {
    const starts = pageStarts(names, size);
    assert.is(starts.length, Math.ceil(names.length / size));
    starts.forEach((start, index) => {
      const first = names[index * size]!;
      const cut = start.endsWith("…") ? start.slice(0, -1) : start;
      assert.ok(first.startsWith(cut), `${start} starts ${first}`);
      assert.ok(start.length <= 12, start);
    });
  }
});

test("past 12 pages, the pages near this one are listed, and every page is folded under a summary", () => {
  const directory = organisationDirectory(organisations(500));
  const pages = directoryPages(directory, 10);
  const kind = directory.kinds.find((group) => group.organisations.length > 300)!;
  const ofKind = pages.filter((page) => page.group === kind);
  assert.ok(ofKind.length > 30);
  const markup = directoryPage(ofKind[14]!, directory, 10).content.toString();
  const [near, all] = markup.split('<details class="page-index">');
  const numbers = (part: string) => [...part!.matchAll(/Page (\d+), from /g)].map((match) => Number(match[1]));
  assert.equal(numbers(near!), [1, 13, 14, 15, 16, 17, ofKind.length]);
  assert.equal(
    numbers(all!),
    ofKind.map((page) => page.pageNumber),
  );
  assert.match(all!, `<summary>All ${ofKind.length} pages</summary>`);
  // The rows of a type's page do not repeat the type on every line.
  assert.not.match(markup, `<span class="card-meta">${kind.label}`);
});

test("a small site's A to Z lists everyone and has no pages of letters", () => {
  const directory = organisationDirectory(organisations(10));
  assert.ok(directoryPages(directory).every((page) => page.type !== "letter"));
  assert.is(organisationsIndexPage(directory, "2024-01-31").unsearched, true, "a list is left out of search");
  const page = organisationsIndexPage(directory, "2024-01-31").content.toString();
  assert.is(page.match(/<li>\n<a href="\/organisations\//g)?.length, 10);
  assert.match(page, '<a href="/regions/glasgow-city/">Glasgow City</a>');
  assert.not.match(page, "/a-to-z/");
});

test("the A to Z speaks of headline ratings only where a row can show one", () => {
  const headline = "A headline rating not judged at that inspection";
  // No organisation has a graded inspection under a framework with an overall area.
  const none = organisationsIndexPage(organisationDirectory(organisations(10)), "2024-01-31").content.toString();
  assert.not.match(none, headline);
  assert.match(none, "10 organisations and the latest graded inspection of each on this site");
  // The sample's frameworks (Ofsted's) judge overall effectiveness.
  const sample = readSite(projectRoot, "content");
  const page = organisationsIndexPage(organisationDirectory(sample.model.organisations), sample.national.asAt);
  assert.match(page.content.toString(), headline);
});

test("a generated corpus of 2,000 inspections: every page the build writes itself is under 200 KB", () => {
  const work = mkdtempSync(join(tmpdir(), "explainers-directory-"));
  try {
    generateCorpus(join(work, "content"), 2000, { projectRoot });
    const site = readSite(projectRoot, join(work, "content"));
    assert.equal(site.problems, []);
    const pages = sitePages({ ...site, asAt: site.national.asAt, images: false, settings: site.settings });
    assert.ok(
      pages.some((page) => page.url.startsWith("/a-to-z/")),
      "the A to Z is split",
    );
    assert.ok(
      pages.some((page) => /^\/types\/[^/]+\/page-2\/$/.test(page.url)),
      "a kind has pages",
    );
    let largest = { url: "", bytes: 0 };
    for (const page of pages) {
      const bytes = Buffer.byteLength(page.render());
      if (bytes > largest.bytes) largest = { url: page.url, bytes };
    }
    assert.ok(largest.bytes <= 200 * 1024, `${largest.url}: ${largest.bytes} bytes`);
    const index = Buffer.byteLength(pages.find((page) => page.url === "/organisations/")!.render());
    assert.ok(index < 30 * 1024, `the A to Z's first page: ${index} bytes`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test.run();
