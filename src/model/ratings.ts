/**
 * Ratings in force (docs/domain.md): for each organisation, inspectorate and line of
 * frameworks, the rating that stands in each area on any day is its latest judgement,
 * with the inspection it came from. An inspection that judges only some areas (a CQC
 * focused inspection) leaves the others standing; a rating carried across a framework
 * change is read through the crosswalk exactly as a judged one is: a renamed or split area
 * keeps its old rating (and says so), a merged one keeps its parts and no single rating,
 * a new one has none.
 *
 * One pass over each line in order: O(n log n) for the site with the sort, and nothing
 * here looks beyond one organisation's inspections.
 */
import type { Crosswalks } from "./crosswalk.ts";
import { inspectionLines } from "./previous.ts";
import type { Area, Framework, Inspection, Rating, RatingsInForce } from "./types.ts";

const STRENGTH = { same: 0, renamed: 1, split: 2 } as const;

function strongest(a: Rating["relation"], b: Rating["relation"]): Rating["relation"] {
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

function withNotes(notes: readonly string[], more: readonly string[]): string[] {
  return [...notes, ...more.filter((note) => !notes.includes(note))];
}

export function noRatings(framework: Framework): RatingsInForce {
  return { framework, ratings: new Map(), merged: new Map(), fresh: new Set(), removed: [] };
}

function areaOf(framework: Framework, id: string): Area {
  const area = framework.areas.find((candidate) => candidate.id === id);
  if (!area)
    throw new Error(`Framework ${framework.id} has no area ${id}; the crosswalk checks should have caught this.`);
  return area;
}

/**
 * `inForce` read into `target`, a later framework of the same line, through the crosswalks
 * between them; the same ratings when `target` is their own framework; null when `target`
 * does not follow it (another line, or an older framework).
 */
export function readInto(inForce: RatingsInForce, target: Framework, crosswalks: Crosswalks): RatingsInForce | null {
  if (inForce.framework === target) return { ...inForce, removed: [] };
  const trace = crosswalks.trace(target, inForce.framework);
  if (!trace) return null;
  const read = noRatings(target);
  for (const { areaId, relation, from, notes } of trace.areas) {
    if (relation === "new") {
      read.fresh.add(areaId);
    } else if (relation === "merged") {
      read.merged.set(
        areaId,
        from.flatMap((id) => inForce.ratings.get(id) ?? inForce.merged.get(id) ?? []),
      );
    } else {
      const old = inForce.ratings.get(from[0]!);
      const area = areaOf(target, areaId);
      if (old) {
        read.ratings.set(areaId, {
          ...old,
          area,
          relation: strongest(old.relation, relation === "renamed" || relation === "split" ? relation : "same"),
          notes: withNotes(old.notes, notes),
        });
      } else if (inForce.merged.has(from[0]!)) read.merged.set(areaId, inForce.merged.get(from[0]!)!);
      else if (inForce.fresh.has(from[0]!)) read.fresh.add(areaId);
    }
  }
  for (const removed of trace.removed) {
    const old = inForce.ratings.get(removed.areaId);
    if (old) read.removed.push({ ...old, notes: withNotes(old.notes, removed.notes) });
  }
  return read;
}

/** The ratings after `inspection`: those before, with every area it judged (a grade, a state or unknown) replaced. */
export function afterInspection(before: RatingsInForce, inspection: Inspection): RatingsInForce {
  const after: RatingsInForce = {
    framework: before.framework,
    ratings: new Map(before.ratings),
    merged: new Map(before.merged),
    fresh: new Set(before.fresh),
    removed: [],
  };
  for (const { area, outcome } of inspection.judgements) {
    if (area.separate || outcome.kind === "not-judged") continue;
    after.ratings.set(area.id, { area, outcome, inspection, judgedAs: area, relation: "same", notes: [] });
    after.merged.delete(area.id);
    after.fresh.delete(area.id);
  }
  return after;
}

/**
 * The ratings in force after the last of `line` (one organisation's graded inspections by
 * one inspectorate in one line of frameworks, in order), read into `target`; null when
 * `target` does not follow the last one's framework.
 */
export function ratingsAfter(
  line: readonly Inspection[],
  target: Framework,
  crosswalks: Crosswalks,
): RatingsInForce | null {
  let current: RatingsInForce | null = null;
  for (const inspection of line) {
    if (!inspection.kind.graded) continue;
    const before = current ? readInto(current, inspection.framework, crosswalks) : null;
    current = afterInspection(before ?? noRatings(inspection.framework), inspection);
  }
  return current ? readInto(current, target, crosswalks) : null;
}

/** Sets `ratings` on every inspection: those in force just before it and just after (null for an ungraded visit). */
export function linkRatings(inspections: readonly Inspection[], crosswalks: Crosswalks): void {
  for (const line of inspectionLines(inspections)) {
    let current: RatingsInForce | null = null;
    for (const inspection of line) {
      if (!inspection.kind.graded) {
        inspection.ratings = null;
        continue;
      }
      const before =
        (current && readInto(current, inspection.framework, crosswalks)) ?? noRatings(inspection.framework);
      current = afterInspection(before, inspection);
      inspection.ratings = { before, after: current };
    }
  }
}
