/**
 * An organisation's ratings in force (docs/domain.md, "Ratings in force"): for each
 * inspectorate and line of frameworks, the rating that stands in every area after its
 * latest graded inspection, with the inspection each came from, as at the date the site
 * is as at. An area its latest inspection did not judge shows the rating carried from
 * before; a grade not on this site yet says so and links the report.
 */
import { appliesTo } from "../model/applies.ts";
import { judgesServices } from "../model/previous.ts";
import { formatDay } from "../model/dates.ts";
import { comparedAreas } from "../model/crosswalk.ts";
import { hasClosed } from "../model/open.ts";
import { gradesInForce } from "../model/ratings.ts";
import type { Inspection, Organisation, Rating, RatingsInForce } from "../model/types.ts";
import { inspectionByDate } from "../model/when.ts";
import { gradeChip } from "./grade.ts";
import { breakable, html, type SafeHtml } from "./html.ts";
import { reportPhrase } from "./report-link.ts";
import { inspectionUrl } from "./urls.ts";

/** "Closed on 3 May 2024." or "Closed: last listed as open on 30 April 2024." */
export function closedPhrase(organisation: Organisation): string {
  if (organisation.closed) return `Closed on ${formatDay(organisation.closed)}.`;
  return `Closed: last known to be open on ${formatDay(organisation.lastKnownOpen!)}, and not listed since.`;
}

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

/**
 * Gradings "in-force" (src/model/ratings.ts): the rating is the grade the latest grading
 * published, in force since the first grading of its unbroken run; the data does not say
 * whether later inspections looked at it again, so nothing is said of that.
 */
function publishedCell(rating: Rating, latest: Inspection): SafeHtml {
  const source = rating.inspection;
  const now = rating.publishedAs ?? { framework: latest.framework, area: rating.area };
  const first = { framework: rating.judgedIn ?? source.framework, area: rating.judgedAs };
  const named = (as: typeof now) => html`'${as.area.label}' (${as.framework.shortName})`;
  const as =
    now.area !== rating.area
      ? html` Published as ${named(now)}.`
      : first.area !== now.area
        ? html` First published as ${named(first)}.`
        : now.framework !== latest.framework
          ? html` Published under ${now.framework.shortName}.`
          : "";
  const since =
    source === latest
      ? html`Published after <a href="${inspectionUrl(source)}">${inspectionByDate(source)}</a>.`
      : html`Since <a href="${inspectionUrl(source)}">${inspectionByDate(source)}</a>: the same grade in every grading published since.`;
  return html`<td>${gradeChip(rating.outcome, source.framework.scale, { full: true })}</td><td>${since}${as}</td>`;
}

/** The rows of a line whose gradings give every grade in force: the areas the latest grading holds, and nothing else. */
function publishedRows(latest: Inspection): SafeHtml[] {
  const inForce = latest.ratings!.after;
  const rows = [...inForce.ratings.values()]
    .sort((a, b) => latest.framework.areas.indexOf(a.area) - latest.framework.areas.indexOf(b.area))
    .concat(inForce.beside);
  return rows.map(
    (rating) => html`<tr><th scope="row">${breakable(rating.area.label)}</th>${publishedCell(rating, latest)}</tr>`,
  );
}

function lineTable(latest: Inspection, index: number, organisation: Organisation): SafeHtml {
  const inForce = latest.ratings!.after;
  const published = gradesInForce(latest);
  const id = `${organisation.id}-ratings-${index + 1}`;
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="ratings">
<caption id="${id}">${latest.framework.inspectorate.shortName}: ${published ? "the grades in force in its latest published grading, and since when" : "the rating in force in each area, and where it came from"}</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Rating</th><th scope="col">${published ? "Since" : "From"}</th></tr></thead>
<tbody>${
    published
      ? publishedRows(latest)
      : comparedAreas(latest.framework)
          .filter((area) => appliesTo(area, organisation) || inForce.ratings.has(area.id))
          .map(
            (area) =>
              html`<tr><th scope="row">${breakable(area.label)}</th>${ratingCell(inForce, area.id, latest)}</tr>`,
          )
  }</tbody>
</table>
</div>${published ? publishedNote(latest) : ""}`;
}

function publishedNote(latest: Inspection): SafeHtml {
  const inForce = latest.ratings!.after;
  if (inForce.ratings.size + inForce.beside.length === 0)
    return html`<p>The latest grading, published after ${inspectionByDate(latest)}, holds no grades: none is in force.</p>`;
  return html`<p>${latest.framework.inspectorate.shortName}'s published gradings give every grade in force, and not which areas an inspection looked at: an area not listed has no grade in the latest one.</p>`;
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
  const published = lines.every(gradesInForce);
  const intro = hasClosed(organisation)
    ? html`<p>${closedPhrase(organisation)} These were its ratings when it closed: ${published ? "the grades of its latest published grading, each since the first grading of its unbroken run" : "each area's latest judgement, with the inspection it came from"}.</p>`
    : published
      ? html`<p>As at ${formatDay(day)}, the date of the latest report on this site: the grades of its latest published grading, each since the first grading that published it in an unbroken run. A later grading not yet on this site would change them.</p>`
      : html`<p>As at ${formatDay(day)}, the date of the latest report on this site: each area's latest judgement, with the inspection it came from, in the areas of the framework of the latest inspection. A rating stands until its area is judged again; a later report not yet on this site would change it.</p>`;
  return html`${intro}
${lines.map((latest, index) => lineTable(latest, index, organisation))}`;
}
