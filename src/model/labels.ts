/**
 * Labels as they read inside a sentence. `short` is the name used inside sentences ("up from 'good' for help and protection"), so
 * when a framework gives none, the label starts lower case: "Overall effectiveness" ->
 * "overall effectiveness". A leading acronym ("PEEL", "SEND") is kept as written.
 */
export function shortFromLabel(label: string): string {
  return label.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
}
