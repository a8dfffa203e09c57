/**
 * The content format: one zod schema per kind of file. The TypeScript types below and the
 * published JSON Schema (`json-schema.ts`) both come from these, so the docs, the editor
 * autocompletion and the build can never disagree about what a field is.
 *
 * Cross-file rules (does this organisation exist, is this grade on the framework's scale)
 * are not here: they need every file at once and live in `validate-frameworks.ts` and
 * `validate-inspections.ts`.
 */
import { z } from "zod";
import { isCalendarDay, parsePeriod, parsePoint } from "../model/dates.ts";
import { CROSSWALK_RELATIONS } from "../model/types.ts";
import { ID_PATTERN, ID_RULE } from "./ids.ts";

/** An id: a file name, or a reference to one (src/content/ids.ts). */
export const slug = z.string().regex(ID_PATTERN, `an id in ${ID_RULE}, like 'help-and-protection'`);

/** Text an editor writes: anything but nothing (spaces alone are nothing). */
export const text = z.string().trim().min(1, "some text (it is empty)");

const url = z.url({ protocol: /^https?$/, error: "a web address starting with https:// or http://" });

/** A calendar date written as YYYY-MM-DD that really exists (no 30 February). */
export const isoDate = z
  .string()
  // `abort`: text that is not YYYY-MM-DD gets one message, not also "not in the calendar".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "a date written YYYY-MM-DD, like 2024-02-12", abort: true })
  .refine(isCalendarDay, {
    error: "a date that exists in the calendar",
  });

/**
 * When something happened, as precisely as the editor knows it: a day (2017-03-14), a
 * month (2017-03), a year (2017), a financial year (2015-16, April to March) or a range
 * ({ from, to }, each any of the others).
 */
const pointInTime = z
  .union([z.number().int(), z.string()])
  .refine((value) => parsePoint(value) !== null, {
    error: "a day (2017-03-14), a month (2017-03), a year (2017) or a financial year (2015-16) that exists",
  });
export const eventDate = z.union([
  pointInTime,
  z
    .strictObject({ from: pointInTime, to: pointInTime })
    // Only a range whose two ends are real but reversed: an end that is not a date has
    // already been reported. Pointed at 'to', with the value found there.
    .refine((range) => parsePoint(range.from) === null || parsePoint(range.to) === null || parsePeriod(range) !== null, {
      error: "a date on or after 'from' (the range is reversed)",
      path: ["to"],
    }),
]);

const source = z.strictObject({
  name: text.describe("Who published it, for example 'Ofsted inspection report, April 2024'"),
  url: url.optional(),
});

export const inspectorateSchema = z.strictObject({
  name: text.describe("Full name, for example 'Office for Standards in Education, Children's Services and Skills'"),
  shortName: text.describe("What readers call it, for example 'Ofsted'"),
  website: url.optional(),
  country: text.optional().describe("Where it inspects, for example 'England'"),
  description: text.optional(),
});

const gradeOrState = z.strictObject({
  id: slug,
  label: text.describe("The full label, as the inspectorate writes it"),
  short: text.optional().describe("A shorter label for tables and chips; the full label when absent"),
  meaning: text.describe("What it means, in plain English"),
});

export const scaleSchema = z.strictObject({
  name: text,
  description: text.optional(),
  grades: z.array(gradeOrState).min(2, "at least two grades, best first"),
  states: z
    .array(gradeOrState)
    .default([])
    .describe("Outcomes that are not grades: not rated, not judged, withheld"),
});

const areaIds = z.union([slug, z.array(slug).min(1)]);

const crosswalkEntry = z.strictObject({
  relation: z.enum(CROSSWALK_RELATIONS),
  from: areaIds.optional().describe("The area or areas of the framework replaced"),
  to: areaIds.optional().describe("The area or areas of this framework"),
  note: text.optional().describe("What a reader should know about the change"),
});

export const frameworkSchema = z.strictObject({
  inspectorate: slug,
  name: text,
  shortName: text,
  scale: slug,
  inForce: z.strictObject({ from: isoDate, to: isoDate.optional() }),
  url: url.optional(),
  description: text.optional(),
  kinds: z
    .array(
      z.strictObject({
        id: slug,
        label: text,
        graded: z.boolean(),
        description: text.optional(),
      }),
    )
    .min(1),
  areas: z
    .array(
      z.strictObject({
        id: slug,
        label: text,
        short: text.optional().describe("A short name used in sentences, like 'help and protection'"),
        description: text.optional(),
        parent: slug.optional().describe("For a sub-judgement: the area it sits under"),
        separate: z
          .boolean()
          .optional()
          .describe("Shown apart from the other judgements and never compared (not a judgement of the organisation's own services)"),
        overall: z.boolean().optional().describe("The headline judgement, shown first"),
      }),
    )
    .min(1),
  replaces: z
    .strictObject({
      framework: slug,
      grades: z
        .record(slug, slug)
        .optional()
        .describe("When the scales differ: each old grade id and the new grade id it equals. Without it, grades are not compared."),
      crosswalk: z.array(crosswalkEntry).min(1),
    })
    .optional(),
});

export const organisationSchema = z.strictObject({
  name: text,
  kind: text.describe("For example 'Upper-tier local authority' or 'Police force'"),
  region: text.optional(),
  codes: z
    .strictObject({
      ons: z.string().regex(/^[A-Z]\d{8}$/, "an ONS code like E10000025").optional(),
      ofstedUrn: z.union([z.string().regex(/^\d+$/, "digits only"), z.number().int()]).optional(),
    })
    .optional(),
  website: url.optional(),
  example: z.boolean().optional().describe("A fictional organisation used to show the format"),
});

const quote = z.strictObject({
  text,
  by: text.describe("Who said it: a person's name, or the report"),
  role: text.optional(),
  source: source.optional(),
});

const figure = z.strictObject({
  label: text,
  unit: text.optional(),
  source,
  values: z
    .array(z.strictObject({ date: pointInTime, value: z.number(), note: text.optional() }))
    .min(2, "at least two dated values to make a series"),
});

export const inspectionSchema = z.strictObject({
  organisation: slug,
  framework: slug,
  kind: slug,
  title: text.optional(),
  visit: z
    .union([z.strictObject({ start: isoDate, end: isoDate }), pointInTime])
    .describe("The days inspectors were on site ({ start, end }); only when those are unknown, the month or year (2020-10, 2020)"),
  published: isoDate.optional().describe("When the report was published; may be left out only for an ungraded visit whose date is unknown"),
  report: url.optional().describe("The inspectorate's published report; required for a graded inspection"),
  leadInspector: text.optional(),
  previous: slug.optional().describe("The file name of the inspection to compare with, or 'none'"),
  summary: text,
  // Grades are checked against the framework's scale, which can say "Did you mean 'good'?"
  // for "Good" or "requires improvement"; a pattern here could only say "lower case".
  judgements: z.record(slug, text).default({}),
  improvements: z.array(text).default([]),
  quotes: z.array(quote).default([]),
  figures: z.array(figure).default([]),
  draft: z
    .strictObject({ source: text, row: z.number().int().optional(), needsReview: z.array(text).default([]) })
    .optional()
    .describe("Set by `npm run import`: a first draft awaiting an editor"),
});

export const eventSchema = z.strictObject({
  organisation: slug,
  title: text,
  date: eventDate,
  source: source.optional(),
});

export type InspectorateData = z.infer<typeof inspectorateSchema>;
export type ScaleData = z.infer<typeof scaleSchema>;
export type FrameworkData = z.infer<typeof frameworkSchema>;
export type OrganisationData = z.infer<typeof organisationSchema>;
export type InspectionData = z.infer<typeof inspectionSchema>;
export type EventData = z.infer<typeof eventSchema>;
export type EventDateData = z.infer<typeof eventDate>;
