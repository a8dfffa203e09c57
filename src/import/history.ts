/**
 * Rows that are gradings, not inspections (docs/importing.md, "history"): each gives the
 * grades in force when it was published, and a grade an inspection did not look at again
 * is carried forward from an earlier one. Read in order for each organisation, a grade is
 * taken as given at an inspection only when it differs from the organisation's grade in
 * that column before (or is its first): the others are rated in force, not judged again.
 *
 * What the rows can and cannot tell, and so what each becomes:
 * - the organisation's first grading: every grade in it, given (as far as the data shows)
 *   at its inspection; the data cannot tell which were carried from before;
 * - a later one with a new inspection date: an inspection judging only the grades that
 *   changed; one whose grades were all the same judges none as far as the data shows;
 * - a later one with the same inspection date and changed grades: an inspection whose date
 *   is not known (`visit: unknown`), placed by its publication date;
 * - the same inspection date and the same grades, or no grades at all: nothing new.
 * Pure: rows in, rows (with the unchanged grades emptied) and what was found out.
 */
import type { FrameworkData } from "../content/schema.ts";
import { formatDay } from "../model/dates.ts";
import { listPhrase } from "../model/sentence.ts";
import type { CsvRow } from "./csv.ts";
import { allColumns } from "./framework-choice.ts";
import { columnList, type Mapping } from "./mapping.ts";
import { readDate } from "./rows.ts";

export interface GradingContext {
  /** The organisation's first grading; a later one with a new inspection date; or one whose grades changed while its date did not. */
  kind: "first" | "dated" | "undated";
  /** Grade columns whose grade was the same as the organisation's before. */
  unchanged: string[];
  /** Grade columns with a grade in the row: in force when it was published, given then or before. */
  inForce: string[];
  /** The grading before it. */
  before?: { line: number; published?: string; start?: string };
}

export interface History {
  /** The rows, in the CSV's order, each with the grades it did not give emptied (and, for `undated`, its visit dates). */
  rows: CsvRow[];
  contexts: Map<number, GradingContext>;
  skipped: { line: number; reason: string }[];
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

/** Whether a cell gives a grade the organisation did not have in that column before. */
function changed(row: CsvRow, column: string, last: ReadonlyMap<string, string>, mapping: Mapping): boolean {
  const value = cell(row, column);
  if (last.has(column)) return last.get(column) !== value;
  // A source that moved grades to new columns shows an old grade again under its new column.
  const earlier = mapping.data.history?.relabelled[column];
  if (earlier !== undefined && last.has(earlier) && cell(row, earlier) === "") return last.get(earlier) !== value;
  return true;
}

function organisationRows(group: Dated[], mapping: Mapping, gradeColumns: readonly string[], out: History): void {
  const last = new Map<string, string>();
  let before: Dated | undefined;
  const visitColumns = [mapping.data.visit.start.column, mapping.data.visit.end.column];
  for (const current of group) {
    const { row } = current;
    const present = gradeColumns.filter((column) => cell(row, column) !== "");
    if (present.length === 0) {
      out.skipped.push({ line: row.line, reason: "the grading holds no grades, so there is nothing to import" });
      continue;
    }
    const given = new Set(present.filter((column) => changed(row, column, last, mapping)));
    const sameDate = before !== undefined && current.start === before.start;
    if (sameDate && given.size === 0) {
      out.skipped.push({
        line: row.line,
        reason: `the same grades and inspection date as the grading on line ${before!.row.line}: nothing new to import`,
      });
      continue;
    }
    const values = { ...row.values };
    for (const column of gradeColumns) if (!given.has(column)) values[column] = "";
    if (sameDate) for (const column of visitColumns) values[column] = "";
    out.rows.push({ line: row.line, values });
    out.contexts.set(row.line, {
      kind: before === undefined ? "first" : sameDate ? "undated" : "dated",
      unchanged: present.filter((column) => !given.has(column)),
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
    for (const column of present) last.set(column, cell(row, column));
    before = current;
  }
}

/** The rows read as gradings, when the mapping says they are (`history`); else as they are. */
export function readHistory(rows: readonly CsvRow[], mapping: Mapping): History {
  const out: History = { rows: [], contexts: new Map(), skipped: [] };
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
 * framework whose grade is read from that column for this row (`columns` of area-columns),
 * or else of another framework of the mapping whose first column it is (a grade carried
 * from the framework before), leaving out the areas judged now.
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
    const own = areaOf(chosen.id, column);
    if (own && chosen.judged.has(own.id)) continue;
    const area = own ?? others.map((id) => areaOf(id, column)).find((found) => found !== undefined);
    const name = area && (area.short ?? area.label);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

const on = (day: string | undefined) => (day ? ` on ${formatDay(day)}` : "");

/**
 * What the data can and cannot tell about one inspection made from a grading, in
 * sentences for the file's text (and so its page): the import's account of itself.
 */
export function gradingNotes(
  context: GradingContext,
  chosen: ChosenAreas,
  mapping: Mapping,
  definitions: ReadonlyMap<string, FrameworkData>,
  source: string,
): string[] {
  const before = context.before;
  const earlier = before ? `the grading before it (line ${before.line}, published${on(before.published)})` : "";
  if (context.kind === "first")
    return [
      `This is the earliest grading of this service in \`${source}\`. It holds every grade in force when it was published, and the data cannot tell which of them this inspection gave and which it carried from earlier inspections, so all are shown as given here.`,
    ];
  const unchanged = areasIn(context.unchanged, chosen, mapping, definitions);
  const notes: string[] = [];
  if (context.kind === "undated")
    notes.push(
      `The data gives no date for this inspection: its grades changed after ${earlier}, while the date of its last inspection stayed ${before?.start ? formatDay(before.start) : "the same"}. It is placed by its publication date.`,
    );
  if (unchanged.length > 0)
    notes.push(
      `The ${unchanged.length === 1 ? "grade" : "grades"} for ${listPhrase(unchanged)} ${unchanged.length === 1 ? "was" : "were"} the same as in ${earlier}: the data cannot tell whether inspectors looked at ${unchanged.length === 1 ? "it" : "them"} again, so ${unchanged.length === 1 ? "it is" : "they are"} not listed as judged here, and ${unchanged.length === 1 ? "keeps" : "keep"} the date ${unchanged.length === 1 ? "it was" : "they were"} first published.`,
    );
  return notes;
}
