/**
 * The content format: one zod schema per kind of file. The TypeScript types below and the
 * published JSON Schema (`json-schema.ts`) both come from these, so the docs, the editor
 * autocompletion, the editors' forms and the build can never disagree about what a field is.
 *
 * Cross-file rules (does this organisation exist, is this grade on the framework's scale)
 * are not here: they need every file at once and live in `validate-frameworks.ts` and
 * `validate-inspections.ts`.
 */
import { z } from "zod";
import { isCalendarDay, parsePeriod, parsePoint } from "../model/dates.ts";
import { NOT_JUDGED_ID, VISIT_UNKNOWN } from "../model/outcomes.ts";
import { CROSSWALK_RELATIONS } from "../model/types.ts";
import { ID_PATTERN, ID_RULE, RESERVED_IDS } from "./ids.ts";
import { LIMITS } from "./limits.ts";
import { anchored, CALENDAR_DAY, POINT_IN_TIME } from "./date-patterns.ts";

/** An id: a file name, or a reference to one (src/content/ids.ts). */
export const slug = z
  .string()
  .regex(ID_PATTERN, `an id in ${ID_RULE}, like 'help-and-protection'`)
  .max(LIMITS.id, `an id of at most ${LIMITS.id} characters`)
  .refine((id) => !RESERVED_IDS.has(id), {
    error: "an id other than 'constructor', a word JavaScript keeps for itself",
    params: { fix: "Rename it: add a word, like 'constructor-role'." },
  });

/**
 * Text an editor writes, up to `limit` characters: anything but nothing (spaces alone are
 * nothing). `.meta` says the same in the JSON Schema (json-schema.ts), where the trim
 * cannot run: not only spaces.
 */
const textUpTo = (limit: number) =>
  z
    .string()
    .trim()
    .min(1, "some text (it is empty)")
    .max(limit, `at most ${limit.toLocaleString("en-GB")} characters long`)
    .meta({ pattern: "\\S" });

/**
 * One line of text: a name, a title, a label (LIMITS.shortText). A line break in one
 * (YAML keeps one in a `|` block or a quoted "\n") would break a page's title, a feed's
 * entry, a CSV row of the open data: it is a problem, with the fix.
 */
export const text = textUpTo(LIMITS.shortText).refine((value) => !/[\n\r\u2028\u2029]/.test(value), {
  error: "one line of text (it holds a line break)",
  params: {
    fix: "Write it on one line. In YAML, a '|' block keeps its line breaks and so does \\n in double quotes: write the text after the colon on the same line instead.",
  },
});

/** A paragraph: a summary, a description, a quote (LIMITS.longText). */
export const longText = textUpTo(LIMITS.longText);

const url = z
  .url({ protocol: /^https?$/, error: "a web address starting with https:// or http://" })
  .max(LIMITS.url, `a web address of at most ${LIMITS.url.toLocaleString("en-GB")} characters`)
  .meta({ pattern: "^https?://" });

/**
 * An inspection's report link: https, or http only for an inspectorate whose reports are
 * not on https (`reportsOnHttps: false`; validate-fit.ts refuses http for the others), as
 * the message says.
 */
const reportUrl = z
  .url({
    protocol: /^https?$/,
    error: "a link to the report starting https:// (http:// only for an inspectorate whose reports are not on https)",
  })
  .max(LIMITS.url, `a web address of at most ${LIMITS.url.toLocaleString("en-GB")} characters`)
  .meta({ pattern: "^https?://" });

/** A calendar date written as YYYY-MM-DD that really exists (no 30 February). */
export const isoDate = z
  .string()
  // `abort`: text that is not YYYY-MM-DD gets one message, not also "not in the calendar".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "a date written YYYY-MM-DD, like 2024-02-12", abort: true })
  .refine(isCalendarDay, {
    error: "a date that exists in the calendar",
  })
  .meta({ pattern: anchored(CALENDAR_DAY), format: "date" });

/**
 * When something happened, as precisely as the editor knows it: a day (2017-03-14), a
 * month (2017-03), a year (2017), a financial year (2015-16, April to March) or a range
 * ({ from, to }, each any of the others).
 */
export const pointInTime = z
  .union([z.number().int(), z.string()])
  .refine((value) => parsePoint(value) !== null, {
    error: "a day (2017-03-14), a month (2017-03), a year (2017) or a financial year (2015-16) that exists",
  })
  .meta({
    anyOf: [
      { type: "integer", minimum: 1000, maximum: 9999 },
      { type: "string", pattern: anchored(POINT_IN_TIME) },
    ],
  });
export const eventDate = z.union([
  pointInTime,
  z
    .strictObject({
      from: pointInTime.describe("The start: a day, month, year or financial year"),
      to: pointInTime.describe("The end, on or after 'from': a day, month, year or financial year"),
    })
    // Only a range whose two ends are real but reversed: an end that is not a date has
    // already been reported. Pointed at 'to', with the value found there.
    .refine((range) => parsePoint(range.from) === null || parsePoint(range.to) === null || parsePeriod(range) !== null, {
      error: "a date on or after 'from' (the range is reversed)",
      path: ["to"],
    }),
]);

const source = z.strictObject({
  name: text.describe("Who published it, for example 'Ofsted inspection report, April 2024'"),
  url: url.optional().describe("Where a reader can read it: a web address starting https://"),
});

export const inspectorateSchema = z.strictObject({
  name: text.describe("Full name, for example 'Office for Standards in Education, Children's Services and Skills'"),
  shortName: text.describe("What readers call it, for example 'Ofsted'"),
  website: url.optional().describe("Its website, starting https://"),
  country: text.optional().describe("Where it inspects, for example 'England'"),
  description: longText.optional().describe("A sentence or two for readers: who it is and what it inspects"),
  dataNote: longText
    .optional()
    .describe(
      "What readers should know about where this site's grades by this inspectorate come from (a reconstruction, a scrape): shown on its frameworks' pages, its inspections and organisations, the national picture and the open data",
    ),
  dataNoteSummary: longText
    .optional()
    .describe(
      "The data note in a sentence or two, for the pages there are thousands of (its inspections and organisations), which link to the whole note on the framework's page: say at least that the grades are an approximation and that the reports are the authority. Without it, those pages give the whole note",
    ),
  gradings: z
    .enum(["in-force"])
    .optional()
    .describe(
      "'in-force' when the source of this site's grades by this inspectorate (a datastore) gives, for each inspection, every grade in force once it was published, and does not say which areas it judged: the ratings in force after an inspection are then exactly its grades, and an area is said to be re-graded only where its grade changed",
    ),
  reportsOnHttps: z
    .boolean()
    .optional()
    .describe(
      "Whether it publishes its reports on https (true when left out): an inspection's report link starting http:// is then refused, with the https:// address as the fix. false only for an inspectorate whose reports are not on https",
    ),
});

const gradeOrState = z.strictObject({
  id: slug.describe("The id written in inspections' judgements, like 'requires-improvement'"),
  label: text.describe("The full label, as the inspectorate writes it"),
  short: text.optional().describe("A shorter label for tables and chips; the full label when absent"),
  meaning: longText.describe("What it means, in plain English"),
});

export const scaleSchema = z.strictObject({
  name: text.describe("The scale's name, used in sentences: 'the Ofsted four-point scale'"),
  description: longText.optional().describe("A sentence or two for readers about the scale"),
  grades: z.array(gradeOrState).min(2, "at least two grades, best first").describe("The grades, best first"),
  states: z
    .array(gradeOrState)
    .default([])
    .describe("Outcomes that are not grades: not rated, not judged, withheld"),
});

const areaIds = z.union([slug, z.array(slug).min(1)]);

const crosswalkEntry = z.strictObject({
  relation: z
    .enum(CROSSWALK_RELATIONS)
    .describe("How the areas relate: same, renamed, split (one became several), merged (several became one), new or removed"),
  from: areaIds.optional().describe("The area or areas of the framework replaced"),
  to: areaIds.optional().describe("The area or areas of this framework"),
  note: longText.optional().describe("What a reader should know about the change"),
});

export const frameworkSchema = z.strictObject({
  inspectorate: slug.describe("The inspectorate's file name in content/inspectorates/, without .yaml"),
  name: text.describe("The framework's full name, as the inspectorate writes it"),
  shortName: text.describe("What readers call it, for example 'ILACS 2023'"),
  series: slug
    .optional()
    .describe(
      "The frameworks of a lineage whose inspections official statistics count as one line of repeat inspections share a series (Ofsted's ILACS 2018 onward, not SIF: 'ilacs'); without it, the framework's whole lineage is one series",
    ),
  scale: slug.describe("The scale its grades are on: a file name in content/scales/, without .yaml"),
  inForce: z
    .strictObject({
      from: isoDate.describe("The first day inspections were made under it, YYYY-MM-DD"),
      to: isoDate.optional().describe("The last day, YYYY-MM-DD; leave out while it is in force"),
    })
    .describe("When inspections were made under it"),
  url: url.optional().describe("The inspectorate's page about the framework"),
  description: longText.optional().describe("A sentence or two for readers: what it judges and how"),
  kinds: z
    .array(
      z.strictObject({
        id: slug.describe("The id written in inspections' 'kind', like 'standard' or 'focused-visit'"),
        label: text.describe("What readers call it, like 'Standard inspection'"),
        graded: z.boolean().describe("Whether this kind of inspection gives grades"),
        description: longText.optional().describe("A sentence for readers about this kind of inspection"),
        judges: z
          .union([z.enum(["all", "some"]), z.array(slug).min(1)])
          .optional()
          .describe(
            "Which areas this kind judges: 'all' (the default), 'some' (each inspection lists the areas it judged; the others keep their earlier ratings), or a list of area ids",
          ),
        notJudged: longText
          .optional()
          .describe("Why the areas this kind leaves out are not judged, for readers: shown beside each of them"),
      }),
    )
    .min(1)
    .describe("The kinds of inspection made under it"),
  areas: z
    .array(
      z.strictObject({
        id: slug.describe("The id written in inspections' judgements, like 'help-and-protection'"),
        label: text.describe("The judgement's name, as the inspectorate writes it"),
        short: text.optional().describe("A short name used in sentences, like 'help and protection'"),
        description: longText.optional().describe("What the judgement covers, for readers"),
        parent: slug.optional().describe("For a sub-judgement: the area it sits under"),
        separate: z
          .boolean()
          .optional()
          .describe("Shown apart from the other judgements and never compared (not a judgement of the organisation's own services)"),
        overall: z.boolean().optional().describe("The headline judgement, shown first"),
        appliesTo: z
          .array(text)
          .min(1)
          .optional()
          .describe(
            "The kinds of organisation it applies to (each an organisation's 'kind' exactly); without it, every kind. Pages list an area that does not apply to an organisation only where it has a grade in it",
          ),
      }),
    )
    .min(1)
    .describe("What it judges: one entry per judgement, in the report's order"),
  appliesTo: z
    .array(text)
    .min(1)
    .optional()
    .describe(
      "The kinds of organisation it is used for (each an organisation's 'kind' exactly); without it, every kind. An inspection under it of an organisation of another kind is refused, and npm run new does not offer it for one",
    ),
  replaces: z
    .strictObject({
      framework: slug.describe("The framework this one replaced: a file name in content/frameworks/, without .yaml"),
      grades: z
        .record(slug, slug)
        .optional()
        .describe("When the scales differ: each old grade id and the new grade id it equals. Without it, grades are not compared."),
      crosswalk: z
        .array(crosswalkEntry)
        .min(1)
        .describe("How each area of the old framework became areas of this one; every area on both sides exactly once"),
    })
    .optional()
    .describe("The framework this one replaced, and how their areas relate (the crosswalk)"),
});

export const organisationSchema = z.strictObject({
  name: text.describe("The organisation's name as readers know it, like 'Oxfordshire County Council'"),
  kind: text.describe("For example 'Upper-tier local authority' or 'Police force'"),
  region: text.optional().describe("Its region, used to group organisations in the national picture"),
  codes: z
    .strictObject({
      ons: z
        .string()
        .regex(/^[A-Z]\d{8}$/, "an ONS code like E10000025")
        .optional()
        .describe("The ONS area code, like E10000025"),
      ofstedUrn: z
        .union([z.string().regex(/^\d{1,20}$/, "digits only (at most 20)"), z.number().int().nonnegative()])
        .optional()
        .describe("Ofsted's unique reference number, digits only"),
      careInspectorate: z
        .string()
        .regex(/^CS\d{10}$/, "a Care Inspectorate number like CS2003000150")
        .optional()
        .describe("The Care Inspectorate's registration number of a care service, like CS2003000150"),
    })
    .optional()
    .describe("Official codes, so imports recognise the organisation"),
  website: url.optional().describe("Its website, starting https://"),
  reports: url
    .optional()
    .describe(
      "The inspectorate's page for it, listing its reports: a graded inspection with no report link of its own points there",
    ),
  example: z.boolean().optional().describe("A fictional organisation used to show the format"),
  closed: isoDate.optional().describe("The day it closed (deregistered, merged), YYYY-MM-DD: it then leaves the national pictures"),
  lastKnownOpen: isoDate
    .optional()
    .describe(
      "When it has closed but the day is not known: the last day it is known to have been open, YYYY-MM-DD (a service last listed in a datastore's snapshot of that day)",
    ),
});

/**
 * The visit as a point: a month or year for an ungraded visit, or 'unknown' for an
 * inspection whose report gives no visit dates this site knows.
 */
const visitPoint = z
  .union([z.number().int(), z.string()])
  .refine((value) => value === VISIT_UNKNOWN || parsePoint(value) !== null, {
    error: "a month (2020-10) or year (2020) for an ungraded visit, or 'unknown' when the report gives no visit dates",
  })
  .meta({
    anyOf: [
      { type: "integer", minimum: 1000, maximum: 9999 },
      { type: "string", pattern: anchored(POINT_IN_TIME) },
      { type: "string", const: VISIT_UNKNOWN },
    ],
  });

/**
 * What an inspection gave an area: a grade or state id of the framework's scale (checked
 * against the scale, which can say "Did you mean 'good'?"), 'unknown' (judged, but the
 * grade is not on this site yet), 'not-judged', or `not-judged:` with the reason.
 */
const judgementValue = z.union([text, z.strictObject({ [NOT_JUDGED_ID]: longText.describe("Why it was not judged") })]);

const quote = z.strictObject({
  text: longText.describe("The words, quoted exactly"),
  by: text.describe("Who said it: a person's name, or the report"),
  role: text.optional().describe("Their role, or which document, like 'inspection report'"),
  source: source.optional().describe("Where it was said or written"),
});

const figure = z.strictObject({
  label: text.describe("What is counted, like 'Children in care'"),
  unit: text.optional().describe("The unit of the values, like 'children'"),
  source: source.describe("Where the numbers come from"),
  values: z
    .array(
      z.strictObject({
        date: pointInTime.describe("When: a day, month, year or financial year"),
        value: z.number().describe("The number"),
        note: longText.optional().describe("Shown instead of the date, like 'before the restructure'"),
      }),
    )
    .min(2, "at least two dated values to make a series")
    .describe("At least two dated values"),
});

export const inspectionSchema = z.strictObject({
  organisation: slug.describe("The organisation inspected: its file name in content/organisations/, without .md"),
  framework: slug.describe("The framework in force on the first day of the visit: a file name in content/frameworks/, without .yaml"),
  kind: slug.describe(
    "The kind of inspection: one of the framework's kinds, like 'standard' or 'focused-visit'; 'unknown' for a graded inspection whose kind the source does not say",
  ),
  title: text.optional().describe("The page's title; without it, like 'Ofsted standard inspection, 2024'"),
  visit: z
    .union([
      z.strictObject({
        start: isoDate.describe("The first day inspectors were on site, YYYY-MM-DD"),
        end: isoDate.describe("The last day inspectors were on site, YYYY-MM-DD, not before the start"),
      }),
      visitPoint,
    ])
    .describe(
      "The days inspectors were on site ({ start, end }); for an ungraded visit whose days are unknown, the month or year (2020-10, 2020); 'unknown' when the report gives no visit dates (the inspection is then placed by its publication date)",
    ),
  published: isoDate.optional().describe("When the report was published; may be left out only for an ungraded visit whose date is unknown"),
  report: reportUrl.optional().describe("The inspectorate's published report; required for a graded inspection"),
  leadInspector: text.optional().describe("The lead inspector, as the report names them"),
  previous: slug.optional().describe("The file name of the inspection to compare with, or 'none'"),
  summary: longText.describe("One or two plain sentences a reader can take away; used in lists, feeds and search results"),
  // Grades are checked against the framework's scale, which can say "Did you mean 'good'?"
  // for "Good" or "requires improvement"; a pattern here could only say "lower case".
  judgements: z
    .record(slug, judgementValue)
    .default({})
    .describe(
      "Each area's grade id (or a state of the scale, such as 'withheld'), or 'unknown' (judged, grade not on this site yet), or 'not-judged' (optionally `not-judged: <reason>`); none for an ungraded visit",
    ),
  alsoInForce: z
    .record(slug, z.record(slug, text))
    .optional()
    .describe(
      "For an inspectorate whose gradings give every grade in force: grades published as in force after this inspection under another framework of the same line (a service moving between frameworks, or a grade shown in a later framework's column), as framework file name -> area id -> grade id",
    ),
  improvements: z.array(longText).default([]).describe("What the report says must improve, one item each"),
  quotes: z.array(quote).default([]).describe("Passages quoted exactly, each with who said it"),
  figures: z.array(figure).default([]).describe("Labelled series of dated numbers, each with its source"),
  draft: z
    .strictObject({
      source: text.describe("The spreadsheet the draft came from"),
      row: z.number().int().optional().describe("Its row in the spreadsheet"),
      needsReview: z.array(longText).default([]).describe("What an editor must check before publishing"),
    })
    .optional()
    .describe("Set by `npm run import`: a first draft awaiting an editor"),
});

export const eventSchema = z.strictObject({
  organisation: slug.describe("The organisation whose timeline it is on: its file name, without .md"),
  title: text.describe("What happened, in a few words: the entry on the timeline"),
  date: eventDate.describe("When: a day (2017-03-14), a month (2017-03), a year (2017), a financial year (2015-16), or a range { from, to }"),
  source: source.optional().describe("Where a reader can check it"),
});

export type InspectorateData = z.infer<typeof inspectorateSchema>;
export type ScaleData = z.infer<typeof scaleSchema>;
export type FrameworkData = z.infer<typeof frameworkSchema>;
export type OrganisationData = z.infer<typeof organisationSchema>;
export type InspectionData = z.infer<typeof inspectionSchema>;
export type EventData = z.infer<typeof eventSchema>;
export type EventDateData = z.infer<typeof eventDate>;
