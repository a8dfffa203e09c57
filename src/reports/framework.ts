/**
 * Which framework and kind of inspection a report was made under, from its wording and
 * its dates, against the frameworks the content folder describes (content/frameworks):
 *
 * - the family from the wording (wording.ts): a single inspection framework report, or an
 *   ILACS report;
 * - the framework of that family in force on the first day of the visit, by the model's
 *   rule (src/model/in-force.ts) that `npm run check` holds inspections to (ILACS 2018,
 *   2023 and 2026 read alike: only the date tells them apart, and the judgement table is
 *   then checked against the framework's areas);
 * - the kind: a single inspection; for ILACS a short inspection is one week on site and a
 *   standard inspection two (the report does not say which in words).
 *
 * Each judgement read is kept only where the framework has that area and the grade is on
 * its scale; an area the framework judges but the report's grade for which could not be
 * read is listed for review, never filled in.
 */
import type { FrameworkData, ScaleData } from "../content/schema.ts";
import { formatDay } from "../model/dates.ts";
import { inForceOn } from "../model/in-force.ts";
import { NOT_JUDGED_ID, UNKNOWN_ID } from "../model/outcomes.ts";
import type { ReportReading } from "./read-report.ts";
import { daysBetween } from "./words.ts";

export const INSPECTORATE = "ofsted";

/** A short inspection is one week on site; a standard inspection two. */
const LONGEST_SHORT_INSPECTION_DAYS = 7;

const FAMILY_NAMES = { sif: "single inspection framework", ilacs: "ILACS" } as const;

export interface Placed {
  frameworkId: string;
  framework: FrameworkData;
  kind: string;
  /** Every area of the framework: a grade, 'unknown', or not judged with the reason. */
  judgements: Judgements;
  needsReview: string[];
}

type Judgements = Record<string, string | { [NOT_JUDGED_ID]: string }>;

function kindFor(reading: ReportReading, visit: { start: string; end: string }): string {
  if (reading.family === "sif") return "single-inspection";
  return daysBetween(visit.start, visit.end) <= LONGEST_SHORT_INSPECTION_DAYS ? "short" : "standard";
}

/** The judgements the framework can hold: its areas, in its order, with grades on its scale. */
function fitJudgements(
  reading: ReportReading,
  framework: FrameworkData,
  scale: ScaleData | undefined,
): Record<string, string> {
  const judgements: Record<string, string> = {};
  const scaleIds = new Set([...(scale?.grades ?? []), ...(scale?.states ?? [])].map((grade) => grade.id));
  // In the framework's order of areas, as editors write them.
  for (const { id } of framework.areas) {
    const grade = reading.judgements[id];
    if (grade !== undefined && scaleIds.has(grade)) judgements[id] = grade;
  }
  return judgements;
}

/** What an editor must look at: grades the framework cannot hold, and its areas whose grade was not read. */
function reviewOfJudgements(reading: ReportReading, framework: FrameworkData, judgements: Judgements): string[] {
  const review: string[] = [];
  for (const [area, grade] of Object.entries(reading.judgements)) {
    if (typeof judgements[area] === "string" && judgements[area] !== UNKNOWN_ID) continue;
    review.push(
      `The report gives '${grade}' for ${area}, which ${framework.shortName} has no area (or grade) for, so it is left out: check the visit dates and the framework.`,
    );
  }
  for (const area of framework.areas) {
    if (judgements[area.id] !== UNKNOWN_ID) continue;
    review.push(
      `judgements.${area.id}: the grade for '${area.label}' could not be read from the report, so it is written 'unknown'. Add it from the report.`,
    );
  }
  return review;
}

/**
 * Every area of the framework, in three states (docs/content-format.md): the grades read;
 * 'unknown' for an area whose grade could not be read (it was judged: the report has it);
 * not judged for the review of the safeguarding board when the report says it was not part
 * of the inspection.
 */
function everyArea(reading: ReportReading, framework: FrameworkData, read: Record<string, string>): Judgements {
  const judgements: Judgements = {};
  for (const area of framework.areas) {
    if (read[area.id] !== undefined) judgements[area.id] = read[area.id]!;
    else if (area.id === "lscb-review" && !reading.reviewsLscb)
      judgements[area.id] = {
        [NOT_JUDGED_ID]: "The review of the Local Safeguarding Children Board was not part of this inspection.",
      };
    else judgements[area.id] = UNKNOWN_ID;
  }
  return judgements;
}

/** Where the reading belongs, or why it cannot be placed. */
export function placeReading(
  reading: ReportReading,
  frameworks: ReadonlyMap<string, FrameworkData>,
  scales: ReadonlyMap<string, ScaleData>,
): { ok: true; placed: Placed } | { ok: false; reason: string } {
  const family = FAMILY_NAMES[reading.family];
  if (!reading.visit) {
    return {
      ok: false,
      reason: `the visit dates on its first page cannot be read, and an inspection cannot be placed without them (it is a ${family} report)`,
    };
  }
  const visit = reading.visit;
  const kind = kindFor(reading, visit);
  const candidates = [...frameworks]
    .filter(([, framework]) => framework.inspectorate === INSPECTORATE && inForceOn(framework, visit.start))
    .filter(([, framework]) => framework.kinds.some((candidate) => candidate.id === kind && candidate.graded));
  if (candidates.length === 0) {
    return {
      ok: false,
      reason: `it is a ${family} report whose visit started ${formatDay(visit.start)}, and no Ofsted framework in the content's frameworks/ with a graded '${kind}' kind was in force that day`,
    };
  }
  // Should two be in force at once, the one whose areas hold most of the table is the one.
  const fits = ([, framework]: [string, FrameworkData]) =>
    Object.keys(reading.judgements).filter((area) => framework.areas.some((candidate) => candidate.id === area)).length;
  const [frameworkId, framework] = candidates.sort((a, b) => fits(b) - fits(a))[0]!;
  const judgements = everyArea(reading, framework, fitJudgements(reading, framework, scales.get(framework.scale)));
  return {
    ok: true,
    placed: {
      frameworkId,
      framework,
      kind,
      judgements,
      needsReview: reviewOfJudgements(reading, framework, judgements),
    },
  };
}
