/**
 * The one check that depends on the day it runs: a date after today. A report published
 * in 2099, or an event in 2999, is a typo (2019, 1999) that every page would otherwise
 * show as fact. Only `npm run check` runs it (src/content/index.ts): the build never reads
 * the clock, so the same content always builds the same site.
 */
import { parsePoint, type PointInput } from "../model/dates.ts";
import type { ContentSet } from "./content-set.ts";
import type { SalvagedContent } from "./load.ts";
import type { ContentProblem } from "./problems.ts";
import type { FieldPath } from "./read-file.ts";
import type { EventData, InspectionData } from "./schema.ts";
import { problemIn } from "./validate-frameworks.ts";

/**
 * Today's date where it is latest on Earth (UTC+14, Kiribati): a report published today
 * anywhere is never after it. YYYY-MM-DD.
 */
export function todayAnywhere(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

type Dated = { path: FieldPath; value: PointInput; what: string };

/** The first day of a date the editor wrote, when it is after `today`. */
function startAfter(value: PointInput, today: string): string | undefined {
  const start = parsePoint(value)?.start;
  return start !== undefined && start > today ? start : undefined;
}

function inspectionDates(data: Partial<InspectionData>): Dated[] {
  const dates: Dated[] = [];
  const visit = "the visit";
  if (typeof data.visit === "object") {
    dates.push({ path: ["visit", "start"], value: data.visit.start, what: visit }, { path: ["visit", "end"], value: data.visit.end, what: visit });
  } else if (data.visit !== undefined) dates.push({ path: ["visit"], value: data.visit, what: visit });
  if (data.published) dates.push({ path: ["published"], value: data.published, what: "the report's publication" });
  (data.figures ?? []).forEach((figure, index) =>
    figure.values.forEach((point, valueIndex) =>
      dates.push({ path: ["figures", index, "values", valueIndex, "date"], value: point.date, what: `a value of '${figure.label}'` }),
    ),
  );
  return dates;
}

function eventDates(data: Partial<EventData>): Dated[] {
  const what = "the event";
  if (data.date === undefined) return [];
  if (typeof data.date === "object") return [{ path: ["date", "from"], value: data.date.from, what }, { path: ["date", "to"], value: data.date.to, what }];
  return [{ path: ["date"], value: data.date, what }];
}

/** Every date in inspections and events (salvaged ones too) that is after `today`. */
export function futureDateProblems(content: ContentSet, salvaged: SalvagedContent, today: string): ContentProblem[] {
  const entries = [
    ...[...content.inspections, ...salvaged.inspections].map((entry) => ({ entry, dates: inspectionDates(entry.data) })),
    ...[...content.events, ...salvaged.events].map((entry) => ({ entry, dates: eventDates(entry.data) })),
  ];
  return entries.flatMap(({ entry, dates }) =>
    dates.flatMap(({ path, value, what }) => {
      const start = startAfter(value, today);
      if (start === undefined) return [];
      return [
        problemIn(
          entry,
          path,
          `This date is after today (${today}): ${what} cannot have happened yet, and the site tells what has.`,
          "Correct the date (a typo for an earlier year?); an inspection is added once its report is published, an event once it has happened.",
          String(value),
        ),
      ];
    }),
  );
}
