/** The lists of inspections: a first page, then a page per year, cut to size (src/render/listings.ts, src/render/pages.ts). */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { filterMemo, inspectionFilters } from "../../src/model/listings.ts";
import type { Inspection } from "../../src/model/types.ts";
import { inspectionLists, LIST_NEWEST, listingPages } from "../../src/render/listings.ts";
import { listingPage } from "../../src/render/pages.ts";
import { modelOf, sampleContent } from "../fixtures/content.ts";

const test = suite("render: the lists of inspections, by year");

const model = modelOf(sampleContent());
const filters = inspectionFilters(model);
const lists = inspectionLists(model.inspections, filters);
const all = lists[0]!;
const yearOf = (inspection: Inspection): number => Number(inspection.placedOn.slice(0, 4));

test("every inspection is on exactly one year's page of each list it is in, newest first", () => {
  const pages = listingPages(lists, 2);
  for (const list of lists) {
    const onYears = pages.filter((page) => page.list === list && page.year !== undefined).flatMap((page) => page.items);
    assert.equal(onYears, list.inspections, list.title);
  }
  assert.is(all.type, "all");
  assert.is(all.inspections.length, model.inspections.length);
});

test("a year's pages hold that year only, at most the page size, linked in order", () => {
  const pages = listingPages([all], 2);
  for (const { year, count } of all.years) {
    const ofYear = pages.filter((page) => page.year === year);
    assert.is(ofYear.length, Math.ceil(count / 2));
    ofYear.forEach((page, index) => {
      assert.ok(page.items.length <= 2 && page.items.every((inspection) => yearOf(inspection) === year));
      assert.is(page.pageNumber, index + 1);
      assert.is(page.url, index === 0 ? `/inspections/${year}/` : `/inspections/${year}/page-${index + 1}/`);
      assert.is(page.previousUrl, index === 0 ? undefined : ofYear[index - 1]!.url);
      assert.is(page.nextUrl, ofYear[index + 1]?.url);
    });
  }
});

test("the first page of a list says how many, by year, and shows the newest", () => {
  const [first] = listingPages([all]);
  assert.is(first!.url, "/inspections/");
  assert.is(first!.items.length, Math.min(LIST_NEWEST, all.inspections.length));
  const page = listingPage(first!, filters).content.toString();
  assert.match(page, `${model.inspections.length} inspections, newest first. By year:`);
  for (const { year, count } of all.years) assert.match(page, `<a href="/inspections/${year}/">${year}</a> (${count})`);
  assert.not.match(page, 'class="breadcrumb"');
});

test("a filter's year page marks its year and leads back to all inspections", () => {
  const filtered = lists.find((list) => list.type === "inspectorate")!;
  const { year } = filtered.years[0]!;
  const page = listingPages([filtered]).find((entry) => entry.year === year)!;
  assert.is(page.url, `/inspections/inspectorate/${filtered.key}/${year}/`);
  const markup = listingPage(page, filters).content.toString();
  assert.match(markup, `<span aria-current="page">${year}</span>`);
  assert.match(markup, '<p class="breadcrumb"><a href="/inspections/">All inspections</a></p>');
  assert.match(markup, `href="/inspections/inspectorate/${filtered.key}/" aria-current="page"`);
});

test("a list out of date order is still grouped by year, each year's inspections in the list's order", () => {
  // The model's lists are newest first, and each year is taken as one run; any other order is grouped item by item.
  const shuffled = [...model.inspections].sort((a, b) => a.id.localeCompare(b.id));
  const [list] = inspectionLists(shuffled, []);
  assert.equal(
    list!.years.map(({ year }) => year),
    [...new Set(shuffled.map(yearOf))].sort((a, b) => b - a),
  );
  for (const { year, count } of list!.years) {
    const ofYear = shuffled.filter((inspection) => yearOf(inspection) === year);
    assert.is(count, ofYear.length);
    assert.equal(list!.byYear.get(year), ofYear);
  }
});

test("the filters are the same with a memo of each inspection's filters, the first time and again", () => {
  const memo = filterMemo();
  const plain = JSON.stringify(
    filters.map((filter) => [
      filter.type,
      filter.key,
      filter.label,
      filter.inspections.map((inspection) => inspection.id),
    ]),
  );
  for (let time = 0; time < 2; time++) {
    const again = inspectionFilters(model, memo);
    assert.is(
      JSON.stringify(
        again.map((filter) => [
          filter.type,
          filter.key,
          filter.label,
          filter.inspections.map((inspection) => inspection.id),
        ]),
      ),
      plain,
    );
  }
});

test.run();
