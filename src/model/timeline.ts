/**
 * An organisation's story in order: graded inspections, ungraded visits and context
 * events, whatever the precision of their dates. Each entry is a period; entries sort by
 * first day, and a longer period comes before the shorter ones it contains ("2017" before
 * "March 2017"), so a year reads as a heading for what happened in it.
 */
import type { ContextEvent, Inspection, TimelineEntry } from "./types.ts";
import { inspectionPeriod } from "./when.ts";

function entryId(entry: TimelineEntry): string {
  return entry.type === "inspection" ? entry.inspection.id : entry.event.id;
}

export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    a.period.start.localeCompare(b.period.start) ||
    b.period.end.localeCompare(a.period.end) ||
    a.type.localeCompare(b.type) ||
    entryId(a).localeCompare(entryId(b))
  );
}

export function buildTimeline(inspections: readonly Inspection[], events: readonly ContextEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...inspections.map((inspection): TimelineEntry => ({
      type: "inspection",
      period: inspectionPeriod(inspection),
      inspection,
    })),
    ...events.map((event): TimelineEntry => ({ type: "event", period: event.period, event })),
  ];
  return entries.sort(compareTimelineEntries);
}

/**
 * Items grouped under the year each begins in, keeping their order (timelines oldest
 * first, lists of inspections newest first). `start` gives an item's first day, YYYY-MM-DD.
 */
export function byYear<T>(items: readonly T[], start: (item: T) => string): { year: number; entries: T[] }[] {
  const years: { year: number; entries: T[] }[] = [];
  for (const item of items) {
    const year = Number(start(item).slice(0, 4));
    const last = years[years.length - 1];
    if (last && last.year === year) last.entries.push(item);
    else years.push({ year, entries: [item] });
  }
  return years;
}
