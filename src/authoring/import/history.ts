/**
 * Rows that are gradings, not inspections (docs/importing.md, "history"): each gives every
 * grade in force when it was published, some given at earlier inspections. Each becomes an
 * inspection holding all of them (its inspectorate's gradings are "in-force", so the site
 * reads them as the ratings in force after it, src/model/ratings.ts), with what the data
 * can tell: which grades changed from the grading just before (re-graded, or first
 * published), which were the same (the data cannot tell whether they were looked at
 * again), and which are no longer published.
 *
 * What each becomes, against the organisation's grading before it:
 * - the organisation's first grading: an inspection with every grade in it; the data cannot
 *   tell which were carried from before;
 * - a later one with a new inspection date: an inspection with every grade in it;
 * - a later one with the same inspection date and other grades: an inspection whose date
 *   is not known (`visit: unknown`), placed by its publication date;
 * - the same inspection date and the same grades, or no grades where none stood: nothing new.
 * Pure: rows in, rows and what was found out.
 */
import type { FrameworkData } from "../../content/schema.ts";
import { formatDay } from "../../model/dates.ts";
import { listPhrase } from "../../model/sentence.ts";
import { readDate, type CsvRow } from "./csv.ts";
import { allColumns } from "./framework-choice.ts";
import { columnList, type Mapping } from "./mapping.ts";

export interface GradingContext {
  /** The organisation's first grading; a later one with a new inspection date; or one whose grades changed while its date did not. */
  kind: "first" | "dated" | "undated";
  /** Grade columns whose grade the grading before did not hold (re-graded, or first published). */
  changed: string[];
  /** Grade columns whose grade was the same as in the grading before. */
  unchanged: string[];
  /** Grade columns the grading before held and this one does not. */
  dropped: string[];
  /** Grade columns with a grade in the row: in force when it was published, given then or before. */
  inForce: string[];
  /** The grading before it. */
  before?: { line: number; published?: string; start?: string };
}

export interface History {
  /** The rows, in the CSV's order, each with every grade it holds (and, for `undated`, its visit dates emptied). */
  rows: CsvRow[];
  contexts: Map<number, GradingContext>;
  skipped: { line: number; reason: string }[];
  /** The latest day in the mapping's `organisation.lastKnownOpen` column: the source's last listing. */
  latestListed?: string;
}

/** The latest day in `organisation.lastKnownOpen`'s column (rows.ts: one listed before it has closed). */
function latestListed(rows: readonly CsvRow[], mapping: Mapping): string | undefined {
  const spec = mapping.data.organisation.lastKnownOpen;
  if (!spec) return undefined;
  let latest: string | undefined;
  for (const row of rows) {
    const read = readDate(row, spec);
    if (read.ok && read.value && (latest === undefined || read.value > latest)) latest = read.value;
  }
  return latest;
}

interface Dated {
  row: CsvRow;
  published: string;
  start: string;
}

const cell = (row: CsvRow, column: string): string => (row.values[column] ?? "").trim();

function dated(row: CsvRow, mapping: Mapping): Dated {
  const date = (spec: { column: string; format: string | string[] } | undefined) => {
    const read = spec ? readDate(row, spec) : { ok: true as const };
    return read.ok ? (read.value ?? "") : "";
  };
  return { row, published: date(mapping.data.published), start: date(mapping.data.visit.start) };
}

/**
 * Whether a cell gives a grade the grading before did not hold in that column. A source that
 * moved grades to new columns shows an old grade again under its new column: followed only
 * where the grading before held it under the old column and not yet under the new one.
 */
function changed(row: CsvRow, column: string, before: CsvRow | undefined, mapping: Mapping): boolean {
  if (!before) return true;
  const value = cell(row, column);
  const was = cell(before, column);
  if (was !== "") return was !== value;
  const earlier = mapping.data.history?.relabelled[column];
  if (earlier !== undefined && cell(before, earlier) !== "" && cell(row, earlier) === "")
    return cell(before, earlier) !== value;
  return true;
}

function organisationRows(group: Dated[], mapping: Mapping, gradeColumns: readonly string[], out: History): void {
  let before: Dated | undefined;
  const visitColumns = [mapping.data.visit.start.column, mapping.data.visit.end.column];
  for (const current of group) {
    const { row } = current;
    const present = gradeColumns.filter((column) => cell(row, column) !== "");
    const had = before ? gradeColumns.filter((column) => cell(before!.row, column) !== "") : [];
    // A grading with no grades tells of nothing, unless grades stood before it: none stands after it.
    if (present.length === 0 && had.length === 0) {
      out.skipped.push({ line: row.line, reason: "the grading holds no grades, so there is nothing to import" });
      continue;
    }
    const given = present.filter((column) => changed(row, column, before?.row, mapping));
    // A grade moved to its new column (relabelled) has not gone.
    const moved = new Set(
      Object.entries(mapping.data.history?.relabelled ?? {})
        .filter(([column]) => present.includes(column) && !had.includes(column))
        .map(([, earlier]) => earlier),
    );
    const dropped = had.filter((column) => cell(row, column) === "" && !moved.has(column));
    const sameDate = before !== undefined && current.start === before.start;
    if (sameDate && given.length === 0 && dropped.length === 0) {
      out.skipped.push({
        line: row.line,
        reason: `the same grades and inspection date as the grading on line ${before!.row.line}: nothing new to import`,
      });
      continue;
    }
    const values = { ...row.values };
    if (sameDate) for (const column of visitColumns) values[column] = "";
    out.rows.push({ line: row.line, values });
    out.contexts.set(row.line, {
      kind: before === undefined ? "first" : sameDate ? "undated" : "dated",
      changed: given,
      unchanged: present.filter((column) => !given.includes(column)),
      dropped,
      inForce: present,
      ...(before
        ? {
            before: {
              line: before.row.line,
              ...(before.published ? { published: before.published } : {}),
              ...(before.start ? { start: before.start } : {}),
            },
          }
        : {}),
    });
    before = current;
  }
}

/** The rows read as gradings, when the mapping says they are (`history`); else as they are. */
export function readHistory(rows: readonly CsvRow[], mapping: Mapping): History {
  const latest = latestListed(rows, mapping);
  const out: History = { rows: [], contexts: new Map(), skipped: [], ...(latest ? { latestListed: latest } : {}) };
  const spec = mapping.data.history;
  if (!spec) return { ...out, rows: [...rows] };
  const gradeColumns = [...new Set(Object.keys(mapping.data.frameworks).flatMap((id) => [...allColumns(mapping, id)]))];
  const groups = new Map<string, Dated[]>();
  for (const row of rows) {
    const key = cell(row, spec.key);
    const group = groups.get(key) ?? [];
    group.push(dated(row, mapping));
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.sort(
      (a, b) => a.published.localeCompare(b.published) || a.start.localeCompare(b.start) || a.row.line - b.row.line,
    );
    organisationRows(group, mapping, gradeColumns, out);
  }
  out.rows.sort((a, b) => a.line - b.line);
  return out;
}

/** The framework a row was filed under: where each area's grade was read from, and which it judged. */
export interface ChosenAreas {
  id: string;
  columns: Readonly<Record<string, string>>;
  /** The row's grades were read from the framework's other columns (framework-choice.ts). */
  alternatives: boolean;
  judged: ReadonlySet<string>;
}

/**
 * The short names of the areas whose grades were in `columns`: an area of the chosen
 * framework whose grade is read from that column for this row, or else of another
 * framework of the mapping whose first column it is (a grade in force under it).
 */
function areasIn(
  columns: readonly string[],
  chosen: ChosenAreas,
  mapping: Mapping,
  definitions: ReadonlyMap<string, FrameworkData>,
): string[] {
  const names: string[] = [];
  const others = Object.keys(mapping.data.frameworks).filter((id) => id !== chosen.id);
  const areaOf = (id: string, column: string) => {
    const spec = mapping.data.frameworks[id]?.areas ?? {};
    const read = (areaId: string): readonly string[] => {
      const list = columnList(spec[areaId] ?? []);
      if (id !== chosen.id) return list.slice(0, 1);
      return chosen.alternatives ? list : [chosen.columns[areaId] ?? ""];
    };
    return definitions.get(id)?.areas.find((area) => read(area.id).includes(column));
  };
  for (const column of columns) {
    const area =
      areaOf(chosen.id, column) ?? others.map((id) => areaOf(id, column)).find((found) => found !== undefined);
    const name = area && (area.short ?? area.label);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

const on = (day: string | undefined) => (day ? ` on ${formatDay(day)}` : "");
const were = (names: readonly string[]) => (names.length === 1 ? "was" : "were");

/**
 * What the data can and cannot tell about one inspection made from a grading, in
 * sentences for the file's text (and so its page): the import's account of itself. The
 * grades written are every grade in force once the grading was published; an area is
 * said to be re-graded only where its grade changed from the grading just before.
 */
export function gradingNotes(
  context: GradingContext,
  chosen: ChosenAreas,
  mapping: Mapping,
  definitions: ReadonlyMap<string, FrameworkData>,
  source: string,
  line: number,
): string[] {
  const before = context.before;
  if (context.kind === "first")
    return [
      `This is the earliest grading of this service in \`${source}\` (line ${line}). Its grades are every grade in force when it was published, and the data cannot tell which of them this inspection gave and which it carried from earlier inspections.`,
    ];
  const earlier = `the grading before it (line ${before!.line}, published${on(before!.published)})`;
  const names = (columns: readonly string[]) => areasIn(columns, chosen, mapping, definitions);
  const notes = [
    context.inForce.length > 0
      ? `Its grades are every grade in force when the grading after this inspection was published (line ${line} of \`${source}\`), not only those this inspection gave.`
      : `The grading after this inspection (line ${line} of \`${source}\`) holds no grades: none is in force after it.`,
  ];
  if (context.kind === "undated")
    notes.push(
      `The data gives no date for this inspection: its grades changed after ${earlier}, while the date of its last inspection stayed ${before?.start ? formatDay(before.start) : "the same"}. It is placed by its publication date.`,
    );
  const changed = names(context.changed);
  const unchanged = names(context.unchanged);
  const dropped = names(context.dropped);
  if (changed.length > 0) notes.push(`Re-graded or first published since ${earlier}: ${listPhrase(changed)}.`);
  if (unchanged.length > 0)
    notes.push(
      `The grade${unchanged.length === 1 ? "" : "s"} for ${listPhrase(unchanged)} ${were(unchanged)} the same as in ${earlier}: the data cannot tell whether inspectors looked at ${unchanged.length === 1 ? "it" : "them"} again.`,
    );
  if (dropped.length > 0)
    notes.push(`No longer among the published grades: ${listPhrase(dropped)}, which ${were(dropped)} in ${earlier}.`);
  return notes;
}
