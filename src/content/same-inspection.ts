/**
 * When two inspection files describe the same inspection, so that `npm run check` refuses
 * the second and `npm run import` never writes a row already in the content: the same
 * organisation, framework and kind, and the same first day of the visit; or, when either
 * has no visit dates (`visit: unknown`), the same publication date; or the same report.
 */
import { visitPeriod } from "../model/dates.ts";
import { VISIT_UNKNOWN } from "../model/outcomes.ts";
import type { InspectionSource } from "../model/source.ts";

/** What tells one inspection from another. */
export type SameInspection = Pick<InspectionSource, "organisation" | "framework" | "kind" | "visit" | "published" | "report">;
type Described = SameInspection;

/** What makes two the same inspection: the visit's first day, the publication date (one has no visit dates), or the report. */
export type SameBy = "start" | "published" | "report";

export interface SameInspectionIndex<T> {
  /** What was added for the same inspection, if anything. */
  find(data: Described): T | undefined;
  /** The same, with what makes them the same. */
  match(data: Described): { value: T; by: SameBy } | undefined;
  /** Adds an inspection (the first added for each key is kept). */
  add(data: Described, value: T): void;
}

export function sameInspectionIndex<T>(): SameInspectionIndex<T> {
  const byStart = new Map<string, T>();
  const byPublished = new Map<string, T>();
  const undatedByPublished = new Map<string, T>();
  const byReport = new Map<string, T>();
  const keys = (data: Described) => {
    const base = `${data.organisation}|${data.framework}|${data.kind}`;
    const start = data.visit === VISIT_UNKNOWN ? undefined : visitPeriod(data.visit)?.start;
    return {
      start: start === undefined ? undefined : `${base}|${start}`,
      published: data.published === undefined ? undefined : `${base}|${data.published}`,
      report: data.report === undefined ? undefined : `${data.organisation}|${data.report}`,
    };
  };
  const get = (map: Map<string, T>, key: string | undefined) => (key === undefined ? undefined : map.get(key));
  const set = (map: Map<string, T>, key: string | undefined, value: T) => {
    if (key !== undefined && !map.has(key)) map.set(key, value);
  };
  return {
    find(data) {
      return this.match(data)?.value;
    },
    match(data) {
      const key = keys(data);
      const found = (value: T | undefined, by: SameBy) => (value === undefined ? undefined : { value, by });
      return (
        (key.start ? found(get(byStart, key.start), "start") : undefined) ??
        found(get(key.start ? undatedByPublished : byPublished, key.published), "published") ??
        found(get(byReport, key.report), "report")
      );
    },
    add(data, value) {
      const key = keys(data);
      set(byStart, key.start, value);
      set(byPublished, key.published, value);
      if (!key.start) set(undatedByPublished, key.published, value);
      set(byReport, key.report, value);
    },
  };
}
