import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  anchored,
  CALENDAR_DAY,
  CALENDAR_MONTH,
  dayRangePatterns,
  FINANCIAL_YEAR,
  POINT_IN_TIME,
} from "../../src/content/date-patterns.ts";
import { isCalendarDay, parsePoint } from "../../src/model/dates.ts";

const patterns = suite("date patterns: what the schemas and forms accept, exactly as check does");

const two = (value: number) => String(value).padStart(2, "0");
const YEARS = Array.from({ length: 801 }, (_, index) => 1600 + index);

patterns("a day matches exactly when check reads it as a day that exists (1600 to 2400)", () => {
  const day = new RegExp(anchored(CALENDAR_DAY));
  const disagreements: string[] = [];
  for (const year of YEARS)
    for (let month = 0; month <= 13; month++)
      for (let date = 0; date <= 32; date++) {
        const text = `${year}-${two(month)}-${two(date)}`;
        if (day.test(text) !== isCalendarDay(text)) disagreements.push(text);
      }
  assert.equal(disagreements, []);
  for (const text of ["2024-02-29", "2000-02-29", "2023-06-30"]) assert.ok(day.test(text), text);
  for (const text of ["2023-02-29", "1900-02-29", "2024-06-31", "2024-13-01", "2024-2-1", "24-02-01"])
    assert.not.ok(day.test(text), text);
});

patterns("a point in time matches exactly when check reads one: day, month, year, financial year", () => {
  const point = new RegExp(anchored(POINT_IN_TIME));
  const disagreements: string[] = [];
  const samples = [
    ...YEARS.map(String),
    ...YEARS.flatMap((year) => Array.from({ length: 100 }, (_, last) => `${year}-${two(last)}`)),
    ...YEARS.flatMap((year) => [`${year}/${two((year + 1) % 100)}`, `${year}/${two((year + 2) % 100)}`]),
    "1999-00",
    "1999/00",
    "2099-00",
    " 2017 ",
    "2017-03-14",
    "2017-02-29",
    "17",
    "2017-3",
    "twenty",
  ];
  for (const text of samples) if (point.test(text) !== (parsePoint(text) !== null)) disagreements.push(text);
  assert.equal(disagreements, []);
  assert.ok(new RegExp(anchored(FINANCIAL_YEAR)).test("2015-16"));
  assert.not.ok(new RegExp(anchored(FINANCIAL_YEAR)).test("2015-17"));
  assert.ok(new RegExp(anchored(CALENDAR_MONTH)).test("2017-12"));
});

patterns("a range of days: every day from the first to the last matches, and none outside", () => {
  const inRange = (from: string | undefined, to: string | undefined, day: string) =>
    dayRangePatterns(from, to).every((pattern) => new RegExp(pattern).test(day));
  const days: string[] = [];
  for (let year = 2017; year <= 2027; year++)
    for (let month = 1; month <= 12; month++)
      for (const date of [1, 9, 10, 19, 20, 28, 29, 30, 31]) days.push(`${year}-${two(month)}-${two(date)}`);
  for (const [from, to] of [
    ["2018-01-01", "2022-12-31"],
    ["2023-01-01", "2026-03-31"],
    ["2019-09-30", "2020-10-09"],
    ["2026-04-01", undefined],
    [undefined, "2019-12-31"],
  ] as const) {
    const wrong = days.filter(
      (day) => inRange(from, to, day) !== ((from === undefined || day >= from) && (to === undefined || day <= to)),
    );
    assert.equal(wrong, [], `${from} to ${to}`);
  }
  assert.equal(dayRangePatterns(), []);
});

patterns.run();
