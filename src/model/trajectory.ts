/**
 * An organisation's grades over time, area by area, for the trajectory chart: after each
 * inspection, the rating in force in each area of the latest framework (src/model/ratings.ts),
 * and whether that inspection judged it or it was carried from earlier. Earlier inspections
 * are read through the crosswalk, as comparisons are: a split area takes the old combined
 * grade (and says so), a merged or new one has no earlier point. Only inspections graded
 * on the latest framework's scale are drawn; the others are listed as not comparable,
 * never placed on the same axis.
 */
import { judgesServices } from "./previous.ts";
import { crosswalkCache, type Crosswalks } from "./crosswalk.ts";
import { appliesTo } from "./applies.ts";
import { gradesInForce, readInto } from "./ratings.ts";
import type { Area, Framework, Inspection, Inspectorate, Rated, Scale } from "./types.ts";

export interface TrajectoryPoint {
  inspection: Inspection;
  /** The rating in force after the inspection; null when there was none (or none on this scale). */
  outcome: Rated | null;
  /** True when this inspection judged the area; false when the rating was carried from an earlier one. */
  judged: boolean;
  /** Where a carried rating came from. */
  from?: Inspection;
  /** The area it was judged as, when that differs (renamed or split from). */
  judgedAs?: Area;
}

export interface Trajectory {
  inspectorate: Inspectorate;
  framework: Framework;
  scale: Scale;
  /** Oldest first by the day each is placed on (its visit): the inspections drawn. */
  inspections: Inspection[];
  areas: { area: Area; points: TrajectoryPoint[] }[];
  /** Graded inspections of the same lineage left off because their scale differs. */
  otherScale: Inspection[];
}

function pointFor(area: Area, latest: Framework, inspection: Inspection, crosswalks: Crosswalks): TrajectoryPoint {
  const after = inspection.ratings && readInto(inspection.ratings.after, latest, crosswalks);
  const rating = after?.ratings.get(area.id);
  if (!rating || rating.inspection.framework.scale !== latest.scale)
    return { inspection, outcome: null, judged: false };
  // Gradings that give every grade in force (ratings.ts): each grade is published by each grading, never "carried".
  const judged = rating.inspection === inspection || gradesInForce(inspection);
  const judgedAs =
    rating.judgedAs.short !== area.short || rating.relation === "split" ? { judgedAs: rating.judgedAs } : {};
  return { inspection, outcome: rating.outcome, judged, ...(judged ? {} : { from: rating.inspection }), ...judgedAs };
}

/** One trajectory per inspectorate and lineage the organisation was graded in. */
export function trajectories(inspections: readonly Inspection[]): Trajectory[] {
  const crosswalks = crosswalkCache();
  const groups = new Map<string, Inspection[]>();
  for (const inspection of inspections) {
    if (!judgesServices(inspection)) continue;
    const key = `${inspection.framework.inspectorate.id}\u0000${inspection.framework.lineage}`;
    groups.set(key, [...(groups.get(key) ?? []), inspection]);
  }
  return [...groups.values()].map((group) => {
    const latest = group[group.length - 1]!.framework;
    // By the day each is placed on, as the chart's axis runs: a source ordered by publication
    // (the Care Inspectorate's) may publish a grading after a later visit's. Ties keep their order.
    const drawn = group
      .filter((inspection) => inspection.framework.scale === latest.scale)
      .sort((a, b) => a.placedOn.localeCompare(b.placedOn));
    return {
      inspectorate: latest.inspectorate,
      framework: latest,
      scale: latest.scale,
      inspections: drawn,
      areas: latest.areas
        .filter((area) => !area.separate)
        .map((area) => ({ area, points: drawn.map((inspection) => pointFor(area, latest, inspection, crosswalks)) }))
        // An area that does not apply to the organisation is drawn only where it had a rating (applies.ts).
        .filter(
          ({ area, points }) =>
            appliesTo(area, group[0]!.organisation) || points.some((point) => point.outcome !== null),
        ),
      otherScale: group.filter((inspection) => inspection.framework.scale !== latest.scale),
    };
  });
}
