/**
 * The national picture as at a date, its glimpse on the home page, and the list of dates:
 * distributions of the ratings in force as bar charts with tables and the share good or
 * better in words, movers since the inspection before, and regions. Every picture says the
 * date it is as at and the rule for which inspections count.
 */
import { formatDay } from "../model/dates.ts";
import { plural } from "../model/labels.ts";
import {
  NO_GRADE_REASONS,
  areaBase,
  headlineOf,
  type AreaDistribution,
  type AreaMovement,
  type LineagePicture,
  type MovementGroup,
  type NationalPicture,
  type NoGradeReason,
  type NotComparedReason,
} from "../model/national.ts";
import { countingRule } from "../model/national-dates.ts";
import { UNKNOWN } from "../model/outcomes.ts";
import { seriesFrameworks } from "../model/repeat-inspections.ts";
import { listPhrase } from "../model/sentence.ts";
import { CHART_WIDTH, chartSvg, textLines, wrapLabel } from "./charts.ts";
import { gradeChip, gradeTone } from "./grade.ts";
import { breakable, html, type SafeHtml } from "./html.ts";
import { dataNotes } from "./data-note.ts";
import { percentOf } from "./share.ts";
import { frameworkUrl, nationalChangesUrl, nationalDataUrl, nationalDateUrl, nationalUrl } from "./urls.ts";

export const NO_GRADE_WORDS: Record<NoGradeReason, string> = {
  unknown: "Grade not on this site yet",
  "not-a-grade": "An outcome that is not a grade",
  "never-rated": "Not rated in this area on this site",
  merged: "Made from several earlier areas; not judged since",
  "other-scale": "Graded on another scale, with no declared equivalent",
  "no-longer-judged": "Latest inspection under a framework that no longer judges it",
  "does-not-apply": "Of a kind this area does not apply to",
};

/** The reasons counted among those with no grade: all but `does-not-apply`, whose organisations are left out of the area's base. */
const IN_BASE_REASONS = NO_GRADE_REASONS.filter((reason) => reason !== "does-not-apply");

const NOT_COMPARED_WORDS: Record<NotComparedReason, string> = {
  "not-judged-again": "not judged again",
  "no-grade-published": "no grade published",
  unknown: "grade not known",
  "no-earlier-rating": "no earlier rating",
  "new-area": "new area",
  merged: "merged areas",
  "not-a-grade": "not a grade",
  "no-translation": "no declared equivalent",
};

/** The bars of one distribution: each grade, then grades not known, then no grade for other reasons. */
function distributionRows(distribution: AreaDistribution, picture: LineagePicture) {
  const otherwise = IN_BASE_REASONS.filter((reason) => reason !== "unknown").reduce(
    (sum, reason) => sum + distribution.noGrade[reason].length,
    0,
  );
  return [
    ...distribution.grades.map((item) => ({
      label: item.grade.short,
      count: item.organisations.length,
      tone: gradeTone(item.grade, picture.framework.scale),
    })),
    { label: "Not known", count: distribution.noGrade.unknown.length, tone: "unknown" },
    { label: "No grade", count: otherwise, tone: "state" },
  ];
}

function distributionChart(distribution: AreaDistribution, picture: LineagePicture, id: string): SafeHtml {
  const rows = distributionRows(distribution, picture);
  const max = Math.max(1, ...rows.map((row) => row.count));
  const labelWidth = 96;
  const rowHeight = 26;
  const bars = rows.map((row, index) => {
    const y = index * rowHeight;
    const barWidth = ((CHART_WIDTH - labelWidth - 36) * row.count) / max;
    const middle = y + rowHeight / 2;
    return html`${textLines(wrapLabel(row.label, 13), labelWidth - 6, middle, "end")}<rect class="bar bar-${row.tone}" x="${labelWidth}" y="${y + 4}" width="${barWidth.toFixed(1)}" height="${rowHeight - 8}"/><text x="${(labelWidth + barWidth + 4).toFixed(1)}" y="${middle}" dominant-baseline="middle">${row.count}</text>`;
  });
  const description = rows.map((row) => `${row.label}: ${row.count}`).join("; ");
  return chartSvg(
    id,
    rows.length * rowHeight,
    `${distribution.area.label}: ratings in force`,
    `${description}.`,
    html`${bars}`,
  );
}

/** "Good or better: 40 of 50 organisations with a grade here (80%)", and what the counts leave out. */
export function shareInWords(distribution: AreaDistribution, total: number): string {
  const graded = distribution.grades.reduce((sum, item) => sum + item.organisations.length, 0);
  const parts: string[] = [appliesInWords(distribution, total)].filter((part) => part !== "");
  if (distribution.goodOrBetter && graded > 0) {
    const { count, of } = distribution.goodOrBetter;
    const percent = percentOf(count, of);
    parts.push(
      `Good or better: ${count} of the ${plural(of, "organisation")} with a grade here${percent ? ` (${percent})` : ""}.`,
    );
  } else if (graded === 0) parts.push("No organisation has a grade here.");
  const unknown = distribution.noGrade.unknown.length;
  if (unknown > 0)
    parts.push(
      `${plural(unknown, "organisation")} ${unknown === 1 ? "has" : "have"} a grade not on this site yet, counted apart.`,
    );
  const none = areaBase(distribution, total) - graded - unknown;
  if (none > 0) parts.push(`${none} ${none === 1 ? "has" : "have"} no grade in this area (see the table).`);
  if (distribution.fromCombined > 0)
    parts.push(
      `${distribution.fromCombined} of the grades ${distribution.fromCombined === 1 ? "comes" : "come"} from a combined judgement under an earlier framework.`,
    );
  if (distribution.carried > 0)
    parts.push(
      `${distribution.carried} ${distribution.carried === 1 ? "stands" : "stand"} from an inspection before the organisation's latest, which did not judge this area.`,
    );
  return parts.join(" ");
}

/**
 * For an area that applies only to some kinds of organisation (`appliesTo`), to whom, and
 * how many of the line's organisations are left out of its counts; "" for any other area.
 */
function appliesInWords(distribution: AreaDistribution, total: number): string {
  const kinds = distribution.area.appliesTo;
  const apart = distribution.noGrade["does-not-apply"].length;
  if (!kinds || apart === 0) return "";
  const base = areaBase(distribution, total);
  return `This area applies only to ${listPhrase(kinds)}: ${base} of the ${plural(total, "organisation")} ${base === 1 ? "is" : "are"} counted here, and the other ${apart} left out.`;
}

function distributionTable(distribution: AreaDistribution, picture: LineagePicture, id: string): SafeHtml {
  const total = areaBase(distribution, picture.latest.length);
  const reasons = IN_BASE_REASONS.filter((reason) => distribution.noGrade[reason].length > 0);
  // Shares of the organisations the area applies to, said as such, and none of fewer than twenty.
  const percents = percentOf(0, total) !== null;
  const share = (count: number) => (percents ? html`<td>${percentOf(count, total)}</td>` : "");
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}-table" tabindex="0">
<table class="distribution">
<caption class="visually-hidden" id="${id}-table">${distribution.area.label}: organisations by the rating in force</caption>
<thead><tr><th scope="col">Rating</th><th scope="col">Number</th>${percents ? html`<th scope="col">Share of ${distribution.noGrade["does-not-apply"].length > 0 ? `the ${total} this area applies to` : `all ${total}`}</th>` : ""}</tr></thead>
<tbody>
${distribution.grades.map((item) => html`<tr><th scope="row">${gradeChip(item.grade, picture.framework.scale)}</th><td>${item.organisations.length}</td>${share(item.organisations.length)}</tr>`)}
${reasons.map((reason) => html`<tr><th scope="row">${NO_GRADE_WORDS[reason]}</th><td>${distribution.noGrade[reason].length}</td>${share(distribution.noGrade[reason].length)}</tr>`)}
</tbody>
</table>
</div>`;
}

function notComparedCell(movement: AreaMovement): SafeHtml {
  const entries = (Object.entries(movement.notCompared) as [NotComparedReason, number][]).filter(
    ([, count]) => count > 0,
  );
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (entries.length === 0) return html`0`;
  return html`${total}<span class="row-note"> ${listPhrase(entries.map(([reason, count]) => `${count} ${NOT_COMPARED_WORDS[reason]}`))}</span>`;
}

function movementTable(movement: MovementGroup, picture: LineagePicture, index: number): SafeHtml {
  const id = `${picture.framework.id}-movement-${index}`;
  const first = movement.firstInspections
    ? html`<p>Of these ${plural(movement.organisations, "organisation")} last inspected under ${movement.framework.shortName}, ${movement.firstInspections} had no earlier inspection on this site to compare with, and ${movement.firstInspections === 1 ? "is" : "are"} not counted in the table above.</p>`
    : "";
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="movement">
<caption id="${id}">${plural(movement.organisations, "organisation")} last inspected under ${movement.framework.shortName}: change at that inspection, from the ratings in force before it</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Improved</th><th scope="col">No change</th><th scope="col">Declined</th><th scope="col">Not compared, and why</th><th scope="col">Different scale</th></tr></thead>
<tbody>${movement.areas.map(
    (area) =>
      html`<tr><th scope="row">${breakable(area.area.label)}</th><td>${area.counts.improved}</td><td>${area.counts.unchanged}</td><td>${area.counts.declined}</td><td>${notComparedCell(area)}</td><td>${area.differentScale}</td></tr>`,
  )}</tbody>
</table>
</div>
${first}`;
}

/** Ofsted's own measure: the organisations inspected twice or more in the series, latest against the one before. */
function repeatTable(picture: LineagePicture): SafeHtml {
  const tally = picture.repeatInspections;
  if (!tally) return html``;
  const counts = [...tally.counts.values()];
  const organisations = counts[0]?.organisations ?? 0;
  const frameworks = listPhrase(seriesFrameworks(picture.framework).map((framework) => framework.shortName));
  const id = `${picture.framework.id}-repeat`;
  const rule = html`<p><strong>Rule of this table:</strong> as official statistics count. Only inspections under ${frameworks} count, placed by the end of the visit (whatever the rule above), and only organisations inspected twice or more under them: the latest inspection is compared with the one before it, grade with grade; where either gave no grade in an area, it is not compared.</p>`;
  if (organisations === 0)
    return html`<h3>Inspected twice or more</h3>
${rule}
<p>No organisation has two such inspections by this date.</p>`;
  return html`<h3>Inspected twice or more</h3>
${rule}
<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="movement">
<caption id="${id}">${plural(organisations, "organisation")} inspected twice or more under ${frameworks} by this date: the latest inspection against the one before</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Improved</th><th scope="col">Stayed good or better</th><th scope="col">Declined</th><th scope="col">Stayed below good</th><th scope="col">Not compared</th></tr></thead>
<tbody>${counts.map(
    (count) =>
      html`<tr><th scope="row">${breakable(count.area.label)}</th><td>${count.outcomes.improved}</td><td>${count.outcomes["stayed-good-or-better"]}</td><td>${count.outcomes.declined}</td><td>${count.outcomes["stayed-below-good"]}</td><td>${count.outcomes["not-compared"]}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}

function regionTable(picture: LineagePicture): SafeHtml {
  if (!picture.byRegion) return html``;
  const { area, rows } = picture.byRegion;
  const id = `${picture.framework.id}-regions`;
  return html`<h3>By region: ${area.label}</h3>
<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="regions">
<caption id="${id}">Organisations by region and the rating in force for ${area.short}</caption>
<thead><tr><th scope="col">Region</th>${picture.framework.scale.grades.map((grade) => html`<th scope="col">${breakable(grade.short)}</th>`)}<th scope="col">No grade or not known</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${breakable(row.region)}</th>${row.counts.map((count) => html`<td>${count}</td>`)}<td>${row.noGrade}</td></tr>`)}</tbody>
</table>
</div>`;
}

function lineageSection(lineage: LineagePicture): SafeHtml {
  const id = lineage.framework.id;
  const total = lineage.latest.length;
  return html`<section aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${lineage.inspectorate.shortName}: ${plural(total, "organisation")}</h2>
${dataNotes([lineage.inspectorate])}<p>Areas as judged under <a href="${frameworkUrl(lineage.framework)}">${lineage.framework.shortName}</a>, the framework in force on that date, and any area it no longer judges, with the grades given before it. Each organisation's rating in each area is the latest judgement of it: an area its latest inspection did not judge keeps the rating it had. Ratings from an earlier framework are read through the crosswalk; where an area cannot be read across, or its grade is not on this site, it is counted apart, never as a grade.</p>
<div class="chart-grid-list">${lineage.distributions.map(
    (distribution, index) => html`<figure class="chart-figure" aria-labelledby="${id}-${index}-caption">
<figcaption id="${id}-${index}-caption">${distribution.area.label}${distribution.noLongerJudgedIn ? html` <span class="row-note">(no longer judged under ${distribution.noLongerJudgedIn.shortName}: each organisation's grade from its inspections before it)</span>` : ""}</figcaption>
${distributionChart(distribution, lineage, `${id}-${index}`)}
<p class="share">${shareInWords(distribution, total)}</p>
${distributionTable(distribution, lineage, `${id}-${index}`)}
</figure>`,
  )}</div>
<h3>Change at the latest inspection</h3>
<p><strong>Rule of these tables:</strong> this site's. Each organisation's latest inspection counted by the rule above, of any framework of this line, compared area by area with the ratings in force before it, as its explainer compares them.</p>
${lineage.movements.map((movement, index) => movementTable(movement, lineage, index))}
${repeatTable(lineage)}
${regionTable(lineage)}
</section>`;
}

/** The picture as at one date: when, by what rule, and each inspectorate's line of frameworks. */
export function nationalPictureSection(picture: NationalPicture, withData = true): SafeHtml {
  const when = picture.asAt ? formatDay(picture.asAt) : "no date";
  if (picture.lineages.length === 0)
    return html`<p class="lede">As at ${when}: no graded inspection counts yet.</p>
<p>${countingRule(picture.countBy)}</p>`;
  return html`<p class="lede">As at ${when}: the rating in force in every area of each organisation, and how it changed at its latest inspection.</p>
<p class="counting-rule"><strong>Which inspections count:</strong> ${countingRule(picture.countBy)} Later reports are not in this picture.</p>
${withData ? html`<p>The same figures as data: <a href="${nationalDataUrl(picture.asAt)}">${nationalDataUrl(picture.asAt).split("/").pop()}</a>.</p>\n` : ""}${picture.lineages.map(lineageSection)}`;
}

/** Links to the picture as at every date, and to how it changed. */
export function nationalDatesNav(pictures: readonly NationalPicture[], current?: string): SafeHtml {
  if (pictures.length === 0) return html``;
  const last = pictures[pictures.length - 1]!.asAt;
  return html`<nav class="dates-nav" aria-label="The national picture as at other dates">
<p>The national picture as at:</p>
<ul class="inline-list">${pictures.map((picture) => {
    const label = `${formatDay(picture.asAt)}${picture.asAt === last ? " (latest)" : ""}`;
    return picture.asAt === current
      ? html`<li><span aria-current="page">${label}</span></li>`
      : html`<li><a href="${nationalDateUrl(picture.asAt)}">${label}</a></li>`;
  })}</ul>
<p><a href="${nationalChangesUrl()}">How the picture changed across these dates</a></p>
</nav>`;
}

/** For the home page: the headline distribution of the largest lineage. */
export function nationalGlimpse(picture: NationalPicture): SafeHtml {
  const lineage = picture.lineages[0];
  const headline = lineage && headlineOf(lineage.distributions);
  if (!lineage || !headline) return html``;
  return html`<p>As at ${formatDay(picture.asAt)}, the ${lineage.inspectorate.shortName} ratings in force for ${headline.area.short} across ${plural(lineage.latest.length, "organisation")}:</p>
<ul class="glimpse">${headline.grades.map((item) => html`<li>${gradeChip(item.grade, lineage.framework.scale)} ${item.organisations.length}</li>`)}${headline.noGrade.unknown.length ? html`<li>${gradeChip(UNKNOWN, lineage.framework.scale)} ${headline.noGrade.unknown.length}</li>` : ""}</ul>
<p>${shareInWords(headline, lineage.latest.length)}</p>
<p><a href="${nationalUrl()}">The national picture</a></p>`;
}
