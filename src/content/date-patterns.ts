/**
 * The dates editors write, as regular expressions that accept exactly what `npm run check`
 * accepts (`isCalendarDay` and `parsePoint` in src/model/dates.ts): 31 June, 29 February
 * 2023 and month 13 are refused by the pattern itself. They go into the JSON Schemas
 * (src/content/json-schema.ts) and the editors' forms (src/authoring/editors/), where a
 * function cannot run but a pattern can: VS Code's YAML extension, Ajv, Decap CMS.
 *
 * No look-arounds and no back-references, so any regular-expression engine reads them.
 * A test compares each with the functions it mirrors over every month and day of eight
 * centuries.
 */

/** A leap year: divisible by 4, and not by 100 unless by 400 (the Gregorian rule). */
const LEAP_YEAR = "(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";

/** YYYY-MM-DD naming a day that exists. */
export const CALENDAR_DAY =
  "(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))" +
  `|${LEAP_YEAR}-02-29)`;

/** YYYY-MM, month 01 to 12. */
export const CALENDAR_MONTH = "\\d{4}-(?:0[1-9]|1[0-2])";

/**
 * A financial year, April to March: `2015-16` or `2015/16`, where the second part is the
 * next year's last two digits. Written out for each of the hundred endings (99 is
 * followed by 00), as a pattern cannot add one.
 */
export const FINANCIAL_YEAR = `\\d\\d(?:${Array.from({ length: 100 }, (_, ending) => {
  const two = (value: number) => String(value).padStart(2, "0");
  return `${two(ending)}[-/]${two((ending + 1) % 100)}`;
}).join("|")})`;

/** A day, a month, a year or a financial year, as `parsePoint` reads them (it trims spaces). */
export const POINT_IN_TIME = `\\s*(?:${CALENDAR_DAY}|${CALENDAR_MONTH}|\\d{4}|${FINANCIAL_YEAR})\\s*`;

/** A whole-string pattern, as JSON Schema's `pattern` is not anchored. */
export const anchored = (pattern: string): string => `^${pattern}$`;

/**
 * Patterns for YYYY-MM-DD days from `from` to `to` (either may be left out), all of which
 * a day in that period matches: days written this way sort as their characters do. Used
 * for "a visit while this framework was in force", beside CALENDAR_DAY, which says the
 * day exists.
 */
export function dayRangePatterns(from?: string, to?: string): string[] {
  return [from && atLeast(from), to && atMost(to)].filter((part): part is string => Boolean(part)).map(anchored);
}

/** Text of the same shape as `bound` (digits where it has digits) that sorts at or after it. */
function atLeast(bound: string): string {
  return boundPattern(bound, (digit) => (digit < 9 ? `[${digit + 1}-9]` : undefined));
}

/** Text of the same shape as `bound` that sorts at or before it. */
function atMost(bound: string): string {
  return boundPattern(bound, (digit) => (digit > 0 ? `[0-${digit - 1}]` : undefined));
}

/**
 * Equal to `bound`, or equal up to some digit and then beyond it (as `beyond` says) with
 * any digits after. Characters that are not digits (the hyphens) are matched as they are.
 */
function boundPattern(bound: string, beyond: (digit: number) => string | undefined): string {
  const shapeAfter = (index: number) => bound.slice(index + 1).replace(/\d/g, "\\d");
  const alternatives = [bound];
  for (let index = bound.length - 1; index >= 0; index--) {
    const character = bound[index]!;
    if (!/\d/.test(character)) continue;
    const step = beyond(Number(character));
    if (step) alternatives.push(`${bound.slice(0, index)}${step}${shapeAfter(index)}`);
  }
  return `(?:${alternatives.join("|")})`;
}
