/**
 * Dates as editors know them. An inspection visit has exact days; a piece of context is
 * often only "2017" or "2015-16". Every such date becomes a period (first and last day),
 * which is what timelines sort on, plus a label written the way a reader would say it.
 */
import { DateTime } from "luxon";

export type Precision = "day" | "month" | "year" | "financial-year" | "range";

export interface Period {
  precision: Precision;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
  /** For readers: "14 March 2017", "March 2017", "2017", "2015-16", "January to June 2017". */
  label: string;
}

/** A single point as written in frontmatter; YAML gives years as numbers. */
export type PointInput = string | number;
export type PeriodInput = PointInput | { from: PointInput; to: PointInput };

const iso = (date: DateTime): string => date.toISODate() ?? "";

/**
 * UK public bodies budget by financial year, April to March, written "2015-16" or
 * "2015/16". `YYYY-NN` where NN is the next year's last two digits is read as one; any
 * other `YYYY-NN` is a month. (So December 2011 must be written as a day or a range.)
 */
function financialYear(text: string): Period | null {
  const match = /^(\d{4})[-/](\d{2})$/.exec(text);
  if (!match) return null;
  const first = Number(match[1]);
  if ((first + 1) % 100 !== Number(match[2])) return null;
  return {
    precision: "financial-year",
    start: `${first}-04-01`,
    end: `${first + 1}-03-31`,
    label: `${first}-${match[2]}`,
  };
}

/** Reads one point in time, or returns null when it is not a real one. */
export function parsePoint(input: PointInput): Period | null {
  const text = String(input).trim();
  const fy = financialYear(text);
  if (fy) return fy;
  if (/^\d{4}$/.test(text)) {
    return { precision: "year", start: `${text}-01-01`, end: `${text}-12-31`, label: text };
  }
  if (/^\d{4}-\d{2}$/.test(text)) {
    const month = DateTime.fromFormat(text, "yyyy-MM", { zone: "utc" });
    if (!month.isValid) return null;
    return { precision: "month", start: iso(month), end: iso(month.endOf("month")), label: month.toFormat("LLLL yyyy") };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = DateTime.fromISO(text, { zone: "utc" });
    if (!day.isValid) return null;
    return { precision: "day", start: text, end: text, label: formatDay(text) };
  }
  return null;
}

/** Reads a point or a { from, to } range; null when either end is not real or they are reversed. */
export function parsePeriod(input: PeriodInput): Period | null {
  if (typeof input !== "object") return parsePoint(input);
  const from = parsePoint(input.from);
  const to = parsePoint(input.to);
  if (!from || !to || to.end < from.start) return null;
  return { precision: "range", start: from.start, end: to.end, label: `${from.label} to ${to.label}` };
}

/** "12 February 2024": the form GOV.UK's style guide uses. */
export function formatDay(isoDay: string): string {
  return DateTime.fromISO(isoDay, { zone: "utc" }).toFormat("d LLLL yyyy");
}

/** "12 to 23 February 2024", "29 April to 21 May 2014": a visit as a reader would say it. */
export function formatDayRange(start: string, end: string): string {
  if (start === end) return formatDay(start);
  const from = DateTime.fromISO(start, { zone: "utc" });
  const to = DateTime.fromISO(end, { zone: "utc" });
  if (from.year !== to.year) return `${formatDay(start)} to ${formatDay(end)}`;
  if (from.month !== to.month) return `${from.toFormat("d LLLL")} to ${formatDay(end)}`;
  return `${from.toFormat("d")} to ${formatDay(end)}`;
}

export function yearOf(isoDay: string): number {
  return Number(isoDay.slice(0, 4));
}

/** Visit days as a period; a visit known only by month or year keeps that precision. */
export function visitPeriod(visit: { start: string; end: string } | string | number): Period | null {
  if (typeof visit !== "object") return parsePoint(visit);
  const { start, end } = visit;
  return { precision: start === end ? "day" : "range", start, end, label: formatDayRange(start, end) };
}
