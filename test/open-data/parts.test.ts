/**
 * How the large open data tables are cut into parts (src/model/open-data-parts.ts): one
 * part a year, a year over the limit going on in `<year>-2`, never an inspection's rows
 * split, and the parts together every row.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  openDataOrder,
  planOpenDataParts,
  planParts,
  type RowsSize,
  type RowsSizeMemo,
} from "../../src/model/open-data-parts.ts";
import type { Inspection } from "../../src/model/types.ts";
import { inspectionRow, judgementRows } from "../../src/model/open-data.ts";
import { readSite } from "../../src/site.ts";
import { projectRoot } from "../fixtures/build-site.ts";

const test = suite("open data: the large tables in parts");

const sizes = (...items: [string, number, number?][]): RowsSize[] =>
  items.map(([year, bytes, rows]) => ({ year, bytes, rows: rows ?? 1 }));

test("a part a year; a year over the limit goes on in <year>-2, <year>-3", () => {
  const parts = planParts(
    "judgements",
    sizes(["2019", 40, 4], ["2019", 50, 5], ["2019", 30, 3], ["2019", 90, 9], ["2020", 10, 1]),
    100,
  );
  assert.equal(
    parts.map(({ name, year, rows, from, to }) => ({ name, year, rows, from, to })),
    [
      { name: "2019", year: "2019", rows: 9, from: 0, to: 2 },
      { name: "2019-2", year: "2019", rows: 3, from: 2, to: 3 },
      { name: "2019-3", year: "2019", rows: 9, from: 3, to: 4 },
      { name: "2020", year: "2020", rows: 1, from: 4, to: 5 },
    ],
  );
});

test("an item larger than the limit is a part of its own, never split; a year met again goes on counting", () => {
  const parts = planParts("inspections", sizes(["2019", 500], ["2019", 5], ["2018", 5], ["2019", 5]), 100);
  assert.equal(
    parts.map((part) => [part.name, part.from, part.to]),
    [
      ["2019", 0, 1],
      ["2019-2", 1, 2],
      ["2018", 2, 3],
      ["2019-3", 3, 4],
    ],
  );
  assert.equal(planParts("inspections", [], 100), []);
});

test("on the sample, with a small limit: every inspection's rows in exactly one part, in order, each part within the limit", () => {
  const site = readSite(projectRoot, "content", {});
  const chronological = openDataOrder(site.model.inspections);
  const limit = 3_000;
  const parts = planOpenDataParts(chronological, limit);
  for (const table of ["inspections", "judgements"] as const) {
    const list = parts[table];
    assert.is(list[0]!.from, 0);
    assert.is(list.at(-1)!.to, chronological.length);
    for (const [index, part] of list.entries()) {
      if (index > 0) assert.is(part.from, list[index - 1]!.to, `${table} ${part.name} follows on`);
      const inspections = chronological.slice(part.from, part.to);
      for (const inspection of inspections) assert.is(inspection.placedOn.slice(0, 4), part.year);
      const rows = table === "inspections" ? inspections.map(inspectionRow) : inspections.flatMap(judgementRows);
      assert.is(part.rows, rows.length);
      const bytes = rows.reduce((total, row) => total + Buffer.byteLength(JSON.stringify(row)) + 1, 0);
      assert.ok(bytes <= limit || part.to - part.from === 1, `${table} ${part.name}: ${bytes} bytes`);
    }
  }
  // With a limit of one byte, every inspection is a part of its own.
  assert.is(planOpenDataParts(chronological, 1).inspections.length, chronological.length);
  // With the real limit, the sample is one part a year.
  const whole = planOpenDataParts(chronological);
  assert.equal(
    whole.inspections.map((part) => part.name),
    [...new Set(chronological.map((inspection) => inspection.placedOn.slice(0, 4)))],
  );
});

test("the open data's order keeps a year together, the model's order within it, where the model interleaves years", () => {
  // Newest first, as the model lists them; a source ordered by publication can interleave years.
  const newestFirst = ["2020-05-01 a", "2019-12-30 b", "2020-01-10 c", "2019-03-01 d", "2018-07-01 e"].map(
    (text) => ({ placedOn: text.slice(0, 10), id: text.slice(11) }) as unknown as Inspection,
  );
  assert.equal(
    openDataOrder(newestFirst).map((inspection) => inspection.id),
    ["e", "d", "b", "c", "a"],
  );
});

test("each inspection's sizes are worked out once while the object is kept (the preview's memory)", () => {
  const site = readSite(projectRoot, "content", {});
  const ordered = openDataOrder(site.model.inspections);
  const memo: RowsSizeMemo = new WeakMap();
  const first = planOpenDataParts(ordered, 3_000, memo);
  assert.ok(ordered.every((inspection) => memo.has(inspection)));
  const kept = memo.get(ordered[0]!)!;
  kept.judgements = { ...kept.judgements, bytes: 10_000 };
  // A remembered size is used as it is: the first inspection alone now fills its part.
  const second = planOpenDataParts(ordered, 3_000, memo);
  assert.is(second.judgements[0]!.to, 1);
  assert.equal(planOpenDataParts(ordered, 3_000).judgements, first.judgements);
});

test.run();
