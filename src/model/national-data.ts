/**
 * The national pictures as open data: one JSON file per date (and `latest`), and one CSV
 * of every date's counts. The zod schemas are the published JSON Schema, so the data and
 * its description are one (as in open-data.ts).
 */
import { z } from "zod";
import { NO_GRADE_REASONS, areaBase, type LineagePicture, type NationalPicture } from "./national.ts";
import { countingRule } from "./national-dates.ts";
import { aboutSchema } from "./open-data.ts";
import { seriesFrameworks, type RepeatTally } from "./repeat-inspections.ts";

const ids = z.array(z.string());

const areaSchema = z.strictObject({
  area_id: z.string().describe("The area's id in the framework in force on the date"),
  area: z.string().describe("The area, as the framework names it"),
  no_longer_judged_in: z
    .string()
    .nullable()
    .describe(
      "For an area the framework in force no longer judges (ILACS 2026's overall effectiveness), that framework's id: each organisation counts with the grade its inspections gave before; null for the framework's own areas",
    ),
  grades: z
    .array(
      z.strictObject({
        grade_id: z.string(),
        grade: z.string().describe("As the inspectorate writes it"),
        count: z.number().int(),
        organisation_ids: ids.describe("The organisations whose rating in force is this grade"),
      }),
    )
    .describe("Best first: organisations by the grade in force in this area"),
  applies_to: z
    .array(z.string())
    .nullable()
    .describe("The kinds of organisation the framework says this area applies to; null when it applies to every kind"),
  organisations: z
    .number()
    .int()
    .describe(
      "The organisations counted in this area, the base of its shares: every organisation of the line, less those in no_grade.does-not-apply",
    ),
  graded: z.number().int().describe("Organisations with a grade here"),
  good_or_better: z
    .number()
    .int()
    .nullable()
    .describe("Of those graded, how many are good or better; null when the scale has no 'good'"),
  no_grade: z
    .strictObject(
      Object.fromEntries(NO_GRADE_REASONS.map((reason) => [reason, ids])) as Record<
        (typeof NO_GRADE_REASONS)[number],
        typeof ids
      >,
    )
    .describe(
      "Organisations with no grade to count here, by why: unknown (judged, grade not on this site yet), not-a-grade (withheld, not rated), never-rated (no judgement of this area on this site), merged (made from several earlier areas, not judged since), other-scale (graded on another scale with no declared equivalent), no-longer-judged (for an area the framework in force no longer judges: the organisation's latest inspection was under that framework), does-not-apply (of a kind the area does not apply to, with no grade in it: left out of this area's organisations). Never counted as grades",
    ),
  from_combined: z
    .number()
    .int()
    .describe("Of the graded, how many ratings come from a combined judgement of an earlier framework (a split area)"),
  carried: z
    .number()
    .int()
    .describe(
      "Of the graded, how many stand from an earlier inspection than the organisation's latest, which did not judge this area",
    ),
});

const movementSchema = z.strictObject({
  framework_id: z.string().describe("The framework of the latest inspections counted here"),
  organisations: z.number().int(),
  first_inspections: z.number().int().describe("Of those, how many had no earlier inspection to compare with"),
  areas: z.array(
    z.strictObject({
      area_id: z.string(),
      improved: z.number().int(),
      unchanged: z.number().int(),
      declined: z.number().int(),
      not_compared: z
        .record(z.string(), z.number().int())
        .describe(
          "By reason: not-judged-again, unknown, no-earlier-rating, new-area, merged, not-a-grade, no-translation",
        ),
      different_scale: z.number().int(),
    }),
  ),
});

const repeatSchema = z.strictObject({
  organisations: z
    .number()
    .int()
    .describe("Organisations with two or more inspections of the series whose visits ended by the date"),
  improved: z.number().int().describe("The latest inspection's grade better than the one before"),
  stayed_good_or_better: z.number().int().describe("The same grade both times, good or better"),
  declined: z.number().int().describe("The latest inspection's grade worse than the one before"),
  stayed_below_good: z.number().int().describe("The same grade both times, below good"),
  not_compared: z
    .number()
    .int()
    .describe("Either of the two gave no grade in this area (not judged, not known, not a grade): never guessed"),
});

export const nationalDataSchema = z.strictObject({
  about: aboutSchema,
  as_at: z.string().describe("YYYY-MM-DD: the day the picture is as at"),
  counted_by: z.enum(["publication", "visit-end"]).describe("Which inspections count on the day"),
  counting_rule: z.string().describe("The rule in words"),
  lineages: z.array(
    z.strictObject({
      inspectorate_id: z.string(),
      inspectorate: z.string(),
      framework_id: z.string().describe("The framework in force on the day, whose areas the picture is read into"),
      framework: z.string(),
      organisations: z.number().int().describe("Organisations with a counted graded inspection"),
      areas: z.array(areaSchema),
      movements: z
        .array(movementSchema)
        .describe("Change at each organisation's latest counted inspection, by its framework"),
      repeat_inspections: z
        .record(z.string(), repeatSchema)
        .nullable()
        .describe(
          "Official statistics' rule, by area id: organisations with two or more inspections in the same series of frameworks (Ofsted: ILACS 2018 onward, not SIF), placed by the end of the visit whatever counted_by says, the latest compared with the one before; null when the scale has no 'good'",
        ),
      repeat_series: z
        .array(z.string())
        .describe("The frameworks whose inspections repeat_inspections counts (the series of the framework in force)"),
    }),
  ),
});

export const nationalCsvColumns = [
  "as_at",
  "counted_by",
  "inspectorate",
  "framework_id",
  "area_id",
  "area",
  "rating_id",
  "rating",
  "count",
  "organisations",
] as const;

export type NationalData = z.infer<typeof nationalDataSchema>;
type About = NationalData["about"];

function repeatData(tally: RepeatTally | null): NationalData["lineages"][number]["repeat_inspections"] {
  if (!tally) return null;
  return Object.fromEntries(
    [...tally.counts.values()].map((count) => [
      count.area.id,
      {
        organisations: count.organisations,
        improved: count.outcomes.improved,
        stayed_good_or_better: count.outcomes["stayed-good-or-better"],
        declined: count.outcomes.declined,
        stayed_below_good: count.outcomes["stayed-below-good"],
        not_compared: count.outcomes["not-compared"],
      },
    ]),
  );
}

function lineageData(lineage: LineagePicture): NationalData["lineages"][number] {
  return {
    inspectorate_id: lineage.inspectorate.id,
    inspectorate: lineage.inspectorate.shortName,
    framework_id: lineage.framework.id,
    framework: lineage.framework.shortName,
    organisations: lineage.latest.length,
    areas: lineage.distributions.map((distribution) => ({
      area_id: distribution.area.id,
      area: distribution.area.label,
      no_longer_judged_in: distribution.noLongerJudgedIn?.id ?? null,
      applies_to: distribution.area.appliesTo ? [...distribution.area.appliesTo] : null,
      organisations: areaBase(distribution, lineage.latest.length),
      grades: distribution.grades.map((item) => ({
        grade_id: item.grade.id,
        grade: item.grade.label,
        count: item.organisations.length,
        organisation_ids: item.organisations.map((organisation) => organisation.id).sort(),
      })),
      graded: distribution.grades.reduce((sum, item) => sum + item.organisations.length, 0),
      good_or_better: distribution.goodOrBetter?.count ?? null,
      no_grade: Object.fromEntries(
        NO_GRADE_REASONS.map((reason) => [
          reason,
          distribution.noGrade[reason].map((organisation) => organisation.id).sort(),
        ]),
      ) as NationalData["lineages"][number]["areas"][number]["no_grade"],
      from_combined: distribution.fromCombined,
      carried: distribution.carried,
    })),
    movements: lineage.movements.map((movement) => ({
      framework_id: movement.framework.id,
      organisations: movement.organisations,
      first_inspections: movement.firstInspections,
      areas: movement.areas.map((area) => ({
        area_id: area.area.id,
        ...area.counts,
        not_compared: area.notCompared,
        different_scale: area.differentScale,
      })),
    })),
    repeat_inspections: repeatData(lineage.repeatInspections),
    repeat_series: seriesFrameworks(lineage.framework).map((framework) => framework.id),
  };
}

export function nationalData(picture: NationalPicture, about: About): NationalData {
  return {
    about,
    as_at: picture.asAt,
    counted_by: picture.countBy,
    counting_rule: countingRule(picture.countBy),
    lineages: picture.lineages.map(lineageData),
  };
}

/** Every picture's counts, one row per date, area and rating (grade, 'unknown', or why there is no grade). */
export function nationalCsvRows(
  pictures: readonly NationalPicture[],
): Record<(typeof nationalCsvColumns)[number], string | number>[] {
  return pictures.flatMap((picture) =>
    picture.lineages.flatMap((lineage) =>
      lineage.distributions.flatMap((distribution) => {
        const base = {
          as_at: picture.asAt,
          counted_by: picture.countBy,
          inspectorate: lineage.inspectorate.shortName,
          framework_id: lineage.framework.id,
          area_id: distribution.area.id,
          area: distribution.area.label,
        };
        // Of the organisations the area applies to; the "does not apply" row counts those left out.
        const total = areaBase(distribution, lineage.latest.length);
        return [
          ...distribution.grades.map((item) => ({
            ...base,
            rating_id: item.grade.id,
            rating: item.grade.label,
            count: item.organisations.length,
            organisations: total,
          })),
          ...NO_GRADE_REASONS.map((reason) => ({
            ...base,
            rating_id: reason,
            rating: reason === "unknown" ? "Not known" : `No grade: ${reason.replace(/-/g, " ")}`,
            count: distribution.noGrade[reason].length,
            organisations: total,
          })),
        ];
      }),
    ),
  );
}
