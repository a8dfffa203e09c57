/**
 * Dates as editors know them. An inspection visit has exact days; a piece of context is
 * often only "2017" or "2015-16". Every such date becomes a period (first and last day),
 * which is what timelines sort on, plus a label written the way a reader would say it.
 */

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

// Plain arithmetic on the proleptic Gregorian calendar, in English: every build and check
// reads thousands of dates, and a date library (with the machine's locale) cost more than
// everything else in reading a file. docs/performance.md.
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for YYYY-MM-DD naming a day that exists (no 30 February, no month 13). */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

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
    const year = text.slice(0, 4);
    const month = Number(text.slice(5, 7));
    if (month < 1 || month > 12) return null;
    const last = daysInMonth(Number(year), month);
    return { precision: "month", start: `${text}-01`, end: `${text}-${last}`, label: `${MONTHS[month - 1]} ${year}` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (!isCalendarDay(text)) return null;
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
  return `${Number(isoDay.slice(8, 10))} ${MONTHS[Number(isoDay.slice(5, 7)) - 1]} ${isoDay.slice(0, 4)}`;
}

/** "12 to 23 February 2024", "29 April to 21 May 2014": a visit as a reader would say it. */
export function formatDayRange(start: string, end: string): string {
  if (start === end) return formatDay(start);
  const day = Number(start.slice(8, 10));
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${formatDay(start)} to ${formatDay(end)}`;
  if (start.slice(5, 7) !== end.slice(5, 7))
    return `${day} ${MONTHS[Number(start.slice(5, 7)) - 1]} to ${formatDay(end)}`;
  return `${day} to ${formatDay(end)}`;
}

/** "February 2024" */
export function formatMonth(isoDay: string): string {
  return `${MONTHS[Number(isoDay.slice(5, 7)) - 1]} ${isoDay.slice(0, 4)}`;
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
