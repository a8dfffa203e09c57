/**
 * The framework of a row without visit dates (docs/importing.md, "Rows without visit
 * dates"). Its report's publication date is known, and the visit ended before it, within
 * the months the mapping says a report takes (`undated.reportWithinMonths`). The candidates
 * are the frameworks the mapping's date ranges give in that time; of those, the ones whose
 * kinds the mapping can read the row's kind cell for; of those, the latest. Nothing here is
 * certain, so the draft says how it was chosen and what else it could be.
 */
import { DateTime } from "luxon";
import { formatDay } from "../../model/dates.ts";
import type { CsvRow } from "./csv.ts";
import { normaliseValue, type Mapping } from "./mapping.ts";

export interface UndatedChoice {
  id: string;
  /** For the editor: how it was chosen, and what else it could be. */
  note: string;
}

/** `day` moved back by whole months, as YYYY-MM-DD. */
function monthsBefore(day: string, months: number): string {
  return DateTime.fromISO(day, { zone: "utc" }).minus({ months }).toISODate()!;
}

/** Whether the mapping can read the row's kind cell for a framework (a value it lists, or its kind for an empty cell). */
export function kindFits(row: CsvRow, mapping: Mapping, frameworkId: string): boolean {
  const kinds = mapping.kindsFor(frameworkId);
  if (!("column" in mapping.data.kind)) return true;
  const raw = normaliseValue(row.values[mapping.data.kind.column] ?? "");
  return raw === "" ? kinds.ifEmpty !== undefined : kinds.values.has(raw);
}

/**
 * The framework for a row whose visit dates are not in the CSV, by date ranges; null when
 * none of the mapping's ranges reaches the months before publication.
 */
export function undatedFramework(
  row: CsvRow,
  mapping: Mapping,
  names: (id: string) => string,
  published: string,
): UndatedChoice | null {
  const { framework, undated } = mapping.data;
  if (!("byDate" in framework)) return null;
  const earliest = monthsBefore(published, undated.reportWithinMonths);
  const candidates = framework.byDate
    .filter((range) => (range.from ?? "0000-00-00") <= published && (range.to ?? "9999-99-99") >= earliest)
    .sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""))
    .map((range) => range.framework);
  if (candidates.length === 0) return null;
  const fitting = candidates.filter((id) => kindFits(row, mapping, id));
  const chosen = (fitting.length > 0 ? fitting : candidates).at(-1)!;
  const others = candidates.filter((id) => id !== chosen).map(names);
  const why =
    fitting.length > 0 && candidates.length > 1
      ? `the one of those in force in the ${undated.reportWithinMonths} months before it whose kinds fit the ${"column" in mapping.data.kind ? mapping.data.kind.column : "kind"} cell`
      : `the latest in force in the ${undated.reportWithinMonths} months before it`;
  const note =
    `visit: the CSV gives no visit dates, so the inspection is placed by its publication date (${formatDay(published)}), ` +
    `and the framework, ${names(chosen)}, is ${why}${others.length ? `; it could also be ${others.join(" or ")}` : ""}. ` +
    "Check both against the report, and add the visit dates.";
  return { id: chosen, note };
}
