/**
 * The site's data given back as open data: one row per inspection and one per area
 * judgement, with organisation codes, dates, framework, kind, source link, and the change
 * since the previous inspection exactly as the explainer shows it. The zod schemas here
 * are the published JSON Schema of these files, so the data and its description are one.
 */
import { z } from "zod";
import type { ComparisonRow, Inspection, Organisation, Rating } from "./types.ts";

const nullableText = z.string().nullable();

export const inspectionRowSchema = z.strictObject({
  id: z.string().describe("The inspection's id: the organisation's id and the file name. Stable."),
  organisation_id: z.string().describe("The organisation's id, as in its web address"),
  organisation_name: z.string().describe("The organisation's name"),
  ons_code: nullableText.describe("The ONS area code, when known"),
  ofsted_urn: nullableText.describe("Ofsted's unique reference number, when known"),
  care_inspectorate_number: nullableText.describe(
    "The Care Inspectorate's registration number of a care service, when known",
  ),
  region: nullableText.describe("The organisation's region, when known"),
  inspectorate: z.string().describe("Who inspected"),
  framework_id: z.string().describe("The framework's id"),
  framework: z.string().describe("The framework's short name"),
  kind_id: z
    .string()
    .describe("The kind of inspection's id; 'unknown' for a graded inspection whose kind is not known"),
  kind: z.string().describe("The kind of inspection"),
  graded: z.boolean().describe("Whether this kind of inspection gives grades"),
  visit_start: nullableText.describe(
    "YYYY-MM-DD: the first day of the visit, or of the month or year when only that is known; null when the visit dates are not known",
  ),
  visit_end: nullableText.describe(
    "YYYY-MM-DD: the last day of the visit (or of the month or year); null when not known",
  ),
  visit_precision: z
    .enum(["day", "range", "month", "year", "financial-year", "unknown"])
    .describe("How precisely the visit dates are known; 'unknown' when the report's dates are not on this site"),
  placed_on: z
    .string()
    .describe(
      "YYYY-MM-DD: the day the inspection is placed on: the first day of the visit, or the publication date when the visit dates are not known",
    ),
  published: nullableText.describe("YYYY-MM-DD, or null when not known (ungraded visits only)"),
  report: nullableText.describe("The link to the inspectorate's report"),
  lead_inspector: nullableText.describe("As the report names them"),
  previous_inspection_id: nullableText.describe("The inspection this one is compared with"),
  summary: z.string().describe("The editors' summary"),
  comparison: nullableText.describe("The generated sentence comparing with the previous inspection"),
  grades_not_known: z
    .number()
    .int()
    .describe("Areas judged at this inspection whose grades are not on this site yet (status 'unknown' in judgements)"),
  draft: z.boolean().describe("Imported and not yet checked by an editor"),
});

export const judgementRowSchema = z.strictObject({
  inspection_id: z.string().describe("The inspection's id, as in inspections.csv"),
  organisation_id: z.string().describe("The organisation's id"),
  ons_code: nullableText.describe("The ONS area code, when known"),
  ofsted_urn: nullableText.describe("Ofsted's unique reference number, when known"),
  care_inspectorate_number: nullableText.describe(
    "The Care Inspectorate's registration number of a care service, when known",
  ),
  framework_id: z.string().describe("The framework's id"),
  visit_start: nullableText.describe("YYYY-MM-DD: the first day of the visit; null when not known"),
  placed_on: z
    .string()
    .describe("YYYY-MM-DD: the first day of the visit, or the publication date when that is not known"),
  published: nullableText.describe("YYYY-MM-DD, when the report was published"),
  area_id: z.string().describe("The area's id in its framework"),
  area: z.string().describe("The area, as the framework names it"),
  sub_judgement_of: nullableText.describe("For a sub-judgement, the area it sits under"),
  separate: z.boolean().describe("Shown apart and never compared"),
  scale_id: z.string().describe("The scale the grade is on"),
  status: z
    .enum(["grade", "other-outcome", "not-judged", "unknown"])
    .describe(
      "grade; other-outcome (on the scale but not a grade, such as withheld); not-judged (this inspection did not judge the area: its earlier rating still stands); unknown (judged, but the grade is not on this site yet). Never count unknown as a grade or as not judged",
    ),
  outcome_id: z.string().describe("The grade's or state's id, or 'not-judged' or 'unknown'"),
  outcome: z.string().describe("The grade or state, as the inspectorate writes it, 'Not judged' or 'Not known'"),
  is_grade: z.boolean().describe("True only for a grade"),
  grade_rank: z.number().int().nullable().describe("0 is the best grade on the scale; null when not a grade"),
  not_judged_reason: nullableText.describe("Why the area was not judged, where the framework or an editor says"),
  rating_in_force_id: nullableText.describe(
    "After this inspection, the outcome that stands in this area: its own, or for an area it did not judge the one carried from an earlier inspection",
  ),
  rating_in_force_from: nullableText.describe("The id of the inspection that gave the rating in force"),
  relation: z
    .enum(["same", "renamed", "split", "merged", "new", "not-comparable"])
    .nullable()
    .describe("How this area relates to the one it is compared with"),
  previous_outcome_ids: nullableText.describe(
    "The rating or ratings in force before, in the compared area or areas, ';'-separated",
  ),
  previous_from_ids: nullableText.describe("The inspections those ratings came from, ';'-separated"),
  change: z
    .enum(["improved", "declined", "unchanged", "no-arrow"])
    .nullable()
    .describe("The change since the previous inspection; no-arrow where no honest comparison exists"),
});

export const organisationRowSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  region: nullableText,
  ons_code: nullableText,
  ofsted_urn: nullableText,
  care_inspectorate_number: nullableText,
  website: nullableText,
  reports_page: nullableText.describe("The inspectorate's page for the organisation, listing its reports, when known"),
  example: z.boolean(),
  closed: nullableText.describe("YYYY-MM-DD: the day it closed, when known"),
  last_known_open: nullableText.describe(
    "YYYY-MM-DD: when it has closed on a day not known, the last day it is known to have been open",
  ),
  inspection_ids: z.array(z.string()),
});

export const ratingInForceRowSchema = z.strictObject({
  inspectorate: z.string().describe("Whose rating"),
  framework_id: z.string().describe("The framework of the latest graded inspection of this line of frameworks"),
  area_id: z
    .string()
    .describe("The area, in that framework (or, for a grade published under an earlier one beside it, in that one)"),
  area: z.string().describe("The area's name"),
  published_framework_id: nullableText.describe(
    "Where the source gives every grade in force: the framework whose area the latest grading published it under",
  ),
  published_area_id: nullableText.describe("And that area's id"),
  judged_as_id: z
    .string()
    .describe("The area as the inspection it came from judged it (an older area's id, across a framework change)"),
  status: z
    .enum(["grade", "other-outcome", "unknown"])
    .describe("A grade, another outcome of the scale, or judged but not on this site yet"),
  grade_id: z.string().describe("The grade or outcome id ('unknown' when not known)"),
  grade: z.string().describe("Its label"),
  since_inspection_id: z
    .string()
    .describe(
      "The inspection it came from; where the source gives every grade in force, the first grading of its unbroken run",
    ),
  since: z.string().describe("YYYY-MM-DD: the day that inspection is placed on"),
  since_published: nullableText.describe("YYYY-MM-DD: when that inspection's report or grading was published"),
  latest_inspection_id: z
    .string()
    .describe("The latest graded inspection of the line: the ratings are those in force after it"),
});

export const aboutSchema = z.strictObject({
  title: z.string(),
  licence: z.string(),
  publisher: z.string(),
  as_at: z.string(),
  data_notes: z
    .array(z.string())
    .describe("What to know about where the data comes from: each inspectorate's note, where it has one"),
});
const about = aboutSchema;

export const openDataSchemas = {
  inspections: z.strictObject({ about, inspections: z.array(inspectionRowSchema) }),
  judgements: z.strictObject({ about, judgements: z.array(judgementRowSchema) }),
  organisations: z.strictObject({ about, organisations: z.array(organisationRowSchema) }),
  organisation: z.strictObject({
    about,
    organisation: organisationRowSchema,
    ratings_in_force: z
      .array(ratingInForceRowSchema)
      .describe("The ratings in force after its latest graded inspection of each line of frameworks"),
    inspections: z.array(inspectionRowSchema.extend({ judgements: z.array(judgementRowSchema) })),
    events: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        start: z.string(),
        end: z.string(),
        precision: z.string(),
        label: z.string(),
        source: nullableText,
      }),
    ),
  }),
};

export type InspectionRow = z.infer<typeof inspectionRowSchema>;
export type JudgementRow = z.infer<typeof judgementRowSchema>;
export type OrganisationRow = z.infer<typeof organisationRowSchema>;
export type About = z.infer<typeof about>;

function codes(organisation: Organisation) {
  return {
    ons_code: organisation.codes.ons ?? null,
    ofsted_urn: organisation.codes.ofstedUrn ?? null,
    care_inspectorate_number: organisation.codes.careInspectorate ?? null,
  };
}

export function inspectionRow(inspection: Inspection): InspectionRow {
  const { organisation, framework } = inspection;
  return {
    id: inspection.id,
    organisation_id: organisation.id,
    organisation_name: organisation.name,
    ...codes(organisation),
    region: organisation.region ?? null,
    inspectorate: framework.inspectorate.shortName,
    framework_id: framework.id,
    framework: framework.shortName,
    kind_id: inspection.kind.id,
    kind: inspection.kind.label,
    graded: inspection.kind.graded,
    visit_start: inspection.visit?.start ?? null,
    visit_end: inspection.visit?.end ?? null,
    visit_precision: inspection.visit?.precision ?? "unknown",
    placed_on: inspection.placedOn,
    published: inspection.published ?? null,
    report: inspection.report ?? null,
    lead_inspector: inspection.leadInspector ?? null,
    previous_inspection_id: inspection.previous?.id ?? null,
    summary: inspection.summary,
    comparison: inspection.comparison?.sentence ?? null,
    grades_not_known: inspection.judgements.filter((judgement) => judgement.outcome.kind === "unknown").length,
    draft: inspection.draft !== undefined,
  };
}

const STATUS = { grade: "grade", state: "other-outcome", "not-judged": "not-judged", unknown: "unknown" } as const;

/** Every area of a graded inspection, in the three states, with the rating that stands after it. */
export function judgementRows(inspection: Inspection): JudgementRow[] {
  const rowsByArea = new Map<string, ComparisonRow>();
  for (const row of inspection.comparison?.rows ?? []) if (row.area) rowsByArea.set(row.area.id, row);
  return inspection.judgements.map(({ area, outcome }) => {
    const row = rowsByArea.get(area.id);
    const stands = inspection.ratings?.after.ratings.get(area.id);
    return {
      inspection_id: inspection.id,
      organisation_id: inspection.organisation.id,
      ...codes(inspection.organisation),
      framework_id: inspection.framework.id,
      visit_start: inspection.visit?.start ?? null,
      placed_on: inspection.placedOn,
      published: inspection.published ?? null,
      area_id: area.id,
      area: area.label,
      sub_judgement_of: area.parent ?? null,
      separate: area.separate,
      scale_id: inspection.framework.scale.id,
      status: STATUS[outcome.kind],
      outcome_id: outcome.id,
      outcome: outcome.label,
      is_grade: outcome.kind === "grade",
      grade_rank: outcome.kind === "grade" ? outcome.rank : null,
      not_judged_reason: outcome.kind === "not-judged" ? (outcome.reason ?? null) : null,
      rating_in_force_id: stands?.outcome.id ?? null,
      rating_in_force_from: stands?.inspection.id ?? null,
      relation: row && row.relation !== "removed" ? row.relation : null,
      previous_outcome_ids:
        row && row.previous.length ? row.previous.map((item) => item.outcome?.id ?? "").join(";") : null,
      previous_from_ids:
        row && row.previous.length ? row.previous.map((item) => item.inspection?.id ?? "").join(";") : null,
      change: row?.change ?? null,
    };
  });
}

export type RatingInForceRow = z.infer<typeof ratingInForceRowSchema>;

function ratingRow(rating: Rating, latest: Inspection): RatingInForceRow {
  const since = rating.inspection;
  return {
    inspectorate: latest.framework.inspectorate.shortName,
    framework_id: latest.framework.id,
    area_id: rating.area.id,
    area: rating.area.label,
    published_framework_id: rating.publishedAs?.framework.id ?? null,
    published_area_id: rating.publishedAs?.area.id ?? null,
    judged_as_id: rating.judgedAs.id,
    status: STATUS[rating.outcome.kind],
    grade_id: rating.outcome.id,
    grade: rating.outcome.label,
    since_inspection_id: since.id,
    since: since.placedOn,
    since_published: since.published ?? null,
    latest_inspection_id: latest.id,
  };
}

/** The ratings in force after each line's latest graded inspection (docs/domain.md, "Ratings in force"). */
export function ratingsInForceRows(organisation: Organisation): RatingInForceRow[] {
  const latest = new Map<string, Inspection>();
  for (const inspection of organisation.inspections)
    if (inspection.kind.graded && inspection.ratings)
      latest.set(`${inspection.framework.inspectorate.id}\u0000${inspection.framework.lineage}`, inspection);
  return [...latest.values()].flatMap((inspection) => {
    const after = inspection.ratings!.after;
    return [...after.ratings.values(), ...after.beside].map((rating) => ratingRow(rating, inspection));
  });
}

export function organisationRow(organisation: Organisation): OrganisationRow {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    region: organisation.region ?? null,
    ...codes(organisation),
    website: organisation.website ?? null,
    reports_page: organisation.reports ?? null,
    example: organisation.example,
    closed: organisation.closed ?? null,
    last_known_open: organisation.lastKnownOpen ?? null,
    inspection_ids: organisation.inspections.map((inspection) => inspection.id),
  };
}

/** One organisation's file: the organisation, its inspections with their judgements, and its events. */
export function organisationData(
  organisation: Organisation,
  about: About,
): z.infer<typeof openDataSchemas.organisation> {
  return {
    about,
    organisation: organisationRow(organisation),
    ratings_in_force: ratingsInForceRows(organisation),
    inspections: organisation.inspections.map((inspection) => ({
      ...inspectionRow(inspection),
      judgements: judgementRows(inspection),
    })),
    events: organisation.events.map((event) => ({
      id: event.id,
      title: event.title,
      start: event.period.start,
      end: event.period.end,
      precision: event.period.precision,
      label: event.period.label,
      source: event.source?.url ?? event.source?.name ?? null,
    })),
  };
}
