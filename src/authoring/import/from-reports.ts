/**
 * `npm run import -- <file.csv> --mapping <mapping.yaml> --reports <folder>`: the CSV's
 * gaps filled from the report PDFs in a folder, where the report is the authority.
 *
 * Each report is read once (src/authoring/reports) and matched to the CSV rows about the same
 * inspection by what both say, not by file name: the same council (however each names
 * it: "&" or "and", with or without "Council" or "Metropolitan Borough", a short name such
 * as "Hull"), and the same first day of the visit, or the same publication date, or a
 * visit that overlaps the row's, or (for a row with no visit dates) a publication date in
 * the six months after the visit ended.
 *
 * For a matched row, the report's visit dates, publication date, lead inspector, kind and
 * grades are written into the row's cells, in the mapping's own formats and raw values,
 * before the row is read as usual: an empty or unreadable cell is filled, and a cell that
 * says otherwise is overwritten and the disagreement listed for an editor. Grades the CSV
 * has no column for (the SIF's adoption performance and LSCB review) are added to the
 * draft afterwards. Nothing the report does not say is changed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { formatDay } from "../../model/dates.ts";
import { inForceOn } from "../../model/in-force.ts";
import { UNKNOWN_ID } from "../../model/outcomes.ts";
import { plural } from "../../model/labels.ts";
import { placeReading, type Placed } from "../reports/framework.ts";
import { sameCore, sameOrganisation } from "../reports/organisation.ts";
import { readReport, type ReportReading } from "../reports/read-report.ts";
import { compact, daysBetween } from "../reports/words.ts";
import { readDate, type CsvRow } from "./csv.ts";
import { columnList, normaliseValue, type Definitions, type Mapping } from "./mapping.ts";
import type { InspectionDraft } from "./rows.ts";
import type { Disagreement, ReportRead, ReportsSummary } from "./types.ts";
import { inspectionKey } from "./writing-rules.ts";
import { inspectionFileName } from "../../content/file-names.ts";

const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

// The shapes of what it reads and reports are in types.ts, a leaf file that the import's other files share.
export type { Disagreement, ReportRead, ReportsSummary } from "./types.ts";

/** Reads every PDF in the folder, in name order. */
export async function readReportsFolder(folder: string): Promise<ReportRead[]> {
  const files = readdirSync(folder)
    .filter((name) => /\.pdf$/i.test(name) && !name.startsWith("."))
    .sort();
  const reads: ReportRead[] = [];
  for (const file of files)
    reads.push({ file, outcome: await readReport(new Uint8Array(readFileSync(join(folder, file)))) });
  return reads;
}

/** How long after the visit a report may be published, for a row that has only its publication date. */
const LONGEST_WAIT_DAYS = 183;

interface Candidate {
  file: string;
  reading: ReportReading;
  placed?: Placed;
}

/** What the report changed in a row, for the draft made from it. */
export interface RowFill {
  row: CsvRow;
  file?: string;
  placed?: Placed;
  filled: string[];
  notes: string[];
  /** The report's kind, where the mapping has no cell value for it (a review of a safeguarding board on its own). */
  kind?: { csv: string; column: string };
}

/** Removes a title, so that "Nicki Shaw" and "Nicki Shaw HMI" are the same person. */
const personOf = (name: string) => compact(name.replace(/\b(?:senior\s+)?hmi\b|,.*$/gi, ""));

export class ReportFiller {
  private readonly folder: string;
  private readonly candidates: Candidate[];
  private readonly unreadable: ReportsSummary["unreadable"];
  private readonly linesOf = new Map<string, number[]>();
  private readonly disagreements: Disagreement[] = [];
  private readonly frameworks: Definitions["frameworks"];

  constructor(
    reports: { folder: string; reads: readonly ReportRead[] },
    private readonly mapping: Mapping,
    definitions: Definitions,
  ) {
    const { folder, reads } = reports;
    this.folder = folder;
    this.frameworks = definitions.frameworks;
    this.candidates = reads.flatMap(({ file, outcome }) => {
      if (!outcome.ok) return [];
      const placed = placeReading(outcome.reading, definitions.frameworks, definitions.scales);
      return [{ file, reading: outcome.reading, ...(placed.ok ? { placed: placed.placed } : {}) }];
    });
    this.unreadable = reads.flatMap(({ file, outcome }) => (outcome.ok ? [] : [{ file, reason: outcome.reason }]));
  }

  /**
   * The report about the same inspection as the row, if exactly one is: among the reports
   * about the same council (those naming it by the same place first, then by a short form
   * such as "Hull" for "Kingston upon Hull"), the one whose visit starts on the row's first
   * day or whose publication date is the row's; else the one whose visit overlaps the row's;
   * else, for a row with no visit dates, by its publication date, the report whose visit
   * ended most recently before it (within six months).
   */
  private match(row: CsvRow): Candidate | undefined {
    const name = this.mapping.data.organisation.name;
    const council = row.values[name] ?? "";
    const exact = this.candidates.filter(({ reading }) => reading.authority && sameCore(reading.authority, council));
    return (
      this.matchAmong(row, exact) ??
      this.matchAmong(
        row,
        this.candidates.filter(({ reading }) => reading.authority && sameOrganisation(reading.authority, council)),
      )
    );
  }

  private matchAmong(row: CsvRow, same: readonly Candidate[]): Candidate | undefined {
    if (same.length === 0) return undefined;
    const spec = this.mapping.data;
    const day = (column: { column: string; format: string | string[] } | undefined) => {
      const read = column ? readDate(row, column) : undefined;
      return read?.ok ? read.value : undefined;
    };
    const [startDay, endDay, publishedDay] = [day(spec.visit.start), day(spec.visit.end), day(spec.published)];
    const strong = same.filter(
      ({ reading }) =>
        (startDay && reading.visit?.start === startDay) || (publishedDay && reading.published === publishedDay),
    );
    if (strong.length > 0) return strong.length === 1 ? strong[0] : undefined;
    if (startDay) {
      const overlapping = same.filter(
        ({ reading }) => reading.visit && reading.visit.start <= (endDay ?? startDay) && startDay <= reading.visit.end,
      );
      if (overlapping.length > 0) return overlapping.length === 1 ? overlapping[0] : undefined;
    }
    // By publication date only for a row with no visit dates: a row with other dates is another inspection.
    if (startDay || !publishedDay) return undefined;
    const waits = same
      .filter(({ reading }) => reading.visit && reading.visit.end <= publishedDay)
      .map((candidate) => ({ candidate, days: daysBetween(candidate.reading.visit!.end, publishedDay) }))
      .filter(({ days }) => days <= LONGEST_WAIT_DAYS)
      .sort((a, b) => a.days - b.days);
    if (waits.length === 0 || (waits.length > 1 && waits[1]!.days === waits[0]!.days)) return undefined;
    return waits[0]!.candidate;
  }

  /** The row with the gaps the report fills, and the cells it overrules, in the mapping's formats. */
  fill(row: CsvRow): RowFill {
    const candidate = this.match(row);
    if (!candidate) return { row, filled: [], notes: [] };
    this.linesOf.set(candidate.file, [...(this.linesOf.get(candidate.file) ?? []), row.line]);
    const fill: RowFill = {
      row: { line: row.line, values: { ...row.values } },
      file: candidate.file,
      filled: [],
      notes: [],
    };
    const { reading, placed } = candidate;
    const spec = this.mapping.data;
    const dates: [string, { column: string; format: string | string[] } | undefined, string | undefined][] = [
      ["the first day of the visit", spec.visit.start, reading.visit?.start],
      ["the last day of the visit", spec.visit.end, reading.visit?.end],
      ["the publication date", spec.published, reading.published],
    ];
    for (const [what, dateSpec, day] of dates) if (dateSpec && day) this.setDate(fill, what, dateSpec, day);
    if (spec.leadInspector && reading.leadInspector) this.setLead(fill, spec.leadInspector, reading.leadInspector);
    if (placed) {
      this.setKind(fill, placed);
      this.setGrades(fill, placed);
    } else
      fill.notes.push(
        `The report ${candidate.file} was read, but no framework in the content fits it, so its grades are not used.`,
      );
    return { ...fill, ...(placed ? { placed } : {}) };
  }

  private disagree(fill: RowFill, what: string, column: string, said: string, report: string): void {
    this.disagreements.push({ line: fill.row.line, file: fill.file!, field: what, column, csv: said, report });
    fill.notes.push(
      `${what}: the CSV says '${said}' (${column}), the report ${fill.file} says '${report}'; the report's is used. Check the report.`,
    );
  }

  private setDate(fill: RowFill, what: string, spec: { column: string; format: string | string[] }, day: string): void {
    const current = readDate(fill.row, spec);
    if (current.ok && current.value === day) return;
    const format = typeof spec.format === "string" ? spec.format : spec.format[0]!;
    const said = fill.row.values[spec.column] ?? "";
    fill.row.values[spec.column] = DateTime.fromISO(day, { zone: "utc" }).toFormat(format);
    if (current.ok && current.value === undefined) fill.filled.push(what);
    else this.disagree(fill, what, spec.column, said, formatDay(day));
  }

  private setLead(fill: RowFill, column: string, lead: string): void {
    const said = (fill.row.values[column] ?? "").trim();
    fill.row.values[column] = lead;
    if (said === "") fill.filled.push("the lead inspector");
    else if (personOf(said) !== personOf(lead)) this.disagree(fill, "the lead inspector", column, said, lead);
  }

  private setKind(fill: RowFill, placed: Placed): void {
    if (!("column" in this.mapping.data.kind)) return;
    const column = this.mapping.data.kind.column;
    const kinds = this.mapping.kindsFor(placed.frameworkId);
    const said = fill.row.values[column] ?? "";
    const current = normaliseValue(said) === "" ? kinds.ifEmpty : kinds.values.get(normaliseValue(said));
    if (current === placed.kind) return;
    const raw = kinds.ifEmpty === placed.kind ? "" : [...kinds.values].find(([, kind]) => kind === placed.kind)?.[0];
    if (raw === undefined) {
      // No cell value says it: the draft is given the report's kind once the row is read.
      fill.kind = { csv: said, column };
      return;
    }
    fill.row.values[column] = raw;
    if (current === undefined && said.trim() === "") fill.filled.push("the kind of inspection");
    else this.disagree(fill, "the kind of inspection", column, said, placed.kind);
  }

  private setGrades(fill: RowFill, placed: Placed): void {
    const columns = this.mapping.data.frameworks[placed.frameworkId]?.areas ?? {};
    const rawFor = (grade: string) =>
      Object.entries(this.mapping.data.grades.values).find(([, id]) => id === grade)?.[0];
    let filled = 0;
    for (const [area, listed] of Object.entries(columns)) {
      const column = columnList(listed)[0]!;
      const grade = placed.judgements[area];
      // Only grades fill cells: a grade the report could not read ('unknown') or an area not judged leaves the CSV's.
      const raw = typeof grade === "string" ? rawFor(grade) : undefined;
      if (typeof grade !== "string" || raw === undefined) continue;
      const said = fill.row.values[column] ?? "";
      const outcome = this.mapping.grade(said);
      if (outcome.type === "grade" && outcome.id === grade) continue;
      fill.row.values[column] = raw;
      if (outcome.type === "grade" || outcome.type === "leave-out") this.disagree(fill, area, column, said, grade);
      else filled++;
    }
    if (filled > 0) fill.filled.push(plural(filled, "grade"));
  }

  /**
   * The report's kind given to a row the mapping cannot say it of (a review of a safeguarding
   * board on its own, which the CSV lists like an inspection): with only the areas that kind
   * judges, so that it blanks none of the council's grades.
   */
  private applyKind(draft: InspectionDraft, fill: RowFill, placed: Placed): void {
    const data = draft.data;
    if (!fill.kind || data.framework !== placed.frameworkId || data.kind === placed.kind) return;
    const label = (id: string) => placed.framework.kinds.find((kind) => kind.id === id)?.label ?? id;
    const [before, after] = [label(data.kind), label(placed.kind)];
    data.summary = data.summary.replace(lowerFirst(before), lowerFirst(after));
    data.kind = placed.kind;
    const when = typeof data.visit === "object" ? data.visit.start : `published ${draft.start}`;
    draft.key = inspectionKey(data.organisation, data.framework, data.kind, when);
    draft.baseName = inspectionFileName(draft.start, data.kind);
    const judged = new Set(Object.keys(placed.judgements));
    const dropped = new Set(placed.framework.areas.map((area) => area.id).filter((id) => !judged.has(id)));
    for (const area of dropped) delete data.judgements?.[area];
    // An editor is not asked about an area this kind does not judge.
    data.draft.needsReview = data.draft.needsReview.filter((item) => !dropped.has(item.split(":")[0]!));
    this.disagree(fill, "the kind of inspection", fill.kind.column, fill.kind.csv, `${placed.kind} (${after})`);
  }

  /**
   * The report's framework given to a row its dates placed under another: frameworks overlap
   * in time (the single inspection framework's last inspections were made in 2018, under
   * ILACS's dates in the mapping), and the report names its own. The row then takes the
   * report's kind and grades, since its cells were read as another framework's areas.
   */
  private rehome(draft: InspectionDraft, fill: RowFill, placed: Placed): void {
    const data = draft.data;
    const before = this.frameworks.get(data.framework);
    const name = before?.shortName ?? data.framework;
    const kindLabel = lowerFirst(placed.framework.kinds.find((kind) => kind.id === placed.kind)?.label ?? placed.kind);
    // "the ILACS 2018 inspection of Darlington" -> "the SIF single inspection of Darlington".
    const at = data.summary.indexOf(`the ${name} `);
    const of = at < 0 ? -1 : data.summary.indexOf(" of ", at);
    if (of >= 0)
      data.summary = `${data.summary.slice(0, at)}the ${placed.framework.shortName} ${kindLabel}${data.summary.slice(of)}`;
    // What was said of the row's cells as the other framework's areas no longer applies.
    const oldAreas = new Set(before?.areas.map((area) => area.id) ?? []);
    data.draft.needsReview = [
      ...data.draft.needsReview.filter(
        (item) => !oldAreas.has(item.split(":")[0]!) && !item.startsWith("kind:") && !item.includes(name),
      ),
      ...placed.needsReview,
    ];
    this.disagree(fill, "the framework", "the mapping's framework.byDate", name, placed.framework.shortName);
    data.framework = placed.frameworkId;
    data.kind = placed.kind;
    data.judgements = { ...placed.judgements };
    const when = typeof data.visit === "object" ? data.visit.start : `published ${draft.start}`;
    draft.key = inspectionKey(data.organisation, data.framework, data.kind, when);
    draft.baseName = inspectionFileName(draft.start, data.kind);
  }

  /** The row's draft, with the grades the CSV has no column for added, and the notes for an editor. */
  complete(draft: InspectionDraft, fill: RowFill): InspectionDraft {
    if (!fill.file) return draft;
    const data = draft.data;
    const { placed } = fill;
    if (placed && data.framework !== placed.frameworkId && this.inForceAtVisit(data, placed))
      this.rehome(draft, fill, placed);
    else if (placed) this.applyKind(draft, fill, placed);
    if (placed && data.framework === placed.frameworkId) {
      const judgements = data.judgements ?? {};
      // A grade the report gives fills an area the CSV has no grade for (none, or 'unknown').
      const known = (value: (typeof judgements)[string] | undefined) => value !== undefined && value !== UNKNOWN_ID;
      const added = placed.framework.areas.filter(
        (area) => known(placed.judgements[area.id]) && !known(judgements[area.id]),
      );
      if (added.length > 0) {
        const ordered: NonNullable<typeof data.judgements> = {};
        for (const { id } of placed.framework.areas) {
          const grade = known(judgements[id]) ? judgements[id] : (placed.judgements[id] ?? judgements[id]);
          if (grade) ordered[id] = grade;
        }
        data.judgements = ordered;
        const ids = new Set(added.map((area) => area.id));
        data.draft.needsReview = data.draft.needsReview.filter((item) => !ids.has(item.split(":")[0]!));
        fill.filled.push(`${added.map((area) => area.id).join(", ")} (no column in the CSV)`);
      }
    } else if (placed) {
      fill.notes.push(
        `The report ${fill.file} reads as ${placed.framework.shortName}, but the row was imported under ${data.framework}; its grades the CSV has no column for are not added.`,
      );
    }
    const filled = fill.filled.length > 0 ? [`Filled from the report ${fill.file}: ${fill.filled.join("; ")}.`] : [];
    data.draft.needsReview.push(...filled, ...fill.notes);
    return draft;
  }

  /** Whether the report's framework was in force on the first day of the row's visit (as `npm run check` holds it). */
  private inForceAtVisit(data: InspectionDraft["data"], placed: Placed): boolean {
    return typeof data.visit === "object" && inForceOn(placed.framework, data.visit.start);
  }

  summary(): ReportsSummary {
    const matched = [...this.linesOf]
      .map(([file, lines]) => ({ file, lines }))
      .sort((a, b) => a.file.localeCompare(b.file));
    const unmatched = this.candidates.map(({ file }) => file).filter((file) => !this.linesOf.has(file));
    const disagreements = [...this.disagreements].sort((a, b) => a.line - b.line);
    return { folder: this.folder, matched, disagreements, unmatched, unreadable: this.unreadable };
  }
}
