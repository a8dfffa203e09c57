/**
 * One CSV row -> an organisation and an inspection, in the content format, or the reason
 * the row cannot be one. Nothing is guessed: a grade that cannot be read is written
 * `unknown` (judged; not on the site yet), a kind that cannot be read is `unknown` when the
 * row carries grades, a row without visit dates is placed by its publication date
 * (`visit: unknown`), and each is listed in `draft.needsReview` for an editor. A row the
 * content model cannot support (no dates at all, no framework for its date, a graded
 * inspection with no report) is skipped with a reason.
 */
import type { FrameworkData, OrganisationData } from "../../content/schema.ts";
import { inspectionSchema, organisationSchema } from "../../content/schema.ts";
import { slugify } from "../../content/ids.ts";
import { listOf } from "../../content/suggest.ts";
import { formatDay, formatDayRange } from "../../model/dates.ts";
import { inForceOn } from "../../model/in-force.ts";
import { KIND_UNKNOWN, kindJudges, UNKNOWN_ID, VISIT_UNKNOWN } from "../../model/outcomes.ts";
import { readDate, type CsvRow } from "./csv.ts";
import {
  allColumns,
  areaColumns,
  chooseFramework,
  holdsGrade,
  type AreaColumns,
  type Converted,
} from "./framework-choice.ts";
import { normaliseValue, type Definitions, type Mapping } from "./mapping.ts";
import { gradingNotes, type GradingContext } from "./history.ts";
import { alsoInForce } from "./in-force.ts";
import { fillTemplate } from "./template.ts";
import { fitId, titleCase } from "./names.ts";
import { undatedFramework } from "./undated.ts";
import { inspectionKey } from "./writing-rules.ts";
import { inspectionFileName } from "../../content/file-names.ts";

export interface OrganisationDraft {
  /** The id made from the row (name or id column); the import may use an existing organisation's instead. */
  id: string;
  data: OrganisationData;
  /** Things an editor should know about the organisation's details. */
  notes: string[];
  /** Lines of the file's text from the mapping's `details`, as "Label: value". */
  details: string[];
}

/** The frontmatter an import writes, in the order it is written. */
export interface InspectionFrontmatter {
  organisation: string;
  framework: string;
  kind: string;
  visit: { start: string; end: string } | string;
  /** Always a grade or state id, 'unknown', or not judged with the reason. */
  published?: string;
  report?: string;
  leadInspector?: string;
  summary: string;
  judgements?: Record<string, string | { "not-judged": string }>;
  /** Grades in force under earlier frameworks of the line (in-force.ts). */
  alsoInForce?: Record<string, Record<string, string>>;
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
  /** Paragraphs for the file's text: what the source can and cannot tell about it (history.ts). */
  notes: string[];
}

export type { Converted } from "./framework-choice.ts";

const cell = (row: CsvRow, column: string | undefined): string =>
  column === undefined ? "" : (row.values[column] ?? "").trim();

const CODE_FORMS: Record<"ons" | "ofstedUrn" | "careInspectorate", RegExp> = {
  ons: /^[A-Z]\d{8}$/,
  ofstedUrn: /^\d+$/,
  careInspectorate: /^CS\d{10}$/,
};

/**
 * `latestListed`: the latest day in the mapping's `organisation.lastKnownOpen` column over
 * the whole CSV (history.ts): an organisation last listed before it has closed.
 */
export function rowToOrganisation(row: CsvRow, mapping: Mapping, latestListed?: string): Converted<OrganisationDraft> {
  const spec = mapping.data.organisation;
  const written = cell(row, spec.name).replace(/\s+/g, " ");
  if (written === "") return { ok: false, reason: `there is no organisation name (the '${spec.name}' cell is empty)` };
  const name = spec.nameStyle === "title-case" ? titleCase(written) : written;
  const id = fitId(slugify(spec.id !== undefined && cell(row, spec.id) !== "" ? cell(row, spec.id) : written));
  if (id === "")
    return { ok: false, reason: `the organisation name '${written}' has no letters or digits to make an id from` };
  const kind = "value" in spec.kind ? spec.kind.value : kindWithDetail(row, spec.kind);
  if (kind === "")
    return {
      ok: false,
      reason: `the organisation's kind (the '${"column" in spec.kind ? spec.kind.column : ""}' cell) is empty`,
    };

  const data: OrganisationData = { name, kind };
  const notes: string[] = [];
  const region = cell(row, spec.region).replace(/\s+/g, " ");
  if (region) data.region = regionName(region, spec.regionNames);
  const lastListed = spec.lastKnownOpen ? readDate(row, spec.lastKnownOpen) : undefined;
  if (lastListed && !lastListed.ok) notes.push(`lastKnownOpen: ${lastListed.reason}, so it is left out.`);
  else if (lastListed?.value && latestListed && lastListed.value < latestListed) data.lastKnownOpen = lastListed.value;
  const codes: NonNullable<OrganisationData["codes"]> = {};
  for (const code of ["ons", "ofstedUrn", "careInspectorate"] as const) {
    const column = spec.codes?.[code];
    const value = cell(row, column);
    if (value === "") continue;
    if (CODE_FORMS[code].test(value)) codes[code] = value;
    else notes.push(`codes.${code}: '${value}' (column ${column}) is not in the right form, so it is left out.`);
  }
  if (Object.keys(codes).length > 0) data.codes = codes;
  const website = cell(row, spec.website);
  if (website) {
    if (organisationSchema.shape.website.safeParse(website).success) data.website = website;
    else notes.push(`website: '${website}' (column ${spec.website}) is not a web address, so it is left out.`);
  }
  const reports = spec.reports && fillTemplate(spec.reports.template, row, true);
  if (reports) {
    if (organisationSchema.shape.reports.safeParse(reports).success) data.reports = reports;
    else notes.push(`reports: '${reports}' (from the mapping's template) is not a web address, so it is left out.`);
  }
  // A detail showing the region's column shows the one name it is written as (regionNames).
  const named = data.region && spec.region ? { ...row, values: { ...row.values, [spec.region]: data.region } } : row;
  const details = spec.details.flatMap(({ label, template }) => {
    const value = fillTemplate(template, named);
    return value === undefined ? [] : [`${label}: ${value}`];
  });
  return { ok: true, value: { id, data, notes, details } };
}

/** The kind from its column, with the detail the mapping adds to it (`organisation.kind.detail`) in brackets. */
function kindWithDetail(row: CsvRow, spec: { column: string; detail: Readonly<Record<string, string>> }): string {
  const kind = cell(row, spec.column).replace(/\s+/g, " ");
  const column = Object.entries(spec.detail).find(([value]) => value.toLowerCase() === kind.toLowerCase())?.[1];
  const detail = column === undefined ? "" : cell(row, column).replace(/\s+/g, " ");
  return detail ? `${kind} (${detail})` : kind;
}

/** The one name a region is written as (`organisation.regionNames`, matched ignoring case and spaces). */
function regionName(region: string, names: Readonly<Record<string, string>>): string {
  const key = (value: string) => value.toLowerCase().replace(/\s+/g, " ").trim();
  const found = Object.entries(names).find(([written]) => key(written) === key(region));
  return found ? found[1] : region;
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
  /** When the rows are gradings (`history` in the mapping): what each row was found to be. */
  history?: ReadonlyMap<number, GradingContext>;
}

/** The visit's days and the publication date; a visit needs at least its first day. */
function rowDates(row: CsvRow, spec: Mapping["data"]): Converted<VisitDates> {
  const dates: Partial<Record<"start" | "end" | "published", string>> = {};
  for (const [field, dateSpec] of [
    ["start", spec.visit.start],
    ["end", spec.visit.end],
    ["published", spec.published],
  ] as const) {
    if (!dateSpec) continue;
    const read = readDate(row, dateSpec);
    if (!read.ok) return read;
    if (read.value !== undefined) dates[field] = read.value;
  }
  const { start, end, published } = dates;
  if (!start && !published) {
    return {
      ok: false,
      reason: `no visit dates (the ${spec.visit.start.column} cell is empty) and no publication date, and an inspection cannot be placed without one or the other`,
    };
  }
  if (!start) return { ok: true, value: { placed: published!, published: published! } };
  return { ok: true, value: { start, placed: start, ...(end ? { end } : {}), ...(published ? { published } : {}) } };
}

/** The visit's days when the CSV gives them; without them, the row is placed by its publication date. */
interface VisitDates {
  start?: string;
  end?: string;
  published?: string;
  /** The visit's first day, or the publication date when the visit is not known. */
  placed: string;
}

type ChosenFramework = { id: string; data: FrameworkData; areas: AreaColumns };

function chosenFramework(row: CsvRow, mapping: Mapping, id: string, data: FrameworkData): ChosenFramework {
  return { id, data, areas: areaColumns(row, mapping, id) };
}

/**
 * The framework of a row without visit dates: by date ranges, as undated.ts chooses it; by a
 * column, as for any row, if it had begun by publication. Either way the editor is told.
 */
function undatedRowFramework(
  row: CsvRow,
  context: RowContext,
  published: string,
  needsReview: string[],
): Converted<ChosenFramework> {
  const { mapping, definitions } = context;
  const name = (id: string) => definitions.frameworks.get(id)?.shortName ?? id;
  if ("byDate" in mapping.data.framework) {
    const undated = undatedFramework(row, mapping, name, published);
    if (!undated) {
      const months = mapping.data.undated.reportWithinMonths;
      return {
        ok: false,
        reason: `no framework: the CSV gives no visit dates, and none of the mapping's date ranges reaches the ${months} months before the report was published (${published})`,
      };
    }
    needsReview.push(undated.note);
    return { ok: true, value: chosenFramework(row, mapping, undated.id, definitions.frameworks.get(undated.id)!) };
  }
  const inForce = context.history?.get(row.line)?.inForce;
  const chosen = chooseFramework(row, mapping, definitions, {
    day: published,
    undated: true,
    ...(inForce ? { inForce } : {}),
  });
  if (!chosen.ok) return chosen;
  const framework = definitions.frameworks.get(chosen.value)!;
  if (framework.inForce.from > published)
    return {
      ok: false,
      reason: `the mapping chose ${framework.shortName}, which came into force on ${framework.inForce.from}, after the report was published (${published})`,
    };
  needsReview.push(
    `visit: the CSV gives no visit dates, so the inspection is placed by its publication date (${formatDay(published)}). Add them from the report.`,
  );
  return { ok: true, value: chosenFramework(row, mapping, chosen.value, framework) };
}

/**
 * The framework the mapping chooses for the row, which must be in force on the visit's
 * first day; for a row without visit dates, see undatedRowFramework.
 */
function rowFramework(
  row: CsvRow,
  context: RowContext,
  dates: VisitDates,
  needsReview: string[],
): Converted<ChosenFramework> {
  const { mapping, definitions } = context;
  if (!dates.start) return undatedRowFramework(row, context, dates.placed, needsReview);
  const start = dates.start;
  const inForce = context.history?.get(row.line)?.inForce;
  const chosen = chooseFramework(row, mapping, definitions, {
    day: start,
    undated: false,
    ...(inForce ? { inForce } : {}),
  });
  if (!chosen.ok) return chosen;
  const framework = definitions.frameworks.get(chosen.value)!;
  if (!inForceOn(framework, start)) {
    const { from, to } = framework.inForce;
    return {
      ok: false,
      reason: `the mapping chose ${framework.shortName}, but it was in force from ${from}${to ? ` to ${to}` : ""} and this visit started ${start}`,
    };
  }
  return { ok: true, value: chosenFramework(row, mapping, chosen.value, framework) };
}

type Kind = FrameworkData["kinds"][number];

/** What an import writes for a graded inspection whose kind the CSV does not say (`kind: unknown`). */
const UNKNOWN_KIND: Kind = { id: KIND_UNKNOWN, label: "Inspection", graded: true };

/** Whether any of the framework's grade columns holds a value: a grade, or one that marks a grade unread. */
function carriesGrade(row: CsvRow, mapping: Mapping, framework: ChosenFramework): boolean {
  return Object.values(framework.areas.columns).some((column) => holdsGrade(row, mapping, column));
}

/**
 * The kind the mapping reads from the row. One it cannot read is `unknown` when the row
 * carries grades (so a graded report is never lost for want of its kind), flagged; a row
 * without grades is skipped, as it may be a visit that is not graded.
 */
function rowKind(row: CsvRow, mapping: Mapping, framework: ChosenFramework, needsReview: string[]): Converted<Kind> {
  const kinds = mapping.kindsFor(framework.id);
  const column = "column" in mapping.data.kind ? mapping.data.kind.column : "kind";
  const raw = "column" in mapping.data.kind ? cell(row, column) : "";
  const kindId = normaliseValue(raw) === "" ? kinds.ifEmpty : kinds.values.get(normaliseValue(raw));
  const { shortName } = framework.data;
  if (kindId) return { ok: true, value: framework.data.kinds.find((candidate) => candidate.id === kindId)! };
  if (carriesGrade(row, mapping, framework)) {
    const graded = framework.data.kinds.filter((kind) => kind.graded).map((kind) => kind.id);
    const said =
      raw === "" ? `the ${column} cell is empty` : `${column} says '${raw}', which the mapping does not list`;
    needsReview.push(
      `kind: ${said}, and the row carries grades, so it is written 'unknown'. Take it from the report (${listOf(graded)}).`,
    );
    return { ok: true, value: UNKNOWN_KIND };
  }
  if (raw === "") {
    return {
      ok: false,
      reason: `the kind of inspection is unknown: the ${column} cell is empty, the mapping gives ${shortName} no 'ifEmpty' kind, and the row has no grades`,
    };
  }
  const known =
    kinds.values.size > 0
      ? listOf([...kinds.values.keys()])
      : kinds.ifEmpty
        ? `only an empty cell (as '${kinds.ifEmpty}')`
        : "no values";
  return {
    ok: false,
    reason: `unknown kind of inspection '${raw}' in ${column}, and the row has no grades; for ${shortName} the mapping knows ${known}`,
  };
}

/**
 * The report link, and the dates in order. A graded inspection needs its last day, its
 * publication date and a link to its report; an ungraded visit's bad link is left out and
 * flagged (in `needsReview`).
 */
function rowReport(row: CsvRow, spec: Mapping["data"], kind: Kind, dates: VisitDates, needsReview: string[]) {
  const { start, end, published } = dates;
  const label = kind.id === KIND_UNKNOWN ? "graded inspection" : `graded ${inSentence(kind.label)}`;
  const { raw, column: reportColumn } = reportCell(row, spec);
  const ok = raw !== "" && inspectionSchema.shape.report.safeParse(raw).success;
  const refused = (reason: string) => ({ ok: false, reason }) as const;
  if (kind.graded) {
    const missing = (what: string, column: string | undefined) =>
      refused(
        `a ${label} needs ${what}, and ${column ? `the ${column} cell is empty` : "the mapping names no column for it"}`,
      );
    if (start && !end) return missing("the last day of the visit", spec.visit.end.column);
    if (!published) return missing("its publication date", spec.published?.column);
    // Without a report of its own, an inspection points to its organisation's page of reports.
    if (raw === "" && !spec.organisation.reports) return missing("a link to the published report", reportColumn);
    if (raw !== "" && !ok)
      return refused(`a ${label} needs a link to its report, and '${raw}' in ${reportColumn} is not a web address`);
  } else if (raw !== "" && !ok) {
    needsReview.push(`report: '${raw}' (column ${reportColumn}) is not a web address, so it is left out.`);
  }
  if (start && end && end < start) return refused(`the visit ends (${end}) before it starts (${start})`);
  if (start && published && published < (end ?? start))
    return refused(`the report is dated ${published}, before the visit ended (${end ?? start})`);
  return { ok: true, value: ok ? raw : undefined } as const;
}

/** The report's link: a column's cell, or the mapping's template filled from the row. */
function reportCell(row: CsvRow, spec: Mapping["data"]): { raw: string; column: string | undefined } {
  if (typeof spec.report !== "object") return { raw: cell(row, spec.report), column: spec.report };
  return { raw: fillTemplate(spec.report.template, row, true) ?? "", column: "the report template" };
}

/** Whether the kind judges the area at every inspection of it ("yes"), or only when the row says ("some"), or never. */
function judges(kind: Kind, areaId: string): "yes" | "no" | "some" {
  return kindJudges({ ...kind, judges: kind.judges ?? "all" }, areaId);
}

type Written = NonNullable<InspectionFrontmatter["judgements"]>;

/** One area's cell: its grade; 'unknown' (flagged) where it cannot be read; nothing where the area was not judged. */
function areaJudgement(
  row: CsvRow,
  mapping: Mapping,
  column: string,
  area: string,
  kind: Kind,
  framework: ChosenFramework,
): { value?: string; review?: string } {
  const raw = cell(row, column);
  const outcome = mapping.grade(raw);
  const judged = judges(kind, area);
  if (outcome.type === "grade") return { value: outcome.id };
  const unknown = (why: string) => ({
    value: UNKNOWN_ID,
    review: `${area}: ${why}, so it is written 'unknown'. Add the grade from the report.`,
  });
  if (outcome.type === "unmapped") return unknown(`'${raw}' in ${column} is not a value the mapping knows`);
  if (raw === "" && judged !== "yes") return {};
  if (outcome.type === "unknown")
    return unknown(raw === "" ? `the ${column} cell is empty` : `${column} says '${raw}' (${outcome.note})`);
  // Left out: not judged, as the framework's kind says. Where the kind does judge the area, the cell contradicts the framework.
  if (judged !== "yes") return {};
  const what = kind.id === KIND_UNKNOWN ? "an inspection" : `a ${inSentence(kind.label)}`;
  return unknown(
    `${column} says '${raw}' (${outcome.note}), but ${what} under ${framework.data.shortName} judges this area`,
  );
}

/**
 * The grades the row gives the framework's areas, in three states (docs/importing.md): a
 * grade; 'unknown', flagged, where a grade was given but cannot be read (or the CSV has no
 * column for an area the kind judges); nothing where the area was not judged, which the
 * framework says. An ungraded visit keeps none; a graded inspection needs at least one.
 */
function rowJudgements(
  row: CsvRow,
  mapping: Mapping,
  framework: ChosenFramework,
  kind: Kind,
  needsReview: string[],
  kept: ReadonlySet<string> = new Set(),
): Converted<Written> {
  const judgements: Written = {};
  const areas = framework.areas.columns;
  // Grades in force under an earlier framework (in-force.ts) are kept, not left out.
  const own = new Set([...allColumns(mapping, framework.id), ...kept]);
  if (!kind.graded) {
    needsReview.push(...otherFrameworksGrades(row, mapping, own, framework.data.shortName));
    if (Object.values(areas).some((column) => mapping.grade(cell(row, column)).type === "grade"))
      needsReview.push(`The CSV gives grades, but a ${inSentence(kind.label)} is not graded, so they are left out.`);
    return { ok: true, value: {} };
  }
  for (const area of framework.data.areas) {
    const column = areas[area.id];
    if (column === undefined) {
      if (judges(kind, area.id) === "yes") {
        judgements[area.id] = UNKNOWN_ID;
        needsReview.push(
          `${area.id}: the CSV has no column for it, so it is written 'unknown'. Add the grade from the report.`,
        );
      }
      continue;
    }
    const { value, review } = areaJudgement(row, mapping, column, area.id, kind, framework);
    if (value) judgements[area.id] = value;
    if (review) needsReview.push(review);
  }
  needsReview.push(...otherFrameworksGrades(row, mapping, own, framework.data.shortName));
  if (framework.areas.alternatives)
    needsReview.push(
      `The grades are read from ${listOf([...new Set(Object.values(areas))].filter((column) => holdsGrade(row, mapping, column)))}: the row has none in ${framework.data.shortName}'s own columns, and the mapping lists these as where the source sometimes shows them instead. Check them against the report.`,
    );
  // A kind that judges only the areas each inspection lists may have judged none that the row shows.
  if (Object.keys(judgements).length === 0 && judges(kind, "") !== "some") {
    return {
      ok: false,
      reason: `no area has a grade the mapping can read (${listOf(Object.values(areas).map((name) => cell(row, name)))}), and a graded inspection needs at least one`,
    };
  }
  return { ok: true, value: judgements };
}

/** Grades in the columns of other frameworks' areas: a sign the dates or the report say otherwise. */
function otherFrameworksGrades(row: CsvRow, mapping: Mapping, own: ReadonlySet<string>, shortName: string): string[] {
  const columns = new Set(Object.keys(mapping.data.frameworks).flatMap((id) => [...allColumns(mapping, id)]));
  return [...columns]
    .filter((name) => !own.has(name))
    .sort()
    .filter((column) => mapping.grade(cell(row, column)).type === "grade")
    .map(
      (column) =>
        `${column} says '${cell(row, column)}', but ${shortName} has no area for that column, so it is left out. Check the dates and the report.`,
    );
}

export function rowToInspection(
  row: CsvRow,
  context: RowContext,
  organisation: { id: string; name: string },
): Converted<InspectionDraft> {
  const { mapping, source } = context;
  const dates = rowDates(row, mapping.data);
  if (!dates.ok) return dates;
  const { start, end, published, placed } = dates.value;
  const needsReview: string[] = [];
  const framework = rowFramework(row, context, dates.value, needsReview);
  if (!framework.ok) return framework;
  const kind = rowKind(row, mapping, framework.value, needsReview);
  if (!kind.ok) return kind;
  const report = rowReport(row, mapping.data, kind.value, dates.value, needsReview);
  if (!report.ok) return report;
  const grading = context.history?.get(row.line);
  const read = new Set(Object.values(framework.value.areas.columns));
  const also =
    grading && kind.value.graded ? alsoInForce(row, mapping, context.definitions, framework.value.id, read) : undefined;
  const judgements = rowJudgements(row, mapping, framework.value, kind.value, needsReview, also?.columns);
  if (!judgements.ok) return judgements;

  const what = `${framework.value.data.shortName} ${inSentence(kind.value.label)}`;
  const when = !start ? "visit dates not known" : `on site ${end ? formatDayRange(start, end) : formatDay(start)}`;
  const summary =
    `First draft imported from ${source} and not yet checked by an editor: the ${what} ` +
    `of ${organisation.name}, ${when}${published ? `, report published ${formatDay(published)}` : ""}.`;
  const lead = cell(row, mapping.data.leadInspector).replace(/\s+/g, " ");
  const data: InspectionFrontmatter = {
    organisation: organisation.id,
    framework: framework.value.id,
    kind: kind.value.id,
    visit: !start ? VISIT_UNKNOWN : end ? { start, end } : start,
    ...(published ? { published } : {}),
    ...(report.value ? { report: report.value } : {}),
    ...(lead ? { leadInspector: lead } : {}),
    summary,
    ...(Object.keys(judgements.value).length > 0 ? { judgements: judgements.value } : {}),
    ...(also && also.columns.size > 0 ? { alsoInForce: also.grades } : {}),
    draft: { source, row: row.line, needsReview },
  };
  const chosen = {
    id: framework.value.id,
    columns: framework.value.areas.columns,
    alternatives: framework.value.areas.alternatives,
    judged: new Set(Object.keys(judgements.value)),
  };
  const notes = grading ? gradingNotes(grading, chosen, mapping, context.definitions.frameworks, source, row.line) : [];
  return checkedDraft(data, row, start ? placed : `published ${placed}`, placed, notes);
}

/**
 * The last guard: what is written must be a valid inspection file. `when` is what tells
 * two rows for the same inspection apart (the visit's first day, or for a row without
 * visit dates its publication date, as the content checks do).
 */
function checkedDraft(
  data: InspectionFrontmatter,
  row: CsvRow,
  when: string,
  placed: string,
  notes: string[],
): Converted<InspectionDraft> {
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
      key: inspectionKey(data.organisation, data.framework, data.kind, when),
      baseName: inspectionFileName(placed, data.kind),
      start: placed,
      line: row.line,
      data,
      notes,
    },
  };
}
