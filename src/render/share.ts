/**
 * Shares of a count, said with their base ("3 of 8 graded", "91 of 150 graded (61%)"): a
 * percentage is never given alone, nor of fewer than MIN_PERCENT_BASE, where one
 * organisation more or less moves it by five points or more.
 */
export const MIN_PERCENT_BASE = 20;

/** "61%", or null when the base is too small for a percentage. */
export function percentOf(count: number, of: number): string | null {
  return of >= MIN_PERCENT_BASE ? `${Math.round((count / of) * 100)}%` : null;
}

/** "3 of 8 graded", "91 of 150 graded (61%)". */
export function countOf(count: number, of: number, what = ""): string {
  const percent = percentOf(count, of);
  return `${count} of ${of}${what ? ` ${what}` : ""}${percent ? ` (${percent})` : ""}`;
}
