/**
 * Which framework a row is filed under, and which columns its areas' grades are read from
 * (docs/importing.md, "framework"): by the visit's first day through date ranges, or by a
 * column's value, which names one framework or a list of them. From a list, the one chosen
 * is the newest in force whose own columns hold the row's grades: a source whose types of
 * service moved from one framework to the next at different times (the Care
 * Inspectorate's quality themes and key questions) says by its grades which it used.
 */
import { DateTime } from "luxon";
import type { FrameworkData } from "../../content/schema.ts";
import { listOf } from "../../content/suggest.ts";
import type { CsvRow } from "./csv.ts";
import { columnList, type Definitions, type Mapping } from "./mapping.ts";

export type Converted<T> = { ok: true; value: T } | { ok: false; reason: string };

const cell = (row: CsvRow, column: string): string => (row.values[column] ?? "").trim();

/** Whether a cell holds a grade, or a value that marks a grade unread: anything but empty or 'not judged'. */
export function holdsGrade(row: CsvRow, mapping: Mapping, column: string): boolean {
  const raw = cell(row, column);
  return raw !== "" && mapping.grade(raw).type !== "leave-out";
}

export interface AreaColumns {
  /** Area id -> the column its grade is read from for this row. */
  columns: Record<string, string>;
  /** True when the row holds none of the framework's first columns, so the others were read. */
  alternatives: boolean;
}

/**
 * Where each area's grade is for this row: its first column, unless none of the
 * framework's first columns holds a grade; then the first of its other columns that does.
 */
export function areaColumns(row: CsvRow, mapping: Mapping, frameworkId: string): AreaColumns {
  const areas = mapping.data.frameworks[frameworkId]?.areas ?? {};
  const lists = Object.entries(areas).map(([area, columns]) => [area, columnList(columns)] as const);
  const alternatives =
    !lists.some(([, list]) => holdsGrade(row, mapping, list[0]!)) &&
    lists.some(([, list]) => list.slice(1).some((column) => holdsGrade(row, mapping, column)));
  const columns: Record<string, string> = {};
  for (const [area, list] of lists)
    columns[area] = alternatives
      ? (list.slice(1).find((column) => holdsGrade(row, mapping, column)) ?? list[0]!)
      : list[0]!;
  return { columns, alternatives };
}

/** Every column of a framework's areas, first and others. */
export function allColumns(mapping: Mapping, frameworkId: string): Set<string> {
  return new Set(Object.values(mapping.data.frameworks[frameworkId]?.areas ?? {}).flatMap(columnList));
}

function monthsBefore(day: string, months: number): string {
  return DateTime.fromISO(day, { zone: "utc" }).minus({ months }).toISODate()!;
}

/** The day a row is placed on, and whether its visit is not known (then only its publication date is). */
export interface RowDay {
  day: string;
  undated: boolean;
  /** For a grading (history.ts): the columns holding a grade in force, given at this inspection or before. */
  inForce?: readonly string[];
}

/**
 * From a list: of those in force on the visit's first day (or, for a row without visit
 * dates, at some time in the months before its report), the newest whose first columns
 * hold one of the row's grades; else, for a grading, the newest whose first columns hold a
 * grade in force then (so a question asked of every framework, such as COVID-19, does not
 * move a service to the next framework); else the newest whose other columns hold a grade;
 * else the newest. Areas shown apart (`separate`) do not choose.
 */
function byGrades(
  row: CsvRow,
  mapping: Mapping,
  definitions: Definitions,
  ids: string[],
  when: RowDay,
): Converted<string> {
  const earliest = when.undated ? monthsBefore(when.day, mapping.data.undated.reportWithinMonths) : when.day;
  const candidates = ids
    .map((id) => ({ id, data: definitions.frameworks.get(id) }))
    .filter((candidate): candidate is { id: string; data: FrameworkData } => candidate.data !== undefined)
    .filter(({ data }) => data.inForce.from <= when.day && (data.inForce.to ?? "9999-99-99") >= earliest)
    .sort((a, b) => b.data.inForce.from.localeCompare(a.data.inForce.from));
  if (candidates.length === 0) {
    const period = when.undated ? `in the months before its report (${when.day})` : `on ${when.day}`;
    return {
      ok: false,
      reason: `none of the frameworks the mapping lists for the row (${listOf(ids)}) was in force ${period}`,
    };
  }
  const graded = (id: string, data: FrameworkData, first: boolean, has: (column: string) => boolean) =>
    Object.entries(mapping.data.frameworks[id]?.areas ?? {}).some(([area, columns]) => {
      if (data.areas.find((candidate) => candidate.id === area)?.separate) return false;
      const list = columnList(columns);
      return (first ? list.slice(0, 1) : list.slice(1)).some(has);
    });
  const given = (column: string) => holdsGrade(row, mapping, column);
  const inForce = new Set(when.inForce ?? []);
  const chosen =
    candidates.find(({ id, data }) => graded(id, data, true, given)) ??
    candidates.find(({ id, data }) => graded(id, data, true, (column) => inForce.has(column))) ??
    candidates.find(({ id, data }) => graded(id, data, false, given)) ??
    candidates[0]!;
  return { ok: true, value: chosen.id };
}

function byDate(mapping: Mapping, start: string): Converted<string> {
  const { framework } = mapping.data;
  if (!("byDate" in framework)) throw new Error("byDate: the mapping chooses frameworks by a column");
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

/** The framework the mapping chooses for a row placed on `when.day`. */
export function chooseFramework(
  row: CsvRow,
  mapping: Mapping,
  definitions: Definitions,
  when: RowDay,
): Converted<string> {
  const { framework } = mapping.data;
  if ("byDate" in framework) return byDate(mapping, when.day);
  const raw = cell(row, framework.column);
  const chosen = mapping.frameworkFor(raw);
  if (typeof chosen === "string") return { ok: true, value: chosen };
  if (chosen) return byGrades(row, mapping, definitions, chosen, when);
  const known = listOf(Object.keys(framework.values));
  return raw === ""
    ? {
        ok: false,
        reason: `no framework: the ${framework.column} cell is empty and the mapping gives no 'framework.ifEmpty'`,
      }
    : { ok: false, reason: `no framework for '${raw}' in ${framework.column}; the mapping knows ${known}` };
}
