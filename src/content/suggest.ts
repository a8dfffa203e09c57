/**
 * Near-miss suggestions for typed ids ("goood" -> "good"), by edit distance. Only close
 * matches are offered: a wrong suggestion is worse than none.
 */
/**
 * Edits (insert, delete, replace, or swap two letters side by side) from `a` to `b`: the
 * optimal string alignment distance, so "titel" is one edit from "title", as a typist sees it.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previousRow = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previousRow[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row[j] = Math.min(previousRow[j]! + 1, row[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, before[j - 2]! + 1);
    }
    before = previousRow;
    previousRow = row;
  }
  return previousRow[b.length]!;
}

export function closest(value: string, candidates: readonly string[]): string | undefined {
  const needle = value.toLowerCase().trim().replace(/[\s_]+/g, "-");
  const allowed = Math.max(1, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a pasted paragraph is not compared letter by letter.
    if (Math.abs(candidate.length - needle.length) > allowed) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** " Did you mean 'good'?" or "" */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const match = closest(value, candidates);
  return match && match !== value ? ` Did you mean '${match}'?` : "";
}

export function listOf(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(", ");
}
