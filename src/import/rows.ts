/**
 * One CSV row -> an organisation and an inspection, in the content format, or the reason
 * the row cannot be one. Nothing is guessed: a row the content model cannot support
 * (no visit dates, no framework for its date, an unknown kind, a graded inspection with
 * no report) is skipped with a reason, and a grade that cannot be read is left out and
 * listed in `draft.needsReview`, never filled in.
 */
import { DateTime } from "luxon";
import type { FrameworkData, OrganisationData } from "../content/schema.ts";
import { inspectionSchema, organisationSchema } from "../content/schema.ts";
import { slugify } from "../content/ids.ts";
import { listOf } from "../content/suggest.ts";
import { formatDay, formatDayRange } from "../model/dates.ts";
import { inForceOn } from "../model/in-force.ts";
import type { CsvRow } from "./csv.ts";
import { normaliseValue, type Definitions, type Mapping } from "./mapping.ts";
import { titleCase } from "./names.ts";

export interface OrganisationDraft {
  /** The id made from the row (name or id column); the import may use an existing organisation's instead. */
  id: string;
  data: OrganisationData;
  /** Things an editor should know about the organisation's details. */
  notes: string[];
}

/** The frontmatter an import writes, in the order it is written. */
export interface InspectionFrontmatter {
  organisation: string;
  framework: string;
  kind: string;
  visit: { start: string; end: string } | string;
  published?: string;
  report?: string;
  leadInspector?: string;
  summary: string;
  judgements?: Record<string, string>;
  draft: { source: string; row: number; needsReview: string[] };
}

export interface InspectionDraft {
  /** Organisation, framework, kind and first day: what makes two rows the same inspection. */
  key: string;
  /** The file name before any disambiguation: `<visit year>-<kind>`. */
  baseName: string;
  start: string;
  line: number;
  data: InspectionFrontmatter;
}

export type Converted<T> = { ok: true; value: T } | { ok: false; reason: string };

const cell = (row: CsvRow, column: string | undefined): string =>
  column === undefined ? "" : (row.values[column] ?? "").trim();

function urnOrOns(kind: "ofstedUrn" | "ons", value: string): boolean {
  return kind === "ofstedUrn" ? /^\d+$/.test(value) : /^[A-Z]\d{8}$/.test(value);
}

export function rowToOrganisation(row: CsvRow, mapping: Mapping): Converted<OrganisationDraft> {
  const spec = mapping.data.organisation;
  const written = cell(row, spec.name).replace(/\s+/g, " ");
  if (written === "") return { ok: false, reason: `there is no organisation name (the '${spec.name}' cell is empty)` };
  const name = spec.nameStyle === "title-case" ? titleCase(written) : written;
  const id = slugify(spec.id !== undefined && cell(row, spec.id) !== "" ? cell(row, spec.id) : written);
  if (id === "")
    return { ok: false, reason: `the organisation name '${written}' has no letters or digits to make an id from` };
  const kind = "value" in spec.kind ? spec.kind.value : cell(row, spec.kind.column);
  if (kind === "")
    return {
      ok: false,
      reason: `the organisation's kind (the '${"column" in spec.kind ? spec.kind.column : ""}' cell) is empty`,
    };

  const data: OrganisationData = { name, kind };
  const notes: string[] = [];
  const region = cell(row, spec.region);
  if (region) data.region = region;
  const codes: NonNullable<OrganisationData["codes"]> = {};
  for (const code of ["ons", "ofstedUrn"] as const) {
    const column = spec.codes?.[code];
    const value = cell(row, column);
    if (value === "") continue;
    if (urnOrOns(code, value)) codes[code] = value;
    else notes.push(`codes.${code}: '${value}' (column ${column}) is not in the right form, so it is left out.`);
  }
  if (Object.keys(codes).length > 0) data.codes = codes;
  const website = cell(row, spec.website);
  if (website) {
    if (organisationSchema.shape.website.safeParse(website).success) data.website = website;
    else notes.push(`website: '${website}' (column ${spec.website}) is not a web address, so it is left out.`);
  }
  return { ok: true, value: { id, data, notes } };
}

type DateRead = { ok: true; value?: string } | { ok: false; reason: string };

function readDate(row: CsvRow, spec: { column: string; format: string | string[] }): DateRead {
  const raw = cell(row, spec.column);
  if (raw === "") return { ok: true };
  const formats = typeof spec.format === "string" ? [spec.format] : spec.format;
  for (const format of formats) {
    const date = DateTime.fromFormat(raw, format, { zone: "utc", locale: "en-GB" });
    if (date.isValid) return { ok: true, value: date.toISODate()! };
  }
  return { ok: false, reason: `'${raw}' in ${spec.column} is not a real date written ${formats.join(" or ")}` };
}

function chooseFramework(row: CsvRow, mapping: Mapping, start: string): Converted<string> {
  const { framework } = mapping.data;
  if ("byDate" in framework) {
    const range = framework.byDate.find(
      (candidate) => (candidate.from ?? "0000-00-00") <= start && start <= (candidate.to ?? "9999-99-99"),
    );
    if (range) return { ok: true, value: range.framework };
    const froms = framework.byDate.map((candidate) => candidate.from ?? "0000-00-00").sort();
    const tos = framework.byDate.map((candidate) => candidate.to ?? "9999-99-99").sort();
    const where =
      start < froms[0]!
        ? `the earliest of its date ranges starts ${froms[0]}`
        : start > tos[tos.length - 1]!
          ? `the latest of its date ranges ends ${tos[tos.length - 1]}`
          : "it falls between its date ranges";
    return { ok: false, reason: `no framework for a visit starting ${start}: ${where}` };
  }
  const raw = cell(row, framework.column);
  const id = mapping.frameworkFor(raw);
  if (id) return { ok: true, value: id };
  const known = listOf(Object.keys(framework.values));
  return raw === ""
    ? {
        ok: false,
        reason: `no framework: the ${framework.column} cell is empty and the mapping gives no 'framework.ifEmpty'`,
      }
    : { ok: false, reason: `no framework for '${raw}' in ${framework.column}; the mapping knows ${known}` };
}

/** "standard inspection" from "Standard inspection", for use inside a sentence. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

export interface RowContext {
  mapping: Mapping;
  definitions: Definitions;
  /** The CSV's file name, recorded in `draft.source`. */
  source: string;
}

export function rowToInspection(
  row: CsvRow,
  context: RowContext,
  organisation: { id: string; name: string },
): Converted<InspectionDraft> {
  const { mapping, definitions, source } = context;
  const spec = mapping.data;
  const dates: Record<"start" | "end" | "published", string | undefined> = {
    start: undefined,
    end: undefined,
    published: undefined,
  };
  for (const [field, dateSpec] of [
    ["start", spec.visit.start],
    ["end", spec.visit.end],
    ["published", spec.published],
  ] as const) {
    if (!dateSpec) continue;
    const read = readDate(row, dateSpec);
    if (!read.ok) return read;
    dates[field] = read.value;
  }
  const { start, end, published } = dates;
  if (!start) {
    return {
      ok: false,
      reason: `no usable visit dates (the ${spec.visit.start.column} cell is empty), and an inspection cannot be placed without them`,
    };
  }

  const chosen = chooseFramework(row, mapping, start);
  if (!chosen.ok) return chosen;
  const framework: FrameworkData = definitions.frameworks.get(chosen.value)!;
  if (!inForceOn(framework, start)) {
    const { from, to } = framework.inForce;
    return {
      ok: false,
      reason: `the mapping chose ${framework.shortName}, but it was in force from ${from}${to ? ` to ${to}` : ""} and this visit started ${start}`,
    };
  }

  const kinds = mapping.kindsFor(chosen.value);
  const kindRaw = cell(row, spec.kind.column);
  const kindId = normaliseValue(kindRaw) === "" ? kinds.ifEmpty : kinds.values.get(normaliseValue(kindRaw));
  if (!kindId) {
    const known =
      kinds.values.size > 0
        ? listOf([...kinds.values.keys()])
        : kinds.ifEmpty
          ? `only an empty cell (as '${kinds.ifEmpty}')`
          : "no values";
    return kindRaw === ""
      ? {
          ok: false,
          reason: `the kind of inspection is unknown: the ${spec.kind.column} cell is empty and the mapping gives ${framework.shortName} no 'ifEmpty' kind`,
        }
      : {
          ok: false,
          reason: `unknown kind of inspection '${kindRaw}' in ${spec.kind.column}; for ${framework.shortName} the mapping knows ${known}`,
        };
  }
  const kind = framework.kinds.find((candidate) => candidate.id === kindId)!;

  const reportRaw = cell(row, spec.report);
  const reportOk = reportRaw !== "" && inspectionSchema.shape.report.safeParse(reportRaw).success;
  const needsReview: string[] = [];
  if (kind.graded) {
    const missing = (what: string, column: string | undefined) =>
      ({
        ok: false,
        reason: `a graded ${inSentence(kind.label)} needs ${what}, and ${column ? `the ${column} cell is empty` : "the mapping names no column for it"}`,
      }) as const;
    if (!end) return missing("the last day of the visit", spec.visit.end.column);
    if (!published) return missing("its publication date", spec.published?.column);
    if (reportRaw === "") return missing("a link to the published report", spec.report);
    if (!reportOk)
      return {
        ok: false,
        reason: `a graded ${inSentence(kind.label)} needs a link to its report, and '${reportRaw}' in ${spec.report} is not a web address`,
      };
  } else if (reportRaw !== "" && !reportOk) {
    needsReview.push(`report: '${reportRaw}' (column ${spec.report}) is not a web address, so it is left out.`);
  }
  if (end && end < start) return { ok: false, reason: `the visit ends (${end}) before it starts (${start})` };
  if (published && published < (end ?? start)) {
    return { ok: false, reason: `the report is dated ${published}, before the visit ended (${end ?? start})` };
  }

  const judgements: Record<string, string> = {};
  const areas = mapping.data.frameworks[chosen.value]!.areas;
  const ownColumns = new Set(Object.values(areas));
  for (const area of framework.areas) {
    const column = areas[area.id];
    if (column === undefined) continue;
    const raw = cell(row, column);
    const outcome = mapping.grade(raw);
    if (outcome.type === "grade") judgements[area.id] = outcome.id;
    else if (outcome.type === "unknown") {
      needsReview.push(
        `${area.id}: ${raw === "" ? `the ${column} cell is empty` : `${column} says '${raw}' (${outcome.note})`}, so it is left out. Add the grade from the report.`,
      );
    } else if (outcome.type === "unmapped") {
      needsReview.push(
        `${area.id}: '${raw}' in ${column} is not a value the mapping knows, so it is left out. Add the grade from the report.`,
      );
    }
  }
  const otherColumns = new Set(Object.values(mapping.data.frameworks).flatMap((other) => Object.values(other.areas)));
  for (const column of [...otherColumns].filter((name) => !ownColumns.has(name)).sort()) {
    const raw = cell(row, column);
    if (mapping.grade(raw).type === "grade") {
      needsReview.push(
        `${column} says '${raw}', but ${framework.shortName} has no area for that column, so it is left out. Check the dates and the report.`,
      );
    }
  }
  if (!kind.graded && Object.keys(judgements).length > 0) {
    needsReview.push(`The CSV gives grades, but a ${inSentence(kind.label)} is not graded, so they are left out.`);
    for (const area of Object.keys(judgements)) delete judgements[area];
  }
  if (kind.graded && Object.keys(judgements).length === 0) {
    return {
      ok: false,
      reason: `no area has a grade the mapping can read (${listOf(Object.values(areas).map((column) => cell(row, column)))}), and a graded inspection needs at least one`,
    };
  }

  const visit = end ? { start, end } : start;
  const when = end ? formatDayRange(start, end) : formatDay(start);
  const summary =
    `First draft imported from ${source} and not yet checked by an editor: the ${framework.shortName} ${inSentence(kind.label)} ` +
    `of ${organisation.name}, on site ${when}${published ? `, report published ${formatDay(published)}` : ""}.`;
  const lead = cell(row, spec.leadInspector).replace(/\s+/g, " ");
  const data: InspectionFrontmatter = {
    organisation: organisation.id,
    framework: chosen.value,
    kind: kind.id,
    visit,
    ...(published ? { published } : {}),
    ...(reportOk ? { report: reportRaw } : {}),
    ...(lead ? { leadInspector: lead } : {}),
    summary,
    ...(Object.keys(judgements).length > 0 ? { judgements } : {}),
    draft: { source, row: row.line, needsReview },
  };

  // The last guard: what is written must be a valid inspection file.
  const checked = inspectionSchema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return {
      ok: false,
      reason: `the row does not make a valid inspection (${issue.path.join(".")}: ${issue.message})`,
    };
  }
  return {
    ok: true,
    value: {
      key: `${organisation.id}|${chosen.value}|${kind.id}|${start}`,
      baseName: `${start.slice(0, 4)}-${kind.id}`,
      start,
      line: row.line,
      data,
    },
  };
}
