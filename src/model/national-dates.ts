/**
 * When national pictures are drawn, and which inspections count in each (docs/domain.md,
 * "The national picture"). The dates come from site.yaml, never from the clock: by default
 * 31 March of every year the content spans (the date official statistics are published
 * as at) and the latest publication date.
 *
 * Two rules for which inspections count on a day, one chosen for the site and stated on
 * every picture:
 * - by publication (the default): an inspection counts once its report is published;
 * - by the end of the visit: once the inspectors have left, whenever the report came out
 *   (official statistics count inspections carried out by the date and published since).
 * An inspection whose visit dates are not known counts from its publication date either way:
 * its visit ended by then, and nothing says when.
 */
import type { Inspection, Organisation } from "./types.ts";
import { visitEnded } from "./when.ts";

export type CountBy = "publication" | "visit-end";

export interface NationalDates {
  /** A day of every year the content spans, as MM-DD (03-31); null for none. */
  yearly: string | null;
  /** Also the latest publication date in the content. */
  latest: boolean;
  /** And these days, YYYY-MM-DD. */
  dates: string[];
  countBy: CountBy;
}

export const DEFAULT_NATIONAL_DATES: NationalDates = {
  yearly: "03-31",
  latest: true,
  dates: [],
  countBy: "publication",
};

/** Whether a graded inspection counts in a picture as at `day` under the rule. */
export function countsOn(inspection: Inspection, day: string, countBy: CountBy): boolean {
  if (!inspection.published) return false;
  return (countBy === "publication" ? inspection.published : visitEnded(inspection)) <= day;
}

/** The rule in words, for every picture. */
export function countingRule(countBy: CountBy): string {
  return countBy === "publication"
    ? "An inspection counts once its report is published: ratings are those whose reports were published by this date."
    : "An inspection counts once its visit has ended, whenever its report was published (as official statistics count): ratings are those from visits ended by this date. An inspection whose visit dates are not known counts from its publication date.";
}

/** The first and last publication dates among real (not example) organisations' inspections; null when there are none. */
export function publicationSpan(organisations: readonly Organisation[]): { first: string; last: string } | null {
  let first = "";
  let last = "";
  for (const organisation of organisations) {
    if (organisation.example) continue;
    for (const { published } of organisation.inspections) {
      if (!published) continue;
      if (!first || published < first) first = published;
      if (published > last) last = published;
    }
  }
  return first ? { first, last } : null;
}

/** The days to draw the picture as at, oldest first: each yearly day inside the span, the latest, and any named. */
export function nationalDates(settings: NationalDates, organisations: readonly Organisation[]): string[] {
  const span = publicationSpan(organisations);
  const days = new Set(settings.dates);
  if (span && settings.yearly) {
    for (let year = Number(span.first.slice(0, 4)); year <= Number(span.last.slice(0, 4)); year++) {
      const day = `${year}-${settings.yearly}`;
      if (span.first <= day && day <= span.last) days.add(day);
    }
  }
  if (span && settings.latest) days.add(span.last);
  return [...days].sort();
}
