/**
 * Ofsted's own measure of change, beside the site's movers (docs/domain.md, "Repeat
 * inspections"): of the organisations with two or more inspections in one series of
 * frameworks (ILACS 2018 onward, not SIF: `series` in the frameworks' files), placed by the
 * end of the visit, how the latest compares with the one before, area by area: improved,
 * stayed good or better, declined, stayed below good. Official statistics count so as at
 * 31 March; the site's movers (src/model/national.ts) compare with the ratings in force
 * before, of any framework of the lineage, and count as the picture's rule says.
 */
import type { Crosswalks } from "./crosswalk.ts";
import { countsOn } from "./national-dates.ts";
import { judgesServices } from "./previous.ts";
import { readInto } from "./ratings.ts";
import { visitEnded } from "./when.ts";
import type { Area, Framework, Grade, Inspection, Organisation } from "./types.ts";

export const REPEAT_OUTCOMES = [
  "improved",
  "stayed-good-or-better",
  "declined",
  "stayed-below-good",
  "not-compared",
] as const;
export type RepeatOutcome = (typeof REPEAT_OUTCOMES)[number];

export interface RepeatCount {
  area: Area;
  /** Organisations with two or more inspections of the series counted by the day. */
  organisations: number;
  /** Of those, by how the area moved between the two latest; `not-compared` where either has no grade in it. */
  outcomes: Record<RepeatOutcome, number>;
}

/** The repeat inspections of one line as at a day: per area of the framework in force; null when its scale has no 'good'. */
export interface RepeatTally {
  series: string;
  counts: Map<Area, RepeatCount>;
}

/** The organisation's inspections of `framework`'s series whose visits ended by `day`, in the order the visits ended. */
export function seriesInspections(organisation: Organisation, framework: Framework, day: string): Inspection[] {
  return organisation.inspections
    .filter(
      (inspection) =>
        judgesServices(inspection) &&
        inspection.framework.inspectorate === framework.inspectorate &&
        inspection.framework.series === framework.series &&
        countsOn(inspection, day, "visit-end"),
    )
    .sort((a, b) => visitEnded(a).localeCompare(visitEnded(b)) || (a.published ?? "").localeCompare(b.published ?? ""));
}

/** The grade this inspection itself gave `area`, read into `framework` through the crosswalk; null when it gave none. */
function gradeGiven(inspection: Inspection, area: Area, framework: Framework, crosswalks: Crosswalks): Grade | null {
  if (!inspection.ratings) return null;
  const inForce = readInto(inspection.ratings.after, framework, crosswalks);
  const rating = inForce?.ratings.get(area.id);
  if (!rating || rating.inspection !== inspection || rating.outcome.kind !== "grade") return null;
  if (rating.inspection.framework.scale === framework.scale) return rating.outcome;
  const translation = crosswalks.translation(framework, rating.inspection.framework);
  const id = "reason" in translation ? undefined : translation.translate(rating.outcome.id);
  const grade = id === undefined ? undefined : framework.scale.outcomes.get(id);
  return grade?.kind === "grade" ? grade : null;
}

function outcomeOf(latest: Grade | null, before: Grade | null, good: Grade): RepeatOutcome {
  if (!latest || !before) return "not-compared";
  if (latest.rank < before.rank) return "improved";
  if (latest.rank > before.rank) return "declined";
  return latest.rank <= good.rank ? "stayed-good-or-better" : "stayed-below-good";
}

export function emptyRepeatTally(framework: Framework, areas: readonly Area[]): RepeatTally | null {
  if (!framework.scale.grades.some((grade) => grade.id === "good")) return null;
  const counts = new Map<Area, RepeatCount>();
  for (const area of areas)
    counts.set(area, {
      area,
      organisations: 0,
      outcomes: { improved: 0, "stayed-good-or-better": 0, declined: 0, "stayed-below-good": 0, "not-compared": 0 },
    });
  return { series: framework.series, counts };
}

/** Counts (`sign` 1) or takes back (`sign` -1) one organisation in the tally of a picture read into `framework` as at `day`. */
export function tallyRepeat(
  tally: RepeatTally,
  organisation: Organisation,
  framework: Framework,
  day: string,
  crosswalks: Crosswalks,
  sign: 1 | -1,
): void {
  const inspections = seriesInspections(organisation, framework, day);
  if (inspections.length < 2) return;
  const latest = inspections[inspections.length - 1]!;
  const before = inspections[inspections.length - 2]!;
  const good = framework.scale.grades.find((grade) => grade.id === "good")!;
  for (const count of tally.counts.values()) {
    count.organisations += sign;
    const outcome = outcomeOf(
      gradeGiven(latest, count.area, framework, crosswalks),
      gradeGiven(before, count.area, framework, crosswalks),
      good,
    );
    count.outcomes[outcome] += sign;
  }
}

/** A copy to count on, so a kept picture stays as it was. */
export function copyRepeatTally(tally: RepeatTally): RepeatTally {
  return {
    series: tally.series,
    counts: new Map([...tally.counts].map(([area, count]) => [area, { ...count, outcomes: { ...count.outcomes } }])),
  };
}

/** The frameworks of the lineage in `framework`'s series, oldest first. */
export function seriesFrameworks(framework: Framework): Framework[] {
  let root = framework;
  while (root.replaces) root = root.replaces.framework;
  const all: Framework[] = [];
  const visit = (item: Framework) => {
    if (item.series === framework.series) all.push(item);
    item.replacedBy.forEach(visit);
  };
  visit(root);
  return all.sort((a, b) => a.inForce.from.localeCompare(b.inForce.from));
}
