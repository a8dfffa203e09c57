/**
 * A report's reading -> the inspection file (and, for a council the content does not
 * know yet, the organisation file) in the content format, marked as a draft: `draft.source`
 * is the report's file name and `draft.needsReview` lists every field that could not be
 * read, and every grade read from somewhere other than the report's judgement table (a
 * sentence, the board's own section) for an editor to check. What the report does not say is left out, never filled in: its web address (a PDF
 * does not know where it was published) and, for ILACS reports, its publication date.
 */
import type { OrganisationData } from "../../content/schema.ts";
import { frontmatter } from "../import/files.ts";
import { inspectionKey } from "../import/writing-rules.ts";
import { formatDay, formatDayRange } from "../../model/dates.ts";
import { shortFromLabel } from "../../model/labels.ts";
import type { Placed } from "../reports/framework.ts";
import type { ReportReading } from "../reports/read-report.ts";
import { VISIT_UNKNOWN } from "../../model/outcomes.ts";
import { inspectionFileName } from "../../content/file-names.ts";

/** The frontmatter a draft writes, in the order it is written. */
export interface DraftFrontmatter {
  organisation: string;
  framework: string;
  kind: string;
  /** 'unknown' for a single inspection framework report whose dates cannot be read: placed by `published`. */
  visit: { start: string; end: string } | typeof VISIT_UNKNOWN;
  published?: string;
  leadInspector?: string;
  summary: string;
  judgements: Record<string, string | { "not-judged": string }>;
  improvements?: string[];
  quotes?: { text: string; by: string; role: string; source: { name: string } }[];
  draft: { source: string; needsReview: string[] };
}

export interface DraftInspection {
  /** Organisation, framework, kind and first day: the same key as the importer's. */
  key: string;
  /** `<visit year>-<kind>`, before any disambiguation. */
  baseName: string;
  data: DraftFrontmatter;
}

const MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** Each part of a visit made in parts: "5 to 9 December 2022 and 14 to 15 February 2023". */
function partsText(parts: readonly { start: string; end: string }[]): string {
  return parts.map((part) => formatDayRange(part.start, part.end)).join(" and ");
}

/** Grades read from a sentence or a section rather than the judgement table: an editor checks each. */
function reviewOfGrades(reading: ReportReading, placed: Placed): string[] {
  return Object.entries(reading.readOutsideTable)
    .filter(([area]) => typeof placed.judgements[area] === "string")
    .map(
      ([area, where]) =>
        `judgements.${area}: '${reading.judgements[area]}' was read from ${where}, not from the report's judgement table. Check it against the report.`,
    );
}

function reviewOfFacts(reading: ReportReading): string[] {
  const review = [
    "report: a PDF does not say where it was published. Add the link to the report on Ofsted's website (a graded inspection needs one).",
  ];
  if (!reading.visit)
    review.push(
      "visit: the report's visit dates could not be read, so it is written 'unknown' and placed by its publication date. Add the dates from the report's first page.",
    );
  if (reading.visitParts)
    review.push(
      `visit: the report gives a visit in ${reading.visitParts.length} parts (${partsText(reading.visitParts)}); visit runs from the first day of the first part to the last day of the last.`,
    );
  if (!reading.published)
    review.push(
      "published: the report does not state when it was published. Add the date from Ofsted's website (a graded inspection needs one).",
    );
  if (!reading.leadInspector)
    review.push(
      "leadInspector: the lead inspector could not be read from the report. Add them as the report names them.",
    );
  if (!reading.improvements)
    review.push("improvements: the report's list of what needs to improve could not be found. Add its points.");
  if (reading.headline)
    review.push(
      "quotes: the quotation is the first sentence of the report's headline findings, picked by npm run draft. Keep it or choose another.",
    );
  return review;
}

/** "on site 5 to 9 December 2022 and 14 to 15 February 2023", or that its dates are not known. */
function onSite(reading: ReportReading): string {
  if (reading.visitParts) return `on site ${partsText(reading.visitParts)}`;
  if (reading.visit) return `on site ${formatDayRange(reading.visit.start, reading.visit.end)}`;
  return "visit dates not read";
}

export function draftInspection(
  reading: ReportReading,
  placed: Placed,
  organisation: { id: string; name: string },
  source: string,
): DraftInspection {
  const { visit, published } = reading;
  // A reading is placed by its visit or (a SIF report whose dates cannot be read) its publication.
  const when = visit ? visit.start : `published ${published}`;
  const day = visit?.start ?? published!;
  const kindLabel = placed.framework.kinds.find((kind) => kind.id === placed.kind)?.label ?? placed.kind;
  const summary =
    `First draft read from ${source} and not yet checked by an editor: the ${placed.framework.shortName} ${shortFromLabel(kindLabel)} ` +
    `of ${organisation.name}, ${onSite(reading)}${published ? `, report published ${formatDay(published)}` : ""}.`;
  const quoteSource = published
    ? `Ofsted inspection report, ${MONTH_YEAR.format(new Date(`${published}T00:00:00Z`))}`
    : "Ofsted inspection report";
  const data: DraftFrontmatter = {
    organisation: organisation.id,
    framework: placed.frameworkId,
    kind: placed.kind,
    visit: visit ?? VISIT_UNKNOWN,
    ...(published ? { published } : {}),
    ...(reading.leadInspector ? { leadInspector: reading.leadInspector } : {}),
    summary,
    judgements: placed.judgements,
    ...(reading.improvements?.length ? { improvements: reading.improvements } : {}),
    ...(reading.headline
      ? { quotes: [{ text: reading.headline, by: "Ofsted", role: "inspection report", source: { name: quoteSource } }] }
      : {}),
    draft: {
      source,
      needsReview: [...placed.needsReview, ...reviewOfGrades(reading, placed), ...reviewOfFacts(reading)],
    },
  };
  return {
    key: inspectionKey(organisation.id, placed.frameworkId, placed.kind, when),
    baseName: inspectionFileName(day, placed.kind),
    data,
  };
}

export function draftInspectionFile(data: DraftFrontmatter): string {
  const lines = [
    `This page was drafted from the report \`${data.draft.source}\` by \`npm run draft\` and has not been edited since.`,
    "Its details were read from the report by a program: check each one against the report, then write the explainer here in your own words.",
  ];
  return `---\n${frontmatter(data)}---\n${lines.join("\n")}\n`;
}

/** A new organisation, as the report names it. */
export function draftOrganisation(authority: string): { data: OrganisationData; review: string[] } {
  return {
    data: { name: authority, kind: "Local authority" },
    review: [
      `New organisation, named as the report names it ('${authority}'). Check its name (the one readers know), and add its region and codes (ONS, Ofsted URN).`,
    ],
  };
}

export function draftOrganisationFile(data: OrganisationData, source: string): string {
  return `---\n${frontmatter(data)}---\nThese details were read from the report \`${source}\` by \`npm run draft\` and have not been checked by an editor.\n`;
}
