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
 * - the kind: a single inspection, or a review of a safeguarding board on its own (a kind
 *   of the single inspection framework that judges only the board); for ILACS a short
 *   inspection is one week on site and a standard inspection two (the report does not say
 *   which in words; a visit in parts counts its days on site).
 *
 * Frameworks may overlap in time (the single inspection framework's last inspections were
 * made in 2018, after ILACS began): the report's own wording names its family, and only
 * that family's frameworks have its kind, so a SIF report of 2018 is placed under the SIF
 * and an ILACS report of 2018 under ILACS 2018.
 *
 * Each judgement read is kept only where the framework has that area and the grade is on
 * its scale; an area the framework judges but the report's grade for which could not be
 * read is listed for review, never filled in.
 */
import type { FrameworkData, ScaleData } from "../../content/schema.ts";
import { formatDay } from "../../model/dates.ts";
import { inForceOn } from "../../model/in-force.ts";
import { NOT_JUDGED_ID, UNKNOWN_ID } from "../../model/outcomes.ts";
import type { ReportReading } from "./read-report.ts";
import { daysBetween } from "./words.ts";

export const INSPECTORATE = "ofsted";

/** A short inspection is one week on site (Monday to Friday, a weekend's slack); a standard inspection two. */
const LONGEST_SHORT_INSPECTION_DAYS = 8;

/** The kind of a review of a Local Safeguarding Children Board on its own (content/frameworks/ofsted-sif-2013.yaml). */
export const BOARD_REVIEW_KIND = "lscb-review";

const FAMILY_NAMES = { sif: "single inspection framework", ilacs: "ILACS" } as const;

function familyName(reading: ReportReading): string {
  return reading.boardReviewOnly ? "safeguarding board review" : FAMILY_NAMES[reading.family];
}

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
  if (reading.boardReviewOnly) return BOARD_REVIEW_KIND;
  if (reading.family === "sif") return "single-inspection";
  const onSite = (reading.visitParts ?? [visit]).reduce(
    (days, part) => days + daysBetween(part.start, part.end) + 1,
    0,
  );
  return onSite <= LONGEST_SHORT_INSPECTION_DAYS ? "short" : "standard";
}

/** Whether the framework's kind `kind` judges the area (a kind may judge only some: docs/frameworks.md). */
function kindJudgesArea(framework: FrameworkData, kind: string, area: string): boolean {
  const judges = framework.kinds.find((candidate) => candidate.id === kind)?.judges;
  return !Array.isArray(judges) || judges.includes(area);
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
    if (grade !== undefined && (scaleIds.has(grade) || grade === NOT_JUDGED_ID)) judgements[id] = grade;
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
 * Every area the kind judges, in three states (docs/content-format.md): the grades read
 * (or not judged, where the report's table says so); 'unknown' for an area whose grade
 * could not be read (it was judged: the report has it); not judged, with the reason, for
 * the review of the safeguarding board when the report has none (never 'unknown': the
 * report does not have one to read).
 */
function everyArea(
  reading: ReportReading,
  framework: FrameworkData,
  kind: string,
  read: Record<string, string>,
): Judgements {
  const judgements: Judgements = {};
  for (const area of framework.areas) {
    if (!kindJudgesArea(framework, kind, area.id)) continue;
    if (read[area.id] !== undefined) judgements[area.id] = read[area.id]!;
    else if (area.id === "lscb-review" && !reading.reviewsLscb)
      judgements[area.id] = {
        [NOT_JUDGED_ID]:
          "The report has no review of the Local Safeguarding Children Board: it was not part of this inspection.",
      };
    else judgements[area.id] = UNKNOWN_ID;
  }
  return judgements;
}

/** How long after its visit a report may be published, for one whose visit dates cannot be read. */
const LONGEST_WAIT_MONTHS = 12;

/**
 * The day a reading is placed by: the visit's first day; or, for a single inspection
 * framework report whose visit dates cannot be read, its publication date (any framework
 * in force in the year before it), as the content format places `visit: unknown`.
 * ILACS's kinds depend on the visit's length, so an ILACS report needs its visit.
 */
function placingDay(
  reading: ReportReading,
): { day: string; said: string; inForce: (framework: FrameworkData) => boolean } | undefined {
  if (reading.visit) {
    const start = reading.visit.start;
    return {
      day: start,
      said: `whose visit started ${formatDay(start)}`,
      inForce: (framework) => inForceOn(framework, start),
    };
  }
  if (reading.family !== "sif" || !reading.published) return undefined;
  const published = reading.published;
  const earliest = new Date(`${published}T00:00:00Z`);
  earliest.setUTCMonth(earliest.getUTCMonth() - LONGEST_WAIT_MONTHS);
  const from = earliest.toISOString().slice(0, 10);
  return {
    day: published,
    said: `published ${formatDay(published)}, whose visit dates cannot be read`,
    inForce: (framework) => framework.inForce.from <= published && (framework.inForce.to ?? "9999-12-31") >= from,
  };
}

/** Where the reading belongs, or why it cannot be placed. */
export function placeReading(
  reading: ReportReading,
  frameworks: ReadonlyMap<string, FrameworkData>,
  scales: ReadonlyMap<string, ScaleData>,
): { ok: true; placed: Placed } | { ok: false; reason: string } {
  const family = familyName(reading);
  const when = placingDay(reading);
  if (!when) {
    return {
      ok: false,
      reason: `the visit dates on its first page cannot be read, and an inspection cannot be placed without them (it is a ${family} report${reading.family === "ilacs" ? ", and ILACS reports do not print their publication date" : " with no publication date either"})`,
    };
  }
  const kind = reading.visit ? kindFor(reading, reading.visit) : kindFor(reading, { start: when.day, end: when.day });
  const candidates = [...frameworks]
    .filter(([, framework]) => framework.inspectorate === INSPECTORATE && when.inForce(framework))
    .filter(([, framework]) => framework.kinds.some((candidate) => candidate.id === kind && candidate.graded));
  if (candidates.length === 0) {
    return {
      ok: false,
      reason: `it is a ${family} report ${when.said}, and no Ofsted framework in the content's frameworks/ with a graded '${kind}' kind was in force then`,
    };
  }
  // Should two be in force at once, the one whose areas hold most of the table is the one.
  const fits = ([, framework]: [string, FrameworkData]) =>
    Object.keys(reading.judgements).filter((area) => framework.areas.some((candidate) => candidate.id === area)).length;
  const [frameworkId, framework] = candidates.sort((a, b) => fits(b) - fits(a))[0]!;
  const judgements = everyArea(
    reading,
    framework,
    kind,
    fitJudgements(reading, framework, scales.get(framework.scale)),
  );
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
