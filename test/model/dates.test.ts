/**
 * Dates as editors write them: a day, a month, a year, a financial year or a range, each
 * read as the period it covers and labelled the way a reader would say it.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatDay, formatDayRange, parsePeriod, parsePoint, visitPeriod, yearOf } from "../../src/model/dates.ts";

const points = suite("reading one date");

points("a day is that day", () => {
  assert.equal(parsePoint("2017-03-14"), {
    precision: "day",
    start: "2017-03-14",
    end: "2017-03-14",
    label: "14 March 2017",
  });
});

points("a month runs from its first day to its last, leap years included", () => {
  assert.equal(parsePoint("2017-03"), {
    precision: "month",
    start: "2017-03-01",
    end: "2017-03-31",
    label: "March 2017",
  });
  assert.equal(parsePoint("2024-02"), {
    precision: "month",
    start: "2024-02-01",
    end: "2024-02-29",
    label: "February 2024",
  });
  assert.equal(parsePoint("2023-02"), {
    precision: "month",
    start: "2023-02-01",
    end: "2023-02-28",
    label: "February 2023",
  });
});

points("a year is read the same whether YAML gave a number or text", () => {
  const year = { precision: "year", start: "2017-01-01", end: "2017-12-31", label: "2017" };
  assert.equal(parsePoint(2017), year);
  assert.equal(parsePoint("2017"), year);
});

points("a financial year runs April to March, written 2015-16 or 2015/16", () => {
  const financialYear = { precision: "financial-year", start: "2015-04-01", end: "2016-03-31", label: "2015-16" };
  assert.equal(parsePoint("2015-16"), financialYear);
  assert.equal(parsePoint("2015/16"), financialYear);
});

points("a financial year across a century is still one", () => {
  assert.equal(parsePoint("1999-00"), {
    precision: "financial-year",
    start: "1999-04-01",
    end: "2000-03-31",
    label: "1999-00",
  });
});

points("YYYY-NN is a financial year only when NN is the next year; otherwise a month", () => {
  assert.is(parsePoint("2011-12")?.precision, "financial-year");
  assert.is(parsePoint("2012-11")?.precision, "month");
  assert.is(parsePoint("2012-11")?.label, "November 2012");
});

points("impossible dates are refused: 30 February, month 13, a financial year that skips a year", () => {
  assert.is(parsePoint("2024-02-30"), null);
  assert.is(parsePoint("2023-02-29"), null);
  assert.is(parsePoint("2017-13"), null);
  assert.is(parsePoint("2017-00"), null);
  assert.is(parsePoint("2015-17"), null);
  assert.is(parsePoint("2015/17"), null);
});

points("29 February exists in a leap year", () => {
  assert.is(parsePoint("2024-02-29")?.label, "29 February 2024");
});

points("other ways of writing a date are refused rather than guessed", () => {
  for (const text of ["March 2017", "14/03/2017", "2017-3", "2017-3-14", "17", "2017-03-14T10:00", "", "2015-2016"]) {
    assert.is(parsePoint(text), null, `'${text}' should be refused`);
  }
});

const ranges = suite("reading a range");

ranges("a range runs from the first day of 'from' to the last day of 'to'", () => {
  assert.equal(parsePeriod({ from: "2022-08", to: "2024-02" }), {
    precision: "range",
    start: "2022-08-01",
    end: "2024-02-29",
    label: "August 2022 to February 2024",
  });
});

ranges("the ends of a range can have different precisions", () => {
  assert.equal(parsePeriod({ from: "2015-16", to: 2017 }), {
    precision: "range",
    start: "2015-04-01",
    end: "2017-12-31",
    label: "2015-16 to 2017",
  });
  assert.equal(parsePeriod({ from: "2017-03-14", to: "2017-06" }), {
    precision: "range",
    start: "2017-03-14",
    end: "2017-06-30",
    label: "14 March 2017 to June 2017",
  });
});

ranges("a reversed range, or one with an impossible end, is refused", () => {
  assert.is(parsePeriod({ from: "2024-02", to: "2022-08" }), null);
  assert.is(parsePeriod({ from: "2017-03-15", to: "2017-03-14" }), null);
  assert.is(parsePeriod({ from: "2017", to: "2017-13" }), null);
  assert.is(parsePeriod({ from: "2024-02-30", to: "2024-03" }), null);
});

ranges("a range may start and end in the same month", () => {
  assert.equal(parsePeriod({ from: "2017-03", to: "2017-03" }), {
    precision: "range",
    start: "2017-03-01",
    end: "2017-03-31",
    label: "March 2017 to March 2017",
  });
});

ranges("a single date given where a range may be is read as that date", () => {
  assert.equal(parsePeriod("2015/16"), parsePoint("2015-16"));
  assert.equal(parsePeriod(2017), parsePoint("2017"));
});

const visits = suite("visit days for readers");

visits("days are written as GOV.UK writes them", () => {
  assert.is(formatDay("2024-02-12"), "12 February 2024");
  assert.is(formatDay("2014-06-01"), "1 June 2014");
});

visits("a visit names the month and year once where they are shared", () => {
  assert.is(formatDayRange("2024-02-12", "2024-02-23"), "12 to 23 February 2024");
  assert.is(formatDayRange("2014-04-29", "2014-05-21"), "29 April to 21 May 2014");
  assert.is(formatDayRange("2019-12-30", "2020-01-03"), "30 December 2019 to 3 January 2020");
  assert.is(formatDayRange("2024-02-12", "2024-02-12"), "12 February 2024");
});

visits("a visit with exact days is a range, or a day when it lasted one day", () => {
  assert.equal(visitPeriod({ start: "2018-04-16", end: "2018-04-20" }), {
    precision: "range",
    start: "2018-04-16",
    end: "2018-04-20",
    label: "16 to 20 April 2018",
  });
  assert.equal(visitPeriod({ start: "2018-04-16", end: "2018-04-16" }), {
    precision: "day",
    start: "2018-04-16",
    end: "2018-04-16",
    label: "16 April 2018",
  });
});

visits("a visit known only by month or year keeps that precision", () => {
  assert.equal(visitPeriod(2020), { precision: "year", start: "2020-01-01", end: "2020-12-31", label: "2020" });
  assert.equal(visitPeriod("2020-10"), {
    precision: "month",
    start: "2020-10-01",
    end: "2020-10-31",
    label: "October 2020",
  });
});

visits("the year of a day is its first four digits, as a number", () => {
  assert.is(yearOf("2018-04-16"), 2018);
});

points.run();
ranges.run();
visits.run();
