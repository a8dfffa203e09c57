/**
 * An organisation's grades over time, area by area, for the trajectory chart. Areas are
 * those of the latest framework; earlier inspections are read through the crosswalk, as
 * comparisons are: a split area takes the old combined grade (and says so), a merged or
 * new one has no earlier point. Only inspections graded on the latest framework's scale
 * are drawn; the others are listed as not comparable, never placed on the same axis.
 */
import { singleSource } from "./crosswalk.ts";
import type { Area, Framework, Inspection, Inspectorate, Outcome, Scale } from "./types.ts";

export interface TrajectoryPoint {
  inspection: Inspection;
  outcome: Outcome | null;
  /** The area it was judged as, when that differs (renamed or split from). */
  judgedAs?: Area;
}

export interface Trajectory {
  inspectorate: Inspectorate;
  framework: Framework;
  scale: Scale;
  /** Oldest first: the inspections drawn. */
  inspections: Inspection[];
  areas: { area: Area; points: TrajectoryPoint[] }[];
  /** Graded inspections of the same lineage left off because their scale differs. */
  otherScale: Inspection[];
}

function pointFor(area: Area, latest: Framework, inspection: Inspection): TrajectoryPoint {
  const trace = singleSource(area.id, latest, inspection.framework);
  if (!trace) return { inspection, outcome: null };
  const fromId = trace.from[0]!;
  const outcome = inspection.judgements.find((judgement) => judgement.area.id === fromId)?.outcome ?? null;
  const judgedAs = inspection.framework.areas.find((candidate) => candidate.id === fromId);
  return judgedAs && (judgedAs.short !== area.short || trace.relation === "split")
    ? { inspection, outcome, judgedAs }
    : { inspection, outcome };
}

/** One trajectory per inspectorate and lineage the organisation was graded in. */
export function trajectories(inspections: readonly Inspection[]): Trajectory[] {
  const groups = new Map<string, Inspection[]>();
  for (const inspection of inspections) {
    if (!inspection.kind.graded) continue;
    const key = `${inspection.framework.inspectorate.id}\u0000${inspection.framework.lineage}`;
    groups.set(key, [...(groups.get(key) ?? []), inspection]);
  }
  return [...groups.values()].map((group) => {
    const latest = group[group.length - 1]!.framework;
    const drawn = group.filter((inspection) => inspection.framework.scale === latest.scale);
    return {
      inspectorate: latest.inspectorate,
      framework: latest,
      scale: latest.scale,
      inspections: drawn,
      areas: latest.areas
        .filter((area) => !area.separate)
        .map((area) => ({ area, points: drawn.map((inspection) => pointFor(area, latest, inspection)) })),
      otherScale: group.filter((inspection) => inspection.framework.scale !== latest.scale),
    };
  });
}
