/**
 * The comparison with the previous inspection as a table: one row per area, the grade
 * then and now, and the change in words (with an arrow only where one is honest).
 */
import type { Change, Comparison, ComparisonRow } from "../model/types.ts";
import { yearOf } from "../model/dates.ts";
import { gradeChip } from "./grade.ts";
import { html, type SafeHtml } from "./html.ts";

export const CHANGE_TEXT: Record<Change, { mark: string; text: string }> = {
  improved: { mark: "▲", text: "Improved" },
  declined: { mark: "▼", text: "Declined" },
  unchanged: { mark: "=", text: "No change" },
  "no-arrow": { mark: "–", text: "Not compared" },
};

export function changeLabel(change: Change): SafeHtml {
  const { mark, text } = CHANGE_TEXT[change];
  return html`<span class="change change-${change}"><span aria-hidden="true">${mark}</span> ${text}</span>`;
}

/** Column headings: the years, or month and year when both inspections fall in one year. */
export function columnLabels(comparison: Comparison): [string, string] {
  const before = comparison.previous.visit;
  const now = comparison.current.visit;
  if (yearOf(before.start) !== yearOf(now.start)) return [String(yearOf(before.start)), String(yearOf(now.start))];
  return [before.label, now.label];
}

export interface ComparisonTableOptions {
  /** Grade meters in the chips (default true). */
  meters?: boolean;
}

function row(
  comparison: Comparison,
  item: ComparisonRow,
  [beforeLabel, nowLabel]: [string, string],
  notes: boolean,
  chip: { meter: boolean },
): SafeHtml {
  const scale = comparison.current.framework.scale;
  const previousScale = comparison.previous.framework.scale;
  const areaLabel = item.area?.label ?? item.previous[0]?.area.label ?? "";
  const before = item.previous.length
    ? item.previous.map((previous) =>
        item.previous.length > 1
          ? html`<span class="merged-part">${previous.area.short}: ${gradeChip(previous.outcome, previousScale, chip)}</span>`
          : gradeChip(previous.outcome, previousScale, chip),
      )
    : html`<span class="muted">${item.relation === "new" ? "Not judged before" : "–"}</span>`;
  const now = item.area ? gradeChip(item.current, scale, chip) : html`<span class="muted">No longer judged</span>`;
  return html`<tr class="relation-${item.relation}">
<th scope="row">${areaLabel}</th>
<td data-label="${beforeLabel}">${before}</td>
<td data-label="${nowLabel}">${now}</td>
<td data-label="Change">${changeLabel(item.change)}${notes && item.note ? html`<p class="row-note">${item.note}</p>` : ""}</td>
</tr>`;
}

/** The note every row shares, when there are several rows and they all have the same one. */
export function sharedNote(rows: readonly ComparisonRow[]): string | undefined {
  const note = rows[0]?.note;
  return rows.length > 1 && note && rows.every((item) => item.note === note) ? note : undefined;
}

export function comparisonTable(comparison: Comparison, options: ComparisonTableOptions = {}): SafeHtml {
  const chip = { meter: options.meters !== false };
  const [before, now] = columnLabels(comparison);
  // A note that holds for every row (two scales with no way between them) is said once, above.
  const shared = sharedNote(comparison.rows);
  return html`${shared ? html`<p class="comparison-note">${shared}</p>\n` : ""}<div class="table-scroll" role="region" aria-labelledby="comparison-caption" tabindex="0">
<table class="comparison">
<caption id="comparison-caption">Grades at this inspection (${now}) and the one before (${before}), area by area</caption>
<thead><tr><th scope="col">Area</th><th scope="col">${before}</th><th scope="col">${now}</th><th scope="col">Change</th></tr></thead>
<tbody>
${comparison.rows.map((item) => row(comparison, item, [before, now], shared === undefined, chip))}
</tbody>
</table>
</div>`;
}
