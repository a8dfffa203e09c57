/** The lists of inspections: a first page, then a page per year, cut to size (src/render/listings.ts, src/render/pages.ts). */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { filterMemo, inspectionFilters } from "../../src/model/listings.ts";
import type { Inspection } from "../../src/model/types.ts";
import { formatDay } from "../../src/model/dates.ts";
import { UNKNOWN } from "../../src/model/outcomes.ts";
import { verdictSentence } from "../../src/model/sentence.ts";
import { escapeHtml } from "../../src/render/html.ts";
import { inspectionLists, LIST_NEWEST, listingPages } from "../../src/render/listings.ts";
import { gradeSummary } from "../../src/render/lists.ts";
import { inspectionUrl, listUrl } from "../../src/render/urls.ts";
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

test("a list's ledes group the thousands, as the years beside them do", () => {
  const page = listingPages([all]).find((entry) => entry.year !== undefined)!;
  const year = page.year!;
  const years = page.list.years.map((entry) => (entry.year === year ? { ...entry, count: 4705 } : entry));
  const inspections = Array.from({ length: 12345 }, () => page.items[0]!);
  const list = { ...page.list, years, inspections };
  assert.match(
    listingPage({ ...page, list }, filters).content.toString(),
    `<p class="lede">4,705 inspections in ${year}, newest first`,
  );
  assert.match(
    listingPage({ ...page, year: undefined, list }, filters).content.toString(),
    '<p class="lede">12,345 inspections, newest first.',
  );
  assert.match(listingPage(page, filters).content.toString(), /<p class="lede">\d{1,3} inspections? in /);
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

/** Inspections of one year on given days, in the order given (as a source ordered by publication lists them). */
function onDays(days: readonly string[]): Inspection[] {
  const template = model.inspections.find((inspection) => inspection.kind.graded)!;
  return days.map((day, index) => ({ ...template, id: `${template.id}-${index}`, placedOn: day }));
}

test("a list out of date order is still grouped by year, each year newest first by day, ties in the list's order", () => {
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
    assert.equal(
      list!.byYear.get(year),
      [...ofYear].sort((a, b) => b.placedOn.localeCompare(a.placedOn)),
    );
  }
  // Ordered by publication, the days of a year out of order (the Care Inspectorate's gradings): by day on the pages.
  const published = onDays(["2024-11-19", "2024-10-03", "2024-12-19", "2024-10-03", "2023-05-01", "2024-12-17"]);
  const [byPublication] = inspectionLists(published, []);
  const days = (items: readonly Inspection[] | undefined) => items?.map((inspection) => inspection.id.split("-").pop());
  assert.equal(days(byPublication!.byYear.get(2024)), ["2", "5", "0", "1", "3"]);
  assert.equal(days(byPublication!.byYear.get(2023)), ["4"]);
  assert.equal(
    days(listingPages([byPublication!])[0]!.items),
    ["2", "5", "0", "1", "3", "4"],
    "the newest, by day too",
  );
});

test("a year's page is a row per inspection: the organisation linked to its explainer, the day, and what it gave", () => {
  const pages = listingPages(lists);
  for (const page of pages.filter((entry) => entry.year !== undefined)) {
    const markup = listingPage(page, filters).content.toString();
    const rows = markup.match(/<li><a href="[^"]+">[^<]+<\/a>\n<span class="card-meta">[^<]+<\/span><\/li>/g) ?? [];
    assert.is(rows.length, page.items.length, page.url);
    for (const inspection of page.items) {
      assert.match(markup, `<a href="${inspectionUrl(inspection)}">${escapeHtml(inspection.organisation.name)}</a>`);
      assert.match(markup, inspection.visit ? inspection.visit.label : formatDay(inspection.published!));
      assert.match(markup, escapeHtml(gradeSummary(inspection)));
      assert.not.match(markup, escapeHtml(verdictSentence(inspection)), "no verdict sentence: a row, not a card");
    }
  }
});

test("a row names the inspectorate only in a list that has more than one", () => {
  const ofsted = lists.find((list) => list.type === "inspectorate" && list.key === "ofsted")!;
  assert.ok(all.inspectorates);
  assert.not.ok(ofsted.inspectorates);
  const metaOf = (list: typeof all) =>
    listingPage(
      listingPages([list]).find((page) => page.year === 2024)!,
      filters,
    )
      .content.toString()
      .match(/<span class="card-meta">([^<]+)<\/span>/)![1];
  assert.is(metaOf(all), "Ofsted · 12 to 23 February 2024 · Standard inspection · overall effectiveness: good");
  assert.is(metaOf(ofsted), "12 to 23 February 2024 · Standard inspection · overall effectiveness: good");
});

test("what a row says an inspection gave: the overall judgement, else each grade's count best first; an ungraded visit says so", () => {
  const byFile = (id: string) => model.inspections.find((inspection) => inspection.id === id)!;
  assert.is(gradeSummary(byFile("oxfordshire/2024-standard-inspection")), "overall effectiveness: good");
  assert.is(gradeSummary(byFile("oxfordshire/2020-focused-visit")), "not graded");
  // PEEL 2022 has no overall area: 3 good, 4 adequate, 2 requires improvement, in the scale's order, best first.
  const peel = byFile("wessex-police/2022-peel-inspection");
  const order = peel.framework.scale.grades.map((grade) => grade.short.toLowerCase());
  const summary = gradeSummary(peel);
  assert.is(summary, "3 good, 4 adequate, 2 requires improvement");
  const named = summary.split(", ").map((part) => part.replace(/^\d+ /, ""));
  assert.equal(
    named,
    [...named].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  );
  const unknown = {
    ...peel,
    judgements: peel.judgements.map((judgement, index) =>
      index === 0 ? { ...judgement, outcome: UNKNOWN } : judgement,
    ),
  };
  assert.match(gradeSummary(unknown), /, 1 not known$/);
});

test("a year's pages fold the other lists under a summary; a list's first page shows them open", () => {
  const pages = listingPages([all]);
  const first = listingPage(pages[0]!, filters).content.toString();
  const year = listingPage(
    pages.find((page) => page.year !== undefined)!,
    filters,
  ).content.toString();
  assert.match(first, '<nav class="filters" aria-label="Narrow the list">');
  assert.not.match(first, "<details");
  assert.match(
    year,
    '<details class="filters-folded"><summary>Other lists: by inspectorate, framework and grade</summary>',
  );
  for (const filter of filters) assert.match(year, `href="${listUrl(filter.type, filter.key)}"`);
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
