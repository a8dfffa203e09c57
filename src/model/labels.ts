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
