/**
 * The national picture page and its glimpse on the home page: distributions of latest
 * grades as bar charts with tables, movements since the inspection before, and regions.
 */
import { formatDay } from "../model/dates.ts";
import { plural } from "../model/labels.ts";
import type { AreaDistribution, LineagePicture, NationalPicture } from "../model/national.ts";
import { CHART_WIDTH, chartSvg, textLines, wrapLabel } from "./charts.ts";
import { gradeChip, gradeTone } from "./grade.ts";
import { html, type SafeHtml } from "./html.ts";
import { frameworkUrl, nationalUrl } from "./urls.ts";

function distributionChart(distribution: AreaDistribution, picture: LineagePicture, id: string): SafeHtml {
  const rows = [
    ...distribution.grades.map((item) => ({
      label: item.grade.short,
      count: item.organisations.length,
      tone: gradeTone(item.grade, picture.framework.scale),
    })),
    { label: "Not graded", count: distribution.notGraded.length, tone: "state" },
  ];
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
    `${distribution.area.label}: latest grades`,
    `${description}.`,
    html`${bars}`,
  );
}

function distributionTable(distribution: AreaDistribution, picture: LineagePicture, id: string): SafeHtml {
  const total = picture.latest.length;
  const percent = (count: number) => `${Math.round((count / Math.max(1, total)) * 100)}%`;
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}-table" tabindex="0">
<table class="distribution">
<caption class="visually-hidden" id="${id}-table">${distribution.area.label}: organisations by latest grade</caption>
<thead><tr><th scope="col">Grade</th><th scope="col">Number</th><th scope="col">Share</th></tr></thead>
<tbody>
${distribution.grades.map((item) => html`<tr><th scope="row">${gradeChip(item.grade, picture.framework.scale)}</th><td>${item.organisations.length}</td><td>${percent(item.organisations.length)}</td></tr>`)}
<tr><th scope="row">Not graded in this area</th><td>${distribution.notGraded.length}</td><td>${percent(distribution.notGraded.length)}</td></tr>
</tbody>
</table>
</div>`;
}

function movementTable(
  movement: LineagePicture["movements"][number],
  picture: LineagePicture,
  index: number,
): SafeHtml {
  const id = `${picture.framework.id}-movement-${index}`;
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="movement">
<caption id="${id}">Organisations last inspected under ${movement.framework.shortName}: change since the inspection before</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Improved</th><th scope="col">No change</th><th scope="col">Declined</th><th scope="col">Not compared</th><th scope="col">Different scale</th></tr></thead>
<tbody>${movement.areas.map(
    (area) =>
      html`<tr><th scope="row">${area.area.label}</th><td>${area.counts.improved}</td><td>${area.counts.unchanged}</td><td>${area.counts.declined}</td><td>${area.counts["no-arrow"]}</td><td>${area.notComparable}</td></tr>`,
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
<caption id="${id}">Organisations by region and latest grade for ${area.short}</caption>
<thead><tr><th scope="col">Region</th>${picture.framework.scale.grades.map((grade) => html`<th scope="col">${grade.short}</th>`)}<th scope="col">Not graded</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${row.region}</th>${row.counts.map((count) => html`<td>${count}</td>`)}<td>${row.notGraded}</td></tr>`)}</tbody>
</table>
</div>`;
}

export function nationalPictureSection(picture: NationalPicture): SafeHtml {
  if (picture.lineages.length === 0) return html`<p>There are no graded inspections yet.</p>`;
  return html`<p class="lede">As at ${formatDay(picture.asAt)}: the latest graded inspection of each organisation, and how it changed from the one before.</p>
${picture.lineages.map(
  (lineage) => html`<section aria-labelledby="${lineage.framework.id}-heading">
<h2 id="${lineage.framework.id}-heading">${lineage.inspectorate.shortName}: ${plural(lineage.latest.length, "organisation")}</h2>
<p>Areas as judged under <a href="${frameworkUrl(lineage.framework)}">${lineage.framework.shortName}</a>, in force on that date. Organisations last inspected under an earlier framework are read through the crosswalk; where an area cannot be read across, they count as not graded.</p>
<div class="chart-grid-list">${lineage.distributions.map(
    (
      distribution,
      index,
    ) => html`<figure class="chart-figure" aria-labelledby="${lineage.framework.id}-${index}-caption">
<figcaption id="${lineage.framework.id}-${index}-caption">${distribution.area.label}</figcaption>
${distributionChart(distribution, lineage, `${lineage.framework.id}-${index}`)}
${distributionTable(distribution, lineage, `${lineage.framework.id}-${index}`)}
</figure>`,
  )}</div>
<h3>Change since the inspection before</h3>
${lineage.movements.length ? lineage.movements.map((movement, index) => movementTable(movement, lineage, index)) : html`<p>No organisation has an earlier graded inspection to compare with.</p>`}
${regionTable(lineage)}
</section>`,
)}`;
}

/** For the home page: the headline distribution of the largest lineage. */
export function nationalGlimpse(picture: NationalPicture): SafeHtml {
  const lineage = picture.lineages[0];
  const headline =
    lineage?.distributions.find((distribution) => distribution.area.overall) ?? lineage?.distributions[0];
  if (!lineage || !headline) return html``;
  return html`<p>As at ${formatDay(picture.asAt)}, the latest ${lineage.inspectorate.shortName} grades for ${headline.area.short} across ${plural(lineage.latest.length, "organisation")}:</p>
<ul class="glimpse">${headline.grades.map((item) => html`<li>${gradeChip(item.grade, lineage.framework.scale)} ${item.organisations.length}</li>`)}</ul>
<p><a href="${nationalUrl()}">The national picture</a></p>`;
}
