/**
 * Which inspections have files of their own for sharing: a share image, an embed page and
 * the comparison chart's downloads (SVG, PNG, CSV). Every inspection keeps its explainer and
 * every organisation its page whatever is chosen; an inspection without its own files names
 * the site's share image in its Open Graph and Twitter tags, and its explainer offers no
 * embed code and no downloads. site.yaml's `sharing` (docs/publishing.md, "Sharing"):
 *
 * - `all`: every inspection;
 * - `{ recentYears: N }`: each organisation's latest inspection, and every inspection
 *   published in the N years up to the latest report on the site (the date the site is as
 *   at, never the day of the build, so the same content builds the same site);
 * - `none`: no inspection; every page shows the site's image.
 *
 * Left out, a site of at most LARGE_SITE inspections shares all of them, and a larger one
 * LARGE_SITE_SHARING: five files an inspection, and a share image drawn in about 0.3 s,
 * are what made a large site too big for most hosts (docs/performance.md).
 */
import type { SharingSetting } from "./site-settings.ts";
import type { Inspection, Organisation } from "./types.ts";

/** Past this many inspections, a site whose site.yaml leaves `sharing` out shares LARGE_SITE_SHARING. */
export const LARGE_SITE = 2_000;
export const LARGE_SITE_SHARING: SharingSetting = { recentYears: 2 };

/** The setting a site uses: its own, or the default for its size. */
export function sharingSetting(chosen: SharingSetting | undefined, inspections: number): SharingSetting {
  return chosen ?? (inspections > LARGE_SITE ? LARGE_SITE_SHARING : "all");
}

/** The setting in words, for the build's summary and the docs. */
export function sharingText(setting: SharingSetting): string {
  if (setting === "all") return "every inspection";
  if (setting === "none") return "no inspection (the site's image for all)";
  const years = setting.recentYears;
  return `each organisation's latest inspection${years > 0 ? ` and those published in the last ${years === 1 ? "year" : `${years} years`}` : ""}`;
}

/** The day `years` years before `day` (YYYY-MM-DD); 29 February goes to 28 February in a common year. */
function yearsBefore(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) - years;
  const monthDay = day.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, "0")}-${monthDay === "02-29" && !leap ? "02-28" : monthDay}`;
}

/** An organisation's latest inspection: the last in its list, which the model keeps oldest first. */
const latestOf = (organisation: Organisation): Inspection | undefined => organisation.inspections.at(-1);

/**
 * Whether an inspection has its own share image, embed page and downloads, under `setting`,
 * for a site as at `asAt` (its latest report). Each call is O(1) after one pass.
 */
export function sharedInspections(
  setting: SharingSetting,
  organisations: readonly Organisation[],
  asAt: string,
): (inspection: Inspection) => boolean {
  if (setting === "all") return () => true;
  if (setting === "none") return () => false;
  const from = yearsBefore(asAt, setting.recentYears);
  const latest = new Set(organisations.map(latestOf).filter((inspection) => inspection !== undefined));
  return (inspection) =>
    latest.has(inspection) || (setting.recentYears > 0 && (inspection.published ?? inspection.placedOn) > from);
}
