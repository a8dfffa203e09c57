/**
 * When an inspection happened, as far as the site knows. Most have the days of the visit;
 * an inspection whose report gives no visit dates this site knows is placed by its
 * publication date, and every page says the visit dates are not known (docs/domain.md,
 * "Undated reports").
 */
import { formatDay, formatMonth, yearOf, type Period } from "./dates.ts";
import type { Inspection } from "./types.ts";

/** The year it is placed in: of the visit, or of the report when the visit is not known. */
export function inspectionYear(inspection: Pick<Inspection, "placedOn">): number {
  return yearOf(inspection.placedOn);
}

/** "12 to 23 February 2024", or "Report published 16 May 2024; visit dates not known". */
export function whenText(inspection: Pick<Inspection, "visit" | "published" | "placedOn">): string {
  if (inspection.visit) return inspection.visit.label;
  return `Report published ${formatDay(inspection.published ?? inspection.placedOn)}; visit dates not known`;
}

/** The period it stands for on a timeline: the visit, or the day its report was published. */
export function inspectionPeriod(inspection: Pick<Inspection, "visit" | "published" | "placedOn">): Period {
  return (
    inspection.visit ?? {
      precision: "day",
      start: inspection.placedOn,
      end: inspection.placedOn,
      label: whenText(inspection),
    }
  );
}

/** The last day it could have been carried out: the visit's last day, or (visit not known) the publication date. */
export function visitEnded(inspection: Pick<Inspection, "visit" | "placedOn">): string {
  return inspection.visit?.end ?? inspection.placedOn;
}

/** How a sentence names it by its date: "the March 2019 inspection", "the inspection reported in May 2024". */
export function inspectionByDate(inspection: Pick<Inspection, "visit" | "placedOn">): string {
  return inspection.visit
    ? `the ${formatMonth(inspection.visit.start)} inspection`
    : `the inspection reported in ${formatMonth(inspection.placedOn)}`;
}

/**
 * How each of a list of inspections is named by its date where it stands beside the others
 * (a table's rows, a chart's description): its year, or the day it is placed on when
 * another in the list falls in the same year ("2019", "3 March 2025", "17 July 2025").
 */
export function dateLabels(inspections: readonly Pick<Inspection, "placedOn">[]): string[] {
  const perYear = new Map<number, number>();
  for (const inspection of inspections)
    perYear.set(inspectionYear(inspection), (perYear.get(inspectionYear(inspection)) ?? 0) + 1);
  return inspections.map((inspection) =>
    perYear.get(inspectionYear(inspection))! > 1 ? formatDay(inspection.placedOn) : String(inspectionYear(inspection)),
  );
}
