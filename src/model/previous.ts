/**
 * Which inspection each one is compared with (docs/domain.md): the latest earlier graded
 * inspection of the same organisation by the same inspectorate in the same lineage of
 * frameworks, unless the editor named another in `previous`, or wrote `previous: none`.
 * One sort and one pass per group: O(n log n) for the whole site.
 */
import type { Framework, Inspection, InspectionKind } from "./types.ts";

/**
 * Whether a kind of inspection judges only areas shown apart (a review of a safeguarding
 * board on its own: `judges` lists only separate areas). Such a report is not an
 * inspection of the organisation's own services: it is never compared, never the one
 * another is compared with, and leaves every rating of the services standing.
 */
export function judgesOnlyApart(kind: InspectionKind, framework: Framework): boolean {
  return (
    Array.isArray(kind.judges) &&
    kind.judges.length > 0 &&
    kind.judges.every((id) => framework.areas.find((area) => area.id === id)?.separate === true)
  );
}

/** A graded inspection of the organisation's own services: the ones compared, and counted in the national pictures. */
export function judgesServices(inspection: Inspection): boolean {
  return inspection.kind.graded && !judgesOnlyApart(inspection.kind, inspection.framework);
}

/**
 * The day an inspection is ordered by: the day it is placed on (the first day of the visit,
 * or the publication date when the visit is not known); but where its inspectorate's
 * gradings give every grade in force (src/model/ratings.ts), its publication date, as each
 * grading replaces the one published before it, whatever the dates of their inspections.
 */
function orderDay(inspection: Inspection): string {
  return inspection.framework.inspectorate.gradings === "in-force"
    ? (inspection.published ?? inspection.placedOn)
    : inspection.placedOn;
}

/** By the day each is ordered by (above), then by the day it is placed on, then by publication. */
export function chronological(a: Inspection, b: Inspection): number {
  return (
    orderDay(a).localeCompare(orderDay(b)) ||
    a.placedOn.localeCompare(b.placedOn) ||
    (a.published ?? "").localeCompare(b.published ?? "") ||
    a.id.localeCompare(b.id)
  );
}

function lineageKey(inspection: Inspection): string {
  return `${inspection.organisation.id}\u0000${inspection.framework.inspectorate.id}\u0000${inspection.framework.lineage}`;
}

/**
 * The inspections of each organisation by each inspectorate in each line of frameworks,
 * each group in order: one sort per group, O(n log n) for the whole site.
 */
export function inspectionLines(inspections: readonly Inspection[]): Inspection[][] {
  const groups = new Map<string, Inspection[]>();
  for (const inspection of inspections) {
    const key = lineageKey(inspection);
    const group = groups.get(key);
    if (group) group.push(inspection);
    else groups.set(key, [inspection]);
  }
  return [...groups.values()].map((group) => group.sort(chronological));
}

/**
 * Sets `previous` and `previousChoice` on every inspection. `named` gives the `previous`
 * field as written (a file name within the same organisation, or "none").
 */
export function linkPreviousInspections(
  inspections: readonly Inspection[],
  named: (inspection: Inspection) => string | undefined,
): void {
  const byId = new Map(inspections.map((inspection) => [inspection.id, inspection]));
  for (const group of inspectionLines(inspections)) {
    let latestGraded: Inspection | null = null;
    for (const inspection of group) {
      const request = named(inspection);
      if (!inspection.kind.graded) {
        inspection.previous = null;
        inspection.previousChoice = "ungraded";
      } else if (!judgesServices(inspection)) {
        inspection.previous = null;
        inspection.previousChoice = "apart";
      } else if (request === "none") {
        inspection.previous = null;
        inspection.previousChoice = "none";
      } else if (request !== undefined) {
        const chosen = byId.get(`${inspection.organisation.id}/${request}`);
        if (!chosen)
          throw new Error(
            `${inspection.id} names previous '${request}', which the content checks should have refused.`,
          );
        inspection.previous = chosen;
        inspection.previousChoice = "named";
      } else {
        inspection.previous = latestGraded;
        inspection.previousChoice = latestGraded ? "latest-earlier" : "first";
      }
      if (judgesServices(inspection)) latestGraded = inspection;
    }
  }
}
