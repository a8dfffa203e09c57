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
  return { framework, ratings: new Map(), merged: new Map(), fresh: new Set(), removed: [], beside: [] };
}

/**
 * Whether the inspection's grades are every grade in force once it was published, and say
 * nothing of which areas it judged: its inspectorate's gradings are "in-force" (a datastore
 * of published grades, such as the Care Inspectorate's).
 */
export function gradesInForce(inspection: Inspection): boolean {
  return inspection.framework.inspectorate.gradings === "in-force";
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
  if (inForce.framework === target) return { ...inForce, removed: [], beside: [...inForce.beside] };
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

const sameOutcome = (a: Rating["outcome"], b: Rating["outcome"]) => a.kind === b.kind && a.id === b.id;

/**
 * Gradings "in-force": the ratings after the inspection are exactly its grades (those of
 * its framework, and those it gives in force under another of its line), and
 * nothing else stands. Each keeps the rating that stood just before it, and so the
 * inspection it has stood since, when the inspection before held the same grade in the
 * same area, or in the area it came from under an earlier framework's name; else it is
 * new here (re-graded, or first published).
 */
function publishedAfter(before: RatingsInForce, inspection: Inspection): RatingsInForce {
  const after = noRatings(before.framework);
  const standing = [...before.ratings.values(), ...before.beside];
  const since = (judgedAs: Area, outcome: Rating["outcome"]) =>
    standing.find((rating) => rating.judgedAs === judgedAs && sameOutcome(rating.outcome, outcome));
  for (const { area, outcome } of inspection.judgements) {
    if (outcome.kind === "not-judged") continue;
    const earlier = before.ratings.get(area.id);
    const kept = earlier && sameOutcome(earlier.outcome, outcome) ? earlier : undefined;
    const rating = kept ?? { area, outcome, inspection, judgedAs: area, relation: "same" as const, notes: [] };
    after.ratings.set(area.id, { ...rating, publishedAs: { framework: inspection.framework, area } });
  }
  for (const { framework, area, outcome } of inspection.alsoInForce) {
    const successor = successorArea(before.framework, framework, area.id);
    const kept = since(area, outcome);
    const rating: Rating = {
      ...(kept ?? { area, outcome, inspection, judgedAs: area, relation: "same", notes: [], judgedIn: framework }),
      publishedAs: { framework, area },
    };
    if (successor && !after.ratings.has(successor.id)) {
      after.ratings.set(successor.id, { ...rating, area: successor, relation: strongest(rating.relation, "renamed") });
    } else after.beside.push({ ...rating, area });
  }
  return after;
}

/** The area of `target` that `areaId` of `older` (a framework it replaced) became, one to one; undefined when none, or when `older` is not one it replaced. */
function successorArea(target: Framework, older: Framework, areaId: string): Area | undefined {
  let id = areaId;
  const chain: Framework[] = [];
  let at: Framework | undefined = target;
  for (; at && at !== older; at = at.replaces?.framework) chain.unshift(at);
  // A later framework than `target` (a grade its columns showed before it was in force): no successor here.
  if (at !== older) return undefined;
  for (const framework of chain) {
    const entry = framework.replaces?.crosswalk.find(
      (candidate) => candidate.from.length === 1 && candidate.from[0] === id,
    );
    if (!entry || (entry.relation !== "same" && entry.relation !== "renamed") || entry.to.length !== 1)
      return undefined;
    id = entry.to[0]!;
  }
  return chain.length > 0 ? target.areas.find((area) => area.id === id) : undefined;
}

/** The ratings after `inspection`: those before, with every area it judged (a grade, a state or unknown) replaced. */
export function afterInspection(before: RatingsInForce, inspection: Inspection): RatingsInForce {
  const after: RatingsInForce = {
    framework: before.framework,
    ratings: new Map(before.ratings),
    merged: new Map(before.merged),
    fresh: new Set(before.fresh),
    removed: [],
    beside: [],
  };
  if (gradesInForce(inspection)) return publishedAfter(before, inspection);
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
