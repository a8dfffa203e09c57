/**
 * Matching a report's words, not its characters. Text taken out of a PDF splits words
 * ("Adoption p erformance"), joins them ("Requires\nImprovement" read across a cell), and
 * mixes typographic and plain apostrophes, so every phrase is looked for in a compact
 * form of the text: lower-case letters and digits only. `CompactText` keeps, for each
 * compact character, where it came from, so what is found can be quoted as the report
 * wrote it.
 */

/** The compact form of a phrase: "Children's  Services" -> "childrensservices". */
export function compact(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export class CompactText {
  readonly original: string;
  /** Lower-case letters and digits only. */
  readonly value: string;
  /** For each character of `value`, its index in `original`. */
  private readonly from: number[];

  constructor(original: string) {
    this.original = original;
    const value: string[] = [];
    const from: number[] = [];
    for (let index = 0; index < original.length; index++) {
      for (const character of compact(original[index]!)) {
        value.push(character);
        from.push(index);
      }
    }
    this.value = value.join("");
    this.from = from;
  }

  /** Where the compact character at `position` is in the original text. */
  originalIndex(position: number): number {
    return this.from[Math.max(0, Math.min(position, this.value.length - 1))] ?? 0;
  }

  /** The original text from compact position `start` (inclusive) to `end` (exclusive). */
  slice(start: number, end: number = this.value.length): string {
    if (start >= this.value.length) return "";
    const last = end > start ? this.from[Math.min(end, this.value.length) - 1]! + 1 : this.from[start]!;
    return this.original.slice(this.from[start], last);
  }

  /** The original text after compact position `end`, to the end. */
  after(end: number): string {
    if (end <= 0) return this.original;
    if (end >= this.value.length) return this.original.slice(this.from[this.value.length - 1]! + 1);
    return this.original.slice(this.from[end - 1]! + 1);
  }
}

/** The grades of Ofsted's four-point scale, in compact form, longest first so that a match takes the whole phrase. */
const GRADE_PHRASES: readonly [string, string][] = [
  ["requiresimprovementtobegood", "requires-improvement"],
  ["requireimprovementtobegood", "requires-improvement"],
  ["requiresimprovement", "requires-improvement"],
  ["requireimprovement", "requires-improvement"],
  ["outstanding", "outstanding"],
  ["inadequate", "inadequate"],
  ["good", "good"],
];

/** A regular-expression source matching any grade phrase in compact text. */
export const GRADE = `(?:${GRADE_PHRASES.map(([phrase]) => phrase).join("|")})`;

/** The scale's grade id for a compact grade phrase ("requiresimprovementtobegood" -> "requires-improvement"). */
export function gradeOf(phrase: string): string | undefined {
  return GRADE_PHRASES.find(([candidate]) => candidate === phrase)?.[1];
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH =
  "(january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)";

function monthNumber(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3))) + 1;
}

/** YYYY-MM-DD for a real day, or undefined (31 June is not one). */
function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Numeric dates written out with their month's name, so that one pattern reads both:
 * "12/09/2016" -> "12 september 2016", "25/11/16" -> "25 november 2016" (day first, as in
 * every English report; every report is of this century).
 */
function namedMonths(text: string): string {
  return text.replace(
    /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g,
    (whole, day: string, month: string, year: string) => {
      const name = MONTHS[Number(month) - 1];
      return name ? `${day} ${name} ${year.length === 2 ? `20${year}` : year}` : whole;
    },
  );
}

/**
 * The text of a date as one run: no spaces (so "1 0 June" and "Feb ruary" mend), lower
 * case, every kind of dash a hyphen, numeric dates with their month's name.
 */
function dateRun(text: string): string {
  return namedMonths(text.normalize("NFKD"))
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/(\d)(st|nd|rd|th)\b/g, "$1")
    .replace(/[^a-z0-9-]/g, "");
}

/** The day written at the start of `text` ("30 June 2014", "25/11/2016"), as YYYY-MM-DD. */
export function readDay(text: string): string | undefined {
  const match = new RegExp(`^(\\d{1,2})${MONTH}(\\d{4})`).exec(dateRun(text));
  if (!match) return undefined;
  return isoDay(Number(match[3]), monthNumber(match[2]!), Number(match[1]));
}

type Range = { start: string; end: string };

/** The range at the start of a date run, and how much of the run it took. */
function rangeAt(run: string): { range: Range; length: number } | undefined {
  const pattern = new RegExp(`^(\\d{1,2})${MONTH}?(\\d{4})?(?:-|to|until)(\\d{1,2})${MONTH}(\\d{4})`);
  const match = pattern.exec(run);
  if (!match) return undefined;
  const endMonth = monthNumber(match[5]!);
  const endYear = Number(match[6]);
  const startMonth = match[2] ? monthNumber(match[2]) : endMonth;
  const startYear = match[3] ? Number(match[3]) : startMonth > endMonth ? endYear - 1 : endYear;
  const start = isoDay(startYear, startMonth, Number(match[1]));
  const end = isoDay(endYear, endMonth, Number(match[4]));
  if (!start || !end || end < start || daysBetween(start, end) > 56) return undefined;
  return { range: { start, end }, length: match[0].length };
}

/**
 * The two days written at the start of `text`, however the report joins them:
 * "29 April 2014 – 21 May 2014", "16 April to 20 April 2018", "28 January–5 February 2014",
 * "10 to 14 June 2024", "15-19 July 2013", "12/09/2016 to 06/10/2016". Undefined unless
 * both are real days, in order, at most eight weeks apart (no inspection is longer).
 */
export function readDayRange(text: string): Range | undefined {
  return rangeAt(dateRun(text))?.range;
}

/**
 * Every range written at the start of `text`, joined by "and": a visit made in parts
 * ("5 to 9 December 2022 and 14 to 15 February 2023"), each part in order after the one
 * before. Empty when the text does not start with a range.
 */
export function readDayRanges(text: string): Range[] {
  let run = dateRun(text);
  const ranges: Range[] = [];
  for (let found = rangeAt(run); found; found = rangeAt(run)) {
    const last = ranges[ranges.length - 1];
    if (last && found.range.start <= last.end) break;
    ranges.push(found.range);
    run = run.slice(found.length);
    if (!run.startsWith("and")) break;
    run = run.slice(3);
  }
  return ranges;
}

/** Days from `start` to `end`, both YYYY-MM-DD. */
export function daysBetween(start: string, end: string): number {
  return (Date.parse(end) - Date.parse(start)) / 86_400_000;
}

/** Lines of a paragraph as one text: a line broken after a hyphen inside a word ("good-" / "quality") is joined without a space. */
export function joinLines(lines: readonly string[]): string {
  let text = "";
  for (const line of lines.map((each) => each.trim()).filter(Boolean)) {
    if (text === "") text = line;
    else if (/\p{L}-$/u.test(text)) text += line;
    else text += ` ${line}`;
  }
  return text.replace(/\s+/g, " ").trim();
}
