/**
 * The comparison with the previous inspection as a table: one row per area, the grade
 * then and now, and the change in words (with an arrow only where one is honest).
 */
import { gradesInForce } from "../model/ratings.ts";
import type { Change, Comparison, ComparisonRow, Inspection } from "../model/types.ts";
import { inspectionPeriod, inspectionYear } from "../model/when.ts";
import { gradeChip } from "./grade.ts";
import { breakable, html, type SafeHtml } from "./html.ts";
import { rowNote } from "./why-not-compared.ts";

export const CHANGE_TEXT: Record<Change, { mark: string; text: string }> = {
  improved: { mark: "▲", text: "Improved" },
  declined: { mark: "▼", text: "Declined" },
  unchanged: { mark: "=", text: "No change" },
  "no-arrow": { mark: "–", text: "Not compared" },
};

/** The change in words; `text` replaces the word (a row not judged again says so). */
export function changeLabel(change: Change, text = CHANGE_TEXT[change].text): SafeHtml {
  const { mark } = CHANGE_TEXT[change];
  return html`<span class="change change-${change}"><span aria-hidden="true">${mark}</span> ${text}</span>`;
}

/** Column headings: the years, or month and year when both inspections fall in one year. */
export function columnLabels(comparison: Comparison): [string, string] {
  const { previous, current } = comparison;
  if (inspectionYear(previous) !== inspectionYear(current))
    return [String(inspectionYear(previous)), String(inspectionYear(current))];
  return [inspectionPeriod(previous).label, inspectionPeriod(current).label];
}

/** " (2019)": said beside a rating that came from another inspection than the column's. */
function fromYear(source: Inspection | undefined, column: Inspection): string {
  return source && source !== column ? ` (${inspectionYear(source)})` : "";
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
    ? item.previous.map((previous) => {
        const then = html`${gradeChip(previous.outcome, previous.inspection?.framework.scale ?? previousScale, chip)}${fromYear(previous.inspection, comparison.previous)}`;
        return item.previous.length > 1 ? html`<span class="merged-part">${previous.area.short}: ${then}</span>` : then;
      })
    : html`<span class="muted">${item.relation === "new" ? "Not judged before" : "–"}</span>`;
  const now = !item.area
    ? html`<span class="muted">No longer judged</span>`
    : item.judgedAgain
      ? gradeChip(item.current, scale, chip)
      : item.carried
        ? html`<span class="muted">Not judged; stands:</span> ${gradeChip(item.carried.outcome, item.carried.inspection.framework.scale, chip)}${fromYear(item.carried.inspection, comparison.current)}`
        : gradeChip(item.current, scale, chip);
  return html`<tr class="relation-${item.relation}">
<th scope="row">${breakable(areaLabel)}</th>
<td data-label="${beforeLabel}">${before}</td>
<td data-label="${nowLabel}">${now}</td>
<td data-label="Change">${item.area && !item.judgedAgain ? changeLabel(item.change, gradesInForce(comparison.current) ? "No grade published" : "Not judged again") : changeLabel(item.change)}${notes && rowNote(item) ? html`<p class="row-note">${rowNote(item)}</p>` : ""}</td>
</tr>`;
}

/** The note every row shares, when there are several rows and they all have the same one. */
export function sharedNote(rows: readonly ComparisonRow[]): string | undefined {
  const note = rows[0] ? rowNote(rows[0]) : "";
  return rows.length > 1 && note && rows.every((item) => rowNote(item) === note) ? note : undefined;
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
