/**
 * docs/performance.md: dates are read and written with plain arithmetic instead of luxon,
 * because luxon was the largest single cost of reading content. These pin that the
 * arithmetic says exactly what luxon said, for every day from 1900 to 2100.
 */
import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatDay, formatDayRange, isCalendarDay, parsePoint } from "../../src/model/dates.ts";

const dates = suite("bench: dates without luxon say what luxon said");

const days: string[] = [];
for (let day = DateTime.utc(1900, 1, 1); day.year <= 2100; day = day.plus({ days: 1 })) days.push(day.toISODate()!);

dates("every day from 1900 to 2100 is formatted as luxon formats it", () => {
  for (const day of days) {
    const expected = DateTime.fromISO(day, { zone: "utc", locale: "en-GB" }).toFormat("d LLLL yyyy");
    if (formatDay(day) !== expected) assert.is(formatDay(day), expected, day);
    if (!isCalendarDay(day)) assert.ok(false, `${day} should be a calendar day`);
  }
});

dates("days that do not exist are refused, as luxon refused them", () => {
  for (let year = 1896; year <= 2104; year++) {
    for (let month = 0; month <= 13; month++) {
      for (const day of [0, 28, 29, 30, 31, 32]) {
        const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const expected = DateTime.fromISO(text, { zone: "utc" }).isValid;
        if (isCalendarDay(text) !== expected) assert.is(isCalendarDay(text), expected, text);
        assert.is(parsePoint(text) !== null, expected, text);
      }
    }
  }
});

dates("months start and end where luxon says, with its month names", () => {
  for (let year = 1900; year <= 2100; year++) {
    for (let month = 1; month <= 12; month++) {
      const text = `${year}-${String(month).padStart(2, "0")}`;
      if (text.slice(5) === String(year + 1).slice(2)) continue; // a financial year, not a month
      const luxon = DateTime.fromFormat(text, "yyyy-MM", { zone: "utc", locale: "en-GB" });
      assert.equal(parsePoint(text), {
        precision: "month",
        start: luxon.toISODate(),
        end: luxon.endOf("month").toISODate(),
        label: luxon.toFormat("LLLL yyyy"),
      });
    }
  }
});

dates("visit ranges read as luxon wrote them", () => {
  const luxonRange = (start: string, end: string) => {
    if (start === end) return DateTime.fromISO(start, { zone: "utc", locale: "en-GB" }).toFormat("d LLLL yyyy");
    const from = DateTime.fromISO(start, { zone: "utc", locale: "en-GB" });
    const to = DateTime.fromISO(end, { zone: "utc", locale: "en-GB" });
    const last = to.toFormat("d LLLL yyyy");
    if (from.year !== to.year) return `${from.toFormat("d LLLL yyyy")} to ${last}`;
    if (from.month !== to.month) return `${from.toFormat("d LLLL")} to ${last}`;
    return `${from.toFormat("d")} to ${last}`;
  };
  for (let index = 0; index < days.length; index += 7) {
    const start = days[index]!;
    for (const length of [0, 1, 4, 11, 25, 40, 400]) {
      const end = days[index + length];
      if (end) assert.is(formatDayRange(start, end), luxonRange(start, end), `${start} to ${end}`);
    }
  }
});

dates.run();
