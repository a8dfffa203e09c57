/**
 * Grades over time at 20+ inspections (src/render/charts.ts): a care service graded every
 * few months for 22 years. The axis prints years that never run together, the dots shrink
 * where inspections crowd, the table has a row per inspection (named by its day where a
 * year holds more than one), and inspections' own titles say the day when the year alone
 * would name two alike.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ContentSet } from "../../src/content/content-set.ts";
import { trajectories } from "../../src/model/trajectory.ts";
import { axisYears, dotRadius, TABLE_OPEN_UP_TO, YEAR_GAP } from "../../src/render/charts.ts";
import { trajectorySection } from "../../src/render/timeline.ts";
import {
  emptyContent,
  findOrganisation,
  framework,
  inspection,
  inspectorate,
  modelOf,
  organisation,
  scale,
  sampleContent,
  withEntries,
} from "../fixtures/content.ts";

const test = suite("render: grades over time at many inspections");

const GRADES = ["excellent", "very-good", "good", "adequate", "weak", "unsatisfactory"];

/** A service inspected on each of `days`, its grades moving round the scale. */
function serviceOn(days: readonly string[], titled: Record<number, string> = {}): ContentSet {
  return withEntries(emptyContent(), {
    inspectorates: [inspectorate("care", "Care Test")],
    scales: [scale("six", "Six-point scale", GRADES)],
    frameworks: [
      framework("themes", {
        inspectorate: "care",
        shortName: "Themes",
        scale: "six",
        inForce: { from: "2000-01-01" },
        areas: ["wellbeing", "staffing", "setting"],
      }),
    ],
    organisations: [organisation("service", "Test Service")],
    inspections: days.map((day, index) => {
      const entry = inspection("service", `${day}-inspection`, {
        framework: "themes",
        visit: [day, day],
        judgements: {
          wellbeing: GRADES[index % 6]!,
          staffing: GRADES[(index * 5) % 6]!,
          setting: GRADES[(index + 2) % 6]!,
        },
      });
      const title = titled[index];
      return title === undefined ? entry : { ...entry, data: { ...entry.data, title } };
    }),
  });
}

/** `count` days from 2004 to 2025, crowding into the later years as a care service's gradings do. */
function days(count: number): string[] {
  const start = Date.parse("2004-02-10");
  const span = Date.parse("2025-11-20") - start;
  return Array.from({ length: count }, (_, index) => {
    const share = count === 1 ? 0 : Math.sqrt(index / (count - 1));
    return new Date(start + share * span).toISOString().slice(0, 10);
  });
}

test("the axis keeps the first year, never prints a year twice, and keeps its labels a year's width apart", () => {
  for (let count = 1; count <= 40; count++) {
    for (const spread of [days(count), days(count).map((day) => `2025${day.slice(4)}`)]) {
      const times = spread.map((day) => Date.parse(day));
      const [first, last] = [Math.min(...times), Math.max(...times)];
      const xs = times.map((time) => (first === last ? 200 : 92 + ((time - first) / (last - first)) * 214));
      const years = spread.map((day) => Number(day.slice(0, 4)));
      const labels = axisYears(xs, years);
      assert.equal(labels[0], { x: xs[0], year: years[0] }, `${count} inspections`);
      assert.is(new Set(labels.map((label) => label.year)).size, labels.length);
      for (let index = 1; index < labels.length; index++)
        assert.ok(labels[index]!.x - labels[index - 1]!.x >= YEAR_GAP, `${count}: ${JSON.stringify(labels)}`);
      for (const label of labels) assert.ok(xs.includes(label.x) && years[xs.indexOf(label.x)] === label.year);
      // Over 22 years there is room for more than the ends.
      if (count >= 10 && years[0] !== years[years.length - 1]) assert.ok(labels.length >= 4, `${count}`);
    }
  }
  assert.equal(axisYears([], []), []);
  assert.equal(axisYears([92, 306], [2019, 2020]), [
    { x: 92, year: 2019 },
    { x: 306, year: 2020 },
  ]);
});

test("dots shrink where inspections crowd, so neighbours never merge, and never below 2", () => {
  assert.is(dotRadius([100]), 4.5);
  assert.is(dotRadius([100, 200]), 4.5);
  assert.is(dotRadius([100, 106, 200]), 2.5);
  assert.is(dotRadius([100, 100.5, 200]), 2);
});

/** The axes a chart draws, or those of the chart whose axes it uses. */
function axesOf(chart: string, markup: string): string {
  const used = chart.match(/<use href="#([^"]+)"\/>/)?.[1];
  if (!used) return chart.match(/<g id="[^"]+-axes">(.*?)<\/g>/)![1]!;
  return markup.match(new RegExp(`<g id="${used}">(.*?)</g>`))![1]!;
}

/** The first chart of a trajectory draws the axes (grid, grades, years), and every other uses them. */
function assertAxesShared(charts: string[]): void {
  const id = charts[0]!.match(/<g id="([^"]+-axes)">/)?.[1];
  assert.ok(id, "the first chart draws the axes");
  for (const chart of charts.slice(1)) {
    assert.match(chart, `<use href="#${id}"/>`);
    assert.not.match(chart, "chart-year");
  }
}

test("40 inspections: years apart on every chart, a row per inspection, the table folded away", () => {
  const model = modelOf(serviceOn(days(40)));
  const markup = trajectorySection(findOrganisation(model, "service")).toString();
  const charts = markup.split('<svg class="chart"').slice(1);
  assert.is(charts.length, 3);
  assertAxesShared(charts);
  for (const chart of charts.slice(0, 1)) {
    const xs = [...chart.matchAll(/<text class="chart-year" x="([\d.]+)"/g)].map((match) => Number(match[1]));
    assert.ok(xs.length >= 4);
    for (let index = 1; index < xs.length; index++) assert.ok(xs[index]! - xs[index - 1]! >= YEAR_GAP);
  }
  const rows = [
    ...markup.matchAll(/<tr><th scope="row"><a href="\/organisations\/service\/([^/]+)\/">([^<]+)<\/a><\/th>/g),
  ];
  assert.is(rows.length, 40);
  assert.equal(
    rows.map((row) => row[1]),
    days(40).map((day) => `${day}-inspection`),
  );
  // 2025 holds several inspections: each is named by its day; 2004 holds one, named by its year.
  assert.is(rows[0]![2], "2004");
  assert.match(rows[39]![2]!, /^\d{1,2} November 2025$/);
  assert.match(markup, '<th scope="col">Inspection</th><th scope="col">wellbeing</th>');
  assert.match(markup, '<td data-label="staffing">');
  assert.match(markup, `<summary>The same grades as a table (40 inspections)</summary>`);
});

test("gradings published out of the order of their visits are drawn by the visit: years left to right, rows in order", () => {
  // As the Care Inspectorate's datastore does for a few services: the grading of the visit of
  // 13 July 2021 was published after that of 24 September 2021's. Its inspectorate gives
  // every grade in force, so the model orders its inspections by publication.
  const visits = ["2016-06-13", "2017-05-02", "2021-07-14", "2021-09-24", "2021-07-13", "2022-07-18"];
  const published = ["2016-06-22", "2017-06-08", "2021-08-25", "2021-10-26", "2021-12-17", "2022-09-25"];
  const content = serviceOn(visits);
  const inForce = {
    ...content,
    inspectorates: content.inspectorates.map((entry) => ({
      ...entry,
      data: { ...entry.data, gradings: "in-force" as const },
    })),
    inspections: content.inspections.map((entry, index) => ({
      ...entry,
      data: { ...entry.data, published: published[index]! },
    })),
  };
  const service = findOrganisation(modelOf(inForce), "service");
  assert.equal(
    service.inspections.map((inspection) => inspection.placedOn),
    visits,
    "the model keeps publication order",
  );
  const [trajectory] = trajectories(service.inspections);
  assert.equal(
    trajectory!.inspections.map((inspection) => inspection.placedOn),
    [...visits].sort(),
  );
  const markup = trajectorySection(service).toString();
  assertAxesShared(markup.split('<svg class="chart"').slice(1));
  for (const chart of markup.split('<svg class="chart"').slice(1)) {
    const years = [...axesOf(chart, markup).matchAll(/<text class="chart-year" x="([\d.]+)"[^>]*>(\d{4})</g)];
    assert.ok(years.length >= 2);
    for (let index = 1; index < years.length; index++) {
      assert.ok(Number(years[index]![1]) > Number(years[index - 1]![1]), chart);
      assert.ok(Number(years[index]![2]) > Number(years[index - 1]![2]), chart);
    }
    const steps = chart.match(/class="chart-step" d="([^"]*)"/)![1]!;
    const xs = [...steps.matchAll(/[MH]([\d.]+)/g)].map((match) => Number(match[1]));
    assert.ok(
      xs.every((x, index) => index === 0 || x >= xs[index - 1]!),
      steps,
    );
  }
  // Its data does not say which areas an inspection looked at: the chart never says "judged".
  assert.match(markup, "a dot for each grade of each grading, as the Care Test&#39;s data gives every grade in force");
  assert.not.match(markup, "judged it");
  assert.match(
    trajectorySection(findOrganisation(modelOf(serviceOn(visits)), "service")).toString(),
    "a dot where the inspection judged it, the line alone where an earlier rating still stood",
  );
  const rows = [
    ...markup.matchAll(/<tr><th scope="row"><a href="\/organisations\/service\/(\d{4}-\d\d-\d\d)-inspection\/">/g),
  ];
  assert.equal(
    rows.map((row) => row[1]),
    [...visits].sort(),
  );
});

test("a few inspections: the table is open under the charts", () => {
  const model = modelOf(serviceOn(days(TABLE_OPEN_UP_TO)));
  const markup = trajectorySection(findOrganisation(model, "service")).toString();
  assert.not.match(markup, "<details");
  assert.match(markup, '<caption id="service-trajectory-1-table">The same grades as a table</caption>');
});

test("titles made from the year name by the day the inspections a year holds more than one of", () => {
  const model = modelOf(
    serviceOn(["2019-05-02", "2025-03-03", "2025-07-17", "2025-11-20", "2026-01-09"], {
      4: "Care Test standard inspection, 2025",
    }),
  );
  const titles = findOrganisation(model, "service").inspections.map((inspection) => inspection.title);
  assert.equal(titles, [
    "Care Test standard inspection, 2019",
    "Care Test standard inspection, 3 March 2025",
    "Care Test standard inspection, 17 July 2025",
    "Care Test standard inspection, 20 November 2025",
    // An editor's title is the editor's, even when it reads like a made one.
    "Care Test standard inspection, 2025",
  ]);
});

test("a dot where each inspection judged the area, as one path of round ends; the table's chips without meters", () => {
  const model = modelOf(sampleContent());
  const markup = trajectorySection(findOrganisation(model, "oxfordshire")).toString();
  const charts = markup.split('<svg class="chart"').slice(1);
  const dots = (chart: string) => chart.match(/<path class="chart-point" d="([^"]*)" stroke-width="([\d.]+)"\/>/);
  // Overall effectiveness: 2014, 2018 and 2024 graded it; the 2020 focused visit graded nothing.
  const overall = dots(charts[0]!)!;
  assert.is(overall[1]!.match(/h0/g)!.length, 3);
  assert.is(overall[2], "9");
  for (const chart of charts) assert.ok(dots(chart), chart);
  const table = markup.slice(markup.indexOf('<table class="trajectory-table">'));
  assert.match(table, '<span class="grade grade-');
  assert.not.match(table, "grade-meter");
});

test.run();
