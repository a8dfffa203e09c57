/**
 * Words as they read inside a sentence.
 */

/**
 * `short` is the name used inside sentences ("up from 'good' for help and protection"), so
 * when a framework gives none, the label starts lower case: "Overall effectiveness" ->
 * "overall effectiveness". A leading acronym ("PEEL", "SEND") is kept as written.
 */
export function shortFromLabel(label: string): string {
  return label.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
}

/**
 * A count and its noun: "1 problem", "2 problems", "3 definition files".
 *
 * @example plural(1, "file") === "1 file"; plural(2, "entry", "entries") === "2 entries"
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const GROUPED = new Intl.NumberFormat("en-GB");

/**
 * A count and its noun as a page reads it, the thousands grouped as everywhere else on the
 * site's pages: "4,705 inspections". `plural` writes the plain number, as the commands do.
 *
 * @example counted(4705, "inspection") === "4,705 inspections"
 */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count < 1000 ? count : GROUPED.format(count)} ${count === 1 ? one : many}`;
}
