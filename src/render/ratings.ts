/**
 * An organisation's ratings in force (docs/domain.md, "Ratings in force"): for each
 * inspectorate and line of frameworks, the rating that stands in every area after its
 * latest graded inspection, with the inspection each came from, as at the date the site
 * is as at. An area its latest inspection did not judge shows the rating carried from
 * before; a grade not on this site yet says so and links the report.
 */
import { judgesServices } from "../model/previous.ts";
import { formatDay } from "../model/dates.ts";
import { comparedAreas } from "../model/crosswalk.ts";
import type { Inspection, Organisation, RatingsInForce } from "../model/types.ts";
import { inspectionByDate } from "../model/when.ts";
import { gradeChip } from "./grade.ts";
import { breakable, html, type SafeHtml } from "./html.ts";
import { reportPhrase } from "./report-link.ts";
import { inspectionUrl } from "./urls.ts";

/** Each line's latest graded inspection, in the order the organisation's inspections are. */
export function latestByLine(organisation: Organisation): Inspection[] {
  const latest = new Map<string, Inspection>();
  for (const inspection of organisation.inspections) {
    if (!judgesServices(inspection)) continue;
    latest.set(`${inspection.framework.inspectorate.id}\u0000${inspection.framework.lineage}`, inspection);
  }
  return [...latest.values()];
}

function ratingCell(inForce: RatingsInForce, areaId: string, latest: Inspection): SafeHtml {
  const rating = inForce.ratings.get(areaId);
  if (!rating) {
    const merged = inForce.merged.has(areaId);
    return html`<td>${gradeChip(null, inForce.framework.scale)}</td><td>${merged ? "Made from several earlier areas, not judged since: no single rating." : "Not rated on this site yet."}</td>`;
  }
  const source = rating.inspection;
  const scale = source.framework.scale;
  const as = rating.judgedAs.id === rating.area.id ? "" : html` Judged as '${rating.judgedAs.label}'.`;
  const carried = source === latest ? "" : html` Not judged since.`;
  const phrase = rating.outcome.kind === "unknown" ? reportPhrase(source) : null;
  const unknown = phrase ? html` The grade is in ${phrase}, not on this site yet.` : "";
  return html`<td>${gradeChip(rating.outcome, scale, { full: true })}</td><td>From <a href="${inspectionUrl(source)}">${inspectionByDate(source)}</a>.${carried}${as}${unknown}</td>`;
}

function lineTable(latest: Inspection, index: number, organisation: Organisation): SafeHtml {
  const inForce = latest.ratings!.after;
  const id = `${organisation.id}-ratings-${index + 1}`;
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="ratings">
<caption id="${id}">${latest.framework.inspectorate.shortName}: the rating in force in each area, and where it came from</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Rating</th><th scope="col">From</th></tr></thead>
<tbody>${comparedAreas(latest.framework).map((area) => html`<tr><th scope="row">${breakable(area.label)}</th>${ratingCell(inForce, area.id, latest)}</tr>`)}</tbody>
</table>
</div>`;
}

/** The section's body; `asAt` is the day the site is as at (its latest report), never the day of the build. */
export function ratingsInForceSection(organisation: Organisation, asAt: string): SafeHtml {
  const lines = latestByLine(organisation).filter((inspection) => inspection.ratings);
  if (lines.length === 0) return html`<p>No graded inspection yet.</p>`;
  // A made-up example's reports do not count towards the site's date, so may be later than it.
  const own = lines.reduce(
    (latest, inspection) => ((inspection.published ?? "") > latest ? inspection.published! : latest),
    "",
  );
  const day = asAt > own ? asAt : own;
  return html`<p>As at ${formatDay(day)}, the date of the latest report on this site: each area's latest judgement, with the inspection it came from, in the areas of the framework of the latest inspection. A rating stands until its area is judged again; a later report not yet on this site would change it.</p>
${lines.map((latest, index) => lineTable(latest, index, organisation))}`;
}
